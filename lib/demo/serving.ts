import type { DemoCatalog, DemoEnvName } from "@/lib/demo/catalog";
import { gaussian, mulberry32, seedFrom } from "@/lib/demo/random";
import {
  DAY_MS,
  ERROR_INCIDENT,
  HOUR_MS,
  MINUTE_MS,
  SLOW_SERVICE,
  SLOW_SERVICE_SINCE_DAYS,
} from "@/lib/demo/incidents";
import { diurnal } from "@/lib/demo/runs";
import { round } from "@/lib/demo/distributions";

/* Per-minute serving metrics for the demo services: diurnal traffic, the slow service, the error incident. */

interface ServiceProfile {
  rpm: number;
  p50: number;
  p95x: number;
  p99x: number;
  errorRate: number;
}

export const SERVICE_PROFILES: Record<string, ServiceProfile> = {
  fraud_scoring_v3: { rpm: 900, p50: 9, p95x: 2.1, p99x: 1.55, errorRate: 0.0008 },
  account_takeover_v1: { rpm: 1400, p50: 6, p95x: 2.0, p99x: 1.6, errorRate: 0.0005 },
  eta_realtime: { rpm: 2600, p50: 6, p95x: 2.0, p99x: 1.6, errorRate: 0.0012 },
  eta_dispatch: { rpm: 700, p50: 14, p95x: 2.2, p99x: 1.6, errorRate: 0.001 },
  dynamic_pricing_v2: { rpm: 2200, p50: 7, p95x: 2.0, p99x: 1.7, errorRate: 0.0009 },
  growth_churn_scoring: { rpm: 60, p50: 45, p95x: 2.0, p99x: 1.5, errorRate: 0.002 },
  recs_homefeed_v4: { rpm: 5200, p50: 12, p95x: 2.0, p99x: 1.65, errorRate: 0.0015 },
  recs_similar_items: { rpm: 1800, p50: 8, p95x: 2.1, p99x: 1.6, errorRate: 0.0007 },
};

export interface ServingSeries {
  service: string;
  env: DemoEnvName;
  /** Start of the first one-minute bucket (ms since epoch). */
  startMs: number;
  requests: number[];
  errors: number[];
  p50: number[];
  p95: number[];
  p99: number[];
}

export function servingWindow(now: Date, days: number): { startMs: number; minutes: number } {
  const lastMinute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  const minutes = days * 24 * 60;
  return { startMs: lastMinute - (minutes - 1) * MINUTE_MS, minutes };
}

export function generateServingSeries(
  catalog: DemoCatalog,
  now: Date,
  env: DemoEnvName,
  days: number,
  services?: readonly string[],
): ServingSeries[] {
  const { startMs, minutes } = servingWindow(now, days);
  const nowMs = now.getTime();
  const slowFrom = nowMs - SLOW_SERVICE_SINCE_DAYS * DAY_MS;
  const incidentFrom = Math.floor((nowMs - ERROR_INCIDENT.daysAgo * DAY_MS) / MINUTE_MS) * MINUTE_MS;
  const incidentTo = incidentFrom + ERROR_INCIDENT.minutes * MINUTE_MS;
  const out: ServingSeries[] = [];
  for (const object of catalog.featureServices) {
    if (services && !services.includes(object.name)) continue;
    if (object.active[env] === null) continue;
    const profile = SERVICE_PROFILES[object.name] ?? { rpm: 500, p50: 10, p95x: 2, p99x: 1.6, errorRate: 0.001 };
    const random = mulberry32(seedFrom(`${env}:${object.name}:serving`));
    const scale = env === "prod" ? 1 : 0.04;
    const series: ServingSeries = {
      service: object.name,
      env,
      startMs,
      requests: [],
      errors: [],
      p50: [],
      p95: [],
      p99: [],
    };
    for (let i = 0; i < minutes; i++) {
      const at = startMs + i * MINUTE_MS;
      const load = diurnal(at, 0.6);
      const expected = profile.rpm * scale * load * (1 + 0.06 * gaussian(random));
      const requests = Math.max(0, Math.round(expected));
      let errorRate = profile.errorRate;
      if (env === "prod" && object.name === ERROR_INCIDENT.service && at >= incidentFrom && at < incidentTo)
        errorRate = ERROR_INCIDENT.errorRate;
      const meanErrors = requests * errorRate;
      const errors = Math.min(requests, Math.max(0, Math.round(meanErrors + Math.sqrt(meanErrors) * gaussian(random))));
      // Latency rises with load; the slow service regressed (a new feature view lookup) and ramps up over 6 hours.
      let slowdown = 1;
      if (env === "prod" && object.name === SLOW_SERVICE && at >= slowFrom)
        slowdown = 1 + 0.75 * Math.min(1, (at - slowFrom) / (6 * HOUR_MS));
      const p50 = profile.p50 * (0.85 + 0.3 * load) * slowdown * Math.exp(0.05 * gaussian(random));
      const p95 = p50 * profile.p95x * Math.exp(0.07 * gaussian(random));
      let p99 = p95 * profile.p99x * Math.exp(0.08 * gaussian(random));
      if (random() < 0.002) p99 *= 2 + random(); // GC pauses and cold caches
      series.requests.push(requests);
      series.errors.push(errors);
      series.p50.push(round(p50, 2));
      series.p95.push(round(p95, 2));
      series.p99.push(round(Math.max(p99, p95), 2));
    }
    out.push(series);
  }
  return out;
}
