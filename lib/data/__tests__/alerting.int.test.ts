import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acknowledgeAlert,
  enqueueAlertReminders,
  evaluateRules,
  getAlert,
  listAlerts,
  muteRuleForObject,
  resolveAlert,
  snoozeAlert,
  unmuteRuleForObject,
} from "@/lib/data/alerts";
import { createRule, listRules, updateRule } from "@/lib/data/monitoring";
import { createChannel } from "@/lib/data/notifications/channels";
import { drainDeliveries } from "@/lib/data/notifications/deliveries";
import { AppError } from "@/lib/errors";
import { startHttpReceiver, type HttpReceiver } from "@/lib/testing/receivers";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let fixture: MonitoringFixture;
let receiver: HttpReceiver;
let viewId: string;
const t0 = Date.now();
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const actor = () => ({ userId: fixture.authorId });

beforeAll(async () => {
  receiver = await startHttpReceiver();
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
  viewId = fixture.views.userProfile.id;
  // A one-minute SLA, so a pipeline that stops is stale within minutes.
  await database.prisma.featureView.update({ where: { id: viewId }, data: { freshnessSlaSeconds: 60 } });
  await createChannel(
    database.prisma,
    {
      workspaceId: fixture.workspaceId,
      name: "Ops",
      kind: "webhook",
      target: `${receiver.url}/ops`,
      minSeverity: "warning",
      teamId: null,
      enabled: true,
    },
    actor(),
  );
});
afterAll(async () => {
  await database?.cleanup();
  await receiver?.close();
});

async function materialize(endedAtSeconds: number) {
  await database.prisma.materializationRun.create({
    data: {
      workspaceId: fixture.workspaceId,
      featureViewId: viewId,
      environmentId: fixture.prodId,
      status: "success",
      startedAt: at(endedAtSeconds - 5),
      endedAt: at(endedAtSeconds),
      watermark: at(endedAtSeconds),
    },
  });
}

const evaluateFreshness = (seconds: number) =>
  evaluateRules(database.prisma, { workspaceId: fixture.workspaceId, kinds: ["freshness"], now: at(seconds) });
const firing = async () =>
  (await listAlerts(database.prisma, { workspaceId: fixture.workspaceId, state: "firing", objectId: viewId })).filter(
    (alert) => alert.environmentId === fixture.prodId,
  );
const webhookEvents = () => receiver.requests.map((request) => JSON.parse(request.body).type as string);

