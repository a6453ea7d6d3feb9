import "server-only";
import { checkLabel, loadActiveDefinitions } from "@/lib/data/promotion-checks";
import { roleAtLeast } from "@/lib/data/users";
import type { Db } from "@/lib/db";
import { canonicalDefinition, diffDefinitions, type FieldChange } from "@/lib/definitions/diff";
import type { DefinitionKind, FeatureViewDefinition } from "@/lib/definitions/schema";
import { hasBlockingFailure, stateAfter, type CheckStatus, type DefinitionRef } from "@/lib/promotions/checks";
import { impactInTarget, type ItemImpact } from "@/lib/promotions/impact";
import {
  approversOf,
  effectiveRequiredApprovals,
  isClosed,
  reviewActionsFor,
  type ReviewDecision,
} from "@/lib/promotions/state-machine";
import type { PromotionSummary } from "./list";
import {
  KIND_ORDER,
  environmentById,
  loadEnvironments,
  requestSelect,
  targetSnapshot,
  usersById,
  type PromotionActor,
} from "./shared";

export interface ItemDetail {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  version: { id: string; number: number; message: string; createdAt: Date; author: string | null };
  /** What the diff is against: the version active in the target now (before it for applied requests). */
  baseVersion: { id: string; number: number } | null;
  targetVersion: { id: string; number: number } | null;
  previousVersion: { id: string; number: number } | null;
  changes: FieldChange[];
  code: { language: string; before: string; after: string } | null;
}

export interface CheckDetail {
  name: string;
  label: string;
  status: CheckStatus;
  blocking: boolean;
  message: string;
  details: { problems?: Array<{ object: string; message: string; severity: string; path?: string }> };
  createdAt: Date;
}

export interface PromotionDetail extends PromotionSummary {
  description: string;
  revision: number;
  closedAt: Date | null;
  isStale: boolean;
  hasBlockingFailures: boolean;
  revertsRequestNumber: number | null;
  revertedByNumbers: number[];
  items: ItemDetail[];
  impact: ItemImpact[];
  checks: CheckDetail[];
  reviews: Array<{
    id: string;
    reviewer: { id: string; name: string; email: string } | null;
    decision: ReviewDecision;
    comment: string;
    revision: number;
    createdAt: Date;
  }>;
  approvers: string[];
  actions: {
    review: ReviewDecision[];
    canWithdraw: boolean;
    canRefresh: boolean;
    canApply: boolean;
    canRevert: boolean;
  };
}

function codeOf(kind: DefinitionKind, definition: unknown): { language: string; code: string } | null {
  if (kind !== "feature_view" || definition === null || definition === undefined) return null;
  const view = canonicalDefinition("feature_view", definition) as FeatureViewDefinition;
  return view.transformation ? { language: view.transformation.language, code: view.transformation.code } : null;
}

