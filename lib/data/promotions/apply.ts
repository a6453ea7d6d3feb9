import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { storeChecks } from "@/lib/data/promotion-checks";
import type { Db } from "@/lib/db";
import { hasBlockingFailure } from "@/lib/promotions/checks";
import { approversOf, decideApply, effectiveRequiredApprovals } from "@/lib/promotions/state-machine";
import { lockForDecision, rerunChecks, setState } from "./locked-request";
import type { ReviewResult } from "./review";
import {
  TX_OPTIONS,
  requestLabel,
  throwRefusal,
  type EnvironmentRow,
  type LockedRequest,
  type PromotionActor,
  type Tx,
} from "./shared";

export async function applyItems(
  tx: Tx,
  request: LockedRequest,
  target: EnvironmentRow,
  actor: PromotionActor,
  now: Date,
) {
  const versions = await tx.definitionVersion.findMany({
    where: { id: { in: request.items.flatMap((item) => [item.versionId, item.previousVersionId ?? item.versionId]) } },
    select: { id: true, number: true, objectName: true },
  });
  const current = await tx.activeVersion.findMany({
    where: { environmentId: target.id, objectId: { in: request.items.map((item) => item.objectId) } },
    select: { objectKind: true, objectId: true, versionId: true },
  });
  const currentVersions = await tx.definitionVersion.findMany({
    where: { id: { in: current.map((row) => row.versionId) } },
    select: { id: true, number: true, objectName: true },
  });
  const versionById = new Map([...versions, ...currentVersions].map((version) => [version.id, version]));
  const currentByObject = new Map(current.map((row) => [`${row.objectKind}:${row.objectId}`, row.versionId]));

  for (const item of request.items) {
    const previousId = currentByObject.get(`${item.objectKind}:${item.objectId}`) ?? null;
    const key = { environmentId: target.id, objectKind: item.objectKind, objectId: item.objectId };
    const pin = {
      versionId: item.versionId,
      activatedAt: now,
      activatedById: actor.userId,
      promotionRequestId: request.id,
    };
    await tx.activeVersion.upsert({
      where: { environmentId_objectKind_objectId: key },
      create: { ...key, ...pin },
      update: pin,
    });
    await tx.promotionItem.update({ where: { id: item.id }, data: { previousVersionId: previousId } });
    const version = versionById.get(item.versionId);
    const previous = previousId ? versionById.get(previousId) : undefined;
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actor: { userId: actor.userId },
      action: "version.activate",
      objectKind: item.objectKind,
      objectId: item.objectId,
      objectName: version?.objectName ?? item.objectId,
      before: previousId
        ? { environment: target.name, versionId: previousId, version: previous?.number ?? null }
        : null,
      after: {
        environment: target.name,
        versionId: item.versionId,
        version: version?.number ?? null,
        promotionRequest: request.number,
      },
    });
  }
  await recordAudit(tx, {
    workspaceId: request.workspaceId,
    actor: { userId: actor.userId },
    action: "promotion.apply",
    objectKind: "promotion_request",
    objectId: request.id,
    objectName: requestLabel(request),
    before: { state: request.state },
    after: { state: "applied", target: target.name, items: request.items.length },
  });
}

/** Applies an approved request whose blocking checks failed when it was approved and pass now. */
export async function applyPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const scope = await lockForDecision(tx, input, { lockTarget: true });
    const { request, target } = scope;
    const approvals = approversOf(request.reviews, request.revision).length;
    const base = {
      state: request.state,
      number: request.number,
      authorId: request.authorId,
      actor,
      approvals,
      requiredApprovals: target.requiredApprovals,
      isStale: scope.isStale,
      isNextInLine: scope.isNextInLine,
    };
    throwRefusal(decideApply({ ...base, hasBlockingFailures: false }));
    const run = await rerunChecks(tx, scope, now);
    const blocked = hasBlockingFailure(run.results);
    if (blocked) {
      // Refuse without writing: the caller sees the failing checks by refreshing the request.
      throwRefusal(decideApply({ ...base, hasBlockingFailures: true }));
    }
    await storeChecks(tx, request.id, run.results);
    await applyItems(tx, request, target, actor, now);
    await setState(tx, request, "applied", now);
    return {
      state: "applied",
      approvals,
      requiredApprovals: effectiveRequiredApprovals(target.requiredApprovals),
      applied: true,
    };
  }, TX_OPTIONS);
}
