"use client";

import type { ComponentProps } from "react";
import { CartesianGrid, XAxis } from "recharts";

/* What the time-series charts of the monitoring pages share, written once. */

export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };

export const chartGrid = <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />;

/** Series props: no dots and no animation (a day is 1,440 points). */
export const LINE_DEFAULTS = { dot: false, isAnimationActive: false } as const;

/** The x axis of a time series whose points carry `t` (epoch milliseconds). */
export function timeAxis(domain: ComponentProps<typeof XAxis>["domain"], tickFormatter: (t: number) => string) {
  return <XAxis dataKey="t" type="number" scale="time" domain={domain} tickFormatter={tickFormatter} fontSize={11} />;
}
