import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
} from "@/lib/auth/throttle";
import { authenticateApiToken, createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { authenticateWithPassword, createUser, getSessionUser, roleAtLeast, setWorkspaceRole } from "@/lib/data/users";
import { createWorkspace } from "@/lib/data/workspaces";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
let workspaceId: string;
let adminId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createWorkspace(database.prisma, { slug: "acme", name: "Acme" })).id;
  adminId = (
    await createUser(database.prisma, {
      email: "Admin@Example.com",
      password: "correct horse",
      role: "admin",
      workspaceId,
    })
  ).id;
  await createUser(database.prisma, {
    email: "viewer@example.com",
    password: "viewer pass",
    role: "viewer",
    workspaceId,
  });
});
afterAll(() => database.cleanup());

describe(`authentication on ${testEngineKind()}`, () => {
  it("signs in with the right password, case-insensitively by email", async () => {
    const result = await authenticateWithPassword(database.prisma, {
      email: "admin@example.com",
      password: "correct horse",
      address: "10.0.0.1",
    });
    expect(result).toMatchObject({ ok: true, user: { email: "admin@example.com" } });
  });

  it("refuses a wrong password and an unknown user with the same answer", async () => {
    const wrong = await authenticateWithPassword(database.prisma, {
      email: "admin@example.com",
      password: "nope",
      address: "10.0.0.2",
    });
    const unknown = await authenticateWithPassword(database.prisma, {
      email: "ghost@example.com",
      password: "nope",
      address: "10.0.0.2",
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account+address after repeated failures, even for the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      await authenticateWithPassword(database.prisma, {
        email: "viewer@example.com",
        password: "bad",
        address: "10.0.0.3",
      });
    }
    const blocked = await authenticateWithPassword(database.prisma, {
      email: "viewer@example.com",
      password: "viewer pass",
      address: "10.0.0.3",
    });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not blocked by that account's failures.
    const elsewhere = await authenticateWithPassword(database.prisma, {
      email: "viewer@example.com",
      password: "viewer pass",
      address: "10.0.0.4",
    });
    expect(elsewhere.ok).toBe(true);
    // The state is in the database, so every app instance sees it.
    const rows = await database.prisma.loginThrottle.findMany({
      where: { key: { contains: "viewer@example.com|10.0.0.3" } },
    });
    expect(rows[0]?.blockedUntil).toBeInstanceOf(Date);
  });

  it("limits guesses on one account whatever the address they come from", async () => {
    await createUser(database.prisma, {
      email: "target@example.com",
      password: "target pass",
      role: "viewer",
      workspaceId,
    });
    // A new address per attempt, as a forged X-Forwarded-For used to give.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticateWithPassword(database.prisma, {
        email: "target@example.com",
        password: `guess ${i}`,
        address: `192.0.2.${i}`,
      });
    }
    const next = await authenticateWithPassword(database.prisma, {
      email: "target@example.com",
      password: "target pass",
      address: "198.51.100.1",
    });
    expect(next).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not lock everyone out when failures on made-up emails come from unknown addresses", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 5; i++) {
      await authenticateWithPassword(database.prisma, {
        email: `nobody${i}@example.com`,
        password: "x",
        address: null,
      });
    }
    const admin = await authenticateWithPassword(database.prisma, {
      email: "admin@example.com",
      password: "correct horse",
      address: null,
    });
    expect(admin.ok).toBe(true);
  });

  it("blocks one address after many failures on made-up emails, and only that address", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await authenticateWithPassword(database.prisma, {
        email: `ghost${i}@example.com`,
        password: "x",
        address: "192.0.2.200",
      });
    }
    const fromThere = await authenticateWithPassword(database.prisma, {
      email: "admin@example.com",
      password: "correct horse",
      address: "192.0.2.200",
    });
    expect(fromThere).toMatchObject({ ok: false, reason: "throttled" });
    const elsewhere = await authenticateWithPassword(database.prisma, {
      email: "admin@example.com",
      password: "correct horse",
      address: "192.0.2.201",
    });
    expect(elsewhere.ok).toBe(true);
  });

  it("counts concurrent failures from several instances atomically", async () => {
    await Promise.all(
      Array.from({ length: 8 }, () =>
        authenticateWithPassword(database.prisma, { email: "admin@example.com", password: "bad", address: "10.0.0.9" }),
      ),
    );
    const row = await database.prisma.loginThrottle.findUnique({ where: { key: "address:10.0.0.9" } });
    expect(row?.failures).toBe(8);
  });
});

