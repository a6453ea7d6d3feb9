import "server-only";
import { ROLES, roleAtLeast } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/data/audit";
import { rulesForGroups } from "@/lib/data/group-roles";
import { afterRoleLoss } from "@/lib/data/sessions";
import type { Db } from "@/lib/db";
import type { GroupRoleMapping } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** What the ID token says about the person signing in. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
}

export type OidcSignInResult =
  | { ok: true; userId: string; sessionVersion: number; created: boolean }
  | { ok: false; reason: "no_email" | "email_unverified" | "already_linked" | "disabled" };

/**
 * Single sign-on, in one transaction: find the account by issuer + subject, else link the
 * account with the same *verified* email, else create one (just in time); accept invitations
 * for a verified email; then bring group-granted memberships in line with the groups claim.
 */
export async function signInWithOidc(
  prisma: Db,
  identity: OidcIdentity,
  envMappings: GroupRoleMapping[],
): Promise<OidcSignInResult> {
  const email = identity.email?.trim().toLowerCase() || null;
  return prisma.$transaction(async (tx) => {
    let user = await tx.user.findUnique({
      where: { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } },
      select: { id: true, email: true, disabledAt: true },
    });
    let created = false;
    if (!user) {
      if (!email) return { ok: false, reason: "no_email" } as const;
      const sameEmail = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, disabledAt: true, oidcSubject: true },
      });
      if (sameEmail) {
        // Linking on an address the IdP has not verified would let anyone who can set that
        // address at the IdP take over the account.
        if (!identity.emailVerified) return { ok: false, reason: "email_unverified" } as const;
        if (sameEmail.oidcSubject) return { ok: false, reason: "already_linked" } as const;
        await tx.user.update({
          where: { id: sameEmail.id },
          data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
        });
        await recordAudit(tx, {
          workspaceId: null,
          actor: { userId: sameEmail.id },
          action: "user.sso.link",
          objectKind: "user",
          objectId: sameEmail.id,
          objectName: email,
          after: { issuer: identity.issuer },
        });
        user = sameEmail;
      } else {
        user = await tx.user.create({
          data: {
            email,
            name: identity.name?.trim().slice(0, 120) || email.split("@")[0]!,
            passwordHash: null,
            oidcIssuer: identity.issuer,
            oidcSubject: identity.subject,
          },
          select: { id: true, email: true, disabledAt: true },
        });
        created = true;
        await recordAudit(tx, {
          workspaceId: null,
          actor: { userId: user.id },
          action: "user.create",
          objectKind: "user",
          objectId: user.id,
          objectName: email,
          after: { via: "sso", issuer: identity.issuer },
        });
      }
    }
    if (user.disabledAt) return { ok: false, reason: "disabled" } as const;
    if (email && identity.emailVerified && email === user.email) await acceptInvites(tx, user.id, email);
    await applyGroupRoles(tx, user.id, identity.groups, envMappings);
    const { sessionVersion } = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { sessionVersion: true },
    });
    return { ok: true, userId: user.id, sessionVersion, created } as const;
  });
}

async function acceptInvites(tx: Tx, userId: string, email: string) {
  const invites = await tx.workspaceInvite.findMany({ where: { email } });
  for (const invite of invites) {
    const existing = await tx.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } },
      select: { role: true },
    });
    if (!existing) {
      await tx.workspaceMember.create({
        data: { workspaceId: invite.workspaceId, userId, role: invite.role, source: "manual" },
      });
    }
    await tx.workspaceInvite.delete({ where: { id: invite.id } });
    await recordAudit(tx, {
      workspaceId: invite.workspaceId,
      actor: { userId },
      action: "member.invite.accept",
      objectKind: "user",
      objectId: userId,
      objectName: email,
      after: { role: existing?.role ?? invite.role },
    });
  }
}

/**
 * Group-granted memberships follow the groups claim: added, changed or removed to match.
 * Memberships granted by hand (invites, admins) are left as they are.
 */
async function applyGroupRoles(tx: Tx, userId: string, groups: string[], envMappings: GroupRoleMapping[]) {
  const target = new Map<string, Role>();
  for (const rule of await rulesForGroups(tx, groups, envMappings)) {
    const current = target.get(rule.workspaceId);
    if (!current || !roleAtLeast(current, rule.role)) target.set(rule.workspaceId, rule.role);
  }
  const memberships = await tx.workspaceMember.findMany({
    where: { userId },
    select: { workspaceId: true, role: true, source: true, user: { select: { email: true } } },
  });
  const actor = { userId: null };
  for (const membership of memberships) {
    const wanted = target.get(membership.workspaceId);
    target.delete(membership.workspaceId);
    if (membership.source !== "groups" || wanted === membership.role) continue;
    const key = { workspaceId_userId: { workspaceId: membership.workspaceId, userId } };
    const audit = {
      workspaceId: membership.workspaceId,
      actor,
      objectKind: "user",
      objectId: userId,
      objectName: membership.user.email,
      before: { role: membership.role },
    };
    if (wanted) {
      await tx.workspaceMember.update({ where: key, data: { role: wanted } });
      await recordAudit(tx, { ...audit, action: "user.role.change", after: { role: wanted, via: "sso groups" } });
    } else {
      await tx.workspaceMember.delete({ where: key });
      await recordAudit(tx, { ...audit, action: "member.remove", after: { via: "sso groups" } });
    }
    if (!wanted || ROLES.indexOf(wanted) < ROLES.indexOf(membership.role)) {
      await afterRoleLoss(
        tx,
        {
          workspaceId: membership.workspaceId,
          userId,
          wasAdmin: membership.role === "admin",
          isAdmin: wanted === "admin",
        },
        actor,
      );
    }
  }
  for (const [workspaceId, role] of target) {
    await tx.workspaceMember.create({ data: { workspaceId, userId, role, source: "groups" } });
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.add",
      objectKind: "user",
      objectId: userId,
      objectName: email,
      after: { role, via: "sso groups" },
    });
  }
}

/** The account a single sign-on maps to (for the session token), by issuer and subject. */
export async function findOidcUser(prisma: Db, issuer: string, subject: string) {
  return prisma.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } },
    select: { id: true, sessionVersion: true },
  });
}
