// POST /api/v1/imports/feast — import a Feast registry (registry.db bytes or registry-dump JSON); atomic, idempotent.
import { parseJsonOrThrow, readBodyBytes } from "@/lib/api/body";
import { feastImportWorkspace } from "@/lib/server/feast-target";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { feastDumpOf } from "@/lib/data/definitions";
import { importFeastRegistry } from "@/lib/server/definitions";
import { AppError } from "@/lib/errors";
import { FEAST_DUMP_LIMIT_BYTES, feastImportQuerySchema } from "@/lib/validations/authoring";

const BINARY_TYPES = ["application/octet-stream", "application/x-protobuf", "application/protobuf"];

export const POST = apiRoute({ role: "author", scope: "apply", binaryBody: true }, async ({ request, principal }) => {
  const query = parseQuery(request, feastImportQuerySchema);
  const bytes = await readBodyBytes(request, FEAST_DUMP_LIMIT_BYTES);
  if (bytes.length === 0) {
    throw new AppError(
      "bad_request",
      "The request body is empty: send registry.db as application/octet-stream, or the JSON of `feast registry-dump`.",
    );
  }
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  let dump: unknown;
  if (BINARY_TYPES.includes(contentType)) {
    dump = feastDumpOf({ registry: bytes, project: query.project });
  } else {
    const text = Buffer.from(bytes).toString("utf8");
    if (!/^\s*[[{]/.test(text)) {
      // Most likely the registry.db itself, sent as JSON.
      throw new AppError(
        "bad_request",
        "This is not JSON. To import a registry.db, upload it as a file (Content-Type: application/octet-stream).",
      );
    }
    dump = parseJsonOrThrow(text);
  }
  const project = (dump as { project?: unknown } | null)?.project;
  const workspace = await feastImportWorkspace(principal, {
    workspace: query.workspace,
    newWorkspace: query.newWorkspace,
    project: typeof project === "string" ? project : undefined,
    dryRun: query.dryRun,
  });
  const summary = await importFeastRegistry(
    { workspaceId: workspace.id, dryRun: query.dryRun, dump, environment: query.environment },
    actorOf(principal),
  );
  return { ...summary, workspace: workspace.slug, newWorkspace: workspace.created ?? false };
});
