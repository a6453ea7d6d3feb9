// POST /api/v1/ingest/profiles — binned offline/online feature profiles.
import { ingestProfiles } from "@/lib/data/ingest";
import { profileBatchSchema } from "@/lib/validations/monitoring";
import { ingestRoute } from "../ingest-route";

export const POST = ingestRoute(profileBatchSchema, ingestProfiles);
