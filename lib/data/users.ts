import "server-only";
import { AppError } from "@/lib/errors";
import { DUMMY_PASSWORD_HASH, hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { recordFailedSignIn, recordSuccessfulSignIn, secondsBlocked } from "@/lib/auth/throttle";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

import { roleAtLeast } from "@/lib/auth/roles";
import { assertAnotherAdmin } from "@/lib/data/members";
import { afterRoleLoss } from "@/lib/data/sessions";

export { ROLES, roleAtLeast } from "@/lib/auth/roles";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled" | "too_long"; retryAfterSeconds?: number };

/**
 * Checks an email and password. `address` is the client's address, or null when unknown
 * (throttling then counts per account only). A bcrypt hash is replaced with Argon2id on success.
 */
export async function authenticateWithPassword(
  prisma: Db,
  input: { email: string; password: string; address: string | null },
): Promise<SignInResult> {
  if (input.password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: "too_long" };
  const email = input.email.trim().toLowerCase();
  const retryAfterSeconds = await secondsBlocked(prisma, email, input.address);
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  // Always run one hash comparison so unknown emails take as long as wrong passwords.
  const check = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !user.passwordHash || !check.valid || user.disabledAt) {
    await recordFailedSignIn(prisma, email, input.address);
    return { ok: false, reason: "invalid" };
  }
  if (check.needsRehash) {
    // Only if the hash is still the one just checked: a concurrent password change wins.
    await prisma.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: await hashPassword(input.password) },
    });
  }
  await recordSuccessfulSignIn(prisma, email, input.address);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** Sessions issued under another version have been revoked. */
  sessionVersion: number;
  /** Whether the account can sign in with a password (SSO-only accounts cannot). */
  hasPassword: boolean;
  memberships: { workspaceId: string; workspaceSlug: string; workspaceName: string; role: Role }[];
}

/**
 * Who is signed in, with their memberships: read on every request, so one statement (raw SQL
 * skips Prisma's query compiler, which cost more than the read itself under load).
 */
export async function getSessionUser(prisma: Db, userId: string): Promise<SessionUser | null> {
  const rows = await prisma.$queryRaw<
    { id: string; email: string; name: string; session_version: number; has_password: boolean; memberships: string }[]
  >`
    SELECT u.id, u.email, u.name, u.session_version, u.password_hash IS NOT NULL AS has_password,
      coalesce((
        SELECT json_agg(json_build_object(
            'workspaceId', w.id, 'workspaceSlug', w.slug, 'workspaceName', w.name, 'role', m.role)
          ORDER BY w.slug)
        FROM workspace_member m JOIN workspace w ON w.id = m.workspace_id
        WHERE m.user_id = u.id), '[]')::text AS memberships
    FROM app_user u
    WHERE u.id = ${userId} AND u.disabled_at IS NULL`;
  const user = rows[0];
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    sessionVersion: Number(user.session_version),
    hasPassword: user.has_password,
    memberships: JSON.parse(user.memberships) as SessionUser["memberships"],
  };
}

export async function createUser(
  prisma: Db,
  input: { email: string; name?: string; password: string; role: Role; workspaceId: string },
  actor: Actor = {},
) {
  const email = input.email.trim().toLowerCase();
  if (input.password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("bad_request", `Passwords are at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new AppError("conflict", `A user with email ${email} already exists.`);
    const user = await tx.user.create({
      data: {
        email,
        name: input.name?.trim() || email.split("@")[0]!,
        passwordHash,
        memberships: { create: { workspaceId: input.workspaceId, role: input.role } },
      },
      select: { id: true, email: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "user.create",
      objectKind: "user",
      objectId: user.id,
      objectName: email,
      after: { email, role: input.role },
    });
    return user;
  });
}

export async function listWorkspaceUsers(prisma: Db, workspaceId: string) {
  const members = await prisma.workspaceMember.findMany({
    where: { workspaceId },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, disabledAt: true } },
    },
    orderBy: { user: { email: "asc" } },
  });
  return members.map((m) => ({ ...m.user, role: m.role, memberSince: m.createdAt }));
}

export async function setWorkspaceRole(
  prisma: Db,
  input: { workspaceId: string; userId: string; role: Role },
  actor: Actor,
) {
  return prisma.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "That user is not a member of this workspace.");
    if (member.role === input.role) return;
    if (member.role === "admin" && input.role !== "admin") await assertAnotherAdmin(tx, input.workspaceId);
    // A role set by hand stays as set: the IdP's groups no longer manage this membership.
    await tx.workspaceMember.update({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      data: { role: input.role, source: "manual" },
    });
    if (!roleAtLeast(input.role, member.role)) {
      await afterRoleLoss(tx, { ...input, wasAdmin: member.role === "admin", isAdmin: input.role === "admin" }, actor);
    }
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "user.role.change",
      objectKind: "user",
      objectId: input.userId,
      objectName: member.user.email,
      before: { role: member.role },
      after: { role: input.role },
    });
  });
}
