import "server-only";
import type { Client } from "@/lib/data/promotion-checks";
import type { Prisma } from "@/lib/db";
import { DEFINITION_KINDS } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { targetSnapshotHash } from "@/lib/promotions/snapshot";
import type { Decision } from "@/lib/promotions/state-machine";

/* What the promotion writes and reads share: environments, the target fingerprint, the request row. */

export interface PromotionActor {
  userId: string;
  role: Role;
}

export type Tx = Prisma.TransactionClient;

// Concurrent approvals queue on the request lock; give them time rather than failing fast.
export const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };
export const KIND_ORDER = new Map<string, number>(DEFINITION_KINDS.map((kind, index) => [kind, index]));

export interface EnvironmentRow {
  id: string;
  name: string;
  position: number;
  requiredApprovals: number;
  blockOnHealth: boolean;
}

export async function loadEnvironments(client: Client, workspaceId: string): Promise<EnvironmentRow[]> {
  return client.environment.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, requiredApprovals: true, blockOnHealth: true },
  });
}

export function environmentById(environments: readonly EnvironmentRow[], id: string): EnvironmentRow {
  const environment = environments.find((candidate) => candidate.id === id);
  if (!environment) throw new AppError("conflict", "An environment of this request no longer exists.");
  return environment;
}

export function throwRefusal(decision: Decision<object>): void {
  if (!decision.ok) throw new AppError(decision.refusal.code, decision.refusal.message);
}

export async function usersById(client: Client, ids: Iterable<string | null | undefined>) {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, { id: string; name: string; email: string }>();
  const users = await client.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((user) => [user.id, user]));
}

/** The versions active in `environmentId` for these objects, and their fingerprint. */
export async function targetSnapshot(
  client: Client,
  environmentId: string,
  items: ReadonlyArray<{ objectKind: string; objectId: string }>,
) {
  const rows = await client.activeVersion.findMany({
    where: { environmentId, objectId: { in: items.map((item) => item.objectId) } },
    select: { objectKind: true, objectId: true, versionId: true },
  });
  const active = new Map(rows.map((row) => [`${row.objectKind}:${row.objectId}`, row.versionId]));
  const entries = items.map((item) => ({
    kind: item.objectKind,
    objectId: item.objectId,
    versionId: active.get(`${item.objectKind}:${item.objectId}`) ?? null,
  }));
  return { hash: targetSnapshotHash(entries), active };
}

export const requestSelect = {
  id: true,
  workspaceId: true,
  number: true,
  title: true,
  description: true,
  state: true,
  authorId: true,
  sourceEnvironmentId: true,
  targetEnvironmentId: true,
  targetSnapshotHash: true,
  revision: true,
  revertsRequestId: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  items: { select: { id: true, objectKind: true, objectId: true, versionId: true, previousVersionId: true } },
  reviews: {
    select: { id: true, reviewerId: true, decision: true, comment: true, revision: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.PromotionRequestSelect;

export type LockedRequest = Prisma.PromotionRequestGetPayload<{ select: typeof requestSelect }>;

export function requestLabel(request: { number: number; title: string }): string {
  return `#${request.number} ${request.title}`;
}
