import { monitoringHref } from "@/lib/routes";
import Link from "next/link";
import { Sparkline } from "@/components/catalog/sparkline";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FeatureDetail } from "@/lib/data/catalog";
import { formatAge } from "@/lib/format";
import { DEFAULT_THRESHOLDS } from "@/lib/monitoring/thresholds";

export function HealthCard({ detail }: { detail: FeatureDetail }) {
  const { health } = detail;
  const tone = (status: string | null) =>
    status === "alert" || status === "stale" ? "bad" : status === "warn" ? "warn" : status ? "good" : "neutral";
  return (
    <Card
      title={`Health in ${health.environment}`}
      action={
        health.alerts ? (
          <Link href={monitoringHref("feature", detail.id)} data-testid="alert-badge">
            <Badge tone={health.alerts.severity === "critical" ? "bad" : "warn"}>
              {health.alerts.count} open alert{health.alerts.count === 1 ? "" : "s"}
            </Badge>
          </Link>
        ) : (
          <Badge tone="good">no open alerts</Badge>
        )
      }
    >
      <div className="grid gap-4 sm:grid-cols-3" data-testid="feature-health">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Freshness</p>
          {health.freshness ? (
            <>
              <p className="text-sm">
                <Badge tone={tone(health.freshness.status)}>{health.freshness.status}</Badge>{" "}
                {formatAge(health.freshness.stalenessSeconds)} old
                {health.freshness.slaSeconds ? ` · SLA ${formatAge(health.freshness.slaSeconds)}` : ""}
              </p>
              <Sparkline
                label="Staleness over the last 7 days"
                values={health.freshness.series.map((p) => p.value)}
                threshold={health.freshness.slaSeconds}
              />
            </>
          ) : (
            <p className="text-sm text-slate-500">Computed at request time: no materialization.</p>
          )}
        </div>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Skew (JS distance, offline vs online)
          </p>
          <p className="text-sm">
            {health.skew.latest === null ? (
              <span className="text-slate-500">no profiles</span>
            ) : (
              <>
                <Badge tone={tone(health.skew.status)}>{health.skew.status}</Badge> {health.skew.latest.toFixed(3)}
              </>
            )}
          </p>
          <Sparkline
            label="Skew per profile window"
            values={health.skew.series.map((p) => p.value)}
            threshold={DEFAULT_THRESHOLDS.jsDistance.alert}
          />
        </div>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Drift (PSI vs training)</p>
          <p className="text-sm">
            {health.drift.latest === null ? (
              <span className="text-slate-500">no training baseline</span>
            ) : (
              <>
                <Badge tone={tone(health.drift.status)}>{health.drift.status}</Badge> {health.drift.latest.toFixed(3)}
              </>
            )}
          </p>
          <Sparkline
            label="Drift per profile window"
            values={health.drift.series.map((p) => p.value)}
            threshold={DEFAULT_THRESHOLDS.psi.alert}
          />
        </div>
      </div>
    </Card>
  );
}
