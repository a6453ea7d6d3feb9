/**
 * Chart axis ticks that do not mislead: distinct values at round steps, labelled with just the
 * precision that tells them apart (no "0.3333 h", no "12-05, 12-05, 12-05").
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
];

/** Ticks from 0 to at least `max` at a round step (1, 2, 2.5 or 5 x 10^n), about `count` of them. */
export function valueTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Labels of value ticks with as many decimals as their step needs, so two ticks never read the same. */
export function formatValueTicks(ticks: readonly number[]): string[] {
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9) + (isQuarterStep(step) ? 1 : 0)));
  return ticks.map((tick) => tick.toFixed(decimals));
}

function isQuarterStep(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  return Math.abs(mantissa - 2.5) < 1e-9;
}

/** Time ticks inside [from, to] at a round UTC step, about `count` of them. */
export function timeTicks(from: number, to: number, count = 6): number[] {
  const span = Math.max(MINUTE, to - from);
  const step = TIME_STEPS.find((candidate) => candidate >= span / count) ?? TIME_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * Labels of time ticks (UTC) showing only what differs: the time of day when they share a date,
 * the date when they are whole days apart, both otherwise ("12-05 06:00").
 */
export function formatTimeTicks(ticks: readonly number[]): string[] {
  const iso = ticks.map((tick) => new Date(tick).toISOString());
  const oneDate = new Set(iso.map((text) => text.slice(0, 10))).size <= 1;
  const wholeDays = iso.every((text) => text.slice(11, 16) === "00:00") && ticks.length > 1;
  return iso.map((text) => {
    if (oneDate) return text.slice(11, 16);
    if (wholeDays) return text.slice(5, 10);
    return `${text.slice(5, 10)} ${text.slice(11, 16)}`;
  });
}

/** Props for a chart's time axis: the ticks and their labels (Recharts `ticks` + `tickFormatter`). */
export function timeAxis(from: number, to: number): { ticks: number[]; tickFormatter: (tick: number) => string } {
  const ticks = timeTicks(from, to);
  const labels = new Map(ticks.map((tick, i) => [tick, formatTimeTicks(ticks)[i]!]));
  return { ticks, tickFormatter: (tick) => labels.get(tick) ?? formatTimeTicks([tick])[0]! };
}

/** Props for a value axis from 0 to at least `max`: the ticks, the domain and their labels. */
export function valueAxis(max: number): {
  ticks: number[];
  domain: [number, number];
  tickFormatter: (tick: number) => string;
} {
  const ticks = valueTicks(max);
  const labels = new Map(ticks.map((tick, i) => [tick, formatValueTicks(ticks)[i]!]));
  return { ticks, domain: [0, ticks.at(-1)!], tickFormatter: (tick) => labels.get(tick) ?? String(tick) };
}