export async function getPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number; viewer: PromotionActor },
): Promise<PromotionDetail | null> {
  const request = await prisma.promotionRequest.findUnique({
    where: { workspaceId_number: { workspaceId: input.workspaceId, number: input.number } },
    select: {
      ...requestSelect,
      checks: { select: { name: true, status: true, blocking: true, message: true, details: true, createdAt: true } },
    },
  });
  if (!request) return null;
  const [environments, versions, reverts, revertedBy] = await Promise.all([
    loadEnvironments(prisma, input.workspaceId),
    prisma.definitionVersion.findMany({
      where: {
        id: {
          in: request.items.flatMap((item) =>
            item.previousVersionId ? [item.versionId, item.previousVersionId] : [item.versionId],
          ),
        },
      },
      select: {
        id: true,
        objectKind: true,
        objectId: true,
        objectName: true,
        number: true,
        message: true,
        createdAt: true,
        definition: true,
        authorId: true,
      },
    }),
    request.revertsRequestId
      ? prisma.promotionRequest.findUnique({ where: { id: request.revertsRequestId }, select: { number: true } })
      : null,
    prisma.promotionRequest.findMany({
      where: { revertsRequestId: request.id },
      select: { number: true },
      orderBy: { number: "asc" },
    }),
  ]);
  const target = environmentById(environments, request.targetEnvironmentId);
  const source = environmentById(environments, request.sourceEnvironmentId);
  const [targetDefinitions, users] = await Promise.all([
    loadActiveDefinitions(prisma, target.id),
    usersById(prisma, [
      request.authorId,
      ...request.reviews.map((review) => review.reviewerId),
      ...versions.map((version) => version.authorId),
    ]),
  ]);
  const targetByObject = new Map(targetDefinitions.map((ref) => [`${ref.kind}:${ref.objectId}`, ref]));
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const isApplied = request.state === "applied";

  const items: ItemDetail[] = [];
  const requested: DefinitionRef[] = [];
  for (const item of request.items) {
    const version = versionById.get(item.versionId);
    if (!version) continue;
    const kind = item.objectKind as DefinitionKind;
    const active = targetByObject.get(`${kind}:${item.objectId}`) ?? null;
    const previous = item.previousVersionId ? (versionById.get(item.previousVersionId) ?? null) : null;
    // An applied request is shown against what it replaced; anything else against the target now.
    const base = isApplied
      ? previous
        ? { id: previous.id, number: previous.number, definition: previous.definition }
        : null
      : active
        ? { id: active.versionId, number: active.versionNumber, definition: active.definition }
        : null;
    const before = base ? canonicalDefinition(kind, base.definition) : undefined;
    const after = canonicalDefinition(kind, version.definition);
    const beforeCode = base ? codeOf(kind, base.definition) : null;
    const afterCode = codeOf(kind, version.definition);
    items.push({
      kind,
      objectId: item.objectId,
      name: version.objectName,
      version: {
        id: version.id,
        number: version.number,
        message: version.message,
        createdAt: version.createdAt,
        author: version.authorId ? (users.get(version.authorId)?.name ?? null) : null,
      },
      baseVersion: base ? { id: base.id, number: base.number } : null,
      targetVersion: active ? { id: active.versionId, number: active.versionNumber } : null,
      previousVersion: previous ? { id: previous.id, number: previous.number } : null,
      changes: diffDefinitions(before, after),
      code:
        beforeCode || afterCode
          ? {
              language: afterCode?.language ?? beforeCode?.language ?? "sql",
              before: beforeCode?.code ?? "",
              after: afterCode?.code ?? "",
            }
          : null,
    });
    requested.push({ kind, objectId: item.objectId, name: version.objectName, definition: version.definition });
  }
  items.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.name.localeCompare(b.name));

  const impact = impactInTarget(requested, targetDefinitions, stateAfter(targetDefinitions, requested));
  const snapshot = await targetSnapshot(prisma, target.id, request.items);
  const approvers = approversOf(request.reviews, request.revision);
  const open = !isClosed(request.state);
  const isStale = open && snapshot.hash !== request.targetSnapshotHash;
  const checks: CheckDetail[] = request.checks
    .map((check) => ({
      name: check.name,
      label: checkLabel(check.name),
      status: check.status,
      blocking: check.blocking,
      message: check.message,
      details: (check.details ?? {}) as CheckDetail["details"],
      createdAt: check.createdAt,
    }))
    .sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
  const hasBlockingFailures = hasBlockingFailure(checks);
  const viewer = input.viewer;
  const isAuthor = viewer.userId === request.authorId;
  const requiredApprovals = effectiveRequiredApprovals(target.requiredApprovals);

  return {
    id: request.id,
    number: request.number,
    title: request.title,
    description: request.description,
    state: request.state,
    source: source.name,
    target: target.name,
    author: users.get(request.authorId) ?? null,
    itemCount: request.items.length,
    objects: items.map((item) => `${item.name} v${item.version.number}`),
    approvals: approvers.length,
    requiredApprovals,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    closedAt: request.closedAt,
    revision: request.revision,
    isStale,
    hasBlockingFailures,
    revertsRequestNumber: reverts?.number ?? null,
    revertedByNumbers: revertedBy.map((row) => row.number),
    items,
    impact,
    checks,
    reviews: request.reviews.map((review) => ({
      id: review.id,
      reviewer: users.get(review.reviewerId) ?? null,
      decision: review.decision,
      comment: review.comment,
      revision: review.revision,
      createdAt: review.createdAt,
    })),
    approvers: approvers.map((id) => users.get(id)?.name ?? id),
    actions: {
      review: reviewActionsFor({ state: request.state, authorId: request.authorId, viewer, approvers }),
      canWithdraw: open && isAuthor,
      canRefresh: open && (isAuthor || roleAtLeast(viewer.role, "approver")),
      canApply:
        request.state === "approved" &&
        !isAuthor &&
        roleAtLeast(viewer.role, "approver") &&
        approvers.length >= requiredApprovals &&
        !isStale,
      canRevert:
        isApplied &&
        roleAtLeast(viewer.role, "author") &&
        request.items.some((item) => item.previousVersionId !== null),
    },
  };
}

const CHECK_ORDER = ["definitions_valid", "dependencies_active", "no_breaking_change", "freshness", "skew", "drift"];
