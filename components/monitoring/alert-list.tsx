import Link from "next/link";
import { acknowledgeAlertAction } from "@/app/(app)/monitoring/actions";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AlertListItem } from "@/lib/data/alerts";

const DETAIL_PATH: Partial<Record<string, string>> = {
  feature_view: "/monitoring/freshness",
  feature_service: "/monitoring/serving",
  feature: "/monitoring/features",
};

/** Alerts with their object, timing and state; authors and above can acknowledge open ones. */
export function AlertList({
  alerts,
  canAcknowledge,
  search,
  showObject = true,
}: {
  alerts: AlertListItem[];
  canAcknowledge: boolean;
  search: string;
  showObject?: boolean;
}) {
  if (alerts.length === 0) return <p className="text-sm text-slate-600">No alerts.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="alert-list">
      {alerts.map((alert) => {
        const detail = DETAIL_PATH[alert.objectKind];
        return (
          <li
            key={alert.id}
            className="flex flex-wrap items-start justify-between gap-3 py-2 text-sm"
            data-testid={`alert-${alert.id}`}
          >
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={alert.severity === "critical" ? "bad" : "warn"}>{alert.severity}</Badge>
                {alert.endedAt ? (
                  <Badge tone="good">resolved</Badge>
                ) : alert.acknowledgedAt ? (
                  <Badge>acknowledged</Badge>
                ) : alert.snoozedUntil ? (
                  <Badge tone="info">snoozed</Badge>
                ) : (
                  <Badge tone="bad">open</Badge>
                )}
                {showObject && alert.objectName ? (
                  detail ? (
                    <Link
                      className="font-medium text-brand-700 hover:underline"
                      href={`${detail}/${alert.objectId}${search ? `?${search}` : ""}`}
                    >
                      {alert.objectName}
                    </Link>
                  ) : (
                    <span className="font-medium">{alert.objectName}</span>
                  )
                ) : null}
                <span className="text-xs text-slate-500">
                  {alert.environmentName} · {alert.ruleName}
                </span>
              </div>
              <p className="mt-1 text-slate-700">
                <Link className="hover:underline" href={`/monitoring/alerts/${alert.id}`}>
                  {alert.message}
                </Link>
              </p>
              <p className="text-xs text-slate-500">
                Since {formatDateTime(alert.startedAt)}
                {alert.endedAt ? ` · ended ${formatDateTime(alert.endedAt)}` : ""}
                {alert.acknowledgedAt
                  ? ` · acknowledged ${formatDateTime(alert.acknowledgedAt)}${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ""}`
                  : ""}
              </p>
            </div>
            {canAcknowledge && !alert.endedAt && !alert.acknowledgedAt ? (
              <form action={acknowledgeAlertAction}>
                <input type="hidden" name="alertId" value={alert.id} />
                <Button type="submit" variant="secondary" aria-label={`Acknowledge: ${alert.message}`}>
                  Acknowledge
                </Button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The count badge of an object's open alerts, as the catalog and lineage show it. */
export function OpenAlertBadge({
  badge,
  name,
}: {
  badge: { count: number; severity: "warning" | "critical" } | undefined;
  name: string;
}) {
  if (!badge) return null;
  return (
    <span data-testid={`alert-badge-${name}`}>
      <Badge
        tone={badge.severity === "critical" ? "bad" : "warn"}
        title={`${badge.count} open alert${badge.count === 1 ? "" : "s"}`}
      >
        {badge.count} open alert{badge.count === 1 ? "" : "s"}
      </Badge>
    </span>
  );
}
