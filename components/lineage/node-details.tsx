"use client";

import { formatDuration } from "@/lib/format";
import { catalogHref } from "@/lib/routes";
import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { type HealthStatus, type NodeHealth } from "@/lib/lineage/health";
import { KIND_LABELS } from "@/lib/kinds";
import { parseNodeId, type LineageNode, type NodeKind } from "@/lib/lineage/types";

/** The catalog page of an object; a column's is its data source's. */
export function nodeCatalogHref(node: { kind: NodeKind; objectId: string; parentId?: string }): string {
  if (node.kind === "column") {
    const parent = node.parentId ? parseNodeId(node.parentId) : null;
    if (parent) return catalogHref(parent.kind, parent.objectId);
  }
  return catalogHref(node.kind, node.objectId);
}

const STATUS_TONE: Record<HealthStatus, Tone> = { ok: "good", warn: "warn", bad: "bad", unknown: "neutral" };

export function HealthDetails({ health }: { health: NodeHealth | undefined }) {
  if (!health) return <p className="text-xs text-slate-500">No health data in this environment.</p>;
  const rows: [string, string, HealthStatus][] = [];
  if (health.served) {
    const { state, reasons } = health.served;
    rows.push([
      "Health",
      state === "no_data" ? "no data" : reasons.length ? reasons.join("; ") : "healthy",
      health.status,
    ]);
  }
  if (health.freshness) {
    const { status, stalenessSeconds, slaSeconds } = health.freshness;
    rows.push([
      "Freshness",
      `${stalenessSeconds === null ? "never materialised" : `${formatDuration(stalenessSeconds)} old`}${
        slaSeconds ? ` (SLA ${formatDuration(slaSeconds)})` : ""
      }`,
      status === "stale" ? "bad" : status === "fresh" ? "ok" : "unknown",
    ]);
  }
  if (health.latency) {
    const { p99Ms, budgetMs, isOverBudget } = health.latency;
    rows.push([
      "p99 (1 h)",
      `${p99Ms === null ? "no traffic" : `${Math.round(p99Ms)} ms`} / budget ${budgetMs} ms`,
      p99Ms === null ? "unknown" : isOverBudget ? "bad" : "ok",
    ]);
  }
  for (const [label, part] of [
    ["Drift", health.drift],
    ["Skew", health.skew],
  ] as const) {
    if (!part) continue;
    rows.push([
      label,
      `PSI ${part.psi.toFixed(3)}${part.featureCount ? ` · ${part.featureCount} feature(s) off` : ""}`,
      part.status === "alert" ? "bad" : part.status === "warn" ? "warn" : "ok",
    ]);
  }
  if (health.alerts) {
    rows.push([
      "Open alerts",
      `${health.alerts.count} (${health.alerts.severity})`,
      health.alerts.severity === "critical" ? "bad" : "warn",
    ]);
  }
  return (
    <dl className="space-y-1 text-xs" data-testid="node-health">
      {rows.map(([label, value, status]) => (
        <div key={label} className="flex items-center justify-between gap-2">
          <dt className="text-slate-500">{label}</dt>
          <dd className="flex items-center gap-1.5 text-right text-slate-800">
            {value} <Badge tone={STATUS_TONE[status]}>{status}</Badge>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function NodeDetails({
  node,
  health,
  teamName,
  parentName,
}: {
  node: LineageNode;
  health: NodeHealth | undefined;
  teamName: string | undefined;
  parentName: string | undefined;
}) {
  return (
    <div className="space-y-3 text-sm" data-testid="node-details">
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          {KIND_LABELS[node.kind].one}
          {node.subKind ? ` · ${node.subKind.replace("_", "-")}` : ""}
        </p>
        <h3 className="break-words text-base font-semibold text-slate-900">{node.name}</h3>
        {parentName ? (
          <p className="text-xs text-slate-500">
            {node.kind === "column" ? "Column of " : "Feature of "}
            {parentName}
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-[5rem_1fr] gap-x-2 gap-y-1 text-xs">
        <dt className="text-slate-500">Team</dt>
        <dd className="text-slate-800">{teamName ?? "—"}</dd>
        <dt className="text-slate-500">Owner</dt>
        <dd className="break-all text-slate-800">{node.owner || "—"}</dd>
        {node.isOnCycle ? (
          <>
            <dt className="text-slate-500">Cycle</dt>
            <dd className="text-amber-800">Feeds itself through on-demand inputs</dd>
          </>
        ) : null}
      </dl>
      <HealthDetails health={health} />
      <Link href={nodeCatalogHref(node)} className="inline-block text-sm font-medium text-brand-700 hover:underline">
        {node.kind === "column" ? "Open its data source in the catalog →" : "Open in the catalog →"}
      </Link>
    </div>
  );
}
