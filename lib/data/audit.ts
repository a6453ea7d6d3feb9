import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface Actor {
  userId?: string | null;
  tokenId?: string | null;
}

export interface AuditEntry {
  workspaceId: string | null;
  actor: Actor;
  action: string;
  objectKind?: string;
  objectId?: string;
  objectName?: string;
  before?: unknown;
  after?: unknown;
}

type AuditWriter = { auditLog: Prisma.TransactionClient["auditLog"] };

/** Appends one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorUserId: entry.actor.userId ?? null,
      actorTokenId: entry.actor.tokenId ?? null,
      action: entry.action,
      objectKind: entry.objectKind ?? null,
      objectId: entry.objectId ?? null,
      objectName: entry.objectName ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
