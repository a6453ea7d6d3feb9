import "server-only";
import { runPromotionChecks } from "@/lib/data/promotion-checks";
import type { Prisma } from "@/lib/db";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { checkNextInLine, isClosed, type PromotionState } from "@/lib/promotions/state-machine";
import {
  environmentById,
  loadEnvironments,
  requestSelect,
  targetSnapshot,
  type EnvironmentRow,
  type LockedRequest,
  type Tx,
} from "./shared";

/** Locks the request row for the rest of the transaction, then reads it. */
export async function lockRequest(tx: Tx, workspaceId: string, number: number): Promise<LockedRequest> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM promotion_request WHERE workspace_id = ${workspaceId} AND number = ${number} FOR UPDATE`;
  const id = locked[0]?.id;
  if (!id) throw new AppError("not_found", `No promotion request #${number} in this workspace.`);
  return tx.promotionRequest.findUniqueOrThrow({ where: { id }, select: requestSelect });
}

export async function lockEnvironment(tx: Tx, environmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM environment WHERE id = ${environmentId} FOR UPDATE`;
}

export async function setState(
  tx: Tx,
  request: LockedRequest,
  state: PromotionState,
  now: Date,
  extra: Prisma.PromotionRequestUpdateInput = {},
) {
  await tx.promotionRequest.update({
    where: { id: request.id },
    data: { state, updatedAt: now, ...(isClosed(state) ? { closedAt: now } : {}), ...extra },
  });
}

/** A request locked for a decision, its environments and the target's versions of its objects now. */
export interface LockedScope {
  request: LockedRequest;
  environments: EnvironmentRow[];
  source: EnvironmentRow;
  target: EnvironmentRow;
  snapshot: Awaited<ReturnType<typeof targetSnapshot>>;
  /** The target changed since the request's snapshot was taken. */
  isStale: boolean;
  isNextInLine: boolean;
}

/**
 * The setup of every decision on an open request: lock the request row, run `guard` on it, read
 * the environments, lock the target row when the decision may apply, and fingerprint the target.
 */
export async function lockForDecision(
  tx: Tx,
  input: { workspaceId: string; number: number },
  options: { lockTarget?: boolean; guard?: (request: LockedRequest) => void } = {},
): Promise<LockedScope> {
  const request = await lockRequest(tx, input.workspaceId, input.number);
  options.guard?.(request);
  const environments = await loadEnvironments(tx, input.workspaceId);
  const target = environmentById(environments, request.targetEnvironmentId);
  const source = environmentById(environments, request.sourceEnvironmentId);
  if (options.lockTarget) await lockEnvironment(tx, target.id);
  const snapshot = await targetSnapshot(tx, target.id, request.items);
  return {
    request,
    environments,
    source,
    target,
    snapshot,
    isStale: snapshot.hash !== request.targetSnapshotHash,
    isNextInLine: checkNextInLine(environments, source.id, target.id).ok,
  };
}

/** Runs the promotion checks of a locked request's items against its target as it is now. */
export async function rerunChecks(tx: Tx, scope: LockedScope, now: Date) {
  return runPromotionChecks(tx, {
    items: scope.request.items.map((item) => ({
      kind: item.objectKind as DefinitionKind,
      objectId: item.objectId,
      versionId: item.versionId,
    })),
    source: scope.source,
    target: scope.target,
    now,
  });
}
