import type { Metadata } from "next";
import { CreateMonitorForm, RetentionForm } from "@/components/monitoring/rule-forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getRetentionSettings, listMonitors } from "@/lib/data/monitoring";
import { roleAtLeast } from "@/lib/data/users";
import { db } from "@/lib/db";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";
import { evaluateNowAction, toggleMonitorAction } from "../actions";
import { MonitoringHeader } from "../header";
import { monitoringPageScope, type SearchParams } from "../scope";

export const metadata: Metadata = { title: "Alert rules" };

const KIND_LABEL = {
  freshness: "Stale beyond SLA",
  latency_p99: "p99 over budget",
  error_rate: "Error rate",
  statistic: "Statistic over threshold",
} as const;

function thresholdText(monitor: {
  kind: keyof typeof KIND_LABEL;
  threshold: number | null;
  statistic: string | null;
}): string {
  switch (monitor.kind) {
    case "freshness":
      return monitor.threshold ? `${monitor.threshold} x the view's SLA` : "the view's SLA";
    case "latency_p99":
      return monitor.threshold ? `${monitor.threshold} ms` : "the service's budget";
    case "error_rate":
      return `${((monitor.threshold ?? 0.01) * 100).toFixed(2)}%`;
    case "statistic": {
      const label = STATISTICS[monitor.statistic as StatisticName]?.label ?? monitor.statistic;
      return `${label} ${monitor.threshold ? `at ${monitor.threshold}` : "at the feature's alert threshold"} (a feature's own override wins)`;
    }
  }
}

export default async function RulesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await monitoringPageScope(searchParams);
  const [monitors, retention] = await Promise.all([
    listMonitors(db(), { workspaceId: scope.workspaceId }),
    getRetentionSettings(db(), scope.workspaceId),
  ]);
  const canEdit = roleAtLeast(scope.context.role, "author");
  return (
    <>
      <MonitoringHeader
        title="Alert rules"
        description="Rules are evaluated whenever data is ingested for their objects, and on demand. p99 and error rate are judged over the last 15 minutes; skew and drift on the latest profiles."
        environments={scope.environments}
        environment={scope.environment.name}
        showRange={false}
        actions={
          canEdit ? (
            <form action={evaluateNowAction}>
              <Button type="submit">Evaluate now</Button>
            </form>
          ) : undefined
        }
      />
      <Table
        caption="Alert rules"
        head={
          <>
            <Th>Rule</Th>
            <Th>Condition</Th>
            <Th>Applies to</Th>
            <Th>Firing</Th>
            <Th>State</Th>
          </>
        }
      >
        {monitors.map((monitor) => (
          <tr key={monitor.id}>
            <Td className="font-medium">{monitor.name}</Td>
            <Td>
              {KIND_LABEL[monitor.kind]}: {thresholdText(monitor)}
            </Td>
            <Td>
              {monitor.objectId
                ? `one ${monitor.objectKind?.replace("_", " ")}`
                : `every ${monitor.objectKind?.replace("_", " ")}`}
            </Td>
            <Td className="tabular-nums">{monitor.openAlerts}</Td>
            <Td>
              {canEdit ? (
                <form action={toggleMonitorAction} className="flex items-center gap-2">
                  <input type="hidden" name="monitorId" value={monitor.id} />
                  <input type="hidden" name="enabled" value={monitor.enabled ? "false" : "true"} />
                  <Badge tone={monitor.enabled ? "good" : "neutral"}>{monitor.enabled ? "enabled" : "disabled"}</Badge>
                  <Button
                    type="submit"
                    variant="ghost"
                    aria-label={`${monitor.enabled ? "Disable" : "Enable"} ${monitor.name}`}
                  >
                    {monitor.enabled ? "Disable" : "Enable"}
                  </Button>
                </form>
              ) : (
                <Badge tone={monitor.enabled ? "good" : "neutral"}>{monitor.enabled ? "enabled" : "disabled"}</Badge>
              )}
            </Td>
          </tr>
        ))}
      </Table>
      {monitors.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No rules yet: the default rules are created on the first evaluation.
        </p>
      ) : null}
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        {canEdit ? (
          <Card title="New rule">
            <CreateMonitorForm />
          </Card>
        ) : null}
        <Card title="Raw data retention">
          <p className="mb-3 text-sm text-slate-600">
            Per-minute serving metrics are kept {retention.rawRetentionDays} days (default{" "}
            {retention.defaultRawRetentionDays}); hourly and daily rollups are kept. Dashboards over more than a day
            read rollups.
          </p>
          {roleAtLeast(scope.context.role, "admin") ? <RetentionForm days={retention.rawRetentionDays} /> : null}
        </Card>
      </div>
    </>
  );
}
