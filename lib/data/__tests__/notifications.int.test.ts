import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannel, listChannels, sendTestNotification, updateChannel } from "@/lib/data/notifications/channels";
import { drainDeliveries, enqueueAlertNotifications, listDeliveries } from "@/lib/data/notifications/deliveries";
import { verifyWebhookSignature } from "@/lib/notifications/message";
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from "@/lib/testing/receivers";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let fixture: MonitoringFixture;
let receiver: HttpReceiver;
let smtp: SmtpReceiver;
let ruleId: string;
const actor = () => ({ userId: fixture.authorId });

beforeAll(async () => {
  [receiver, smtp] = await Promise.all([startHttpReceiver(), startSmtpReceiver()]);
  // Read once by lib/env.ts on its first use, which is below.
  process.env.SMTP_HOST = smtp.host;
  process.env.SMTP_PORT = String(smtp.port);
  process.env.SMTP_FROM = "Featureline <alerts@featureline.test>";
  process.env.NEXTAUTH_URL = "http://featureline.test:3000";
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
  ruleId = (
    await database.prisma.alertRule.create({
      data: { workspaceId: fixture.workspaceId, name: "Stale views", kind: "freshness", objectKind: "feature_view" },
    })
  ).id;
});
afterAll(async () => {
  await database?.cleanup();
  await Promise.all([receiver?.close(), smtp?.close()]);
});

async function openAlert(severity: "warning" | "critical", objectId = fixture.views.userProfile.id) {
  const alert = await database.prisma.alert.create({
    data: {
      workspaceId: fixture.workspaceId,
      ruleId: ruleId,
      objectKind: "feature_view",
      objectId,
      environmentId: fixture.prodId,
      severity,
      message: "user_profile is 2 h stale (SLA 1 h)",
      value: 7_200,
      threshold: 3_600,
      startedAt: new Date(),
    },
  });
  await enqueueAlertNotifications(database.prisma, fixture.workspaceId, [
    {
      alertId: alert.id,
      event: "opened",
      objectKind: "feature_view",
      objectId,
      severity,
      value: 7_200,
      threshold: 3_600,
      message: alert.message,
    },
  ]);
  return alert;
}

