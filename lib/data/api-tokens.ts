import "server-only";
import { generateApiToken, hashApiToken, looksLikeApiToken, type TokenScope } from "@/lib/auth/tokens";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db";

export async function listApiTokens(prisma: Db, workspaceId: string) {
  return prisma.apiToken.findMany({
    where: { workspaceId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Creates a token and returns it in clear once; only its hash is stored. */
export async function createApiToken(
  prisma: Db,
  input: { workspaceId: string; name: string; scopes: TokenScope[] },
  actor: Actor,
) {
  const { token, prefix, hash } = generateApiToken();
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes: input.scopes,
        createdById: actor.userId ?? null,
      },
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "api_token.create",
      objectKind: "api_token",
      objectId: row.id,
      objectName: row.name,
      after: { name: row.name, scopes: row.scopes, prefix },
    });
    return row;
  });
  return { ...created, token };
}

export async function revokeApiToken(prisma: Db, input: { workspaceId: string; tokenId: string }, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: input.tokenId, workspaceId: input.workspaceId },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!token) throw new AppError("not_found", "No such API token in this workspace.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "api_token.revoke",
      objectKind: "api_token",
      objectId: token.id,
      objectName: token.name,
    });
  });
}

export interface TokenPrincipal {
  tokenId: string;
  name: string;
  workspaceId: string;
  workspaceSlug: string;
  scopes: TokenScope[];
}

/** Resolves a bearer token to its workspace and scopes, or null if unknown or revoked. */
export async function authenticateApiToken(prisma: Db, token: string): Promise<TokenPrincipal | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
      workspace: { select: { id: true, slug: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  // Write last-used at most once a minute: ingestion clients call many times a second.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    tokenId: row.id,
    name: row.name,
    workspaceId: row.workspace.id,
    workspaceSlug: row.workspace.slug,
    scopes: row.scopes as TokenScope[],
  };
}
