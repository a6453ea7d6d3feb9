import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  emailContent,
  nextRetryDelayMs,
  signWebhook,
  slackBody,
  verifyWebhookSignature,
  type AlertNotification,
} from "@/lib/notifications/message";
import { channelInputSchema, outgoingUrlSchema } from "@/lib/validations/channels";

const notification: AlertNotification = {
  event: "opened",
  alert: {
    id: "a1",
    rule: "p99 over budget",
    ruleKind: "latency_p99",
    severity: "critical",
    objectKind: "feature_service",
    objectName: "fraud_scoring_v3",
    environment: "prod",
    message: "fraud_scoring_v3 p99 is 91.0 ms <over> budget",
    value: 91,
    threshold: 50,
    startedAt: "2026-12-04T00:00:00.000Z",
    endedAt: null,
  },
  url: "https://featureline.example/monitoring/alerts/a1",
  sentAt: "2026-12-04T00:00:01.000Z",
};

describe("webhook signature", () => {
  it("is the documented HMAC-SHA256 of '<timestamp>.<body>' and verifies only with the right secret and body", () => {
    const body = '{"type":"alert.opened"}';
    const signature = signWebhook("whsec_test", 1_700_000_000, body);
    expect(signature).toBe(`sha256=${createHmac("sha256", "whsec_test").update(`1700000000.${body}`).digest("hex")}`);
    const headers = { timestamp: "1700000000", signature };
    expect(verifyWebhookSignature("whsec_test", headers, body, { now: 1_700_000_100 })).toBe(true);
    expect(verifyWebhookSignature("whsec_other", headers, body, { now: 1_700_000_100 })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", headers, `${body} `, { now: 1_700_000_100 })).toBe(false);
    // A replay ten minutes later is refused.
    expect(verifyWebhookSignature("whsec_test", headers, body, { now: 1_700_000_600 })).toBe(false);
  });
});

describe("channel messages", () => {
  it("Slack blocks carry the object with a link, the value against the threshold, escaped text", () => {
    const blocks = JSON.stringify(JSON.parse(slackBody(notification)).blocks);
    expect(blocks).toContain("<https://featureline.example/monitoring/alerts/a1|fraud_scoring_v3>");
    expect(blocks).toContain("*Value*\\n91.0 ms");
    expect(blocks).toContain("*Threshold*\\n50.0 ms");
    expect(blocks).toContain("&lt;over&gt;");
  });

  it("email names the object, the values and the link, and escapes HTML", () => {
    const email = emailContent(notification);
    expect(email.subject).toBe("[Alert] critical: feature service fraud_scoring_v3 (prod) — p99 over budget");
    expect(email.text).toContain("Value: 91.0 ms");
    expect(email.html).toContain("&#60;over&#62;");
  });
});

describe("outgoing URLs and retries", () => {
  it("accepts http and https only", () => {
    expect(outgoingUrlSchema.safeParse("https://hooks.slack.com/services/T/B/x").success).toBe(true);
    for (const bad of ["javascript:alert(1)", "file:///etc/passwd", "ftp://host/x", "not a url", ""]) {
      expect(outgoingUrlSchema.safeParse(bad).success).toBe(false);
    }
    const email = channelInputSchema.safeParse({ kind: "email", name: "x", target: "a@b.test; nope" });
    expect(email.success).toBe(false);
  });

  it("backs off 30 s, 2 min, 10 min, 30 min and then gives up", () => {
    expect([1, 2, 3, 4, 5].map(nextRetryDelayMs)).toEqual([30_000, 120_000, 600_000, 1_800_000, null]);
  });
});
