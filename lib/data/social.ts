import "server-only";
import { requireObjectHeader } from "@/lib/data/catalog";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { catalogHref } from "@/lib/routes";
import type { Db } from "@/lib/db";
import type { CatalogKind } from "@/lib/search/types";

/**
 * Stars ("my features") and comments on catalog objects. Every call checks that the object
 * belongs to the caller's workspace first, so ids of other workspaces read as not found.
 */

export interface StarState {
  starred: boolean;
  count: number;
}

export async function getStarState(
  prisma: Db,
  options: { userId: string; kind: CatalogKind; id: string },
): Promise<StarState> {
  // One raw statement: every object page asks, and two Prisma queries cost more to compile.
  const [row] = await prisma.$queryRaw<{ starred: boolean; count: number }[]>`
    SELECT bool_or(user_id = ${options.userId}) IS TRUE AS starred, count(*)::int AS count
    FROM star WHERE object_kind = ${options.kind}::"ObjectKind" AND object_id = ${options.id}`;
  return { starred: row?.starred ?? false, count: row?.count ?? 0 };
}

/** Stars or unstars an object for the user; idempotent. Stars are personal, so not audited. */
export async function setStar(
  prisma: Db,
  options: { workspaceId: string; userId: string; kind: CatalogKind; id: string; starred: boolean },
): Promise<StarState> {
  await requireObjectHeader(prisma, { workspaceId: options.workspaceId, kind: options.kind, id: options.id });
  const key = { userId: options.userId, objectKind: options.kind, objectId: options.id };
  if (options.starred) {
    await prisma.star.upsert({ where: { userId_objectKind_objectId: key }, create: key, update: {} });
  } else {
    await prisma.star.deleteMany({ where: key });
  }
  return getStarState(prisma, options);
}

export interface StarredObject {
  kind: CatalogKind;
  id: string;
  name: string;
  qualifiedName: string;
  href: string;
  description: string;
  owner: string;
  usageCount: number;
  starredAt: string;
}

/** The user's starred objects in one workspace, newest star first. */
export async function listStarred(
  prisma: Db,
  options: { workspaceId: string; userId: string },
): Promise<StarredObject[]> {
  const rows = await prisma.$queryRawUnsafe<
    {
      kind: CatalogKind;
      id: string;
      name: string;
      qualified_name: string;
      description: string;
      owner: string;
      usage_count: number;
      created_at: Date;
    }[]
  >(
    `SELECT d.object_kind::text AS kind, d.object_id AS id, d.name, d.qualified_name, left(d.description, 240) AS description,
            d.owner, d.usage_count, s.created_at
     FROM star s JOIN search_document d ON d.object_kind = s.object_kind AND d.object_id = s.object_id
     WHERE s.user_id = $1 AND d.workspace_id = $2
     ORDER BY s.created_at DESC
     LIMIT 500`,
    options.userId,
    options.workspaceId,
  );
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    name: row.name,
    qualifiedName: row.qualified_name,
    href: catalogHref(row.kind, row.id),
    description: row.description,
    owner: row.owner,
    usageCount: Number(row.usage_count),
    starredAt: new Date(row.created_at).toISOString(),
  }));
}

export interface CommentView {
  id: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
}

export async function listComments(
  prisma: Db,
  options: { workspaceId: string; kind: CatalogKind; id: string },
): Promise<CommentView[]> {
  const comments = await prisma.comment.findMany({
    where: { workspaceId: options.workspaceId, objectKind: options.kind, objectId: options.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, authorId: true, createdAt: true },
    take: 500,
  });
  // Most objects have no comments: then there is nobody to look up.
  const authors = comments.length
    ? await prisma.user.findMany({
        where: { id: { in: [...new Set(comments.map((c) => c.authorId))] } },
        select: { id: true, name: true },
      })
    : [];
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return comments.map((c) => ({
    id: c.id,
    body: c.body,
    author: { id: c.authorId, name: nameOf.get(c.authorId) ?? "Former member" },
    createdAt: c.createdAt.toISOString(),
  }));
}

/** Adds a comment (any member may discuss, viewers included) and audits it. */
export async function addComment(
  prisma: Db,
  options: { workspaceId: string; userId: string; kind: CatalogKind; id: string; body: string },
  actor: Actor,
): Promise<CommentView> {
  const object = await requireObjectHeader(prisma, {
    workspaceId: options.workspaceId,
    kind: options.kind,
    id: options.id,
  });
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        workspaceId: options.workspaceId,
        objectKind: options.kind,
        objectId: options.id,
        authorId: options.userId,
        body: options.body,
      },
      select: { id: true, body: true, createdAt: true },
    });
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actor,
      action: "comment.create",
      objectKind: options.kind,
      objectId: options.id,
      objectName: object.name,
      after: { commentId: comment.id },
    });
    const author = await tx.user.findUnique({ where: { id: options.userId }, select: { id: true, name: true } });
    return {
      id: comment.id,
      body: comment.body,
      author: author ?? { id: options.userId, name: "" },
      createdAt: comment.createdAt.toISOString(),
    };
  });
}
