/**
 * `npm run simulate -- --url http://localhost:3000 --token flt_... [--minutes 60] [--env prod] [--follow]`
 *
 * Streams realistic monitoring data for the demo catalog through the public ingestion API, as
 * a feature platform would: per-minute serving metrics (with per-view lookup timings) for every
 * demo service, materialization runs that started in the window, and the latest daily feature
 * profiles. The demo's problems persist (stale views, eta_realtime over budget, drift). With
 * --follow it keeps sending each new minute until interrupted. Batches carry an
 * Idempotency-Key derived from their content, so a retried batch is never double-counted.
 * Needs a token with the `ingest` scope (Admin -> API tokens). Prints a JSON summary.
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { buildDemoCatalog, latest, type DemoEnvName } from "@/lib/demo/catalog";
import { generateProfiles, generateRuns, generateServingSeries } from "@/lib/demo/monitoring";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    token: { type: "string" },
    minutes: { type: "string", default: "60" },
    env: { type: "string", default: "prod" },
    follow: { type: "boolean", default: false },
    "no-profiles": { type: "boolean", default: false },
  },
});
if (!values.token) {
  console.error(
    "usage: simulate --url <base url> --token <API token with the ingest scope> [--minutes 60] [--env prod] [--follow]",
  );
  process.exit(2);
}
const minutes = Number(values.minutes);
if (!Number.isInteger(minutes) || minutes < 1 || minutes > 30 * 1440) {
  console.error("--minutes must be a whole number from 1 to 43200");
  process.exit(2);
}
const env = values.env as DemoEnvName;
const baseUrl = values.url.replace(/\/$/, "");
const BATCH = 10_000;

const totals = { servingPoints: 0, runs: 0, profiles: 0, batches: 0, replayed: 0, retries: 0 };

async function post(path: string, items: unknown[]): Promise<void> {
  for (let offset = 0; offset < items.length; offset += BATCH) {
    const body = JSON.stringify({ items: items.slice(offset, offset + BATCH) });
    const key = `simulate-${createHash("sha256").update(path).update(body).digest("hex").slice(0, 32)}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${values.token}`,
            "content-type": "application/json",
            "idempotency-key": key,
          },
          body,
        });
        if (response.ok) {
          totals.batches++;
          if (response.headers.get("idempotency-replayed")) totals.replayed++;
          break;
        }
        const text = await response.text();
        // Client errors will not go away by retrying: report them and stop.
        if (response.status < 500 && response.status !== 429)
          throw new Error(`${path} answered ${response.status}: ${text}`);
        if (attempt >= 4) throw new Error(`${path} answered ${response.status} after ${attempt} attempts: ${text}`);
      } catch (error) {
        if (error instanceof Error && / answered 4\d\d/.test(error.message)) throw error;
        if (attempt >= 4) throw error;
      }
      totals.retries++;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

/** Per-view lookup timings: a stable share of the service's p99 for each view it reads. */
function viewTimingShares(viewNames: string[]): Map<string, number> {
  const weights = viewNames.map(
    (name) => 0.3 + (parseInt(createHash("md5").update(name).digest("hex").slice(0, 4), 16) % 100) / 100,
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return new Map(viewNames.map((name, i) => [name, (0.75 * weights[i]!) / total]));
}

async function sendWindow(now: Date, windowMinutes: number, withProfiles: boolean) {
  const catalog = buildDemoCatalog(now);
  const startMs = Math.floor(now.getTime() / 60_000) * 60_000 - windowMinutes * 60_000;
  const days = Math.max(1, Math.ceil((windowMinutes + 1) / 1440));
  const serviceViews = new Map(
    catalog.featureServices.map((object) => [
      object.name,
      viewTimingShares([...new Set(latest(object).features.map((ref) => ref.split(":")[0]!))]),
    ]),
  );
  const serving: unknown[] = [];
  for (const series of generateServingSeries(catalog, now, env, days)) {
    const shares = serviceViews.get(series.service) ?? new Map<string, number>();
    series.requests.forEach((requests, i) => {
      const at = series.startMs + i * 60_000;
      if (at < startMs) return;
      const p99 = series.p99[i]!;
      serving.push({
        featureService: series.service,
        environment: env,
        bucketStart: new Date(at).toISOString(),
        requestCount: requests,
        errorCount: series.errors[i]!,
        p50Ms: series.p50[i]!,
        p95Ms: series.p95[i]!,
        p99Ms: p99,
        viewTimings: Object.fromEntries(
          [...shares].map(([view, share]) => [view, Math.round(p99 * share * 100) / 100]),
        ),
      });
    });
  }
  await post("/api/v1/ingest/serving-metrics", serving);
  totals.servingPoints += serving.length;

  const runs = generateRuns(catalog, now)
    .filter((run) => run.env === env && run.startedAt >= startMs)
    .map((run) => ({
      featureView: run.view,
      environment: env,
      status: run.status,
      startedAt: new Date(run.startedAt).toISOString(),
      endedAt: run.endedAt === null ? null : new Date(run.endedAt).toISOString(),
      rowsWritten: run.rowsWritten,
      watermark: run.watermark === null ? null : new Date(run.watermark).toISOString(),
      computeSeconds: run.computeSeconds,
      cost: run.cost,
    }));
  if (runs.length) await post("/api/v1/ingest/materialization-runs", runs);
  totals.runs += runs.length;

  if (withProfiles && env === "prod") {
    const profiles = generateProfiles(catalog, now);
    const newestEnd = Math.max(
      ...profiles.filter((profile) => !profile.savedDataset).map((profile) => profile.windowEnd),
    );
    const latestDay = profiles
      .filter((profile) => !profile.savedDataset && profile.windowEnd === newestEnd)
      .map((profile) => {
        const [featureView, feature] = profile.feature.split(":") as [string, string];
        return {
          featureView,
          feature,
          environment: env,
          source: profile.source,
          windowStart: new Date(profile.windowStart).toISOString(),
          windowEnd: new Date(profile.windowEnd).toISOString(),
          ...(profile.binEdges.length ? { binEdges: profile.binEdges } : { categories: profile.categories }),
          counts: profile.counts,
          count: profile.count,
          nullCount: profile.nullCount,
          mean: profile.mean,
          std: profile.std,
          min: profile.min,
          max: profile.max,
          quantiles: profile.quantiles,
        };
      });
    await post("/api/v1/ingest/profiles", latestDay);
    totals.profiles += latestDay.length;
  }
}

const started = Date.now();
await sendWindow(new Date(), minutes, !values["no-profiles"]);
const summary = () => ({
  url: baseUrl,
  environment: env,
  ...totals,
  seconds: Math.round((Date.now() - started) / 100) / 10,
  servingPointsPerSecond: Math.round(totals.servingPoints / Math.max(0.001, (Date.now() - started) / 1000)),
});
if (!values.follow) {
  console.log(JSON.stringify(summary(), null, 2));
} else {
  console.error(`simulate: backfilled ${minutes} minutes; sending each new minute (Ctrl-C to stop)`);
  const tick = async () => {
    await sendWindow(new Date(), 1, false);
    console.error(JSON.stringify(summary()));
  };
  setInterval(() => void tick().catch((error: unknown) => console.error(`simulate: ${String(error)}`)), 60_000);
  process.on("SIGINT", () => {
    console.log(JSON.stringify(summary(), null, 2));
    process.exit(0);
  });
}
