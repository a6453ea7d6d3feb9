"use client";

import dynamic from "next/dynamic";
import { ChartsLoading } from "@/components/monitoring/charts-loading";

/** The distribution chart, its code (Recharts) fetched after first paint; the numbers beside it don't wait. */
export const FeatureHistogram = dynamic(() => import("./histogram-chart").then((module) => module.HistogramChart), {
  ssr: false,
  loading: () => <ChartsLoading count={1} />,
});
