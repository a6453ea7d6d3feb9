/**
 * `npm run bench:lineage` — lineage speed, as JSON on stdout.
 *
 * Server part (always): a throwaway database (in-memory PGlite, or PostgreSQL under
 * scripts/with-postgres.ts) holding registries of 1,000 and 5,000 feature views; times the
 * focused API answer (1 hop, 2 hops), impact analysis and the whole-workspace overview, plus
 * the layout of the overview graph in Node.
 *
 * Browser part (with --url of a running production server): Chromium opens a focused demo
 * view and the overviews of workspaces seeded with scripts/seed-lineage-scale.ts
 * (--slug-1k / --slug-5k, default lineage-1k / lineage-5k); reports time from navigation to
 * an interactive graph and the longest main-thread task (PerformanceObserver "longtask").
 *
 *   npx tsx --conditions=react-server scripts/bench-lineage.ts [--url http://localhost:3000] [--sizes 1000,5000] [--runs 30]
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import { getImpactResponse, getLineageResponse, getWorkspaceLineageResponse } from "@/lib/data/lineage";
import { createWorkspace } from "@/lib/data/workspaces";
import { buildLineageGraph } from "@/lib/lineage/build";
import { layoutLineage } from "@/lib/lineage/layout";
import { parseNodeId } from "@/lib/lineage/types";
import { createTestDatabase } from "@/lib/testing/test-db";
import { percentile, round1 } from "./bench-stats";
import { seedLineageScale } from "./seed-lineage-scale";

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function summary(values: number[]) {
  return {
    runs: values.length,
    p50: round1(percentile(values, 0.5)),
    p95: round1(percentile(values, 0.95)),
    max: round1(percentile(values, 1)),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function serverBench(sizes: number[], runs: number) {
  const database = await createTestDatabase();
  const prisma = database.prisma;
  const results: Record<string, unknown>[] = [];
  try {
    for (const views of sizes) {
      const workspace = await createWorkspace(prisma, { slug: `bench-${views}`, name: `Bench ${views}` });
      const [seedMs] = await timed(() =>
        database.engine.transaction((tx) =>
          seedLineageScale(tx, { workspaceId: workspace.id, views, prefix: `b${views}` }),
        ),
      );
      const roots = [
        ...Array.from({ length: Math.ceil(runs / 2) }, (_, i) => `feature_view:b${views}_fv${(i * 97) % views}`),
        ...Array.from({ length: Math.ceil(runs / 4) }, (_, i) => `feature:b${views}_fv${(i * 131) % views}_f${i % 4}`),
        ...Array.from(
          { length: Math.ceil(runs / 4) },
          (_, i) => `feature_service:b${views}_svc${(i * 7) % Math.round(views * 0.12)}`,
        ),
      ];
      const focused = async (up: number, down: number) => {
        const times: number[] = [];
        let nodes = 0;
        for (const root of roots) {
          const [ms, answer] = await timed(() =>
            getLineageResponse(prisma, {
              workspaceId: workspace.id,
              query: { root: parseNodeId(root)!, up, down, limit: 500, offset: 0 },
            }),
          );
          times.push(ms);
          nodes += answer.nodes.length;
        }
        return { ...summary(times), meanNodes: Math.round(nodes / roots.length) };
      };
      // Warm up plans and caches once.
      await focused(1, 1);
      const oneHop = await focused(1, 1);
      const twoHops = await focused(2, 2);

      const impactTimes: number[] = [];
      let impacted = 0;
      for (let i = 0; i < 10; i++) {
        const [ms, answer] = await timed(() =>
          getImpactResponse(prisma, {
            workspaceId: workspace.id,
            query: { node: { kind: "data_source", objectId: `b${views}_src${(i * 17) % Math.round(views * 0.16)}` } },
          }),
        );
        impactTimes.push(ms);
        impacted += answer.total;
      }

      const overviewTimes: number[] = [];
      let overviewNodes = 0;
      let overviewEdges = 0;
      let overviewGraph: ReturnType<typeof buildLineageGraph> | null = null;
      for (let i = 0; i < 5; i++) {
        const [ms, answer] = await timed(() =>
          getWorkspaceLineageResponse(prisma, {
            workspaceId: workspace.id,
            query: { level: "object", limit: 10_000, offset: 0 },
          }),
        );
        overviewTimes.push(ms);
        overviewNodes = answer.nodes.length;
        overviewEdges = answer.edges.length;
        overviewGraph = { nodes: answer.nodes, edges: answer.edges };
      }
      const layoutTimes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const [ms] = await timed(async () => layoutLineage(overviewGraph!));
        layoutTimes.push(ms);
      }
      results.push({
        featureViews: views,
        seedMs: Math.round(seedMs),
        focused1HopMs: oneHop,
        focused2HopsMs: twoHops,
        impactFromSourceMs: { ...summary(impactTimes), meanImpacted: Math.round(impacted / impactTimes.length) },
        overviewMs: { ...summary(overviewTimes), nodes: overviewNodes, edges: overviewEdges },
        overviewLayoutInNodeMs: summary(layoutTimes),
      });
    }
  } finally {
    await database.cleanup();
  }
  return { engine: database.kind, sizes: results };
}

const LONGTASK_OBSERVER = () => {
  const state = { longest: 0, count: 0 };
  (window as unknown as { __lineageLongTasks: typeof state }).__lineageLongTasks = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.count++;
        state.longest = Math.max(state.longest, entry.duration);
      }
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // Not supported: reported as 0.
  }
};

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/login?callbackUrl=/`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((target) => !target.pathname.startsWith("/login"), { timeout: 60_000 });
}

async function measure(
  browser: Browser,
  url: string,
  path: string,
  workspaceSlug: string | null,
  credentials: [string, string],
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, url, ...credentials);
  if (workspaceSlug) {
    await context.addCookies([{ name: "fl-workspace", value: workspaceSlug, url }]);
  }
  await page.addInitScript(LONGTASK_OBSERVER);
  const readings: {
    readyMs: number;
    longestTaskMs: number;
    longTasks: number;
    nodes: number;
    edges: number;
    layoutMs: number;
  }[] = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(`${url}${path}`, { waitUntil: "commit" });
    const canvas = page.locator('[data-testid="lineage-canvas"][data-state="ready"]');
    await canvas.waitFor({ timeout: 60_000 });
    const readyMs = await page.evaluate(() => performance.now());
    // Let React Flow paint the visible nodes, then read the long tasks so far.
    await page.waitForTimeout(1_000);
    const reading = await page.evaluate(() => {
      const tasks = (window as unknown as { __lineageLongTasks?: { longest: number; count: number } })
        .__lineageLongTasks;
      const element = document.querySelector('[data-testid="lineage-canvas"]');
      return {
        longestTaskMs: Math.round(tasks?.longest ?? 0),
        longTasks: tasks?.count ?? 0,
        nodes: Number(element?.getAttribute("data-node-count") ?? 0),
        edges: Number(element?.getAttribute("data-edge-count") ?? 0),
        layoutMs: Number(element?.getAttribute("data-layout-ms") ?? 0),
      };
    });
    readings.push({ readyMs: Math.round(readyMs), ...reading });
  }
  await context.close();
  const median = (key: keyof (typeof readings)[number]) =>
    round1(
      percentile(
        readings.map((r) => r[key]),
        0.5,
      ),
    );
  return {
    path,
    workspace: workspaceSlug ?? "(default)",
    runs: readings.length,
    navigationToInteractiveMs: median("readyMs"),
    longestMainThreadTaskMs: Math.max(...readings.map((r) => r.longestTaskMs)),
    nodes: median("nodes"),
    edges: median("edges"),
    workerLayoutMs: median("layoutMs"),
    readings,
  };
}

async function browserBench(url: string) {
  const credentials: [string, string] = [
    argument("email") ?? "admin@featureline.dev",
    argument("password") ?? "featureline",
  ];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const results: unknown[] = [];
    // A focused demo view: the first feature the picker finds for "txn_count_30d".
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, url, ...credentials);
    await page.goto(`${url}/lineage?q=${argument("feature") ?? "txn_count_30d"}`);
    const href = await page
      .getByRole("list", { name: "Matching objects" })
      .getByRole("link")
      .first()
      .getAttribute("href")
      .catch(() => null);
    await context.close();
    if (href)
      results.push({
        scenario: "focused 1 hop (demo feature)",
        ...(await measure(browser, url, href, null, credentials)),
      });
    else results.push({ scenario: "focused 1 hop (demo feature)", skipped: "demo feature not found" });
    for (const [label, slug] of [
      ["overview 1,000 views", argument("slug-1k") ?? "lineage-1k"],
      ["overview 5,000 views", argument("slug-5k") ?? "lineage-5k"],
    ] as const) {
      try {
        results.push({
          scenario: label,
          ...(await measure(browser, url, "/lineage?scope=workspace&env=all", slug, credentials)),
        });
      } catch (error) {
        results.push({
          scenario: label,
          skipped: `workspace "${slug}" could not be measured: ${(error as Error).message.split("\n")[0]}`,
        });
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

const sizes = (argument("sizes") ?? "1000,5000").split(",").map(Number);
const runs = Number(argument("runs") ?? 40);
const url = argument("url");
const server = await serverBench(sizes, runs);
const browser = url
  ? await browserBench(url.replace(/\/$/, ""))
  : {
      skipped:
        "No --url: start a production server (after seeding lineage-1k / lineage-5k with scripts/seed-lineage-scale.ts) and pass --url to measure the browser.",
    };
console.log(JSON.stringify({ benchmark: "lineage", node: process.version, server, browser }, null, 2));
process.exit(0);
