"use client";

import { catalogHref, lineageHref } from "@/lib/routes";
import Link from "next/link";
import { useState } from "react";
import { formatStatistic } from "@/lib/format";
import { useMonitoringData } from "@/components/monitoring/query";
import { Badge } from "@/components/ui/badge";
import type { FeatureStatisticsRow } from "@/lib/data/monitoring";

type SortKey = "name" | "status" | "driftPsi" | "skewPsi" | "driftJs" | "skewJs";
const STATUS_RANK = { alert: 2, warn: 1, ok: 0, no_data: -1 } as const;
const STATUS_TONE = { ok: "good", warn: "warn", alert: "bad", no_data: "neutral" } as const;
const STATUS_LABEL = { ok: "ok", warn: "warning", alert: "over threshold", no_data: "no data" } as const;

const COLUMNS: { key: SortKey; label: string; value: (row: FeatureStatisticsRow) => number | string | null }[] = [
  { key: "name", label: "Feature", value: (row) => `${row.featureView.name}:${row.name}` },
  { key: "status", label: "Status", value: (row) => STATUS_RANK[row.worst] },
  { key: "driftPsi", label: "Drift PSI", value: (row) => row.drift?.values.psi ?? null },
  { key: "driftJs", label: "Drift JS distance", value: (row) => row.drift?.values.jsDistance ?? null },
  { key: "skewPsi", label: "Skew PSI", value: (row) => row.skew?.values.psi ?? null },
  { key: "skewJs", label: "Skew JS distance", value: (row) => row.skew?.values.jsDistance ?? null },
];

/** The worst features across a service or model, sortable by any column. */
export function WorstFeaturesTable({
  initialData,
  search,
}: {
  initialData: { features: FeatureStatisticsRow[] };
  search: string;
}) {
  const { data } = useMonitoringData("features", null, initialData);
  const [sort, setSort] = useState<{ key: SortKey; isDescending: boolean }>({ key: "status", isDescending: true });
  const column = COLUMNS.find((candidate) => candidate.key === sort.key)!;
  const rows = [...data.features].sort((a, b) => {
    const left = column.value(a);
    const right = column.value(b);
    if (left === right) return (b.psi ?? -1) - (a.psi ?? -1);
    if (left === null) return 1;
    if (right === null) return -1;
    const order = left < right ? -1 : 1;
    return sort.isDescending ? -order : order;
  });
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        No profiled features here yet. Profiles arrive through POST /api/v1/ingest/profiles.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="worst-features">
        <caption className="sr-only">Features by skew and drift, sortable</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {COLUMNS.map((candidate) => (
              <th
                key={candidate.key}
                scope="col"
                className="px-3 py-2"
                aria-sort={sort.key === candidate.key ? (sort.isDescending ? "descending" : "ascending") : "none"}
              >
                <button
                  type="button"
                  className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                  onClick={() =>
                    setSort((current) => ({
                      key: candidate.key,
                      isDescending: current.key === candidate.key ? !current.isDescending : candidate.key !== "name",
                    }))
                  }
                >
                  {candidate.label}
                  {sort.key === candidate.key ? <span aria-hidden>{sort.isDescending ? "▼" : "▲"}</span> : null}
                </button>
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              Links
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((row) => (
            <tr key={row.featureId}>
              <td className="px-3 py-2">
                <Link
                  className="font-medium text-brand-700 hover:underline"
                  href={`/monitoring/features/${row.featureId}${search ? `?${search}` : ""}`}
                >
                  {row.featureView.name}:{row.name}
                </Link>
                {row.featureView.kind === "on_demand" ? (
                  <span className="ml-1 text-xs text-slate-500">(on-demand)</span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <Badge
                  tone={STATUS_TONE[row.worst]}
                  title={
                    row.worst === "no_data"
                      ? "No offline profile of this window and no baseline to compare with"
                      : undefined
                  }
                >
                  {STATUS_LABEL[row.worst]}
                </Badge>
              </td>
              <td className="px-3 py-2">{formatStatistic(row.drift?.values.psi)}</td>
              <td className="px-3 py-2">{formatStatistic(row.drift?.values.jsDistance)}</td>
              <td className="px-3 py-2">{formatStatistic(row.skew?.values.psi)}</td>
              <td className="px-3 py-2">{formatStatistic(row.skew?.values.jsDistance)}</td>
              <td className="px-3 py-2 text-xs">
                <Link className="text-brand-700 hover:underline" href={catalogHref("feature", row.featureId)}>
                  catalog
                </Link>{" "}
                ·{" "}
                <Link className="text-brand-700 hover:underline" href={lineageHref("feature", row.featureId)}>
                  lineage
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
