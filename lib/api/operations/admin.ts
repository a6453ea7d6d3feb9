import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import {
  apiTokenInputSchema,
  apiTokenSchema,
  createdApiTokenSchema,
  feastConnectionInputSchema,
  feastSyncRunSchema,
  workspaceInputSchema,
  roleChangeInputSchema,
  userSchema,
} from "@/lib/validations/admin";

const workspaceSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });

const feastConnectionSchema = z.object({
  id: z.string(),
  location: z.string(),
  project: z.string().nullable(),
  /** Where the registry runs: imported objects become active there where nothing of theirs is. */
  environment: z.string(),
  intervalSeconds: z.number().int(),
  enabled: z.boolean(),
  nextSyncAt: z.string(),
  claimedUntil: z.string().nullable(),
  runs: z.array(feastSyncRunSchema),
});

export const adminOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/tokens",
    summary: "List the workspace's API tokens (never the tokens themselves).",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ tokens: z.array(apiTokenSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    summary: "Create an API token. The response holds the token in clear, once.",
    tag: "Admin",
    auth: { role: "admin" },
    body: apiTokenInputSchema,
    response: createdApiTokenSchema,
    responseStatus: 201,
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke an API token.",
    tag: "Admin",
    auth: { role: "admin" },
  },
  {
    method: "get",
    path: "/api/v1/users",
    summary: "List the workspace's members and their roles.",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ users: z.array(userSchema) }),
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    summary: "Change a member's role in the workspace.",
    tag: "Admin",
    auth: { role: "admin" },
    body: roleChangeInputSchema,
    response: userSchema,
  },
  {
    method: "post",
    path: "/api/v1/workspaces",
    summary: "Create a workspace (dev -> staging -> prod); the signed-in admin becomes its admin.",
    tag: "Admin",
    auth: { role: "admin" },
    body: workspaceInputSchema,
    response: workspaceSchema,
    responseStatus: 201,
  },
  {
    method: "get",
    path: "/api/v1/feast/registry",
    summary: "The Feast registry this workspace follows (null when none) with its last 50 sync runs.",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ connection: feastConnectionSchema.nullable() }),
  },
  {
    method: "put",
    path: "/api/v1/feast/registry",
    summary:
      "Follow a Feast registry: an absolute path on the server or an http(s) URL serving registry.db, read every intervalSeconds (default 300). `environment` names where the registry runs (default dev): a sync writes new versions to dev, and in staging / prod only activates objects that have no active version there; 422 for an unknown environment.",
    tag: "Admin",
    auth: { role: "admin" },
    body: feastConnectionInputSchema,
    response: z.object({ connection: feastConnectionSchema.nullable() }),
  },
  {
    method: "delete",
    path: "/api/v1/feast/registry",
    summary: "Stop following the registry (imported objects stay).",
    tag: "Admin",
    auth: { role: "admin" },
  },
  {
    method: "post",
    path: "/api/v1/feast/registry/sync",
    summary:
      "Sync now: read the registry and apply what changed. 409 while another sync of it runs. With async=1 or `Prefer: respond-async`: 202 and a job (a sync already queued or running is joined).",
    tag: "Admin",
    auth: { role: "admin" },
    accepted: true,
    response: z.object({ run: feastSyncRunSchema }),
  },
];
