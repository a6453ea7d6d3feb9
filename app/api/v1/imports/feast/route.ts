// POST /api/v1/imports/feast — import a Feast registry (registry.db bytes or registry-dump JSON); atomic, idempotent.
// A large registry (or `?async=1`, `Prefer: respond-async`) answers 202 with a job to poll.
import { parseJsonOrThrow, readBodyBytes } from "@/lib/api/body";
import { feastImportWorkspace } from "@/lib/server/feast-target";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { acceptedJob, ASYNC_FEAST_BYTES, wantsAsync } from "@/lib/api/jobs";
import { actorOf } from "@/lib/api/principal";
import { feastDumpOf } from "@/lib/data/definitions";
import { importFeastRegistry } from "@/lib/server/definitions";
import { validationError } from "@/lib/data/definitions/versioning";
import { AppError } from "@/lib/errors";
import { feastDumpShapeErrors } from "@/lib/feast/dump-shape";
import type { FeastImportJobInput } from "@/lib/jobs/kinds";
import { queueJob } from "@/lib/jobs/start";
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
  if (wantsAsync(request, bytes.length > ASYNC_FEAST_BYTES)) {
    // A structurally broken registry is still refused here (422 naming each path), not in the job.
    const shapeErrors = feastDumpShapeErrors(dump);
    if (shapeErrors.length > 0) throw validationError(shapeErrors);
    const actor = actorOf(principal);
    const input: FeastImportJobInput = {
      actor,
      targetWorkspaceId: workspace.id,
      targetWorkspaceSlug: workspace.slug,
      newWorkspace: workspace.created ?? false,
      dump,
      dryRun: query.dryRun ?? false,
      environment: query.environment,
    };
    const job = await queueJob({
      kind: "feast-import",
      workspaceId: principal.workspaceId,
      input,
      createdById: actor.userId ?? null,
    });
    return acceptedJob(job);
  }
  const summary = await importFeastRegistry(
    { workspaceId: workspace.id, dryRun: query.dryRun, dump, environment: query.environment },
    actorOf(principal),
  );
  return { ...summary, workspace: workspace.slug, newWorkspace: workspace.created ?? false };
});
