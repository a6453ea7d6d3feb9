import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeAlert, getOpenAlertsByObject, listAlerts } from "@/lib/data/alerts";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let fixture: MonitoringFixture;
let ruleId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
  ruleId = (
    await database.prisma.alertRule.create({
      data: { workspaceId: fixture.workspaceId, name: "Stale views", kind: "freshness", objectKind: "feature_view" },
    })
  ).id;
});
afterAll(() => database.cleanup());

async function raise(
  objectKind: "feature_view" | "feature_service",
  objectId: string,
  extra: Record<string, unknown> = {},
) {
  return database.prisma.alert.create({
    data: {
      workspaceId: fixture.workspaceId,
      ruleId,
      objectKind,
      objectId,
      environmentId: fixture.prodId,
      severity: "warning",
      message: "stale",
      startedAt: new Date(Date.now() - 3_600_000),
      ...extra,
    },
  });
}

describe(`alert badges on ${testEngineKind()}`, () => {
  it("groups open alerts per object with the worst severity, ignoring ended and acknowledged ones", async () => {
    const view = fixture.views.userProfile.id;
    const first = await raise("feature_view", view);
    const second = await raise("feature_view", view, { severity: "critical" });
    await raise("feature_view", view, { endedAt: new Date() });
    await raise("feature_view", view, { acknowledgedAt: new Date() });
    const serviceAlert = await raise("feature_service", fixture.service.id);

    const badges = await getOpenAlertsByObject(database.prisma, { workspaceId: fixture.workspaceId });
    expect(badges.get(`feature_view:${view}`)).toEqual({
      count: 2,
      severity: "critical",
      alertIds: expect.arrayContaining([first.id, second.id]),
    });
    expect(badges.get(`feature_service:${fixture.service.id}`)).toMatchObject({
      count: 1,
      severity: "warning",
      alertIds: [serviceAlert.id],
    });
    const staging = await getOpenAlertsByObject(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.envId("staging"),
    });
    expect(staging.size).toBe(0);
    // Narrowed to some objects: theirs alone, still open ones only.
    const narrowed = await getOpenAlertsByObject(database.prisma, {
      workspaceId: fixture.workspaceId,
      objects: [
        { kind: "feature_view", id: view },
        { kind: "feature", id: view },
      ],
    });
    expect([...narrowed.keys()]).toEqual([`feature_view:${view}`]);
    expect(narrowed.get(`feature_view:${view}`)).toEqual(badges.get(`feature_view:${view}`));
  });

  it("acknowledging removes the alert from the badges, is audited, and is idempotent", async () => {
    const alert = await raise("feature_view", fixture.views.loginActivity.id);
    const key = `feature_view:${fixture.views.loginActivity.id}`;
    expect((await getOpenAlertsByObject(database.prisma, { workspaceId: fixture.workspaceId })).has(key)).toBe(true);

    const acknowledged = await acknowledgeAlert(
      database.prisma,
      { workspaceId: fixture.workspaceId, alertId: alert.id },
      { userId: fixture.authorId },
    );
    expect((await getOpenAlertsByObject(database.prisma, { workspaceId: fixture.workspaceId })).has(key)).toBe(false);
    const again = await acknowledgeAlert(
      database.prisma,
      { workspaceId: fixture.workspaceId, alertId: alert.id },
      { userId: fixture.authorId },
    );
    expect(again.acknowledgedAt).toBe(acknowledged.acknowledgedAt);

    const audits = await database.prisma.auditLog.findMany({
      where: { action: "alert.acknowledge", objectId: fixture.views.loginActivity.id },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorUserId).toBe(fixture.authorId);

    const listed = await listAlerts(database.prisma, { workspaceId: fixture.workspaceId, state: "acknowledged" });
    expect(listed.find((item) => item.id === alert.id)).toMatchObject({
      objectName: "login_activity",
      acknowledgedBy: expect.any(String),
      environmentName: "prod",
    });
  });

  it("answers not found for an alert of another workspace", async () => {
    const other = await createMonitoringFixture(database.prisma, "other");
    const alert = await raise("feature_view", fixture.views.userProfile.id);
    await expect(
      acknowledgeAlert(
        database.prisma,
        { workspaceId: other.workspaceId, alertId: alert.id },
        { userId: other.authorId },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
