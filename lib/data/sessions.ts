import "server-only";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Sessions are JWTs that carry the user's session version; every request compares it with the
 * database (lib/session.ts). Bumping the version ends every session of that user at once.
 */
export async function revokeSessions(tx: Tx | Db, userId: string): Promise<number> {
  const user = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}

/** Sign-out: the cookie is cleared by next-auth, and a copy of it stops working too. */
export async function revokeSessionsAtSignOut(prisma: Db, userId: string, tokenVersion: number | undefined) {
  // Only when the signing-out session is still current: a revoked cookie cannot bump again.
  await prisma.user.updateMany({
    where: { id: userId, sessionVersion: tokenVersion ?? -1 },
    data: { sessionVersion: { increment: 1 } },
  });
}

/** An admin ends every session of a member of their workspace. */
export async function signOutEverywhere(
  prisma: Db,
  input: { workspaceId: string; userId: string },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "That user is not a member of this workspace.");
    await revokeSessions(tx, input.userId);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "user.sessions.revoke",
      objectKind: "user",
      objectId: input.userId,
      objectName: member.user.email,
    });
  });
}

/** Changes the user's own password (after checking the current one) and ends their sessions. */
export async function changePassword(
  prisma: Db,
  input: { userId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("bad_request", `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`, {
      fields: [{ path: "newPassword", message: `At least ${MIN_PASSWORD_LENGTH} characters` }],
    });
  }
  if (input.newPassword.length > MAX_PASSWORD_LENGTH || input.currentPassword.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("bad_request", `Passwords are at most ${MAX_PASSWORD_LENGTH} characters.`, {
      fields: [{ path: "newPassword", message: `At most ${MAX_PASSWORD_LENGTH} characters` }],
    });
  }
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { email: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    throw new AppError("conflict", "This account signs in through single sign-on and has no password here.");
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)).valid) {
    throw new AppError("bad_request", "The current password is not right.", {
      fields: [{ path: "currentPassword", message: "Not the current password" }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    await revokeSessions(tx, input.userId);
    await recordAudit(tx, {
      workspaceId: null,
      actor: { userId: input.userId },
      action: "user.password.change",
      objectKind: "user",
      objectId: input.userId,
      objectName: user.email,
    });
  });
}

/**
 * What follows a user's loss of a role in a workspace: their sessions end, and if they were an
 * admin there, the API tokens they created there die with the role.
 */
export async function afterRoleLoss(
  tx: Tx,
  input: { workspaceId: string; userId: string; wasAdmin: boolean; isAdmin: boolean },
  actor: Actor,
): Promise<void> {
  await revokeSessions(tx, input.userId);
  if (!input.wasAdmin || input.isAdmin) return;
  const tokens = await tx.apiToken.findMany({
    where: { workspaceId: input.workspaceId, createdById: input.userId, revokedAt: null },
    select: { id: true, name: true },
  });
  if (tokens.length === 0) return;
  await tx.apiToken.updateMany({
    where: { id: { in: tokens.map((token) => token.id) } },
    data: { revokedAt: new Date() },
  });
  for (const token of tokens) {
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "api_token.revoke",
      objectKind: "api_token",
      objectId: token.id,
      objectName: token.name,
      after: { reason: "creator is no longer an admin" },
    });
  }
}
