// POST /api/v1/ingest/serving-metrics — per-minute serving metrics per feature service.
import { ingestServingMetrics } from "@/lib/data/ingest";
import { servingMetricBatchSchema } from "@/lib/validations/monitoring";
import { ingestRoute } from "../ingest-route";

export const POST = ingestRoute(servingMetricBatchSchema, ingestServingMetrics);
