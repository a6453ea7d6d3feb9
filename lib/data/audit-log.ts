import "server-only";
import type { Db, Prisma } from "@/lib/db";
import type { AuditQuery } from "@/lib/validations/promotions";

/*
 * The read side of the append-only audit log: newest first, filtered by object (name or id),
 * user (id or email) and action prefix, paged with a cursor on the id so new rows arriving
 * while someone pages never shift what they see.
 */

export interface AuditEntry {
  id: string;
  action: string;
  actor: { userId: string | null; tokenId: string | null; name: string | null; email: string | null };
  objectKind: string | null;
  objectId: string | null;
  objectName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

export async function listAuditLog(
  prisma: Db,
  input: Omit<AuditQuery, "limit"> & { workspaceId: string; limit?: number },
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const where: Prisma.AuditLogWhereInput = { workspaceId: input.workspaceId };
  const and: Prisma.AuditLogWhereInput[] = [];
  if (input.object) {
    and.push({
      OR: [
        { objectName: input.object },
        { objectId: input.object },
        // A promotion names its objects in `after.items`, so filtering by object finds it too.
        { after: { path: ["items"], array_contains: [{ name: input.object }] } },
      ],
    });
  }
  if (input.user) {
    const user = input.user.includes("@")
      ? await prisma.user.findUnique({ where: { email: input.user.toLowerCase() }, select: { id: true } })
      : { id: input.user };
    if (!user) return { entries: [], nextCursor: null };
    and.push({ actorUserId: user.id });
  }
  if (input.action) and.push({ action: { startsWith: input.action } });
  if (input.cursor) and.push({ id: { lt: BigInt(input.cursor) } });
  if (and.length > 0) where.AND = and;

  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      action: true,
      actorUserId: true,
      actorTokenId: true,
      objectKind: true,
      objectId: true,
      objectName: true,
      before: true,
      after: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const users = new Map(
    (await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map(
      (user) => [user.id, user],
    ),
  );
  return {
    entries: page.map((row) => {
      const user = row.actorUserId ? users.get(row.actorUserId) : undefined;
      return {
        id: row.id.toString(),
        action: row.action,
        actor: {
          userId: row.actorUserId,
          tokenId: row.actorTokenId,
          name: user?.name ?? null,
          email: user?.email ?? null,
        },
        objectKind: row.objectKind,
        objectId: row.objectId,
        objectName: row.objectName,
        before: row.before,
        after: row.after,
        createdAt: row.createdAt,
      };
    }),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Members who appear in the audit log filter. */
export async function listAuditActors(prisma: Db, workspaceId: string) {
  const members = await prisma.workspaceMember.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return members.map((member) => member.user);
}
