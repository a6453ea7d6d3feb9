// POST /api/v1/ingest/serving-metrics — per-minute serving metrics per feature service.
import { ingestServingMetrics } from "@/lib/data/ingest";
import { parseServingMetricBatch } from "@/lib/validations/serving-batch";
import { ingestRoute } from "../ingest-route";

export const POST = ingestRoute({ safeParse: parseServingMetricBatch }, ingestServingMetrics);
