import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertActions } from "@/components/monitoring/alert-actions";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { type AlertDetail } from "@/lib/data/alerts";
import { getAlert } from "@/lib/server/alerts";
import { roleAtLeast } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { formatRuleValue } from "@/lib/notifications/message";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "Alert" };

const DETAIL_PATH: Partial<Record<string, string>> = {
  feature_view: "/monitoring/freshness",
  feature_service: "/monitoring/serving",
  feature: "/monitoring/features",
};

const EVENT_LABEL: Record<string, string> = {
  opened: "Opened",
  escalated: "Escalated to critical",
  deescalated: "Back to warning",
  acknowledge: "Acknowledged",
  snooze: "Snoozed",
  unsnooze: "Snooze ended",
  resolve: "Resolved by hand",
  mute: "Rule muted for this object",
  unmute: "Rule unmuted",
  cleared: "Cleared: the condition no longer holds",
};

const RESOLUTION_LABEL: Record<string, string> = {
  cleared: "cleared",
  resolved: "resolved by hand",
  rule_disabled: "rule disabled or changed",
  muted: "muted",
};

function state(alert: AlertDetail) {
  if (alert.endedAt) return <Badge tone="good">ended: {RESOLUTION_LABEL[alert.resolution ?? ""] ?? "ended"}</Badge>;
  if (alert.acknowledgedAt) return <Badge>acknowledged</Badge>;
  if (alert.snoozedUntil) return <Badge tone="info">snoozed until {formatDateTime(alert.snoozedUntil)}</Badge>;
  return <Badge tone="bad">open</Badge>;
}

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, context] = await Promise.all([params, requireWorkspace()]);
  let alert: AlertDetail;
  try {
    alert = await getAlert({ workspaceId: context.workspace.id, alertId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const kind = alert.kind as Parameters<typeof formatRuleValue>[0];
  const detail = DETAIL_PATH[alert.objectKind];
  const canAct = roleAtLeast(context.role, "author");
  return (
    <>
      <PageHeader
        title={alert.message}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {state(alert)}
            <Badge tone={alert.severity === "critical" ? "bad" : "warn"}>{alert.severity}</Badge>
            <span>
              {alert.environmentName} · rule “{alert.ruleName}”
            </span>
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="What fired" className="lg:col-span-2">
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">Object</dt>
              <dd>
                {detail ? (
                  <Link
                    className="text-brand-700 hover:underline"
                    href={`${detail}/${alert.objectId}?env=${alert.environmentName}`}
                  >
                    {alert.objectName ?? alert.objectId}
                  </Link>
                ) : (
                  (alert.objectName ?? alert.objectId)
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Value</dt>
              <dd data-testid="alert-value">{formatRuleValue(kind, alert.value)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Threshold</dt>
              <dd>{formatRuleValue(kind, alert.threshold)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Started</dt>
              <dd>{formatDateTime(alert.startedAt)}</dd>
            </div>
          </dl>
          {alert.mute ? (
            <p className="mt-3 text-sm text-slate-600">
              The rule is muted for this object{" "}
              {alert.mute.until ? `until ${formatDateTime(alert.mute.until)}` : "until unmuted"}
              {alert.mute.note ? `: ${alert.mute.note}` : ""}.
            </p>
          ) : null}
        </Card>
        {canAct ? (
          <Card title="Act">
            <AlertActions
              alertId={alert.id}
              isFiring={!alert.endedAt}
              isAcknowledged={Boolean(alert.acknowledgedAt)}
              isSnoozed={Boolean(alert.snoozedUntil)}
              isMuted={Boolean(alert.mute)}
            />
          </Card>
        ) : null}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title="Timeline">
          {alert.timeline.length === 0 ? (
            <p className="text-sm text-slate-600">No events recorded (the alert predates the timeline).</p>
          ) : (
            <ol className="space-y-2 text-sm" data-testid="alert-timeline">
              {alert.timeline.map((entry) => (
                <li key={entry.id}>
                  <span className="font-medium">{EVENT_LABEL[entry.kind] ?? entry.kind}</span>{" "}
                  <span className="text-slate-500">
                    {formatDateTime(entry.at)}
                    {entry.actor ? ` · ${entry.actor}` : ""}
                  </span>
                  {entry.note ? <p className="text-slate-700">“{entry.note}”</p> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Notifications">
          {alert.deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">
              No notifications. Add a channel under{" "}
              <Link className="text-brand-700 hover:underline" href="/monitoring/channels">
                Channels
              </Link>
              .
            </p>
          ) : (
            <Table
              caption="Deliveries of this alert"
              head={
                <>
                  <Th>Channel</Th>
                  <Th>Event</Th>
                  <Th>Status</Th>
                  <Th>When</Th>
                </>
              }
            >
              {alert.deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery-row">
                  <Td>{delivery.channelName}</Td>
                  <Td>{delivery.event}</Td>
                  <Td>
                    <Badge
                      tone={delivery.status === "sent" ? "good" : delivery.status === "pending" ? "neutral" : "bad"}
                    >
                      {delivery.status.replace("_", " ")}
                    </Badge>
                    {delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : ""}
                    {delivery.lastError ? (
                      <span className="block text-xs text-red-700">{delivery.lastError}</span>
                    ) : null}
                    {delivery.nextAttemptAt ? (
                      <span className="block text-xs text-slate-500">
                        retry {formatDateTime(delivery.nextAttemptAt)}
                      </span>
                    ) : null}
                  </Td>
                  <Td>{formatDateTime(delivery.sentAt ?? delivery.createdAt)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
