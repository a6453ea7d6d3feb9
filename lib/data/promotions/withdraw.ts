import "server-only";
import { recordAudit } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { decideWithdraw, type PromotionState } from "@/lib/promotions/state-machine";
import { lockRequest, setState } from "./locked-request";
import { TX_OPTIONS, requestLabel, throwRefusal, type PromotionActor } from "./shared";

export async function withdrawPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<{ state: PromotionState }> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.workspaceId, input.number);
    throwRefusal(
      decideWithdraw({
        state: request.state,
        number: request.number,
        authorId: request.authorId,
        actorId: actor.userId,
      }),
    );
    await setState(tx, request, "withdrawn", now);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: { userId: actor.userId },
      action: "promotion.withdraw",
      objectKind: "promotion_request",
      objectId: request.id,
      objectName: requestLabel(request),
      before: { state: request.state },
      after: { state: "withdrawn" },
    });
    return { state: "withdrawn" as const };
  }, TX_OPTIONS);
}
