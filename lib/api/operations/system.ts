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
  },
];
