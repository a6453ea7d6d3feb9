import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/auth/throttle";
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
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
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
