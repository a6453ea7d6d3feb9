import { expect, test } from "@playwright/test";
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from "../lib/testing/receivers";
import { apiAs, signIn } from "./fixtures";

/*
 * The "done when" journey of continuous evaluation: a view whose pipeline stops raises its
 * freshness alert on its own (the scheduler, not ingestion), a signed webhook and an email
 * arrive, acknowledging stops the repeats, and the alert resolves when data flows again.
 * playwright.config.ts starts the server with a 2 s freshness interval, 5 s repeats and SMTP on
 * E2E_PORT + 1000, where this spec's SMTP receiver listens.
 */

const VIEW = "user_profile";
const SLA = "20s";
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1000);

let webhook: HttpReceiver;
let smtp: SmtpReceiver;
/** Puts the view's definition back, so later specs (promotions) diff it against staging unchanged. */
let restoreView: (() => Promise<unknown>) | null = null;

test.beforeAll(async () => {
  [webhook, smtp] = await Promise.all([startHttpReceiver(), startSmtpReceiver({ port: smtpPort })]);
});
test.afterAll(async () => {
  await restoreView?.();
  await Promise.all([webhook?.close(), smtp?.close()]);
});

const eventsFor = (alertId: string) =>
  webhook.requests
    .map((request) => JSON.parse(request.body) as { type: string; alert: { id: string } })
    .filter((body) => body.alert.id === alertId)
    .map((body) => body.type);

test("a view whose data stops raises its freshness alert, notifies, stops repeating when acknowledged, and resolves", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await apiAs(playwright, baseURL!, "admin");
  const created = await admin.post("/api/v1/tokens", { data: { name: "alerting-e2e", scopes: ["ingest"] } });
  expect(created.status()).toBe(201);
  const ingester = await playwright.request.newContext({
    baseURL: baseURL!,
    extraHTTPHeaders: { authorization: `Bearer ${(await created.json()).token}` },
  });
  const materialize = async () => {
    const now = new Date();
    const response = await ingester.post("/api/v1/ingest/materialization-runs", {
      data: {
        items: [
          {
            featureView: VIEW,
            environment: "prod",
            status: "success",
            startedAt: new Date(now.getTime() - 2_000).toISOString(),
            endedAt: now.toISOString(),
            watermark: now.toISOString(),
          },
        ],
      },
    });
    expect(response.status()).toBe(200);
  };

  let secret = "";
  let setupEnd = 0;
  await test.step("set up a signed webhook and an email channel, and shorten the view's SLA", async () => {
    const hook = await admin.post("/api/v1/channels", {
      data: { kind: "webhook", name: "E2E webhook", target: `${webhook.url}/alerts` },
    });
    expect(hook.status()).toBe(201);
    secret = (await hook.json()).signingSecret;
    expect(secret).toMatch(/^whsec_/);
    const listed = await (await admin.get("/api/v1/channels")).text();
    expect(listed).not.toContain(webhook.url);
    expect(listed).not.toContain(secret);
    const email = await admin.post("/api/v1/channels", {
      data: { kind: "email", name: "E2E on-call", target: "oncall@featureline.test", minSeverity: "warning" },
    });
    expect(email.status()).toBe(201);

    // Fresh first, then the short SLA: the alert below is the one of a pipeline that stops.
    await materialize();
    const current = await (await admin.get(`/api/v1/definitions/feature_view/${VIEW}`)).json();
    const saved = await admin.put(`/api/v1/definitions/feature_view/${VIEW}`, {
      data: { definition: { ...current.definition, freshnessSla: SLA }, message: "e2e: short SLA" },
    });
    expect(saved.ok()).toBe(true);
    restoreView = () =>
      admin.put(`/api/v1/definitions/feature_view/${VIEW}`, {
        data: { definition: current.definition, message: "e2e: SLA back as it was" },
      });
    setupEnd = webhook.requests.length;
  });

  let alertId = "";
  await test.step("the pipeline stops: the scheduler raises the alert; a webhook and an email arrive", async () => {
    // The view runs in every environment, so each is stale now; this journey follows prod.
    const openedInProd = () =>
      webhook.requests.slice(setupEnd).find((request) => {
        const body = JSON.parse(request.body);
        return body.type === "alert.opened" && body.alert.objectName === VIEW && body.alert.environment === "prod";
      });
    await expect.poll(openedInProd, { timeout: 60_000, intervals: [500] }).toBeTruthy();
    const opened = openedInProd()!;
    const body = JSON.parse(opened.body);
    alertId = body.alert.id;
    expect(body.alert).toMatchObject({ rule: expect.any(String), threshold: 20, severity: expect.any(String) });
    expect(opened.headers["x-featureline-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const { verifyWebhookSignature } = await import("../lib/notifications/message");
    expect(
      verifyWebhookSignature(
        secret,
        {
          timestamp: opened.headers["x-featureline-timestamp"] as string,
          signature: opened.headers["x-featureline-signature"] as string,
        },
        opened.body,
      ),
    ).toBe(true);
    await smtp.waitFor((emails) => emails.some((email) => email.raw.includes(VIEW)), 30_000);
  });

  await test.step("unacknowledged, it repeats; acknowledging with a note (through the page) stops the repeats", async () => {
    await expect.poll(() => eventsFor(alertId), { timeout: 30_000, intervals: [500] }).toContain("alert.reminder");
    await signIn(page, "author", `/monitoring/alerts/${alertId}`);
    await page.getByLabel("Note (optional)").fill("Pipeline paused on purpose");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Acknowledged" })).toBeVisible();
    const repeatsAtAck = eventsFor(alertId).length;
    // Longer than two repeat intervals (5 s): nothing more for this alert.
    await page.waitForTimeout(12_000);
    expect(eventsFor(alertId).length).toBe(repeatsAtAck);
    await page.reload();
    await expect(page.getByTestId("alert-timeline")).toContainText("Pipeline paused on purpose");
  });

  await test.step("data flows again: the alert resolves by itself and says so", async () => {
    await materialize();
    await expect.poll(() => eventsFor(alertId), { timeout: 30_000, intervals: [500] }).toContain("alert.resolved");
    await page.reload();
    await expect(page.getByText("ended: cleared")).toBeVisible();
    await expect(page.getByTestId("alert-timeline")).toContainText("Cleared");
    await expect(page.getByTestId("delivery-row").first()).toBeVisible();
    const log = await (await admin.get(`/api/v1/alerts/${alertId}`)).json();
    // The delivery log of this run, for the closing note.
    console.log(
      JSON.stringify(
        log.deliveries.map(
          (d: { channelName: string; event: string; status: string; createdAt: string; sentAt: string }) => ({
            channel: d.channelName,
            event: d.event,
            status: d.status,
            queuedAt: d.createdAt,
            sentAt: d.sentAt,
          }),
        ),
      ),
    );
    expect(log.deliveries.every((d: { status: string }) => d.status === "sent")).toBe(true);
  });
});
