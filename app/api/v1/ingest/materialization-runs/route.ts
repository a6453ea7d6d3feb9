// POST /api/v1/ingest/materialization-runs — feature platforms report materialization runs.
import { ingestMaterializationRuns } from "@/lib/data/ingest";
import { materializationRunBatchSchema } from "@/lib/validations/monitoring";
import { ingestRoute } from "../ingest-route";

export const POST = ingestRoute(materializationRunBatchSchema, ingestMaterializationRuns);
