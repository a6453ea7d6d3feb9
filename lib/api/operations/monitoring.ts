import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import {
  alertListQuerySchema,
  ingestResultSchema,
  materializationRunBatchSchema,
  profileBatchSchema,
  rangeQuerySchema,
  servingMetricBatchSchema,
  worstFeaturesQuerySchema,
} from "@/lib/validations/monitoring";

const ingestAuth = { role: "author", scope: "ingest" } as const;
const readAuth = { role: "viewer", scope: "read" } as const;
const batchNote =
  "Up to 10,000 items, validated as a whole (one bad item: 422 naming `items[i].field`, nothing written); unknown names: 422 naming them; bodies over 16 MiB: 413. Send an `Idempotency-Key` header so a retry answers the first response (same key, different body: 422).";

export const monitoringOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/ingest/materialization-runs",
    summary: `Report materialization runs (a run re-reported with the same view, environment and start is updated). ${batchNote}`,
    tag: "Ingestion",
    auth: ingestAuth,
    body: materializationRunBatchSchema,
    response: ingestResultSchema,
    examples: {
      body: {
        items: [
          {
            featureView: "user_profile",
            environment: "prod",
            status: "success",
            startedAt: "2026-01-15T09:00:00Z",
            endedAt: "2026-01-15T09:04:12Z",
            rowsWritten: 182_340,
            watermark: "2026-01-15T08:59:30Z",
            computeSeconds: 251.4,
          },
        ],
      },
      response: { accepted: 1, kind: "materialization_runs" },
    },
  },
  {
    method: "post",
    path: "/api/v1/ingest/serving-metrics",
    summary: `Report per-minute serving metrics per feature service (percentiles or a latency histogram); hourly and daily rollups are updated. ${batchNote}`,
    tag: "Ingestion",
    auth: ingestAuth,
    body: servingMetricBatchSchema,
    response: ingestResultSchema,
  },
  {
    method: "post",
    path: "/api/v1/ingest/profiles",
    summary: `Report binned offline/online feature profiles (numeric bin edges or categories). ${batchNote}`,
    tag: "Ingestion",
    auth: ingestAuth,
    body: profileBatchSchema,
    response: ingestResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/overview",
    summary:
      "What is unhealthy now: stale views, services over budget or erroring, skewed or drifting features, open alerts.",
    tag: "Monitoring",
    auth: readAuth,
    query: rangeQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/freshness",
    summary: "Freshness of every materialised feature view against its SLA.",
    tag: "Monitoring",
    auth: readAuth,
    query: rangeQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/freshness/{id}",
    summary: "One feature view's staleness over time, materialization runs, rows written and cost per day.",
    tag: "Monitoring",
    auth: readAuth,
    query: rangeQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/serving",
    summary: "Traffic, error rate and (approximate) p99 of every feature service over the range.",
    tag: "Monitoring",
    auth: readAuth,
    query: rangeQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/serving/{id}",
    summary:
      "One feature service's p50/p95/p99, request and error rate over the range (raw minutes up to a day, hourly or daily rollups beyond), with its budget and per-view share.",
    tag: "Monitoring",
    auth: readAuth,
    query: rangeQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/features",
    summary:
      "Latest skew and drift statistics of every profiled feature (optionally of one service or model), worst first.",
    tag: "Monitoring",
    auth: readAuth,
    query: worstFeaturesQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/monitoring/features/{id}",
    summary: "One feature's skew and drift: every statistic with thresholds, both histograms, history over the range.",
    tag: "Monitoring",
    auth: readAuth,
    query: rangeQuerySchema,
  },
  {
    method: "post",
    path: "/api/v1/monitoring/evaluate",
    summary: "Evaluate every enabled alert rule now: open, update and end alerts.",
    tag: "Monitoring",
    auth: ingestAuth,
    response: z.object({ evaluated: z.number(), opened: z.number(), updated: z.number(), resolved: z.number() }),
  },
  {
    method: "get",
    path: "/api/v1/alerts",
    summary: "Alerts of the workspace, newest first (open by default).",
    tag: "Monitoring",
    auth: readAuth,
    query: alertListQuerySchema,
  },
];
