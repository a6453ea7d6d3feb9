import Link from "next/link";
import type { Metadata } from "next";
import { OpenAlertBadge } from "@/components/monitoring/alert-list";
import { AutoRefresh } from "@/components/monitoring/auto-refresh";
import { formatDateTime, formatDuration } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getOpenAlertsByObject } from "@/lib/server/alerts";
import { listViewFreshness } from "@/lib/server/monitoring";
import { MonitoringHeader } from "../../header";
import { monitoringPageScope, withSearch, type SearchParams } from "../../scope";

export const metadata: Metadata = { title: "Freshness" };

const STATUS_TONE = { fresh: "good", stale: "bad", unknown: "neutral", not_deployed: "neutral" } as const;

export default async function FreshnessPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await monitoringPageScope(searchParams);
  const [views, badges] = await Promise.all([
    listViewFreshness({ workspaceId: scope.workspaceId, environmentId: scope.environment.id }),
    getOpenAlertsByObject({ workspaceId: scope.workspaceId, environmentId: scope.environment.id }),
  ]);
  const order = { stale: 0, unknown: 1, fresh: 2, not_deployed: 3 } as const;
  const sortedViews = views.toSorted(
    (a, b) => order[a.status] - order[b.status] || (b.stalenessSeconds ?? 0) - (a.stalenessSeconds ?? 0),
  );
  return (
    <>
      <AutoRefresh />
      <MonitoringHeader
        title="Freshness"
        description="Staleness of each materialised feature view (now minus its newest landed watermark) against its SLA, twice the schedule by default."
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
      />
      {views.length === 0 ? (
        <EmptyState title="No materialised feature views">
          Batch and stream views appear here; on-demand views compute at request time.
        </EmptyState>
      ) : (
        <Table
          caption="Feature view freshness"
          head={
            <>
              <Th>Feature view</Th>
              <Th>Status</Th>
              <Th>Staleness</Th>
              <Th>SLA</Th>
              <Th>Last run</Th>
              <Th>Failed runs (24 h)</Th>
            </>
          }
        >
          {sortedViews.map((view) => (
            <tr key={view.id}>
              <Td>
                <Link
                  className="font-medium text-brand-700 hover:underline"
                  href={withSearch(`/monitoring/freshness/${view.id}`, scope.search)}
                >
                  {view.name}
                </Link>{" "}
                <span className="text-xs text-slate-500">
                  {view.kind}
                  {view.schedule ? ` · ${view.schedule}` : ""}
                </span>{" "}
                <OpenAlertBadge badge={badges.get(`feature_view:${view.id}`)} name={view.name} />
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[view.status]}>{view.status.replace("_", " ")}</Badge>
              </Td>
              <Td className="tabular-nums">{formatDuration(view.stalenessSeconds)}</Td>
              <Td className="tabular-nums">{formatDuration(view.slaSeconds)}</Td>
              <Td>
                {view.lastRunAt ? (
                  <>
                    {view.lastRunStatus === "failed" ? <Badge tone="bad">failed</Badge> : view.lastRunStatus} ·{" "}
                    {formatDateTime(view.lastRunAt)}
                  </>
                ) : (
                  "never"
                )}
              </Td>
              <Td className="tabular-nums">{view.failedRuns24h}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
