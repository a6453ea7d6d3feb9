import { z } from "zod";
import type { ApiPrincipal } from "@/lib/api/principal";
import type { ApiOperation } from "@/lib/api/operations/types";
import { AppError } from "@/lib/errors";
import {
  addToServiceInputSchema,
  commentInputSchema,
  commentSchema,
  ownershipInputSchema,
  quickSearchQuerySchema,
  quickSearchResultSchema,
  searchApiQuerySchema,
  searchResultSchema,
  starStateSchema,
} from "@/lib/validations/catalog";

export const catalogOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/search",
    summary:
      "Ranked catalog search over every kind: full text over name, description, tags, owner, team and transformation, typo tolerant; exact names first, then relevance, then usage. Facet counts and cursor pages.",
    tag: "Catalog",
    auth: { role: "viewer", scope: "read" },
    query: searchApiQuerySchema,
    response: searchResultSchema,
    examples: { query: { q: "login attempts", kind: "feature", limit: "10" } },
  },
  {
    method: "get",
    path: "/api/v1/search/quick",
    summary: "Best matches by name across every kind (the ⌘K palette).",
    tag: "Catalog",
    auth: { role: "viewer", scope: "read" },
    query: quickSearchQuerySchema,
    response: quickSearchResultSchema,
    examples: { query: { q: "user_prof", limit: "5" } },
  },
  {
    method: "get",
    path: "/api/v1/catalog",
    summary: "Catalog objects filtered, sorted and paged; the same parameters as /api/v1/search (q optional).",
    tag: "Catalog",
    auth: { role: "viewer", scope: "read" },
    query: searchApiQuerySchema,
    response: searchResultSchema,
    examples: { query: { kind: "feature_view", limit: "25" } },
  },
  {
    method: "get",
    path: "/api/v1/catalog/{kind}/{id}",
    summary:
      "One catalog object: definition, usage, active version per environment and (for features and views) health.",
    tag: "Catalog",
    auth: { role: "viewer", scope: "read" },
    query: z.object({ environment: z.string().optional().describe("Environment for health (default: the last one)") }),
  },
  {
    method: "put",
    path: "/api/v1/catalog/{kind}/{id}/star",
    summary: "Star an object for the signed-in user (viewers too).",
    tag: "Catalog",
    auth: { role: "viewer" },
    response: starStateSchema,
  },
  {
    method: "delete",
    path: "/api/v1/catalog/{kind}/{id}/star",
    summary: "Remove the signed-in user's star.",
    tag: "Catalog",
    auth: { role: "viewer" },
    response: starStateSchema,
  },
  {
    method: "get",
    path: "/api/v1/catalog/{kind}/{id}/comments",
    summary: "The object's discussion, oldest first.",
    tag: "Catalog",
    auth: { role: "viewer", scope: "read" },
    response: z.object({ comments: z.array(commentSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/catalog/{kind}/{id}/comments",
    summary: "Comment on an object (any member, audited).",
    tag: "Catalog",
    auth: { role: "viewer" },
    body: commentInputSchema,
    response: commentSchema,
    responseStatus: 201,
  },
  {
    method: "patch",
    path: "/api/v1/catalog/{kind}/{id}/ownership",
    summary: "Change owner and team. Definitions get a new version; a feature's owner is updated in place. Audited.",
    tag: "Catalog",
    auth: { role: "author", scope: "apply" },
    body: ownershipInputSchema,
    response: z.object({ versionNumber: z.number().int().nullable() }),
  },
  {
    method: "post",
    path: "/api/v1/catalog/add-to-service",
    summary:
      "Add features to an existing feature service, or create a service in dev: saved as a new version of the service.",
    tag: "Catalog",
    auth: { role: "author", scope: "apply" },
    body: addToServiceInputSchema,
    response: z.object({
      serviceId: z.string(),
      serviceName: z.string(),
      created: z.boolean(),
      added: z.array(z.string()),
      alreadyPresent: z.array(z.string()),
      versionNumber: z.number().int(),
    }),
  },
];

/** Stars and comments belong to people: API tokens are refused. */
export function requireUserPrincipal(principal: ApiPrincipal): Extract<ApiPrincipal, { kind: "user" }> {
  if (principal.kind !== "user")
    throw new AppError("forbidden", "API tokens cannot star or comment; sign in as a user.");
  return principal;
}
