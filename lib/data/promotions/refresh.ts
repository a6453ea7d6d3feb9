import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { storeChecks } from "@/lib/data/promotion-checks";
import type { Db } from "@/lib/db";
import { afterRefresh, decideRefresh, type PromotionState } from "@/lib/promotions/state-machine";
import { lockForDecision, rerunChecks, setState } from "./locked-request";
import { TX_OPTIONS, requestLabel, throwRefusal, type PromotionActor } from "./shared";

/** Recomputes the target snapshot and re-runs the checks; a changed target starts a new revision. */
export async function refreshPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<{ state: PromotionState; revision: number; targetChanged: boolean }> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const scope = await lockForDecision(tx, input, {
      guard: (request) =>
        throwRefusal(
          decideRefresh({ state: request.state, number: request.number, authorId: request.authorId, actor }),
        ),
    });
    const { request, snapshot } = scope;
    const targetChanged = scope.isStale;
    const next = afterRefresh(request.state, request.revision, targetChanged);
    const run = await rerunChecks(tx, scope, now);
    await storeChecks(tx, request.id, run.results);
    await setState(tx, request, next.state, now, { revision: next.revision, targetSnapshotHash: snapshot.hash });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: { userId: actor.userId },
      action: "promotion.refresh",
      objectKind: "promotion_request",
      objectId: request.id,
      objectName: requestLabel(request),
      before: { state: request.state, revision: request.revision, targetSnapshotHash: request.targetSnapshotHash },
      after: {
        state: next.state,
        revision: next.revision,
        targetSnapshotHash: snapshot.hash,
        checks: Object.fromEntries(run.results.map((result) => [result.name, result.status])),
      },
    });
    return { state: next.state, revision: next.revision, targetChanged };
  }, TX_OPTIONS);
}