describe(`notification channels on ${testEngineKind()}`, () => {
  it("sends a signed webhook, a Slack message and an email for a new alert, and logs each delivery", async () => {
    const webhook = await createChannel(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "Ops webhook",
        kind: "webhook",
        target: `${receiver.url}/hook`,
        minSeverity: "warning",
        teamId: null,
        enabled: true,
      },
      actor(),
    );
    await createChannel(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "Slack #fraud",
        kind: "slack",
        target: `${receiver.url}/slack/T000/B000/secret`,
        minSeverity: "warning",
        teamId: null,
        enabled: true,
      },
      actor(),
    );
    await createChannel(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "On-call email",
        kind: "email",
        target: "oncall@fraud.test, lead@fraud.test",
        minSeverity: "warning",
        teamId: null,
        enabled: true,
      },
      actor(),
    );
    expect(webhook.signingSecret).toMatch(/^whsec_/);

    const alert = await openAlert("critical");
    expect(await drainDeliveries(database.prisma)).toEqual({ sent: 3, failed: 0, givenUp: 0 });

    const hook = receiver.requests.find((request) => request.path === "/hook")!;
    expect(
      verifyWebhookSignature(
        webhook.signingSecret!,
        {
          timestamp: hook.headers["x-featureline-timestamp"] as string,
          signature: hook.headers["x-featureline-signature"] as string,
        },
        hook.body,
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        "whsec_wrong",
        {
          timestamp: hook.headers["x-featureline-timestamp"] as string,
          signature: hook.headers["x-featureline-signature"] as string,
        },
        hook.body,
      ),
    ).toBe(false);
    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({
      type: "alert.opened",
      alert: {
        id: alert.id,
        rule: "Stale views",
        severity: "critical",
        objectName: "user_profile",
        environment: "prod",
        value: 7_200,
      },
      url: `http://featureline.test:3000/monitoring/alerts/${alert.id}`,
    });

    const slack = JSON.parse(receiver.requests.find((request) => request.path.startsWith("/slack"))!.body);
    const slackText = JSON.stringify(slack.blocks);
    expect(slackText).toContain("user_profile");
    expect(slackText).toContain("*Value*\\n2 h");
    expect(slackText).toContain("*Threshold*\\n1 h");
    expect(slackText).toContain(`/monitoring/alerts/${alert.id}`);

    await smtp.waitFor((emails) => emails.length === 1);
    expect(smtp.emails[0]!.to).toEqual(["oncall@fraud.test", "lead@fraud.test"]);
    expect(smtp.emails[0]!.raw).toContain("user_profile is 2 h stale");

    const log = await listDeliveries(database.prisma, { workspaceId: fixture.workspaceId, alertId: alert.id });
    expect(log.map((delivery) => delivery.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("never returns a channel's URL or signing secret", async () => {
    const channels = await listChannels(database.prisma, { workspaceId: fixture.workspaceId });
    const text = JSON.stringify(channels);
    expect(text).not.toContain("/slack/T000/B000/secret");
    expect(text).not.toContain("whsec_");
    expect(channels.find((channel) => channel.kind === "slack")!.targetHint).toBe(
      `${new URL(receiver.url).host} (URL hidden)`,
    );
  });

  it("retries a failing receiver with backoff and gives up, without holding the other channels", async () => {
    await database.prisma.notificationChannel.updateMany({
      where: { workspaceId: fixture.workspaceId, kind: { not: "webhook" } },
      data: { enabled: false },
    });
    const failing = await createChannel(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "Broken",
        kind: "webhook",
        target: "http://127.0.0.1:9/refused",
        minSeverity: "warning",
        teamId: null,
        enabled: true,
      },
      actor(),
    );
    const before = receiver.requests.length;
    const alert = await openAlert("warning");
    const start = Date.now();
    expect(await drainDeliveries(database.prisma, { now: new Date(start) })).toEqual({
      sent: 1,
      failed: 1,
      givenUp: 0,
    });
    expect(receiver.requests.length).toBe(before + 1);

    // Not yet due: the first retry waits 30 s.
    expect(await drainDeliveries(database.prisma, { now: new Date(start + 10_000) })).toEqual({
      sent: 0,
      failed: 0,
      givenUp: 0,
    });
    let at = start;
    for (const delay of [30_000, 120_000, 600_000]) {
      at += delay;
      expect(await drainDeliveries(database.prisma, { now: new Date(at) })).toEqual({ sent: 0, failed: 1, givenUp: 0 });
    }
    at += 1_800_000;
    expect(await drainDeliveries(database.prisma, { now: new Date(at) })).toEqual({ sent: 0, failed: 0, givenUp: 1 });

    const log = await listDeliveries(database.prisma, {
      workspaceId: fixture.workspaceId,
      channelId: failing.channel.id,
    });
    expect(log[0]).toMatchObject({ alertId: alert.id, status: "given_up", attempts: 5 });
    expect(log[0]!.lastError).toContain("Could not reach the receiver");
    await updateChannel(
      database.prisma,
      { workspaceId: fixture.workspaceId, channelId: failing.channel.id, enabled: false },
      actor(),
    );
  });

  it("routes by severity and by the owner team of the object", async () => {
    const team = await database.prisma.team.create({
      data: { workspaceId: fixture.workspaceId, slug: "risk", name: "Risk" },
    });
    await database.prisma.featureView.update({
      where: { id: fixture.views.loginActivity.id },
      data: { teamId: team.id },
    });
    await database.prisma.notificationChannel.updateMany({
      where: { workspaceId: fixture.workspaceId },
      data: { enabled: false },
    });
    const criticalOnly = await createChannel(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "Pager",
        kind: "webhook",
        target: `${receiver.url}/pager`,
        minSeverity: "critical",
        teamId: null,
        enabled: true,
      },
      actor(),
    );
    const riskTeam = await createChannel(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        name: "Risk team",
        kind: "webhook",
        target: `${receiver.url}/risk`,
        minSeverity: "warning",
        teamId: team.id,
        enabled: true,
      },
      actor(),
    );
    const warningOnOther = await openAlert("warning", fixture.views.userProfile.id);
    const warningOnRisk = await openAlert("warning", fixture.views.loginActivity.id);
    const criticalOnRisk = await openAlert("critical", fixture.views.loginActivity.id);
    const channelsOf = async (alertId: string) =>
      (await listDeliveries(database.prisma, { workspaceId: fixture.workspaceId, alertId }))
        .map((d) => d.channelId)
        .sort();
    expect(await channelsOf(warningOnOther.id)).toEqual([]);
    expect(await channelsOf(warningOnRisk.id)).toEqual([riskTeam.channel.id]);
    expect(await channelsOf(criticalOnRisk.id)).toEqual([criticalOnly.channel.id, riskTeam.channel.id].sort());
    await drainDeliveries(database.prisma);
  });

  it("sends a test message on demand and reports a failure in words", async () => {
    const channels = await listChannels(database.prisma, { workspaceId: fixture.workspaceId });
    const pager = channels.find((channel) => channel.name === "Pager")!;
    const before = receiver.requests.length;
    expect(
      await sendTestNotification(database.prisma, { workspaceId: fixture.workspaceId, channelId: pager.id }),
    ).toMatchObject({ status: "sent" });
    expect(JSON.parse(receiver.requests[before]!.body)).toMatchObject({ type: "alert.test" });

    receiver.respondWith(503);
    try {
      const failed = await sendTestNotification(database.prisma, {
        workspaceId: fixture.workspaceId,
        channelId: pager.id,
      });
      expect(failed).toMatchObject({ status: "given_up", error: "The receiver answered HTTP 503" });
    } finally {
      receiver.respondWith(200);
    }
  });
});
