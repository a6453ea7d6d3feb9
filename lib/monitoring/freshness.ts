import { parseDuration } from "@/lib/duration";

export type FeatureViewKind = "batch" | "stream" | "on_demand";
export type FreshnessStatus = "fresh" | "stale" | "unknown";
export type RunStatus = "running" | "success" | "failed";

/** Durations in seconds, or as written in a definition ("1d", "86400s"). */
export type DurationInput = number | string | null | undefined;

export type FreshnessSlaInput = {
  kind: FeatureViewKind;
  scheduleSeconds?: DurationInput;
  slideIntervalSeconds?: DurationInput;
  freshnessSlaSeconds?: DurationInput;
};

export type MaterializationRunTiming = {
  status: RunStatus;
  endedAt: Date | null;
  watermark: Date | null;
};

export type MaterializationRunCost = {
  startedAt: Date;
  cost: number | null;
  computeSeconds: number | null;
};

export type StalenessPoint = { at: Date; stalenessSeconds: number | null };
export type DailyCost = { day: string; cost: number; computeSeconds: number; runCount: number };

/** Keeps a mistyped step from building millions of chart points. */
const MAX_SERIES_POINTS = 10_000;

/**
 * Seconds between now and the newest event time materialised. Null means never materialised:
 * there is no age to show, and Infinity would serialise to null in JSON anyway. A watermark
 * ahead of now (clock skew between platform and app) counts as 0, not as negative staleness.
 */
export function stalenessSeconds(now: Date, watermark: Date | null): number | null {
  if (watermark === null) return null;
  return Math.max(0, (now.getTime() - watermark.getTime()) / 1000);
}

/**
 * A view's freshness SLA in seconds: an explicit override wins, else twice the slide interval
 * for stream views (falling back to the schedule) and twice the schedule for batch views.
 * On-demand views compute at request time, so they have none (null); neither does a view with
 * nothing to derive one from.
 */
export function freshnessSlaSeconds(view: FreshnessSlaInput): number | null {
  if (view.kind === "on_demand") return null;
  const override = toSeconds(view.freshnessSlaSeconds, "freshness SLA");
  if (override !== null) return override;
  const slideInterval = toSeconds(view.slideIntervalSeconds, "slide interval");
  if (view.kind === "stream" && slideInterval !== null) return 2 * slideInterval;
  const schedule = toSeconds(view.scheduleSeconds, "schedule");
  return schedule === null ? null : 2 * schedule;
}

export function freshnessStatus(staleness: number | null, slaSeconds: number | null): FreshnessStatus {
  if (staleness === null || slaSeconds === null) return "unknown";
  return staleness > slaSeconds ? "stale" : "fresh";
}

/**
 * Staleness at every step from `from` to `to` (inclusive): the time minus the newest watermark
 * of a successful run that had ended by then. Watermarks only count once their run ends,
 * because until then the data is not readable. Null before any such run.
 */
export function stalenessSeries(
  runs: readonly MaterializationRunTiming[],
  from: Date,
  to: Date,
  stepSeconds: number,
): StalenessPoint[] {
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) {
    throw new RangeError(`step must be a positive number of seconds (got ${stepSeconds})`);
  }
  const span = to.getTime() - from.getTime();
  if (Number.isNaN(span) || span < 0) throw new RangeError("the series must start before it ends");
  const stepMs = stepSeconds * 1000;
  if (Math.floor(span / stepMs) + 1 > MAX_SERIES_POINTS) {
    throw new RangeError(`at most ${MAX_SERIES_POINTS} points per series; use a longer step`);
  }
  const landed = runs
    .filter(
      (run): run is MaterializationRunTiming & { endedAt: Date; watermark: Date } =>
        run.status === "success" && run.endedAt !== null && run.watermark !== null,
    )
    .sort((left, right) => left.endedAt.getTime() - right.endedAt.getTime());

  const points: StalenessPoint[] = [];
  let next = 0;
  let newestWatermark: Date | null = null;
  for (let at = from.getTime(); at <= to.getTime(); at += stepMs) {
    // Runs can backfill old data, so the newest watermark is a running max, not the last run's.
    while (next < landed.length && landed[next]!.endedAt.getTime() <= at) {
      const { watermark } = landed[next]!;
      if (newestWatermark === null || watermark > newestWatermark) newestWatermark = watermark;
      next++;
    }
    const time = new Date(at);
    points.push({ at: time, stalenessSeconds: stalenessSeconds(time, newestWatermark) });
  }
  return points;
}

/** Cost and compute seconds per UTC day of the runs' start, oldest day first. */
export function costPerDay(runs: readonly MaterializationRunCost[]): DailyCost[] {
  const days = new Map<string, DailyCost>();
  for (const run of runs) {
    const day = run.startedAt.toISOString().slice(0, 10);
    const total = days.get(day) ?? { day, cost: 0, computeSeconds: 0, runCount: 0 };
    total.cost += run.cost ?? 0;
    total.computeSeconds += run.computeSeconds ?? 0;
    total.runCount += 1;
    days.set(day, total);
  }
  return [...days.values()].sort((left, right) => left.day.localeCompare(right.day));
}

function toSeconds(value: DurationInput, what: string): number | null {
  if (value === null || value === undefined) return null;
  const seconds = typeof value === "string" ? parseDuration(value) : value;
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) {
    throw new RangeError(`${what} must be a positive duration (got ${JSON.stringify(value)})`);
  }
  return seconds;
}
