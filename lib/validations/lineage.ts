import { z } from "zod";
import { EDGE_RELATIONS, NODE_KINDS, parseNodeId } from "@/lib/lineage/types";

/** Deeper than any real lineage chain (source -> column -> feature -> service -> model is 4). */
export const MAX_HOPS = 20;
export const DEFAULT_NODE_LIMIT = 500;
export const MAX_NODE_LIMIT = 5_000;
/** One page of the whole-workspace graph; 5,000 feature views are about 6,900 object nodes. */
export const MAX_WORKSPACE_PAGE = 10_000;

export const LINEAGE_LEVELS = ["object", "column"] as const;
export type LineageLevel = (typeof LINEAGE_LEVELS)[number];

export const nodeRefSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parsed = parseNodeId(text);
    if (!parsed) {
      ctx.addIssue({
        code: "custom",
        message: `expected "<kind>:<id>" with kind one of ${NODE_KINDS.join(", ")}`,
      });
      return z.NEVER;
    }
    return parsed;
  });

const hopsSchema = z.coerce
  .number({ error: "expected a whole number of hops" })
  .int("expected a whole number of hops")
  .min(0, "cannot be negative")
  .max(MAX_HOPS, `at most ${MAX_HOPS} hops; expand further from the edge of the graph`);

const envNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "not an environment name");

export const lineageQuerySchema = z.object({
  root: nodeRefSchema.describe('The object to focus on, "<kind>:<id>" (e.g. "feature_view:clx…").'),
  up: hopsSchema.default(1).describe("Hops upstream (0-20)."),
  down: hopsSchema.default(1).describe("Hops downstream (0-20)."),
  env: envNameSchema.optional().describe("Only objects active in this environment; also adds health."),
  level: z
    .enum(LINEAGE_LEVELS)
    .optional()
    .describe("object (default; columns and features fold into their parents) or column (feature-level lineage)."),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_NODE_LIMIT)
    .default(DEFAULT_NODE_LIMIT)
    .describe("Node cap per page (nearest nodes first)."),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe("Nodes to skip (paging)."),
});
export type LineageQuery = z.infer<typeof lineageQuerySchema>;

export const workspaceLineageQuerySchema = z.object({
  env: envNameSchema.optional().describe("Only objects active in this environment; also adds health."),
  level: z.enum(LINEAGE_LEVELS).default("object"),
  limit: z.coerce.number().int().min(1).max(MAX_WORKSPACE_PAGE).default(MAX_WORKSPACE_PAGE),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type WorkspaceLineageQuery = z.infer<typeof workspaceLineageQuerySchema>;

export const impactQuerySchema = z.object({
  node: nodeRefSchema.describe('The object whose downstream impact to list, "<kind>:<id>".'),
  env: envNameSchema.optional(),
});
export type ImpactQuery = z.infer<typeof impactQuerySchema>;

const healthPartSchema = z.object({
  status: z.enum(["ok", "warn", "alert"]),
  psi: z.number(),
  featureCount: z.number().optional(),
});

export const nodeHealthSchema = z.object({
  status: z.enum(["ok", "warn", "bad", "unknown"]),
  freshness: z
    .object({
      status: z.enum(["fresh", "stale", "unknown"]),
      stalenessSeconds: z.number().nullable(),
      slaSeconds: z.number().nullable(),
    })
    .optional(),
  latency: z
    .object({ p99Ms: z.number().nullable(), budgetMs: z.number().nullable(), isOverBudget: z.boolean() })
    .optional(),
  drift: healthPartSchema.optional(),
  skew: healthPartSchema.optional(),
  alerts: z.object({ count: z.number(), severity: z.enum(["warning", "critical"]) }).optional(),
});

export const lineageNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(NODE_KINDS),
  objectId: z.string(),
  name: z.string(),
  subKind: z.string().optional(),
  teamId: z.string().optional(),
  owner: z.string().optional(),
  parentId: z.string().optional(),
  isOnCycle: z.boolean().optional(),
  hiddenUpstream: z.number().optional(),
  hiddenDownstream: z.number().optional(),
  upstreamCount: z.number().optional(),
  downstreamCount: z.number().optional(),
  upstreamIds: z.array(z.string()).optional(),
  downstreamIds: z.array(z.string()).optional(),
});

export const lineageEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  relation: z.enum(EDGE_RELATIONS),
});

export const lineageResponseSchema = z.object({
  rootId: z.string().describe("The focused node (a feature's view or a column's source at object level)."),
  level: z.enum(LINEAGE_LEVELS),
  environment: z.string().nullable(),
  nodes: z.array(lineageNodeSchema),
  edges: z.array(lineageEdgeSchema),
  truncated: z.boolean().describe("True when the node cap cut the traversal short."),
  nextOffset: z.number().nullable().describe("Offset of the next page, or null on the last page."),
  health: z.record(z.string(), nodeHealthSchema).optional(),
});

export const workspaceLineageResponseSchema = lineageResponseSchema
  .omit({ rootId: true })
  .extend({ totalNodes: z.number() });

export const impactResponseSchema = z.object({
  rootId: z.string(),
  rootName: z.string(),
  environment: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["feature_view", "feature", "feature_service", "model"]),
      objectId: z.string(),
      name: z.string(),
      owner: z.string().optional(),
      teamId: z.string().optional(),
      teamName: z.string().optional(),
    }),
  ),
  counts: z.object({
    feature_view: z.number(),
    feature: z.number(),
    feature_service: z.number(),
    model: z.number(),
  }),
  total: z.number(),
  owners: z.array(z.string()),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  truncated: z.boolean(),
});

/** The explorer page's search params: lenient, bad values fall back to defaults. */
export const lineagePageParamsSchema = z.object({
  root: z.string().max(200).optional().catch(undefined),
  scope: z.enum(["workspace"]).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  up: z.coerce.number().int().min(0).max(MAX_HOPS).optional().catch(undefined),
  down: z.coerce.number().int().min(0).max(MAX_HOPS).optional().catch(undefined),
  level: z.enum(LINEAGE_LEVELS).optional().catch(undefined),
  env: envNameSchema.optional().catch(undefined),
});
