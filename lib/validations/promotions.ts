import { z } from "zod";
import { DEFINITION_KINDS } from "@/lib/definitions/schema";

export const environmentNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,29}$/, "Lower-case letters, digits, - and _, starting with a letter (at most 30)");

export const definitionKindSchema = z.enum(DEFINITION_KINDS);

export const promotionItemInputSchema = z
  .object({
    kind: definitionKindSchema,
    objectId: z.string().trim().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((item) => item.objectId !== undefined || item.name !== undefined, {
    message: "Name the object by objectId or name",
  });
export type PromotionItemInput = z.infer<typeof promotionItemInputSchema>;

export const promotionInputSchema = z.object({
  sourceEnvironment: environmentNameSchema,
  /** Defaults to the environment right after the source; anything else is refused. */
  targetEnvironment: environmentNameSchema.optional(),
  title: z.string().trim().min(1, "Give the request a title").max(200, "At most 200 characters"),
  description: z.string().max(20_000, "At most 20,000 characters").default(""),
  items: z
    .array(promotionItemInputSchema)
    .min(1, "Choose at least one object to promote")
    .max(200, "At most 200 objects"),
});
export type PromotionInput = z.infer<typeof promotionInputSchema>;

export const reviewDecisionSchema = z.enum(["approve", "reject", "request_changes"]);

export const reviewInputSchema = z
  .object({
    decision: reviewDecisionSchema,
    comment: z.string().trim().max(10_000, "At most 10,000 characters").default(""),
  })
  .refine((review) => review.decision === "approve" || review.comment.length > 0, {
    message: "Say what is wrong or what should change",
    path: ["comment"],
  });
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const requestNumberSchema = z.coerce
  .number({ message: "Not a request number" })
  .int("Not a request number")
  .positive("Not a request number")
  .max(2_147_483_647, "Not a request number");

export const PROMOTION_LIST_VIEWS = ["all", "inbox", "mine"] as const;
export const promotionListQuerySchema = z.object({
  view: z.enum(PROMOTION_LIST_VIEWS).default("all"),
  state: z.enum(["open", "approved", "applied", "rejected", "withdrawn"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PromotionListQuery = z.infer<typeof promotionListQuerySchema>;

export const auditQuerySchema = z.object({
  /** Object name or id (exact), e.g. user_profile. */
  object: z.string().trim().max(200).optional(),
  /** Actor user id or email. */
  user: z.string().trim().max(200).optional(),
  /** Action prefix, e.g. "promotion." or "version.activate". */
  action: z.string().trim().max(100).optional(),
  /** Audit id to continue before (from the previous page's nextCursor). */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "Not a cursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const environmentInputSchema = z.object({
  name: environmentNameSchema,
  requiredApprovals: z.coerce.number().int().min(1, "At least one approval").max(10, "At most 10").default(1),
  blockOnHealth: z.boolean().default(false),
});
export type EnvironmentInput = z.infer<typeof environmentInputSchema>;

export const environmentUpdateSchema = z
  .object({
    requiredApprovals: z.coerce.number().int().min(1, "At least one approval").max(10, "At most 10").optional(),
    blockOnHealth: z.boolean().optional(),
    /** New 0-based place in the order; the others shift. */
    position: z.coerce.number().int().min(0).max(50).optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: "Nothing to change" });
export type EnvironmentUpdate = z.infer<typeof environmentUpdateSchema>;

// ---------------------------------------------------------------- API responses (documentation)

const userRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const promotionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "approved", "applied", "rejected", "withdrawn"]),
  source: z.string(),
  target: z.string(),
  author: userRefSchema,
  itemCount: z.number().int(),
  objects: z.array(z.string()),
  approvals: z.number().int(),
  requiredApprovals: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const promotionListSchema = z.object({
  requests: z.array(promotionSummarySchema),
  page: z.number().int(),
  hasMore: z.boolean(),
  counts: z.object({ toReview: z.number().int(), mine: z.number().int() }),
});

export const promotionCheckSchema = z.object({
  name: z.string(),
  label: z.string(),
  status: z.enum(["pass", "warn", "fail"]),
  blocking: z.boolean(),
  message: z.string(),
  details: z.unknown(),
});

export const promotionDetailSchema = promotionSummarySchema.extend({
  description: z.string(),
  revision: z.number().int(),
  isStale: z.boolean(),
  hasBlockingFailures: z.boolean(),
  revertsRequestNumber: z.number().int().nullable(),
  items: z.array(
    z.object({
      kind: definitionKindSchema,
      objectId: z.string(),
      name: z.string(),
      version: z.object({ id: z.string(), number: z.number().int(), message: z.string() }),
      targetVersion: z.object({ id: z.string(), number: z.number().int() }).nullable(),
      previousVersion: z.object({ id: z.string(), number: z.number().int() }).nullable(),
      changes: z.array(
        z.object({
          path: z.string(),
          change: z.enum(["added", "removed", "changed"]),
          before: z.unknown(),
          after: z.unknown(),
        }),
      ),
    }),
  ),
  impact: z.array(
    z.object({
      name: z.string(),
      impacted: z.array(z.object({ kind: z.string(), objectId: z.string(), name: z.string() })),
    }),
  ),
  checks: z.array(promotionCheckSchema),
  reviews: z.array(
    z.object({
      reviewer: userRefSchema,
      decision: reviewDecisionSchema,
      comment: z.string(),
      revision: z.number().int(),
      createdAt: z.string(),
    }),
  ),
});

export const reviewResultSchema = z.object({
  state: z.enum(["open", "approved", "applied", "rejected", "withdrawn"]),
  approvals: z.number().int(),
  requiredApprovals: z.number().int(),
  applied: z.boolean(),
});

export const environmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  requiredApprovals: z.number().int(),
  blockOnHealth: z.boolean(),
  activeObjects: z.number().int(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ userId: z.string().nullable(), tokenId: z.string().nullable(), name: z.string().nullable() }),
  objectKind: z.string().nullable(),
  objectId: z.string().nullable(),
  objectName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
