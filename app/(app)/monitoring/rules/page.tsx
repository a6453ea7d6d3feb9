import Link from "next/link";
import type { Metadata } from "next";
import { CreateRuleForm, RetentionForm } from "@/components/monitoring/rule-forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getRetentionSettings, listRules } from "@/lib/server/monitoring";
import { roleAtLeast } from "@/lib/data/users";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";
import { evaluateNowAction, toggleRuleAction } from "../actions";
import { MonitoringHeader } from "../header";
import { monitoringPageScope, type SearchParams } from "../scope";

export const metadata: Metadata = { title: "Alert rules" };

const KIND_LABEL = {
  freshness: "Stale beyond SLA",
  latency_p99: "p99 over budget",
  error_rate: "Error rate",
  statistic: "Statistic over threshold",
} as const;

function thresholdText(rule: {
  kind: keyof typeof KIND_LABEL;
  threshold: number | null;
  statistic: string | null;
}): string {
  switch (rule.kind) {
    case "freshness":
      return rule.threshold ? `${rule.threshold} x the view's SLA` : "the view's SLA";
    case "latency_p99":
      return rule.threshold ? `${rule.threshold} ms` : "the service's budget";
    case "error_rate":
      return `${((rule.threshold ?? 0.01) * 100).toFixed(2)}%`;
    case "statistic": {
      const label = STATISTICS[rule.statistic as StatisticName]?.label ?? rule.statistic;
      return `${label} ${rule.threshold ? `at ${rule.threshold}` : "at the feature's alert threshold"} (a feature's own override wins)`;
    }
  }
}

export default async function RulesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await monitoringPageScope(searchParams);
  const [rules, retention] = await Promise.all([
    listRules({ workspaceId: scope.workspaceId }),
    getRetentionSettings(scope.workspaceId),
  ]);
  const canEdit = roleAtLeast(scope.context.role, "author");
  return (
    <>
      <MonitoringHeader
        title="Alert rules"
        description="Rules are evaluated on a schedule (freshness every minute, p99 and error rate every minute over the last 15 minutes, skew and drift every 15 minutes), whenever data is ingested for their objects, and on demand. Click a rule to edit it."
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
        {rules.map((rule) => (
          <tr key={rule.id}>
            <Td className="font-medium">
              {canEdit ? (
                <Link className="text-brand-700 hover:underline" href={`/monitoring/rules/${rule.id}`}>
                  {rule.name}
                </Link>
              ) : (
                rule.name
              )}
            </Td>
            <Td>
              {KIND_LABEL[rule.kind]}: {thresholdText(rule)}
            </Td>
            <Td>
              {rule.objectId
                ? `${rule.objectKind?.replace("_", " ")} ${rule.objectName ?? "(deleted)"}`
                : `every ${rule.objectKind?.replace("_", " ")}`}
            </Td>
            <Td className="tabular-nums">{rule.openAlerts}</Td>
            <Td>
              {canEdit ? (
                <form action={toggleRuleAction} className="flex items-center gap-2">
                  <input type="hidden" name="ruleId" value={rule.id} />
                  <input type="hidden" name="enabled" value={rule.enabled ? "false" : "true"} />
                  <Badge tone={rule.enabled ? "good" : "neutral"}>{rule.enabled ? "enabled" : "disabled"}</Badge>
                  <Button
                    type="submit"
                    variant="ghost"
                    aria-label={`${rule.enabled ? "Disable" : "Enable"} ${rule.name}`}
                  >
                    {rule.enabled ? "Disable" : "Enable"}
                  </Button>
                </form>
              ) : (
                <Badge tone={rule.enabled ? "good" : "neutral"}>{rule.enabled ? "enabled" : "disabled"}</Badge>
              )}
            </Td>
          </tr>
        ))}
      </Table>
      {rules.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No rules yet: the default rules are created on the first evaluation.
        </p>
      ) : null}
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        {canEdit ? (
          <Card title="New rule">
            <CreateRuleForm />
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