describe(`alert lifecycle on ${testEngineKind()}`, () => {
  it("raises a freshness alert when the data stops, notifies, repeats until acknowledged, and clears by itself", async () => {
    await materialize(0);
    await evaluateFreshness(30);
    expect(await firing()).toEqual([]);

    // Nothing arrives: only the periodic evaluation can notice.
    await evaluateFreshness(90);
    const [alert] = await firing();
    expect(alert).toMatchObject({ severity: "warning", value: 90, threshold: 60 });
    await drainDeliveries(database.prisma, { now: at(90) });
    expect(webhookEvents()).toEqual(["alert.opened"]);

    expect(await enqueueAlertReminders(database.prisma, { now: at(150), repeatMs: 120_000 })).toBe(0);
    expect(await enqueueAlertReminders(database.prisma, { now: at(211), repeatMs: 120_000 })).toBe(1);
    await drainDeliveries(database.prisma, { now: at(211) });
    expect(webhookEvents()).toEqual(["alert.opened", "alert.reminder"]);

    await acknowledgeAlert(
      database.prisma,
      { workspaceId: fixture.workspaceId, alertId: alert!.id, note: "Backfill running" },
      actor(),
    );
    expect(await enqueueAlertReminders(database.prisma, { now: at(600), repeatMs: 120_000 })).toBe(0);

    await materialize(620);
    await evaluateFreshness(630);
    expect(await firing()).toEqual([]);
    await drainDeliveries(database.prisma, { now: at(630) });
    expect(webhookEvents()).toEqual(["alert.opened", "alert.reminder", "alert.resolved"]);

    const detail = await getAlert(database.prisma, { workspaceId: fixture.workspaceId, alertId: alert!.id });
    expect(detail).toMatchObject({
      resolution: "cleared",
      endedAt: at(630).toISOString(),
      acknowledgedNote: "Backfill running",
    });
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(["opened", "acknowledge", "cleared"]);
    expect(detail.timeline[1]).toMatchObject({ note: "Backfill running", actor: expect.any(String) });
    expect(detail.deliveries.map((delivery) => `${delivery.event}:${delivery.status}`).sort()).toEqual([
      "opened:sent",
      "reminder:sent",
      "resolved:sent",
    ]);
    const audit = await database.prisma.auditLog.findMany({ where: { action: "alert.acknowledge", objectId: viewId } });
    expect(audit).toHaveLength(1);
  });

  it("snoozes (no badge, no reminder until it ends), resolves by hand, mutes and unmutes a rule for an object", async () => {
    await evaluateFreshness(900);
    const [alert] = await firing();
    expect(alert).toBeTruthy();

    const until = new Date(Date.now() + 3_600_000);
    await snoozeAlert(database.prisma, { workspaceId: fixture.workspaceId, alertId: alert!.id, until }, actor());
    const open = await listAlerts(database.prisma, {
      workspaceId: fixture.workspaceId,
      state: "open",
      objectId: viewId,
    });
    expect(open.map((item) => item.id)).not.toContain(alert!.id);
    const snoozed = await listAlerts(database.prisma, { workspaceId: fixture.workspaceId, state: "snoozed" });
    expect(snoozed.map((item) => item.id)).toContain(alert!.id);
    expect(await enqueueAlertReminders(database.prisma, { now: new Date(Date.now() + 60_000), repeatMs: 1_000 })).toBe(
      0,
    );

    await resolveAlert(
      database.prisma,
      { workspaceId: fixture.workspaceId, alertId: alert!.id, note: "known" },
      actor(),
    );
    expect((await getAlert(database.prisma, { workspaceId: fixture.workspaceId, alertId: alert!.id })).resolution).toBe(
      "resolved",
    );
    // Still stale: the next evaluation opens a new alert; muting ends it and keeps it quiet.
    await evaluateFreshness(960);
    const [reopened] = await firing();
    expect(reopened!.id).not.toBe(alert!.id);
    await muteRuleForObject(
      database.prisma,
      { workspaceId: fixture.workspaceId, alertId: reopened!.id, until: null, note: "decommissioning" },
      actor(),
    );
    expect(await firing()).toEqual([]);
    await evaluateFreshness(1_020);
    expect(await firing()).toEqual([]);
    const mutedDetail = await getAlert(database.prisma, { workspaceId: fixture.workspaceId, alertId: reopened!.id });
    expect(mutedDetail).toMatchObject({ resolution: "muted", mute: { until: null, note: "decommissioning" } });

    await unmuteRuleForObject(database.prisma, { workspaceId: fixture.workspaceId, alertId: reopened!.id }, actor());
    await evaluateFreshness(1_080);
    expect(await firing()).toHaveLength(1);
    const actions = await database.prisma.auditLog.findMany({
      where: { objectId: viewId, action: { startsWith: "alert." } },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(["alert.snooze", "alert.resolve", "alert.mute", "alert.unmute"]),
    );
  });

  it("creates and edits rules by object name and names a wrong one", async () => {
    const rule = await createRule(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "Account age drift",
        kind: "statistic",
        statistic: "psi",
        object: "user_profile:account_age_days",
      },
      actor(),
    );
    let listed = (await listRules(database.prisma, { workspaceId: fixture.workspaceId })).find((r) => r.id === rule.id);
    expect(listed).toMatchObject({
      objectName: "user_profile:account_age_days",
      objectId: fixture.features.accountAge.id,
    });

    await updateRule(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        ruleId: rule.id,
        name: "Country drift",
        object: "user_profile:country",
        threshold: 0.3,
      },
      actor(),
    );
    listed = (await listRules(database.prisma, { workspaceId: fixture.workspaceId })).find((r) => r.id === rule.id);
    expect(listed).toMatchObject({ name: "Country drift", objectName: "user_profile:country", threshold: 0.3 });

    const wrong = updateRule(
      database.prisma,
      { workspaceId: fixture.workspaceId, ruleId: rule.id, name: "x", object: "user_profile:nope" },
      actor(),
    );
    await expect(wrong).rejects.toBeInstanceOf(AppError);
    await expect(wrong).rejects.toMatchObject({ code: "unprocessable", fields: [{ path: "object" }] });
  });
});
