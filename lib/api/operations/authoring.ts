import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import { repositoryDocumentSchema } from "@/lib/definitions/schema";
import {
  applyQuerySchema,
  applyResultSchema,
  createDefinitionInputSchema,
  currentDefinitionSchema,
  diffQuerySchema,
  feastImportQuerySchema,
  feastImportReportSchema,
  revertInputSchema,
  saveDefinitionInputSchema,
  saveResultSchema,
  versionDetailSchema,
  versionDiffSchema,
  versionListSchema,
} from "@/lib/validations/authoring";

const REPOSITORY_TYPES = ["application/yaml", "application/json"];
const applyQuery = z.object({ prune: z.enum(["true", "false"]).optional(), message: applyQuerySchema.shape.message });

export const authoringOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/plan",
    summary:
      "Plan a repository document (YAML or JSON): objects to create, update (with field diffs) and delete (only with prune). Writes nothing. Malformed text: 400 with line and column; schema or reference errors: 422 with paths.",
    tag: "Authoring",
    auth: { role: "author", scope: "apply" },
    query: applyQuery,
    body: repositoryDocumentSchema,
    bodyContentTypes: REPOSITORY_TYPES,
    response: applyResultSchema,
  },
  {
    method: "post",
    path: "/api/v1/apply",
    summary:
      "Apply a repository document in one transaction: one version per changed object, one audit entry; all or nothing. A document of more than 500 objects (or async=1, `Prefer: respond-async`) answers 202 with a job whose result is this response.",
    tag: "Authoring",
    auth: { role: "author", scope: "apply" },
    query: applyQuery,
    body: repositoryDocumentSchema,
    bodyContentTypes: REPOSITORY_TYPES,
    accepted: true,
    response: applyResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/schema",
    summary: "JSON Schema of the repository document that plan and apply accept.",
    tag: "Authoring",
    auth: { public: true },
  },
  {
    method: "post",
    path: "/api/v1/definitions/{kind}",
    summary:
      "Create one definition (kind: data_source, entity, feature_view, feature_service, model, saved_dataset) as version 1.",
    tag: "Authoring",
    auth: { role: "author", scope: "apply" },
    body: createDefinitionInputSchema,
    response: saveResultSchema,
    responseStatus: 201,
  },
  {
    method: "get",
    path: "/api/v1/definitions/{kind}/{id}",
    summary: "The current (dev head) definition of one object, by id or name, with its version.",
    tag: "Authoring",
    auth: { role: "viewer", scope: "read" },
    response: currentDefinitionSchema,
  },
  {
    method: "put",
    path: "/api/v1/definitions/{kind}/{id}",
    summary:
      "Save a definition as a new version. With baseVersionNumber, a newer version answers 409 with the changes in error.details; an identical definition answers status 'unchanged'.",
    tag: "Authoring",
    auth: { role: "author", scope: "apply" },
    body: saveDefinitionInputSchema,
    response: saveResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/definitions/{kind}/{id}/versions",
    summary: "Every version of one object, newest first.",
    tag: "Authoring",
    auth: { role: "viewer", scope: "read" },
    response: versionListSchema,
  },
  {
    method: "get",
    path: "/api/v1/definitions/{kind}/{id}/versions/{number}",
    summary: "One version of an object with its canonical definition.",
    tag: "Authoring",
    auth: { role: "viewer", scope: "read" },
    response: versionDetailSchema,
  },
  {
    method: "get",
    path: "/api/v1/definitions/{kind}/{id}/diff",
    summary: "Field differences between two versions of an object.",
    tag: "Authoring",
    auth: { role: "viewer", scope: "read" },
    query: diffQuerySchema,
    response: versionDiffSchema,
  },
  {
    method: "post",
    path: "/api/v1/definitions/{kind}/{id}/revert",
    summary: "Revert: a new version equal to an old one (409 when baseVersionNumber is not the latest).",
    tag: "Authoring",
    auth: { role: "author", scope: "apply" },
    body: revertInputSchema,
    response: saveResultSchema,
  },
  {
    method: "post",
    path: "/api/v1/imports/feast",
    summary:
      "Import a Feast registry: the registry.db file (Content-Type: application/octet-stream) or `feast registry-dump` JSON. Sources, entities, feature views of all kinds, services, saved datasets, materialization history. Structural errors answer 422 with every path, nothing written. `dryRun=true` answers the plan. `environment=<name>` says where the registry runs (default dev): new versions always go to dev; in staging or prod only objects with no active version there become active (`activated`), others keep theirs until a promotion (`awaitingPromotion`); materialization history is recorded in that environment. Unknown environment: 422. Atomic and idempotent; never deletes. A registry over 512 KiB (or async=1, `Prefer: respond-async`) answers 202 with a job whose result is this response; structural errors are still a 422 at once.",
    tag: "Authoring",
    auth: { role: "author", scope: "apply" },
    query: feastImportQuerySchema,
    body: z.record(z.string(), z.unknown()),
    accepted: true,
    response: feastImportReportSchema,
  },
];