describe(`password storage on ${testEngineKind()}`, () => {
  it("stores Argon2id and tells long passwords apart after byte 72", async () => {
    const prefix = "L".repeat(72);
    await createUser(database.prisma, {
      email: "long@example.com",
      password: `${prefix}one`,
      role: "viewer",
      workspaceId,
    });
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { email: "long@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const other = await authenticateWithPassword(database.prisma, {
      email: "long@example.com",
      password: `${prefix}two`,
      address: "10.1.0.1",
    });
    expect(other).toEqual({ ok: false, reason: "invalid" });
  });

  it("rehashes a bcrypt hash as Argon2id at the next sign-in", async () => {
    const user = await createUser(database.prisma, {
      email: "legacy@example.com",
      password: "unused",
      role: "viewer",
      workspaceId,
    });
    await database.prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await bcrypt.hash("legacy pass", 4) },
    });
    const result = await authenticateWithPassword(database.prisma, {
      email: "legacy@example.com",
      password: "legacy pass",
      address: "10.1.0.2",
    });
    expect(result.ok).toBe(true);
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const again = await authenticateWithPassword(database.prisma, {
      email: "legacy@example.com",
      password: "legacy pass",
      address: "10.1.0.2",
    });
    expect(again.ok).toBe(true);
  });

  it("refuses a password over the length limit without hashing it", async () => {
    const result = await authenticateWithPassword(database.prisma, {
      email: "admin@example.com",
      password: "x".repeat(1024),
      address: "10.1.0.3",
    });
    expect(result).toEqual({ ok: false, reason: "too_long" });
  });
});

describe(`roles on ${testEngineKind()}`, () => {
  it("are ordered viewer < author < approver < admin", () => {
    expect(roleAtLeast("admin", "approver")).toBe(true);
    expect(roleAtLeast("author", "approver")).toBe(false);
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
    expect(roleAtLeast(null, "viewer")).toBe(false);
  });

  it("change with an audit row, and never remove the last admin", async () => {
    const viewer = await database.prisma.user.findUniqueOrThrow({ where: { email: "viewer@example.com" } });
    await setWorkspaceRole(database.prisma, { workspaceId, userId: viewer.id, role: "author" }, { userId: adminId });
    expect((await getSessionUser(database.prisma, viewer.id))?.memberships[0]?.role).toBe("author");
    const audit = await database.prisma.auditLog.findFirst({
      where: { action: "user.role.change", objectId: viewer.id },
    });
    expect(audit?.before).toEqual({ role: "viewer" });
    await expect(
      setWorkspaceRole(database.prisma, { workspaceId, userId: adminId, role: "viewer" }, { userId: adminId }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("load the signed-in user with every membership, by workspace slug, and none for a disabled account", async () => {
    const zeta = (await createWorkspace(database.prisma, { slug: "zeta", name: "Zeta" })).id;
    const alpha = (await createWorkspace(database.prisma, { slug: "alpha", name: "Alpha" })).id;
    const user = await createUser(database.prisma, {
      email: "member@example.com",
      name: "Member",
      password: "member pass",
      role: "author",
      workspaceId: zeta,
    });
    await database.prisma.workspaceMember.create({ data: { workspaceId: alpha, userId: user.id, role: "viewer" } });
    expect(await getSessionUser(database.prisma, user.id)).toEqual({
      id: user.id,
      email: "member@example.com",
      name: "Member",
      sessionVersion: 0,
      hasPassword: true,
      memberships: [
        { workspaceId: alpha, workspaceSlug: "alpha", workspaceName: "Alpha", role: "viewer" },
        { workspaceId: zeta, workspaceSlug: "zeta", workspaceName: "Zeta", role: "author" },
      ],
    });
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getSessionUser(database.prisma, user.id)).toBeNull();
  });

  it("refuse a duplicate email", async () => {
    await expect(
      createUser(database.prisma, { email: "viewer@example.com", password: "whatever1", role: "viewer", workspaceId }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe(`API tokens on ${testEngineKind()}`, () => {
  it("authenticate by hash until revoked", async () => {
    const created = await createApiToken(
      database.prisma,
      { workspaceId, name: "ci", scopes: ["apply"] },
      { userId: adminId },
    );
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(await authenticateApiToken(database.prisma, created.token)).toMatchObject({
      scopes: ["apply"],
      workspaceId,
    });
    expect(await authenticateApiToken(database.prisma, created.token + "x")).toBeNull();
    await revokeApiToken(database.prisma, { workspaceId, tokenId: created.id }, { userId: adminId });
    expect(await authenticateApiToken(database.prisma, created.token)).toBeNull();
  });
});
