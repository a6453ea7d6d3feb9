import type { ApiOperation } from "@/lib/api/operations/types";
import {
  impactQuerySchema,
  impactResponseSchema,
  lineageQuerySchema,
  lineageResponseSchema,
  workspaceLineageQuerySchema,
  workspaceLineageResponseSchema,
} from "@/lib/validations/lineage";

export const lineageOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/lineage",
    summary:
      "Lineage around one object: `up` / `down` hops (0-20) at object or column level, nearest nodes first, " +
      "at most `limit` nodes per page (`nextOffset` pages on). With `env`, only objects active there, plus health. " +
      "404 for ids unknown in the caller's workspace.",
    tag: "Lineage",
    auth: { role: "viewer", scope: "read" },
    query: lineageQuerySchema,
    response: lineageResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/lineage/workspace",
    summary: "The whole workspace's lineage for the overview, in pages of up to 10,000 nodes.",
    tag: "Lineage",
    auth: { role: "viewer", scope: "read" },
    query: workspaceLineageQuerySchema,
    response: workspaceLineageResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/lineage/impact",
    summary:
      "Impact analysis: every feature view, feature, service and model downstream of a node, counted, with owners and teams.",
    tag: "Lineage",
    auth: { role: "viewer", scope: "read" },
    query: impactQuerySchema,
    response: impactResponseSchema,
    examples: { query: { node: "feature_view:user_profile", env: "prod" } },
  },
];
