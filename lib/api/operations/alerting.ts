import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import { channelInputSchema, channelUpdateSchema } from "@/lib/validations/channels";
import {
  alertMuteSchema,
  alertNoteSchema,
  alertSnoozeSchema,
  ruleInputSchema,
  ruleObjectQuerySchema,
  ruleUpdateSchema,
} from "@/lib/validations/monitoring";

const readAuth = { role: "viewer", scope: "read" } as const;
const users = { role: "author" } as const;
const admins = { role: "admin" } as const;

const channelSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["webhook", "slack", "email"]),
  targetHint: z.string().describe("The host of a webhook URL (the URL itself is never returned), or the addresses"),
  hasSigningSecret: z.boolean(),
  minSeverity: z.enum(["warning", "critical"]),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  lastDelivery: z.object({ status: z.string(), at: z.string(), error: z.string().nullable() }).nullable(),
});
const channelResult = z.object({
  channel: channelSummary,
  signingSecret: z
    .string()
    .nullable()
    .describe("A generic webhook's HMAC secret: in the create (or rotate) answer only, never again"),
});

/** Alert lifecycle, alert rules and notification channels. */
export const alertingOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/alerts/{id}",
    summary:
      "One alert with its timeline (opened, escalated, acknowledged, snoozed, muted, resolved, cleared), its deliveries and whether its rule is muted for the object.",
    tag: "Alerts",
    auth: readAuth,
  },
  {
    method: "post",
    path: "/api/v1/alerts/{id}/acknowledge",
    summary:
      "Acknowledge an alert with an optional note (users only): it stays until its condition ends, without a badge or repeated notifications.",
    tag: "Alerts",
    auth: users,
    body: alertNoteSchema,
    response: z.object({ id: z.string(), acknowledgedAt: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/alerts/{id}/snooze",
    summary: "Snooze a firing alert for some minutes: no badge and no notifications until then.",
    tag: "Alerts",
    auth: users,
    body: alertSnoozeSchema,
    response: z.object({ id: z.string(), snoozedUntil: z.string().nullable() }),
  },
  {
    method: "delete",
    path: "/api/v1/alerts/{id}/snooze",
    summary: "End an alert's snooze now.",
    tag: "Alerts",
    auth: users,
    response: z.object({ id: z.string(), snoozedUntil: z.string().nullable() }),
  },
  {
    method: "post",
    path: "/api/v1/alerts/{id}/resolve",
    summary:
      "Resolve a firing alert by hand (optional note). If its condition still holds, the next evaluation opens a new one.",
    tag: "Alerts",
    auth: users,
    body: alertNoteSchema,
    response: z.object({ id: z.string(), endedAt: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/alerts/{id}/mute",
    summary:
      "Mute the alert's rule for its object, for some minutes or (without minutes) until unmuted; its firing alerts end as muted.",
    tag: "Alerts",
    auth: users,
    body: alertMuteSchema,
    response: z.object({ ruleId: z.string(), objectId: z.string(), until: z.string().nullable() }),
  },
  {
    method: "delete",
    path: "/api/v1/alerts/{id}/mute",
    summary: "Unmute the alert's rule for its object.",
    tag: "Alerts",
    auth: users,
    response: z.object({ ruleId: z.string(), objectId: z.string() }),
  },
  {
    method: "get",
    path: "/api/v1/rules",
    summary:
      "Alert rules with the name of the object each watches (none: every object of its kind) and their firing alerts.",
    tag: "Alerts",
    auth: readAuth,
  },
  {
    method: "post",
    path: "/api/v1/rules",
    summary:
      "Create an alert rule. `object` names the watched object (a feature as `view:feature`); left out: every object of the kind.",
    tag: "Alerts",
    auth: users,
    body: ruleInputSchema,
    response: z.object({ id: z.string(), name: z.string() }),
    responseStatus: 201,
  },
  {
    method: "patch",
    path: "/api/v1/rules/{id}",
    summary: "Edit a rule's name, object, statistic and threshold (its kind stays).",
    tag: "Alerts",
    auth: users,
    body: ruleUpdateSchema,
    response: z.object({ id: z.string(), name: z.string() }),
  },
  {
    method: "get",
    path: "/api/v1/rules/objects",
    summary: "Objects a rule of a kind can watch whose name contains `q` (the rule editor's picker).",
    tag: "Alerts",
    auth: readAuth,
    query: ruleObjectQuerySchema,
    response: z.object({ objects: z.array(z.object({ id: z.string(), name: z.string() })) }),
  },
  {
    method: "get",
    path: "/api/v1/channels",
    summary: "Notification channels of the workspace (admins). Webhook URLs and signing secrets are never returned.",
    tag: "Notifications",
    auth: admins,
    response: z.object({ channels: z.array(channelSummary) }),
  },
  {
    method: "post",
    path: "/api/v1/channels",
    summary:
      "Create a channel: `webhook` (JSON signed with HMAC-SHA256, see docs/monitoring.md), `slack` (incoming webhook) or `email` (addresses; SMTP from the server's environment). URLs must be http(s). Routing: alerts of at least `minSeverity` on objects of `teamId` (null: every object).",
    tag: "Notifications",
    auth: admins,
    body: channelInputSchema,
    response: channelResult,
    responseStatus: 201,
  },
  {
    method: "patch",
    path: "/api/v1/channels/{id}",
    summary:
      "Edit a channel; a left-out target keeps the saved one; `rotateSecret` issues a new signing secret (in this answer only).",
    tag: "Notifications",
    auth: admins,
    body: channelUpdateSchema,
    response: channelResult,
  },
  {
    method: "delete",
    path: "/api/v1/channels/{id}",
    summary: "Delete a channel and its delivery log.",
    tag: "Notifications",
    auth: admins,
  },
  {
    method: "post",
    path: "/api/v1/channels/{id}/test",
    summary: "Send a test notification now; answers whether it was sent and, if not, why.",
    tag: "Notifications",
    auth: admins,
    response: z.object({ deliveryId: z.string(), status: z.string(), error: z.string().nullable() }),
  },
  {
    method: "get",
    path: "/api/v1/channels/{id}/deliveries",
    summary: "The channel's delivery log: sent, failed (retried with backoff), given up.",
    tag: "Notifications",
    auth: admins,
  },
];
