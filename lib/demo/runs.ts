import { latest, type DemoCatalog, type DemoEnvName } from "@/lib/demo/catalog";
import { parseDuration } from "@/lib/duration";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { mulberry32, seedFrom } from "@/lib/demo/random";
import { DAY_MS, HISTORY_DAYS, HOUR_MS } from "@/lib/demo/incidents";
import { round } from "@/lib/demo/distributions";

/* Materialization runs for the demo history: schedules, stream checkpoints, broken pipelines. */

export interface DemoRun {
  view: string;
  env: DemoEnvName;
  status: "success" | "failed" | "running";
  startedAt: number;
  endedAt: number | null;
  rowsWritten: number | null;
  watermark: number | null;
  computeSeconds: number | null;
  cost: number | null;
}

const STREAM_CHECKPOINT_SECONDS = 900;

export const ENTITY_ROWS: Record<string, number> = {
  user: 4_200_000,
  merchant: 185_000,
  card: 6_400_000,
  driver: 96_000,
  product: 1_250_000,
  region: 340,
};

const COST_PER_SECOND: Record<string, number> = {
  snowflake: 0.0011,
  bigquery: 0.0008,
  postgres: 0.0002,
  s3_parquet: 0.0005,
  kafka: 0.0003,
  kinesis: 0.0003,
  pubsub: 0.0003,
};

function breakage(view: string, now: number): ((scheduledAt: number) => "skip" | "fail" | null) | null {
  switch (view) {
    // A warehouse permission change: every run for ~3.5 days failed.
    case "merchant_risk_stats":
      return (at) => (at >= now - 3.6 * DAY_MS ? "fail" : null);
    // The Airflow DAG was paused during a migration 44 hours ago and never resumed.
    case "driver_rating_stats":
      return (at) => (at >= now - 44 * HOUR_MS ? "skip" : null);
    // An upstream schema change broke the job five days ago.
    case "category_affinity":
      return (at) => (at >= now - 5.2 * DAY_MS ? "fail" : null);
    default:
      return null;
  }
}

export function generateRuns(catalog: DemoCatalog, now: Date): DemoRun[] {
  const nowMs = now.getTime();
  const platformOf = new Map(catalog.dataSources.map((source) => [source.name, latest(source).platform]));
  const runs: DemoRun[] = [];
  const plans: { env: DemoEnvName; batchDays: number; streamDays: number }[] = [
    { env: "prod", batchDays: HISTORY_DAYS, streamDays: HISTORY_DAYS },
    { env: "staging", batchDays: 3, streamDays: 1 },
  ];
  for (const plan of plans) {
    for (const object of catalog.featureViews) {
      const version = object.active[plan.env];
      if (version === null) continue;
      const view = object.versions[version - 1]!.definition;
      if (view.kind === "on_demand") continue;
      const isStream = view.kind === "stream";
      const period = isStream ? STREAM_CHECKPOINT_SECONDS : parseDuration(view.schedule ?? "1d")!;
      if (plan.env === "staging" && !isStream && period < 3600) continue;
      const random = mulberry32(seedFrom(`${plan.env}:${view.name}:runs`));
      const periodMs = period * 1000;
      // Daily jobs start at a per-view time in the early hours, hourly ones a few minutes past.
      const offsetMs = isStream ? 0 : Math.floor((random() * Math.min(periodMs / 4, 3 * HOUR_MS)) / 300_000) * 300_000;
      const from = nowMs - (isStream ? plan.streamDays : plan.batchDays) * DAY_MS;
      const broken = plan.env === "prod" ? breakage(view.name, nowMs) : null;
      const rowsBase = rowsPerRun(view, period);
      const rate = COST_PER_SECOND[platformOf.get(view.sources[0] ?? "") ?? ""] ?? 0.0005;
      const first = Math.floor((nowMs - offsetMs) / periodMs) * periodMs + offsetMs;
      for (let at = first; at >= from; at -= periodMs) {
        const fate = broken?.(at) ?? null;
        if (fate === "skip") continue;
        let startedAt: number;
        let durationMs: number;
        if (isStream) {
          startedAt = at;
          durationMs = periodMs - Math.floor(5_000 + random() * 25_000);
        } else {
          startedAt = at + Math.floor(random() * Math.min(0.05 * periodMs, 300_000));
          durationMs = Math.floor(batchDurationSeconds(period, random) * 1000);
        }
        if (startedAt > nowMs) continue;
        const endedAt = startedAt + durationMs;
        const workers = isStream ? 4 : period >= DAY_MS / 1000 ? 16 : 4;
        if (endedAt > nowMs) {
          runs.push({
            view: view.name,
            env: plan.env,
            status: "running",
            startedAt,
            endedAt: null,
            rowsWritten: null,
            watermark: null,
            computeSeconds: null,
            cost: null,
          });
          continue;
        }
        const failed = fate === "fail" || random() < (isStream ? 0.003 : 0.025);
        const computeSeconds = round((durationMs / 1000) * workers * (failed ? 0.4 : 1) * (0.9 + 0.2 * random()), 1);
        const cost = round(computeSeconds * rate, 4);
        if (failed) {
          runs.push({
            view: view.name,
            env: plan.env,
            status: "failed",
            startedAt,
            endedAt: startedAt + Math.floor(durationMs * 0.4),
            rowsWritten: null,
            watermark: null,
            computeSeconds,
            cost,
          });
          continue;
        }
        const lagMs = isStream ? 20_000 + random() * 70_000 : 120_000 + random() * 480_000;
        runs.push({
          view: view.name,
          env: plan.env,
          status: "success",
          startedAt,
          endedAt,
          rowsWritten: Math.max(1, Math.round(rowsBase * (0.85 + 0.3 * random()) * diurnal(startedAt, 0.5))),
          watermark: Math.floor(endedAt - lagMs),
          computeSeconds,
          cost,
        });
      }
    }
  }
  return runs.sort((left, right) => left.startedAt - right.startedAt);
}

function rowsPerRun(view: FeatureViewDefinition, periodSeconds: number): number {
  const entities = view.entities.map((name) => ENTITY_ROWS[name] ?? 100_000);
  let rows = entities.reduce((product, value) => product * Math.min(value, 3_000), 1);
  if (entities.length === 1) rows = entities[0]!;
  // Short schedules only rewrite the entities that changed since the last run.
  if (periodSeconds < 86_400) rows *= Math.max(0.02, periodSeconds / 86_400);
  return Math.max(rows, 50);
}

function batchDurationSeconds(period: number, random: () => number): number {
  if (period >= 86_400) return 480 + random() * 1_500;
  if (period >= 21_600) return 240 + random() * 600;
  if (period >= 3_600) return 60 + random() * 240;
  return 40 + random() * 160;
}

/** Traffic shape over the UTC day, peaking in the evening: between 1 - depth and 1. */
export function diurnal(atMs: number, depth: number): number {
  const hour = (atMs % DAY_MS) / HOUR_MS;
  return 1 - depth * (0.5 + 0.5 * Math.cos((2 * Math.PI * (hour - 18)) / 24));
}
