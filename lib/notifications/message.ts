import { createHmac, timingSafeEqual } from "node:crypto";
import { formatDuration } from "@/lib/format";

/** What every channel says about one alert event; rendered per channel below. */
export interface AlertNotification {
  event: "opened" | "escalated" | "reminder" | "resolved" | "test";
  alert: {
    id: string;
    rule: string;
    ruleKind: "freshness" | "latency_p99" | "error_rate" | "statistic";
    severity: "warning" | "critical";
    objectKind: string;
    objectName: string;
    environment: string;
    message: string;
    value: number | null;
    threshold: number | null;
    startedAt: string;
    endedAt: string | null;
  };
  /** The alert's page in Featureline. */
  url: string;
  sentAt: string;
}

const EVENT_TITLE: Record<AlertNotification["event"], string> = {
  opened: "Alert",
  escalated: "Escalated",
  reminder: "Still firing",
  resolved: "Resolved",
  test: "Test",
};

/** A measured value in the unit of its rule: a duration, milliseconds, a percentage or a statistic. */
export function formatRuleValue(kind: AlertNotification["alert"]["ruleKind"], value: number | null): string {
  if (value === null) return "no data";
  switch (kind) {
    case "freshness":
      return formatDuration(Math.round(value));
    case "latency_p99":
      return `${value.toFixed(1)} ms`;
    case "error_rate":
      return `${(value * 100).toFixed(2)}%`;
    case "statistic":
      return value.toFixed(3);
  }
}

export function notificationTitle(notification: AlertNotification): string {
  const { alert } = notification;
  const objectKind = alert.objectKind.replace("_", " ");
  return `[${EVENT_TITLE[notification.event]}] ${alert.severity}: ${objectKind} ${alert.objectName} (${alert.environment}) — ${alert.rule}`;
}

/** The generic webhook's JSON body. */
export function webhookBody(notification: AlertNotification): string {
  return JSON.stringify({ type: `alert.${notification.event}`, ...notification });
}

/**
 * Signature of a generic webhook: HMAC-SHA256 over `<timestamp>.<body>` with the channel's
 * signing secret, hex-encoded, sent as `X-Featureline-Signature: sha256=<hex>` beside
 * `X-Featureline-Timestamp: <unix seconds>` (the timestamp lets receivers refuse replays).
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does to check a delivery (documented in docs/monitoring.md). */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const received = Buffer.from(headers.signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** A Slack-compatible incoming-webhook body: a fallback text and Block Kit blocks. */
export function slackBody(notification: AlertNotification): string {
  const { alert } = notification;
  const icon = notification.event === "resolved" ? "✅" : alert.severity === "critical" ? "🔴" : "🟠";
  const field = (label: string, value: string) => ({ type: "mrkdwn", text: `*${label}*\n${value}` });
  return JSON.stringify({
    text: notificationTitle(notification),
    blocks: [
      {
        type: "header",
        text: { type: "plain_text", text: `${icon} ${notificationTitle(notification)}`.slice(0, 150) },
      },
      {
        type: "section",
        fields: [
          field(alert.objectKind.replace("_", " "), `<${notification.url}|${escapeSlack(alert.objectName)}>`),
          field("Environment", escapeSlack(alert.environment)),
          field("Value", formatRuleValue(alert.ruleKind, alert.value)),
          field("Threshold", formatRuleValue(alert.ruleKind, alert.threshold)),
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(alert.message) } },
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "Open in Featureline" }, url: notification.url },
        ],
      },
    ],
  });
}

/** Slack's mrkdwn treats &, < and > as markup. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function emailContent(notification: AlertNotification): { subject: string; text: string; html: string } {
  const { alert } = notification;
  const rows: [string, string][] = [
    ["Object", `${alert.objectKind.replace("_", " ")} ${alert.objectName}`],
    ["Environment", alert.environment],
    ["Severity", alert.severity],
    ["Value", formatRuleValue(alert.ruleKind, alert.value)],
    ["Threshold", formatRuleValue(alert.ruleKind, alert.threshold)],
    ["Rule", alert.rule],
    ["Started", alert.startedAt],
    ...(alert.endedAt ? ([["Ended", alert.endedAt]] as [string, string][]) : []),
  ];
  const text = [alert.message, "", ...rows.map(([label, value]) => `${label}: ${value}`), "", notification.url].join(
    "\n",
  );
  const html = `<p>${escapeHtml(alert.message)}</p><table>${rows
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("")}</table><p><a href="${escapeHtml(notification.url)}">Open in Featureline</a></p>`;
  return { subject: notificationTitle(notification), text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Retry schedule of a failed delivery: 30 s, 2 min, 10 min, 30 min, then it is given up. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000] as const;

/** When to try again after `attempts` failed attempts, or null to give up. */
export function nextRetryDelayMs(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}
