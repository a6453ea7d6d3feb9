import { z } from "zod";
import { STATISTIC_NAMES, type StatisticName } from "@/lib/monitoring/stats";

/** Items per ingestion request; a whole batch is validated and written as one. */
export const MAX_BATCH_ITEMS = 10_000;
/** Ingestion bodies above this answer 413 (10,000 serving points are about 2.5 MB). */
export const INGEST_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
/** Who may ingest: API tokens with the `ingest` scope, or signed-in authors and above. */
export const INGEST_ACCESS = { role: "author", scope: "ingest" } as const;
/** Raw serving buckets are one minute wide; hourly and daily rows are rollups. */
export const RAW_BUCKET_SECONDS = 60;

const name = z.string().trim().min(1, "Required").max(200);
/** An object name as ingestion items give it (trimmed, 1 to 200 characters). */
export const ingestNameSchema = name;
const timestamp = z.iso
  .datetime({ offset: true, message: "Expected an ISO 8601 date-time, e.g. 2025-01-15T12:00:00Z" })
  .transform((value) => new Date(value));
/** An ISO 8601 date-time with offset, parsed to a Date. */
export const ingestTimestampSchema = timestamp;
const nonNegative = z.number().finite().nonnegative();
const count = z.number().int("Expected a whole number").nonnegative().max(2_000_000_000);

/**
 * Cross-field rules run only on items whose fields all parsed: otherwise a rule would read a
 * missing or mistyped field (a TypeError, then a 500) and repeat what the field error says.
 */
const WHEN_FIELDS_VALID = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

function batchOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z
      .array(item)
      .min(1, "Send at least one item")
      .max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS.toLocaleString("en")} items per request`),
  });
}

// ---------------------------------------------------------------- materialization runs

export const materializationRunItemSchema = z
  .object({
    featureView: name.describe("Feature view name"),
    environment: name.describe("Environment name (dev, staging, prod)"),
    status: z.enum(["running", "success", "failed"]),
    startedAt: timestamp,
    endedAt: timestamp.nullish(),
    rowsWritten: count.nullish(),
    watermark: timestamp.nullish().describe("Newest event time the run made available"),
    computeSeconds: nonNegative.nullish(),
    cost: nonNegative.nullish().describe("Cost of the run in the platform's currency"),
  })
  .superRefine((run, context) => {
    if (run.endedAt && run.endedAt < run.startedAt) {
      context.addIssue({ code: "custom", path: ["endedAt"], message: "Must not be before startedAt" });
    }
    if (run.status !== "running" && !run.endedAt) {
      context.addIssue({ code: "custom", path: ["endedAt"], message: `Required when status is ${run.status}` });
    }
    if (run.status === "success" && !run.watermark) {
      context.addIssue({ code: "custom", path: ["watermark"], message: "Required when status is success" });
    }
  }, WHEN_FIELDS_VALID);
export const materializationRunBatchSchema = batchOf(materializationRunItemSchema);
export type MaterializationRunItem = z.infer<typeof materializationRunItemSchema>;

// ---------------------------------------------------------------- serving metrics

const latencyHistogramSchema = z
  .object({
    edgesMs: z.array(z.number().nonnegative()).min(2).max(200),
    counts: z.array(nonNegative).min(1).max(199),
  })
  .superRefine((histogram, context) => {
    if (histogram.edgesMs.length !== histogram.counts.length + 1) {
      context.addIssue({ code: "custom", path: ["edgesMs"], message: "Needs exactly one more edge than counts" });
    }
    for (let i = 1; i < histogram.edgesMs.length; i++) {
      if (!(histogram.edgesMs[i]! > histogram.edgesMs[i - 1]!)) {
        context.addIssue({ code: "custom", path: ["edgesMs", i], message: "Edges must be strictly increasing" });
        return;
      }
    }
  }, WHEN_FIELDS_VALID);

export const servingMetricItemSchema = z
  .object({
    featureService: name.describe("Feature service name"),
    environment: name,
    bucketStart: timestamp.describe("Start of the one-minute bucket, on a whole minute"),
    bucketSeconds: z.literal(RAW_BUCKET_SECONDS).default(RAW_BUCKET_SECONDS),
    requestCount: count,
    errorCount: count,
    p50Ms: nonNegative.optional(),
    p95Ms: nonNegative.optional(),
    p99Ms: nonNegative.optional(),
    histogram: latencyHistogramSchema.optional().describe("Latency histogram; the percentiles are derived from it"),
    viewTimings: z
      .record(name, nonNegative)
      .optional()
      .describe("p99 milliseconds of each feature view's lookup, by feature view name"),
  })
  .superRefine((metric, context) => {
    if (metric.bucketStart.getTime() % (RAW_BUCKET_SECONDS * 1000) !== 0) {
      context.addIssue({ code: "custom", path: ["bucketStart"], message: "Must be on a whole minute" });
    }
    if (metric.errorCount > metric.requestCount) {
      context.addIssue({ code: "custom", path: ["errorCount"], message: "Must not exceed requestCount" });
    }
    const percentiles = [metric.p50Ms, metric.p95Ms, metric.p99Ms];
    const given = percentiles.filter((value) => value !== undefined).length;
    if (!metric.histogram && given !== 3) {
      context.addIssue({ code: "custom", path: ["p99Ms"], message: "Send p50Ms, p95Ms and p99Ms, or a histogram" });
    }
    if (given === 3 && !(metric.p50Ms! <= metric.p95Ms! && metric.p95Ms! <= metric.p99Ms!)) {
      context.addIssue({ code: "custom", path: ["p95Ms"], message: "Percentiles must satisfy p50 <= p95 <= p99" });
    }
  }, WHEN_FIELDS_VALID);
export const servingMetricBatchSchema = batchOf(servingMetricItemSchema);
export type ServingMetricItem = z.infer<typeof servingMetricItemSchema>;

// ---------------------------------------------------------------- profiles

export const profileItemSchema = z
  .object({
    featureView: name,
    feature: name,
    environment: name,
    source: z.enum(["offline", "online"]),
    windowStart: timestamp,
    windowEnd: timestamp,
    binEdges: z.array(z.number().finite()).max(1001).optional().describe("Numeric profiles: one more edge than counts"),
    categories: z.array(z.string().max(200)).max(1000).optional().describe("Categorical profiles"),
    counts: z.array(nonNegative).min(1).max(1000),
    count: count,
    nullCount: count.default(0),
    mean: z.number().finite().nullish(),
    std: z.number().finite().nonnegative().nullish(),
    min: z.number().finite().nullish(),
    max: z.number().finite().nullish(),
    quantiles: z.record(z.string().max(20), z.number().finite()).nullish(),
    savedDataset: name.optional().describe("Saved dataset this offline profile describes (a drift baseline)"),
  })
  .superRefine((profile, context) => {
    if (profile.windowEnd <= profile.windowStart) {
      context.addIssue({ code: "custom", path: ["windowEnd"], message: "Must be after windowStart" });
    }
    const hasEdges = profile.binEdges !== undefined && profile.binEdges.length > 0;
    const hasCategories = profile.categories !== undefined && profile.categories.length > 0;
    if (hasEdges === hasCategories) {
      context.addIssue({
        code: "custom",
        path: ["binEdges"],
        message: "Send binEdges (numeric) or categories (categorical)",
      });
      return;
    }
    if (hasEdges && profile.binEdges!.length !== profile.counts.length + 1) {
      context.addIssue({ code: "custom", path: ["binEdges"], message: "Needs exactly one more edge than counts" });
    }
    if (hasEdges && profile.binEdges!.some((edge, i) => i > 0 && !(edge > profile.binEdges![i - 1]!))) {
      context.addIssue({ code: "custom", path: ["binEdges"], message: "Edges must be strictly increasing" });
    }
    if (hasCategories && profile.categories!.length !== profile.counts.length) {
      context.addIssue({ code: "custom", path: ["categories"], message: "Needs as many categories as counts" });
    }
    if (hasCategories && new Set(profile.categories).size !== profile.categories!.length) {
      context.addIssue({ code: "custom", path: ["categories"], message: "Categories must be unique" });
    }
    if (profile.savedDataset && profile.source !== "offline") {
      context.addIssue({
        code: "custom",
        path: ["savedDataset"],
        message: "Only offline profiles describe a saved dataset",
      });
    }
  }, WHEN_FIELDS_VALID);
export const profileBatchSchema = batchOf(profileItemSchema);
export type ProfileItem = z.infer<typeof profileItemSchema>;

export const ingestResultSchema = z.object({
  accepted: z.number().describe("Items written (a replayed Idempotency-Key answers the first response)"),
  kind: z.enum(["materialization_runs", "serving_metrics", "profiles"]),
  rollups: z.object({ hourly: z.number(), daily: z.number() }).optional(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

// ---------------------------------------------------------------- dashboards

export const TIME_RANGES = ["1h", "24h", "7d", "30d", "custom"] as const;
export type TimeRangeName = (typeof TIME_RANGES)[number];

export const rangeQuerySchema = z.object({
  range: z.enum(TIME_RANGES).default("24h"),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  env: z.string().trim().min(1).max(100).optional().describe("Environment name (default: the current one)"),
});
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

export const alertListQuerySchema = z.object({
  state: z.enum(["open", "acknowledged", "snoozed", "firing", "resolved", "all"]).default("open"),
  env: z.string().trim().min(1).max(100).optional(),
  objectKind: z.enum(["feature_view", "feature", "feature_service", "model"]).optional(),
  objectId: z.string().trim().min(1).max(64).optional(),
});

export const worstFeaturesQuerySchema = rangeQuerySchema.pick({ env: true }).extend({
  service: z.string().trim().min(1).max(64).optional().describe("Feature service id"),
  model: z.string().trim().min(1).max(64).optional().describe("Model id"),
});

// ---------------------------------------------------------------- thresholds and rules

const thresholdValue = z.coerce.number().finite("Enter a number").min(0, "Must be at least 0");

export const thresholdOverrideSchema = z
  .object({
    statistic: z.enum(STATISTIC_NAMES as [StatisticName, ...StatisticName[]]),
    warn: thresholdValue,
    alert: thresholdValue,
  })
  .superRefine((threshold, context) => {
    const isLowerWorse = threshold.statistic === "chi2PValue";
    const isOrdered = isLowerWorse ? threshold.warn >= threshold.alert : threshold.warn <= threshold.alert;
    if (!isOrdered) {
      context.addIssue({
        code: "custom",
        path: ["alert"],
        message: isLowerWorse ? "The alert p-value must be at most the warn p-value" : "Alert must be at least warn",
      });
    }
  }, WHEN_FIELDS_VALID);

export const thresholdFormSchema = z.object({
  featureId: z.string().trim().min(1).max(64),
  thresholds: z.array(thresholdOverrideSchema).max(STATISTIC_NAMES.length),
  /** Statistics whose override is removed (back to the default). */
  reset: z.array(z.enum(STATISTIC_NAMES as [StatisticName, ...StatisticName[]])).default([]),
});
export type ThresholdFormInput = z.infer<typeof thresholdFormSchema>;

export const MONITOR_KINDS = ["freshness", "latency_p99", "error_rate", "statistic"] as const;

export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the rule a name").max(120),
    kind: z.enum(MONITOR_KINDS),
    /** The watched object's name (a feature as `view:feature`); empty: every object of the kind. */
    object: z
      .string()
      .trim()
      .max(400)
      .optional()
      .transform((value) => value || undefined),
    statistic: z.enum(STATISTIC_NAMES as [StatisticName, ...StatisticName[]]).optional(),
    threshold: z
      .union([z.literal(""), z.coerce.number().finite().positive("Must be positive")])
      .optional()
      .transform((value) => (value === "" || value === undefined ? undefined : value)),
  })
  .superRefine((rule, context) => {
    if (rule.kind === "statistic" && !rule.statistic) {
      context.addIssue({ code: "custom", path: ["statistic"], message: "Choose a statistic" });
    }
    if (rule.kind === "error_rate" && rule.threshold !== undefined && rule.threshold > 1) {
      context.addIssue({ code: "custom", path: ["threshold"], message: "An error rate is a fraction between 0 and 1" });
    }
  }, WHEN_FIELDS_VALID);
export type RuleInput = z.infer<typeof ruleInputSchema>;

/** An edit keeps the rule's kind; the rest is as on creation. */
export const ruleUpdateSchema = z.object({
  name: z.string().trim().min(1, "Give the rule a name").max(120),
  object: z
    .string()
    .trim()
    .max(400)
    .optional()
    .transform((value) => value || undefined),
  statistic: z.enum(STATISTIC_NAMES as [StatisticName, ...StatisticName[]]).optional(),
  threshold: z
    .union([z.literal(""), z.coerce.number().finite().positive("Must be positive")])
    .optional()
    .transform((value) => (value === "" || value === undefined ? undefined : value)),
});

export const ruleObjectQuerySchema = z.object({
  kind: z.enum(["feature_view", "feature_service", "feature"]),
  q: z.string().max(200).default(""),
});

/** The alert actions' bodies: a note (optional) and, for snooze and mute, how long. */
const note = z.string().trim().max(2_000, "At most 2,000 characters").optional();
export const alertNoteSchema = z.object({ note });
export const alertSnoozeSchema = z.object({
  minutes: z.coerce
    .number()
    .int("Whole minutes")
    .min(1, "At least 1 minute")
    .max(30 * 24 * 60, "At most 30 days"),
  note,
});
/** Mute for a number of minutes, or until unmuted (no minutes). */
export const alertMuteSchema = z.object({
  minutes: z.coerce
    .number()
    .int("Whole minutes")
    .min(1, "At least 1 minute")
    .max(365 * 24 * 60, "At most a year")
    .optional(),
  note,
});

export const retentionInputSchema = z.object({
  rawRetentionDays: z.coerce.number().int("Whole days").min(2, "At least 2 days").max(400, "At most 400 days"),
});

const RANGE_MS: Record<Exclude<TimeRangeName, "custom">, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};
const MAX_RANGE_MS = 400 * 86_400_000;

export class TimeRangeError extends Error {
  constructor(
    readonly parameter: "from" | "to",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The [from, to] a dashboard shows: the last 1h/24h/7d/30d up to now, or a custom range
 * (both ends required, at most 400 days). Throws TimeRangeError naming the bad parameter.
 */
export function resolveTimeRange(
  query: { range?: TimeRangeName; from?: string; to?: string },
  now = new Date(),
): { range: TimeRangeName; from: Date; to: Date } {
  const range = query.range ?? "24h";
  if (range !== "custom") return { range, from: new Date(now.getTime() - RANGE_MS[range]), to: now };
  if (!query.from) throw new TimeRangeError("from", "A custom range needs from and to");
  if (!query.to) throw new TimeRangeError("to", "A custom range needs from and to");
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (Number.isNaN(from.getTime())) throw new TimeRangeError("from", "Not a date-time");
  if (Number.isNaN(to.getTime())) throw new TimeRangeError("to", "Not a date-time");
  if (to <= from) throw new TimeRangeError("to", "Must be after from");
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw new TimeRangeError("to", "A range spans at most 400 days");
  return { range, from, to };
}
