import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { CATALOG_KINDS, HEALTH_STATES, SEARCH_SORTS, SOURCE_KINDS, USAGE_STATES, VIEW_KINDS } from "@/lib/search/types";

/** The largest page a URL may ask for (50 rows a page -> MAX_OFFSET of lib/search/cursor.ts). */
export const MAX_PAGE = 200;
export const CATALOG_PAGE_SIZE = 50;

const facetText = z.string().trim().min(1, "Must not be empty").max(200, "At most 200 characters");

export const objectIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, "Not a valid id");

export const catalogKindSchema = z.enum(CATALOG_KINDS, { error: `Must be one of ${CATALOG_KINDS.join(", ")}` });

/** Everything a catalog view can be filtered by; the same names in the page URL and the API. */
export const catalogSearchParamsSchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `Search text is limited to ${MAX_QUERY_LENGTH} characters`)
    .optional()
    .default(""),
  kind: catalogKindSchema.optional(),
  viewKind: z.enum(VIEW_KINDS, { error: `Must be one of ${VIEW_KINDS.join(", ")}` }).optional(),
  entity: facetText.optional(),
  team: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "Not a team slug")
    .optional(),
  owner: facetText.optional(),
  tag: facetText.optional(),
  type: facetText.optional().describe("Feature data type, e.g. int64 or array<float64>"),
  env: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not an environment name")
    .optional()
    .describe("Only objects whose version is active in this environment"),
  health: z.enum(HEALTH_STATES, { error: `Must be one of ${HEALTH_STATES.join(", ")}` }).optional(),
  usage: z.enum(USAGE_STATES, { error: `Must be one of ${USAGE_STATES.join(", ")}` }).optional(),
  sort: z.enum(SEARCH_SORTS, { error: `Must be one of ${SEARCH_SORTS.join(", ")}` }).optional(),
  page: z.coerce
    .number({ error: "Must be a page number" })
    .int("Must be a whole page number")
    .min(1, "Pages start at 1")
    .max(MAX_PAGE, `At most page ${MAX_PAGE}; narrow the search instead`)
    .optional()
    .default(1),
});
export type CatalogSearchParams = z.infer<typeof catalogSearchParamsSchema>;

/** GET /api/v1/search and /api/v1/catalog: the page parameters plus limit and cursor. */
export const searchApiQuerySchema = catalogSearchParamsSchema.omit({ page: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).optional().default(25),
  cursor: z.string().max(200).optional().describe("Opaque cursor from nextCursor of the previous page"),
  environment: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not an environment name")
    .optional()
    .describe("Environment whose freshness and drift decide health (default: the last in the promotion chain)"),
  facets: z.enum(["0", "1"]).optional().default("1"),
});
export type SearchApiQuery = z.infer<typeof searchApiQuerySchema>;

export const quickSearchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `Search text is limited to ${MAX_QUERY_LENGTH} characters`),
  limit: z.coerce.number().int().min(1).max(20).optional().default(8),
});

// ---------------------------------------------------------------- writes

export const objectRefSchema = z.object({ kind: catalogKindSchema, id: objectIdSchema });
export type ObjectRef = z.infer<typeof objectRefSchema>;

export const commentInputSchema = z.object({
  body: z.string().trim().min(1, "Write something first").max(5000, "At most 5,000 characters"),
});

export const ownershipInputSchema = z.object({
  owner: z.string().trim().max(200, "At most 200 characters"),
  team: z
    .string()
    .trim()
    .max(64)
    .regex(/^([a-z0-9][a-z0-9_-]*)?$/, "Not a team slug")
    .describe("Team slug; empty for no team"),
});
export type OwnershipInput = z.infer<typeof ownershipInputSchema>;

const serviceNameSchema = z
  .string()
  .trim()
  .min(1, "Name the service")
  .max(128, "At most 128 characters")
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Letters, digits and underscores, starting with a letter");

export const addToServiceInputSchema = z
  .object({
    featureIds: z.array(objectIdSchema).min(1, "Choose at least one feature").max(500, "At most 500 features at once"),
    serviceId: objectIdSchema.optional(),
    newServiceName: serviceNameSchema.optional(),
    message: z.string().trim().max(500).optional(),
  })
  .refine((input) => Boolean(input.serviceId) !== Boolean(input.newServiceName), {
    message: "Choose an existing service or name a new one (not both)",
    path: ["serviceId"],
  });
export type AddToServiceInput = z.infer<typeof addToServiceInputSchema>;

// ---------------------------------------------------------------- responses (OpenAPI)

export const facetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const searchHitSchema = z.object({
  kind: catalogKindSchema,
  id: z.string(),
  name: z.string(),
  qualifiedName: z.string(),
  href: z.string(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  description: z.string(),
  tags: z.array(z.string()),
  team: z.object({ slug: z.string(), name: z.string() }).nullable(),
  owner: z.string(),
  viewKind: z.enum(VIEW_KINDS).nullable(),
  source: z
    .object({ kind: z.enum(SOURCE_KINDS), platform: z.string() })
    .nullable()
    .describe("A data source's type and platform; null for other kinds."),
  entities: z.array(z.string()),
  dataType: z.string().nullable(),
  usageCount: z.number().int(),
  updatedAt: z.string(),
  health: z.enum(HEALTH_STATES).nullable(),
  isExact: z.boolean(),
  isFuzzy: z.boolean().describe("A close match: found by correcting a typo, not by the words as typed."),
  relevance: z.number(),
});

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  sort: z.enum(SEARCH_SORTS),
  nextCursor: z.string().nullable(),
  facets: z.record(z.string(), z.array(facetValueSchema)).nullable(),
});

export const quickSearchResultSchema = z.object({ hits: z.array(searchHitSchema) });

export const commentSchema = z.object({
  id: z.string(),
  body: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});

export const starStateSchema = z.object({ starred: z.boolean(), count: z.number().int() });

/** A path segment decoded once more; a malformed escape (a bare "%") is kept as it is, never thrown. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Route params {kind, id}: an unknown kind or malformed id is a 404, as for a missing object. */
export function parseObjectParams(params: { kind: string; id: string }): ObjectRef {
  const parsed = objectRefSchema.safeParse({ kind: params.kind, id: decodePathSegment(params.id) });
  if (!parsed.success) throw new AppError("not_found", `No catalog object ${params.kind}/${params.id}.`);
  return parsed.data;
}
