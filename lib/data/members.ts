import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { afterRoleLoss } from "@/lib/data/sessions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** Refuses to take the admin role from a workspace's last admin. */
export async function assertAnotherAdmin(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  const admins = await tx.workspaceMember.count({ where: { workspaceId, role: "admin" } });
  if (admins <= 1) throw new AppError("conflict", "A workspace needs at least one admin; promote someone else first.");
}

/** Members of a workspace, and the invitations not yet accepted. */
export async function listMembersAndInvites(prisma: Db, workspaceId: string) {
  const [members, invites] = await Promise.all([
    prisma.workspaceMember.findMany({
      where: { workspaceId },
      select: {
        role: true,
        source: true,
        createdAt: true,
        user: { select: { id: true, email: true, name: true, disabledAt: true, oidcSubject: true } },
      },
      orderBy: { user: { email: "asc" } },
    }),
    prisma.workspaceInvite.findMany({
      where: { workspaceId },
      select: { id: true, email: true, role: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    members: members.map((m) => ({
      id: m.user.id,
      email: m.user.email,
      name: m.user.name,
      disabled: m.user.disabledAt !== null,
      singleSignOn: m.user.oidcSubject !== null,
      role: m.role,
      source: m.source,
      memberSince: m.createdAt,
    })),
    invites,
  };
}

/**
 * Adds someone by email. An existing account becomes a member at once; otherwise an invite
 * waits for that email's first single sign-on with a verified address.
 */
export async function inviteMember(
  prisma: Db,
  input: { workspaceId: string; email: string; role: Role },
  actor: Actor,
): Promise<{ outcome: "added" | "invited" }> {
  const email = input.email.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (user) {
      const existing = await tx.workspaceMember.findUnique({
        where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: user.id } },
        select: { role: true },
      });
      if (existing) throw new AppError("conflict", `${email} is already a member (${existing.role}).`);
      await tx.workspaceMember.create({
        data: { workspaceId: input.workspaceId, userId: user.id, role: input.role, source: "manual" },
      });
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: "member.add",
        objectKind: "user",
        objectId: user.id,
        objectName: email,
        after: { role: input.role },
      });
      return { outcome: "added" as const };
    }
    const before = await tx.workspaceInvite.findUnique({
      where: { workspaceId_email: { workspaceId: input.workspaceId, email } },
      select: { role: true },
    });
    const invite = await tx.workspaceInvite.upsert({
      where: { workspaceId_email: { workspaceId: input.workspaceId, email } },
      create: { workspaceId: input.workspaceId, email, role: input.role, invitedById: actor.userId ?? null },
      update: { role: input.role, invitedById: actor.userId ?? null },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.invite",
      objectKind: "invite",
      objectId: invite.id,
      objectName: email,
      before: before ?? undefined,
      after: { role: input.role },
    });
    return { outcome: "invited" as const };
  });
}

export async function cancelInvite(prisma: Db, input: { workspaceId: string; inviteId: string }, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const invite = await tx.workspaceInvite.findFirst({
      where: { id: input.inviteId, workspaceId: input.workspaceId },
      select: { id: true, email: true, role: true },
    });
    if (!invite) throw new AppError("not_found", "No such invitation in this workspace.");
    await tx.workspaceInvite.delete({ where: { id: invite.id } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.invite.cancel",
      objectKind: "invite",
      objectId: invite.id,
      objectName: invite.email,
      before: { role: invite.role },
    });
  });
}

/** Removes a member; their sessions end and, if they were an admin, their tokens die. */
export async function removeMember(prisma: Db, input: { workspaceId: string; userId: string }, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "That user is not a member of this workspace.");
    if (member.role === "admin") await assertAnotherAdmin(tx, input.workspaceId);
    await tx.workspaceMember.delete({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
    });
    await afterRoleLoss(tx, { ...input, wasAdmin: member.role === "admin", isAdmin: false }, actor);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.remove",
      objectKind: "user",
      objectId: input.userId,
      objectName: member.user.email,
      before: { role: member.role },
    });
  });
}

/** The admins a person without a workspace can ask, for the "no workspace" page. */
export async function listWorkspaceAdmins(prisma: Db) {
  const rows = await prisma.workspaceMember.findMany({
    where: { role: "admin", user: { disabledAt: null } },
    select: { user: { select: { name: true, email: true } }, workspace: { select: { name: true } } },
    orderBy: [{ workspace: { name: "asc" } }, { user: { email: "asc" } }],
    take: 20,
  });
  return rows.map((row) => ({ name: row.user.name, email: row.user.email, workspace: row.workspace.name }));
}
