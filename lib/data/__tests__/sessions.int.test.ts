import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken } from "@/lib/data/api-tokens";
import { cancelInvite, inviteMember, listMembersAndInvites, removeMember } from "@/lib/data/members";
import { changePassword, revokeSessionsAtSignOut, signOutEverywhere } from "@/lib/data/sessions";
import { authenticateWithPassword, createUser, getSessionUser, setWorkspaceRole } from "@/lib/data/users";
import { createWorkspace } from "@/lib/data/workspaces";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
let workspaceId: string;
let adminId: string;

async function versionOf(userId: string) {
  return (await getSessionUser(database.prisma, userId))!.sessionVersion;
}

async function newMember(email: string, role: "viewer" | "admin" = "viewer") {
  return (await createUser(database.prisma, { email, password: "member password", role, workspaceId })).id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createWorkspace(database.prisma, { slug: "acme", name: "Acme" })).id;
  adminId = await newMember("admin@example.com", "admin");
});
afterAll(() => database.cleanup());

describe(`session revocation on ${testEngineKind()}`, () => {
  it("sign-out ends the session it came from (a replayed cookie cannot sign out again)", async () => {
    const userId = await newMember("out@example.com");
    const before = await versionOf(userId);
    await revokeSessionsAtSignOut(database.prisma, userId, before);
    expect(await versionOf(userId)).toBe(before + 1);
    await revokeSessionsAtSignOut(database.prisma, userId, before);
    expect(await versionOf(userId)).toBe(before + 1);
  });

  it("an admin's 'sign out everywhere' ends every session, audited; not for another workspace's user", async () => {
    const userId = await newMember("everywhere@example.com");
    const before = await versionOf(userId);
    await signOutEverywhere(database.prisma, { workspaceId, userId }, { userId: adminId });
    expect(await versionOf(userId)).toBe(before + 1);
    expect(await database.prisma.auditLog.count({ where: { action: "user.sessions.revoke", objectId: userId } })).toBe(
      1,
    );
    const otherWorkspace = (await createWorkspace(database.prisma, { slug: "other", name: "Other" })).id;
    await expect(
      signOutEverywhere(database.prisma, { workspaceId: otherWorkspace, userId }, { userId: adminId }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("a password change ends every session and needs the current password", async () => {
    const userId = await newMember("changer@example.com");
    const before = await versionOf(userId);
    await expect(
      changePassword(database.prisma, { userId, currentPassword: "wrong", newPassword: "a new passphrase" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      changePassword(database.prisma, { userId, currentPassword: "member password", newPassword: "x".repeat(257) }),
    ).rejects.toThrow("at most 256 characters");
    await changePassword(database.prisma, {
      userId,
      currentPassword: "member password",
      newPassword: "a new passphrase",
    });
    expect(await versionOf(userId)).toBe(before + 1);
    const signIn = (password: string) =>
      authenticateWithPassword(database.prisma, { email: "changer@example.com", password, address: "10.2.0.1" });
    expect((await signIn("member password")).ok).toBe(false);
    expect(await signIn("a new passphrase")).toMatchObject({ ok: true, user: { sessionVersion: before + 1 } });
  });

  it("a lower role ends sessions, and an admin's tokens die with the admin role", async () => {
    const formerAdmin = await newMember("former-admin@example.com", "admin");
    const token = await createApiToken(
      database.prisma,
      { workspaceId, name: "ci", scopes: ["apply"] },
      {
        userId: formerAdmin,
      },
    );
    const otherToken = await createApiToken(
      database.prisma,
      { workspaceId, name: "other", scopes: ["read"] },
      {
        userId: adminId,
      },
    );
    const before = await versionOf(formerAdmin);
    await setWorkspaceRole(
      database.prisma,
      { workspaceId, userId: formerAdmin, role: "approver" },
      { userId: adminId },
    );
    expect(await versionOf(formerAdmin)).toBe(before + 1);
    expect(await authenticateApiToken(database.prisma, token.token)).toBeNull();
    expect(await authenticateApiToken(database.prisma, otherToken.token)).not.toBeNull();
    // A promotion does not end sessions.
    await setWorkspaceRole(database.prisma, { workspaceId, userId: formerAdmin, role: "admin" }, { userId: adminId });
    expect(await versionOf(formerAdmin)).toBe(before + 1);
  });
});

describe(`members on ${testEngineKind()}`, () => {
  it("invite an existing account at once, anyone else by invitation, every change audited", async () => {
    await newMember("elsewhere@example.com");
    const userId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "elsewhere@example.com" } })).id;
    await removeMember(database.prisma, { workspaceId, userId }, { userId: adminId });
    expect(
      await inviteMember(
        database.prisma,
        { workspaceId, email: "Elsewhere@example.com", role: "author" },
        { userId: adminId },
      ),
    ).toEqual({
      outcome: "added",
    });
    await expect(
      inviteMember(
        database.prisma,
        { workspaceId, email: "elsewhere@example.com", role: "author" },
        { userId: adminId },
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(
      await inviteMember(
        database.prisma,
        { workspaceId, email: "new@example.com", role: "viewer" },
        { userId: adminId },
      ),
    ).toEqual({
      outcome: "invited",
    });
    const { members, invites } = await listMembersAndInvites(database.prisma, workspaceId);
    expect(members.find((m) => m.email === "elsewhere@example.com")?.role).toBe("author");
    expect(invites.map((i) => i.email)).toEqual(["new@example.com"]);
    await cancelInvite(database.prisma, { workspaceId, inviteId: invites[0]!.id }, { userId: adminId });
    const actions = await database.prisma.auditLog.findMany({
      where: { actorUserId: adminId, action: { startsWith: "member." } },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "member.remove",
      "member.add",
      "member.invite",
      "member.invite.cancel",
    ]);
  });

  it("removing a member ends their sessions; the last admin cannot be removed", async () => {
    const userId = await newMember("leaver@example.com");
    const before = await versionOf(userId);
    await removeMember(database.prisma, { workspaceId, userId }, { userId: adminId });
    expect(await versionOf(userId)).toBe(before + 1);
    const solo = (await createWorkspace(database.prisma, { slug: "solo", name: "Solo" })).id;
    await inviteMember(database.prisma, { workspaceId: solo, email: "admin@example.com", role: "admin" }, {});
    await expect(removeMember(database.prisma, { workspaceId: solo, userId: adminId }, {})).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
