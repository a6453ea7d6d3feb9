import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { storeChecks } from "@/lib/data/promotion-checks";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasBlockingFailure } from "@/lib/promotions/checks";
import {
  approversOf,
  decideReview,
  effectiveRequiredApprovals,
  type PromotionState,
  type ReviewDecision,
} from "@/lib/promotions/state-machine";
import { applyItems } from "./apply";
import { lockForDecision, rerunChecks, setState } from "./locked-request";
import { TX_OPTIONS, requestLabel, type PromotionActor } from "./shared";

export interface ReviewResult {
  state: PromotionState;
  approvals: number;
  requiredApprovals: number;
  applied: boolean;
}

export async function reviewPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number; decision: ReviewDecision; comment?: string },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const scope = await lockForDecision(tx, input, { lockTarget: input.decision === "approve" });
    const { request, target } = scope;
    const context = {
      state: request.state,
      number: request.number,
      authorId: request.authorId,
      reviewer: actor,
      decision: input.decision,
      approvers: approversOf(request.reviews, request.revision),
      requiredApprovals: target.requiredApprovals,
      isStale: scope.isStale,
      isNextInLine: scope.isNextInLine,
      hasBlockingFailures: false,
    };
    let outcome = decideReview(context);
    if (!outcome.ok) throw new AppError(outcome.refusal.code, outcome.refusal.message);
    if (outcome.nextState === "applied") {
      // The approval that completes the count re-runs the checks against the target as it is now.
      const run = await rerunChecks(tx, scope, now);
      await storeChecks(tx, request.id, run.results);
      outcome = decideReview({ ...context, hasBlockingFailures: hasBlockingFailure(run.results) });
      if (!outcome.ok) throw new AppError(outcome.refusal.code, outcome.refusal.message);
    }
    await tx.promotionReview.create({
      data: {
        requestId: request.id,
        reviewerId: actor.userId,
        decision: input.decision,
        comment: input.comment ?? "",
        revision: request.revision,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: { userId: actor.userId },
      action: `promotion.review.${input.decision}`,
      objectKind: "promotion_request",
      objectId: request.id,
      objectName: requestLabel(request),
      before: { state: request.state, approvals: context.approvers.length },
      after: { state: outcome.nextState, approvals: outcome.approvals, comment: input.comment ?? "" },
    });
    if (outcome.shouldApply) await applyItems(tx, request, target, actor, now);
    await setState(tx, request, outcome.nextState, now);
    return {
      state: outcome.nextState,
      approvals: outcome.approvals,
      requiredApprovals: effectiveRequiredApprovals(target.requiredApprovals),
      applied: outcome.shouldApply,
    };
  }, TX_OPTIONS);
}
