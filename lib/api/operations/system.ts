import type { ApiOperation } from "@/lib/api/operations/types";
import { healthSchema, meSchema } from "@/lib/validations/admin";

export const systemOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Whether the database answers, which engine it is and how many migrations are applied.",
    tag: "System",
    auth: { public: true },
    response: healthSchema,
    examples: {
      response: {
        status: "ok",
        database: { engine: "postgresql", reachable: true, migrationsApplied: 12, migrationsKnown: 12 },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document.",
    tag: "System",
    auth: { public: true },
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The caller (user or API token), its workspace roles and token scopes.",
    tag: "Identity",
    auth: { role: "viewer", scope: "read" },
    response: meSchema,
    examples: {
      response: {
        kind: "user",
        user: { id: "clx0user0001", email: "ada@example.com", name: "Ada Lovelace" },
        workspace: { id: "clx0ws000001", slug: "demo" },
        workspaces: [{ id: "clx0ws000001", slug: "demo", role: "author" }],
      },
    },
  },
];
