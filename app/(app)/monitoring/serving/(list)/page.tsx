import Link from "next/link";
import type { Metadata } from "next";
import { OpenAlertBadge } from "@/components/monitoring/alert-list";
import { AutoRefresh } from "@/components/monitoring/auto-refresh";
import { formatNumber, formatPercent } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getOpenAlertsByObject } from "@/lib/server/alerts";
import { listServiceLatency } from "@/lib/server/monitoring";
import { MonitoringHeader } from "../../header";
import { monitoringPageScope, withSearch, type SearchParams } from "../../scope";

export const metadata: Metadata = { title: "Serving latency" };

export default async function ServingPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await monitoringPageScope(searchParams);
  const [services, badges] = await Promise.all([
    listServiceLatency({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      from: scope.from,
      to: scope.to,
    }),
    getOpenAlertsByObject({ workspaceId: scope.workspaceId, environmentId: scope.environment.id }),
  ]);
  const sortedServices = services.toSorted(
    (a, b) => (b.p99Ms ?? -1) / (b.budgetMs ?? Infinity) - (a.p99Ms ?? -1) / (a.budgetMs ?? Infinity),
  );
  return (
    <>
      <AutoRefresh />
      <MonitoringHeader
        title="Serving latency"
        description="Each feature service's p99 over the range against its budget, with traffic and error rate. Percentiles combined over many buckets are approximate (request-weighted) unless the platform sends histograms."
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
      />
      {services.length === 0 ? (
        <EmptyState title="No feature services">
          Services appear here once defined; metrics arrive through POST /api/v1/ingest/serving-metrics.
        </EmptyState>
      ) : (
        <Table
          caption="Feature service latency"
          head={
            <>
              <Th>Feature service</Th>
              <Th>p99 (approx.)</Th>
              <Th>Budget</Th>
              <Th>Requests</Th>
              <Th>Error rate</Th>
            </>
          }
        >
          {sortedServices.map((service) => (
            <tr key={service.id}>
              <Td>
                <Link
                  className="font-medium text-brand-700 hover:underline"
                  href={withSearch(`/monitoring/serving/${service.id}`, scope.search)}
                >
                  {service.name}
                </Link>{" "}
                <OpenAlertBadge badge={badges.get(`feature_service:${service.id}`)} name={service.name} />
              </Td>
              <Td className="tabular-nums">
                {service.p99Ms === null ? "no traffic" : `${service.p99Ms.toFixed(1)} ms`}{" "}
                {service.isOverBudget ? <Badge tone="bad">over budget</Badge> : null}
              </Td>
              <Td className="tabular-nums">{service.budgetMs === null ? "none" : `${service.budgetMs} ms`}</Td>
              <Td className="tabular-nums">{formatNumber(service.requestCount)}</Td>
              <Td className="tabular-nums">{formatPercent(service.errorRate)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
