// POST /api/v1/imports/feast — import a Feast registry (registry.db bytes or registry-dump JSON); atomic, idempotent.
import { parseJsonOrThrow, readBodyBytes } from "@/lib/api/body";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { db } from "@/lib/db";
import { importFeastRegistry } from "@/lib/data/definitions";
import { AppError } from "@/lib/errors";
import { FEAST_DUMP_LIMIT_BYTES, feastImportQuerySchema } from "@/lib/validations/authoring";

const BINARY_TYPES = ["application/octet-stream", "application/x-protobuf", "application/protobuf"];

export const POST = apiRoute({ role: "author", scope: "apply" }, async ({ request, principal }) => {
  const query = parseQuery(request, feastImportQuerySchema);
  const bytes = await readBodyBytes(request, FEAST_DUMP_LIMIT_BYTES);
  if (bytes.length === 0) {
    throw new AppError(
      "bad_request",
      "The request body is empty: send registry.db as application/octet-stream, or the JSON of `feast registry-dump`.",
    );
  }
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const target = { workspaceId: principal.workspaceId, dryRun: query.dryRun, project: query.project };
  if (BINARY_TYPES.includes(contentType)) {
    return importFeastRegistry(db(), { ...target, registry: bytes }, actorOf(principal));
  }
  const text = Buffer.from(bytes).toString("utf8");
  if (!/^\s*[[{]/.test(text)) {
    // Most likely the registry.db itself, sent as JSON.
    throw new AppError(
      "bad_request",
      "This is not JSON. To import a registry.db, upload it as a file (Content-Type: application/octet-stream).",
    );
  }
  return importFeastRegistry(db(), { ...target, dump: parseJsonOrThrow(text) }, actorOf(principal));
});
