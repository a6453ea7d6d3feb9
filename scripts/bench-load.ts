/**
 * `npm run bench:load -- [--users 100] [--seconds 60] [--url http://localhost:3000] [--port 3309]`
 *
 * N simulated signed-in people browse a production server at once: each signs in through
 * next-auth's credentials endpoint (demo accounts, in turn admin / approver / author / viewer),
 * then (after one unmeasured request of each kind) loops until the time is up: one request from a realistic mix (home, catalog list, search
 * and detail, lineage, promotions, monitoring overview and details, and the JSON API), then
 * 0.5-1.5 s of think time. Prints JSON: requests/s, p50 / p95 / p99 overall and per route
 * class, errors by status, and for a server it started, the CPU that server used (`serverCpu`).
 * Progress goes to stderr.
 *
 * Without --url it starts `npm start` itself on --port with a temporary data dir (the embedded
 * database, or PostgreSQL when DATABASE_URL is set) and stops it at the end. Loopback only; the
 * number of requests is bounded by users x seconds / think time, and each has a timeout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  cookieHeader,
  mergeCookies,
  pickWeighted,
  processGroupCpuSeconds,
  summarizeLoad,
  type Sample,
} from "./bench-load-report";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
    url: { type: "string" },
    port: { type: "string", default: "3309" },
    password: { type: "string", default: "featureline" },
    "timeout-ms": { type: "string", default: "30000" },
  },
});
const users = Math.min(1000, Math.max(1, Number(values.users)));
const seconds = Math.min(600, Math.max(5, Number(values.seconds)));
const timeoutMs = Number(values["timeout-ms"]);
const DEMO_EMAILS = [
  "admin@featureline.dev",
  "approver@featureline.dev",
  "author@featureline.dev",
  "viewer@featureline.dev",
];
const log = (line: string) => process.stderr.write(`bench:load: ${line}\n`);

let server: ChildProcess | null = null;
let dataDir: string | null = null;
let baseUrl = values.url?.replace(/\/$/, "") ?? `http://127.0.0.1:${values.port}`;
if (!["localhost", "127.0.0.1", "[::1]"].includes(new URL(baseUrl).hostname)) {
  log("refusing a non-loopback --url: this benchmark only loads servers on this machine");
  process.exit(2);
}

try {
  if (!values.url) {
    dataDir = mkdtempSync(path.join(tmpdir(), "featureline-load-"));
    server = startServer(values.port!, dataDir);
    baseUrl = `http://127.0.0.1:${values.port}`;
    await waitForHealth(baseUrl, 300_000);
  }
  const result = await run();
  console.log(JSON.stringify(result, null, 2));
} finally {
  await stopServer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

interface User {
  jar: Map<string, string>;
}

interface Targets {
  details: string[];
  lineageRoots: string[];
  freshness: string[];
  serving: string[];
  features: string[];
  promotions: string[];
  lineageApi: string[];
}

async function run() {
  log(`signing in ${users} users at ${baseUrl}`);
  const people: User[] = [];
  // Four at a time: password hashing is deliberately slow and not what this measures.
  for (let start = 0; start < users; start += 4) {
    const batch = Array.from({ length: Math.min(4, users - start) }, (_, i) =>
      signIn(DEMO_EMAILS[(start + i) % DEMO_EMAILS.length]!),
    );
    people.push(...(await Promise.all(batch)));
  }
  const targets = await discover(people[0]!);
  log(
    `targets: ${targets.details.length} catalog objects, ${targets.freshness.length} views, ` +
      `${targets.serving.length} services, ${targets.features.length} profiled features, ${targets.promotions.length} promotions`,
  );
  const mix = routeMix(targets);
  // One request of each class first, unmeasured: a fresh server compiles and fills caches.
  for (const route of mix) await timedRequest(people[0]!, route.routeClass, route.path(), route.api);

  const samples: Sample[] = [];
  // The server started here is its own process group (npm, the start script, the server).
  const cpuAtStart = server?.pid ? processGroupCpuSeconds(server.pid) : null;
  const startedAt = performance.now();
  const endsAt = startedAt + seconds * 1000;
  const progress = setInterval(() => {
    const elapsed = (performance.now() - startedAt) / 1000;
    const errors = samples.filter((sample) => !sample.ok).length;
    log(
      `${elapsed.toFixed(0)} s: ${samples.length} requests (${(samples.length / elapsed).toFixed(1)}/s), ${errors} errors`,
    );
  }, 5000);
  await Promise.all(
    people.map(async (person, index) => {
      // Spread the first requests over one think time, as people do not all click at once.
      await sleep((index / people.length) * 1000);
      while (performance.now() < endsAt) {
        const route = pickWeighted(mix, Math.random());
        samples.push(await timedRequest(person, route.routeClass, route.path(), route.api));
        await sleep(500 + Math.random() * 1000);
      }
    }),
  );
  clearInterval(progress);
  const window = (performance.now() - startedAt) / 1000;
  const cpuAtEnd = server?.pid ? processGroupCpuSeconds(server.pid) : null;
  const serverCpuSeconds = cpuAtStart !== null && cpuAtEnd !== null ? cpuAtEnd - cpuAtStart : null;
  return {
    url: baseUrl,
    database: values.url ? "as configured on the server" : process.env.DATABASE_URL ? "postgresql" : "pglite",
    users,
    seconds,
    measuredSeconds: Math.round(window * 10) / 10,
    thinkTimeMs: [500, 1500],
    ...summarizeLoad(samples, window),
    // Only for a server this benchmark started (not PostgreSQL's own processes): CPU per request
    // bounds requests/s more surely than latency on a shared machine.
    serverCpu:
      serverCpuSeconds === null
        ? null
        : {
            seconds: Math.round(serverCpuSeconds * 10) / 10,
            cores: Math.round((serverCpuSeconds / window) * 100) / 100,
            msPerRequest: Math.round((serverCpuSeconds * 10000) / Math.max(1, samples.length)) / 10,
          },
  };
}

function routeMix(targets: Targets) {
  const any = (list: string[], fallback: string) => () =>
    list.length ? list[Math.floor(Math.random() * list.length)]! : fallback;
  const words = ["txn", "customer", "fraud", "count", "user", "amount", "merchant"];
  return [
    { routeClass: "page:home", weight: 10, api: false, path: () => "/" },
    { routeClass: "page:catalog", weight: 10, api: false, path: () => "/catalog" },
    {
      routeClass: "page:catalog-search",
      weight: 5,
      api: false,
      path: () => `/catalog?q=${words[Math.floor(Math.random() * words.length)]}`,
    },
    { routeClass: "page:catalog-detail", weight: 14, api: false, path: any(targets.details, "/catalog") },
    {
      routeClass: "page:lineage",
      weight: 6,
      api: false,
      path: () => {
        const root = any(targets.lineageRoots, "")();
        return root ? `/lineage?root=${encodeURIComponent(root)}` : "/lineage";
      },
    },
    { routeClass: "page:promotions", weight: 7, api: false, path: () => "/promotions" },
    { routeClass: "page:promotion-detail", weight: 3, api: false, path: any(targets.promotions, "/promotions") },
    { routeClass: "page:monitoring", weight: 7, api: false, path: () => "/monitoring" },
    {
      routeClass: "page:monitoring-detail",
      weight: 8,
      api: false,
      path: () => {
        const pick = Math.random();
        if (pick < 0.34) return any(targets.freshness, "/monitoring/freshness")();
        if (pick < 0.67) return any(targets.serving, "/monitoring/serving")();
        return any(targets.features, "/monitoring/features")();
      },
    },
    { routeClass: "api:me", weight: 6, api: true, path: () => "/api/v1/me" },
    { routeClass: "api:catalog", weight: 6, api: true, path: () => "/api/v1/catalog?limit=25" },
    {
      routeClass: "api:search-quick",
      weight: 6,
      api: true,
      path: () => `/api/v1/search/quick?q=${words[Math.floor(Math.random() * words.length)]}`,
    },
    { routeClass: "api:monitoring-overview", weight: 4, api: true, path: () => "/api/v1/monitoring/overview" },
    { routeClass: "api:promotions-inbox", weight: 4, api: true, path: () => "/api/v1/promotions/inbox" },
    { routeClass: "api:lineage", weight: 2, api: true, path: any(targets.lineageApi, "/api/v1/me") },
  ];
}

async function timedRequest(person: User, routeClass: string, target: string, api: boolean): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(baseUrl + target, {
      headers: { cookie: cookieHeader(person.jar), accept: api ? "application/json" : "text/html" },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    mergeCookies(person.jar, response.headers.getSetCookie());
    // A redirect here means the session was lost (to /login) or a page is broken: an error.
    return { routeClass, ms: performance.now() - started, status: response.status, ok: response.status < 300 };
  } catch {
    return { routeClass, ms: performance.now() - started, status: 0, ok: false };
  }
}

async function signIn(email: string): Promise<User> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(timeoutMs) });
  mergeCookies(jar, csrf.headers.getSetCookie());
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: values.password!, callbackUrl: "/", json: "true" }),
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  mergeCookies(jar, response.headers.getSetCookie());
  const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: cookieHeader(jar) } });
  if (me.status !== 200) throw new Error(`signing in ${email} failed: /api/v1/me answered ${me.status}`);
  await me.arrayBuffer();
  return { jar };
}

async function getJson<T>(person: User, target: string): Promise<T | null> {
  const response = await fetch(baseUrl + target, { headers: { cookie: cookieHeader(person.jar) } });
  if (!response.ok) {
    log(`discovery: ${target} answered ${response.status}; leaving that route class to its list page`);
    await response.arrayBuffer();
    return null;
  }
  return (await response.json()) as T;
}

/** Real object ids to visit, read once through the API before the measured window. */
async function discover(person: User): Promise<Targets> {
  const catalog = await getJson<{ hits: { kind: string; id: string; href: string }[] }>(
    person,
    "/api/v1/catalog?limit=100",
  );
  const hits = catalog?.hits ?? [];
  const freshness = await getJson<{ views: { id: string }[] }>(person, "/api/v1/monitoring/freshness");
  const serving = await getJson<{ services: { id: string }[] }>(person, "/api/v1/monitoring/serving");
  const features = await getJson<{ features: { featureId: string }[] }>(person, "/api/v1/monitoring/features");
  const promotions = await getJson<{ requests: { number: number }[] }>(person, "/api/v1/promotions");
  const roots = hits.filter((hit) => hit.kind !== "feature").map((hit) => `${hit.kind}:${hit.id}`);
  return {
    details: hits.map((hit) => hit.href),
    lineageRoots: roots,
    lineageApi: roots.map((root) => `/api/v1/lineage?root=${encodeURIComponent(root)}`),
    freshness: (freshness?.views ?? []).map((view) => `/monitoring/freshness/${view.id}`),
    serving: (serving?.services ?? []).map((service) => `/monitoring/serving/${service.id}`),
    features: (features?.features ?? []).map((feature) => `/monitoring/features/${feature.featureId}`),
    promotions: (promotions?.requests ?? []).map((item) => `/promotions/${item.number}`),
  };
}

function startServer(port: string, dir: string): ChildProcess {
  log(`starting npm start on port ${port} (data in ${dir}, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: port, FEATURELINE_DATA_DIR: dir, NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  child.on("exit", (code) => {
    if (server) log(`the server exited early (code ${code})`);
  });
  return child;
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // The whole process group: npm, the start script and next start.
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}

async function waitForHealth(url: string, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (!server) throw new Error("the server exited before it was ready");
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the server at ${url} was not healthy within ${limitMs / 1000} s`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
