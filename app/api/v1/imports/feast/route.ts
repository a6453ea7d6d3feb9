// POST /api/v1/imports/feast — import a `feast registry-dump` JSON into the workspace (atomic, idempotent).
import { parseJsonOrThrow, readBodyText } from "@/lib/api/body";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { db } from "@/lib/db";
import { importFeastRegistry } from "@/lib/data/definitions";
import { AppError } from "@/lib/errors";
import { FEAST_DUMP_LIMIT_BYTES, feastImportQuerySchema } from "@/lib/validations/authoring";

export const POST = apiRoute({ role: "author", scope: "apply" }, async ({ request, principal }) => {
  const query = parseQuery(request, feastImportQuerySchema);
  const text = await readBodyText(request, FEAST_DUMP_LIMIT_BYTES);
  if (text.trim() === "")
    throw new AppError("bad_request", "The request body is empty: send the JSON of `feast registry-dump`.");
  const dump = parseJsonOrThrow(text);
  return importFeastRegistry(
    db(),
    { workspaceId: principal.workspaceId, dump, dryRun: query.dryRun },
    actorOf(principal),
  );
});
