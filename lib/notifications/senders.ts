import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { emailContent, signWebhook, slackBody, webhookBody, type AlertNotification } from "./message";

/** A channel as the sender needs it: where to, and the webhook's signing secret. */
export interface ChannelTarget {
  kind: "webhook" | "slack" | "email";
  target: string;
  signingSecret: string | null;
}

export interface SendResult {
  responseStatus?: number;
}

/** A failed send, with what the receiver answered (if it answered). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly responseStatus?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

const SEND_TIMEOUT_MS = 10_000;

export async function sendNotification(channel: ChannelTarget, notification: AlertNotification): Promise<SendResult> {
  switch (channel.kind) {
    case "webhook": {
      const body = webhookBody(notification);
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "user-agent": "Featureline-Alerts/1",
        "x-featureline-event": `alert.${notification.event}`,
        "x-featureline-timestamp": String(timestamp),
      };
      if (channel.signingSecret)
        headers["x-featureline-signature"] = signWebhook(channel.signingSecret, timestamp, body);
      return post(channel.target, body, headers);
    }
    case "slack":
      return post(channel.target, slackBody(notification), { "content-type": "application/json" });
    case "email":
      return sendEmail(channel.target, notification);
  }
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
  let response: Response;
  try {
    // Redirects are not followed: a receiver must not bounce the request somewhere we never validated.
    response = await fetch(url, {
      method: "POST",
      body,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryError(
      (error as Error).name === "TimeoutError"
        ? `No answer within ${SEND_TIMEOUT_MS / 1000} s`
        : `Could not reach the receiver${cause ? ` (${cause})` : ""}`,
    );
  }
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300) {
    throw new DeliveryError(`The receiver answered HTTP ${response.status}`, response.status);
  }
  return { responseStatus: response.status };
}

async function sendEmail(recipients: string, notification: AlertNotification): Promise<SendResult> {
  const config = env();
  if (!config.SMTP_HOST) throw new DeliveryError("SMTP is not configured (set SMTP_HOST and SMTP_FROM)");
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE === "1",
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const content = emailContent(notification);
    await transport.sendMail({ from: config.SMTP_FROM, to: recipients, ...content });
    return {};
  } catch (error) {
    const responseCode = (error as { responseCode?: number }).responseCode;
    throw new DeliveryError(`SMTP: ${(error as Error).message}`, responseCode);
  } finally {
    transport.close();
  }
}
