/**
 * `npm run bench:catalog -- [--workspace scale] [--data-dir DIR] [--iterations 40]
 *   [--url http://localhost:3000 --email author@featureline.dev --password featureline]`
 * `npm run bench:catalog -- --browser [--runs 7] [--port 3500] [--url http://localhost:3000]`
 *
 * With --browser, only the browser measurement (scripts/bench-catalog-browser.ts): a production
 * server on the configured database (started here unless --url is given) and Chromium loading
 * catalog pages until rows, counts and facets are rendered and the page is hydrated.
 *
 * Prints JSON: p50 / p95 server time of catalog search (exact, prefix, typo, multi-word,
 * partial, faceted; hits only as the ⌘K palette and the API with facets=0 run it, and with
 * facet counts as the catalog page runs it) and of list pages, on the configured database.
 * With --url (a running production server), also a Playwright measurement of the catalog page
 * in Chromium: time until the rows are rendered and bytes transferred.
 */
import { parseArgs } from "node:util";
import { percentile, round1 } from "./bench-stats";

const { values } = parseArgs({
  options: {
    workspace: { type: "string", default: "scale" },
    "data-dir": { type: "string" },
    iterations: { type: "string", default: "40" },
    url: { type: "string" },
    email: { type: "string", default: "author@featureline.dev" },
    password: { type: "string", default: "featureline" },
    "page-runs": { type: "string", default: "7" },
    browser: { type: "boolean", default: false },
    runs: { type: "string", default: "7" },
    port: { type: "string", default: "3500" },
  },
});
if (values["data-dir"]) process.env.FEATURELINE_DATA_DIR = values["data-dir"];
const { closeDb, db, dbEngine } = await import("@/lib/db");
const { searchCatalog, quickSearch, invalidateFacetCache } = await import("@/lib/data/search");

const iterations = Math.max(5, Number(values.iterations));

function summary(times: number[]) {
  return {
    p50Ms: round1(percentile(times, 0.5)),
    p95Ms: round1(percentile(times, 0.95)),
    maxMs: round1(percentile(times, 1)),
    runs: times.length,
  };
}

async function time(work: () => Promise<unknown>): Promise<number[]> {
  // Two warm-up runs: plan caches and the PGlite buffer cache, as on a live server.
  await work();
  await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

const prisma = db();
const engine = dbEngine();
const workspace = await prisma.workspace.findUnique({ where: { slug: values.workspace! }, select: { id: true } });
if (!workspace) {
  console.error(`No workspace "${values.workspace}"; run npm run seed:scale first.`);
  await closeDb();
  process.exit(1);
}
const workspaceId = workspace.id;
const counts = await engine.query<{ kind: string; n: number }>(
  "SELECT object_kind::text AS kind, count(*)::int AS n FROM search_document WHERE workspace_id = $1 GROUP BY 1 ORDER BY 1",
  [workspaceId],
);

// Queries built from real names so every case has answers: a used feature's exact name, its
// prefix, a typo (one letter dropped), its words with spaces, and abbreviated words.
const [sample] = await engine.query<{ name: string }>(
  `SELECT name FROM search_document WHERE workspace_id = $1 AND object_kind = 'feature' AND usage_count > 0
   ORDER BY usage_count DESC, name LIMIT 1 OFFSET 3`,
  [workspaceId],
);
const name = sample?.name ?? "txn_count_7d";
const words = name.split("_");
const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
const typoWord = longest.length > 3 ? longest.slice(0, 2) + longest.slice(3) : longest;
// A typo in every word that has letters: the second letter dropped from long words, the last
// letter replaced in three- and four-letter ones ("eta error" -> "etx eror").
const typoEveryWord = words
  .map((w) =>
    /\p{L}/u.test(w) && w.length >= 5
      ? w[0] + w.slice(2)
      : /^\p{L}{3,4}$/u.test(w)
        ? `${w.slice(0, -1)}${w.endsWith("x") ? "y" : "x"}`
        : w,
  )
  .join(" ");
const [team] = await engine.query<{ slug: string }>(
  "SELECT slug FROM team WHERE workspace_id = $1 ORDER BY slug LIMIT 1",
  [workspaceId],
);
if (values.browser) {
  const { benchSignIn, measureCatalogInBrowser } = await import("./bench-catalog-browser");
  const options = {
    url: values.url,
    port: Number(values.port),
    workspace: values.workspace!,
    email: values.email!,
    password: values.password!,
    runs: Math.max(3, Number(values.runs)),
    paths: {
      "all kinds": "/catalog",
      features: "/catalog?kind=feature",
      "features, page 40 most used": "/catalog?kind=feature&sort=usage&page=40",
      "search, broad": `/catalog?q=${encodeURIComponent(words[0]!)}`,
      "search, typo in every word": `/catalog?q=${encodeURIComponent(typoEveryWord)}`,
      "search with filters": `/catalog?q=${encodeURIComponent(words[0]!)}&kind=feature&usage=used`,
    },
  };
  const login = await benchSignIn(workspaceId, options);
  const browserResult = await measureCatalogInBrowser(options, login);
  console.log(
    JSON.stringify(
      {
        engine: engine.kind,
        database: engine.describe,
        workspace: values.workspace,
        documents: Object.fromEntries(counts.map((row) => [row.kind, row.n])),
        browser: browserResult,
      },
      null,
      2,
    ),
  );
  await closeDb();
  process.exit(0);
}

const cases: { name: string; q: string; filters?: Record<string, string> }[] = [
  { name: "exact", q: name },
  { name: "prefix", q: `${words.slice(0, 2).join("_")}_` },
  { name: "typo", q: words.map((w) => (w === longest ? typoWord : w)).join("_") },
  { name: "typo in every word", q: typoEveryWord },
  { name: "multi-word", q: words.join(" ") },
  { name: "partial", q: words.map((w) => (w.length > 4 ? w.slice(0, 3) : w)).join(" ") },
  { name: "broad", q: words[0]! },
  { name: "faceted", q: words[0]!, filters: { kind: "feature", team: team?.slug ?? "fraud", usage: "used" } },
];

const search: Record<string, unknown> = {};
for (const c of cases) {
  const hits = await time(() =>
    searchCatalog(prisma, { workspaceId, q: c.q, filters: c.filters, limit: 25, withFacets: false }),
  );
  // Facet counts are cached for 20 s in the server process; measure them uncached.
  const withFacets = await time(() => {
    invalidateFacetCache(workspaceId);
    return searchCatalog(prisma, { workspaceId, q: c.q, filters: c.filters, limit: 50, withFacets: true });
  });
  const result = await searchCatalog(prisma, { workspaceId, q: c.q, filters: c.filters, limit: 5, withFacets: true });
  search[c.name] = {
    q: c.q,
    ...(c.filters ? { filters: c.filters } : {}),
    total: result.total,
    top: result.hits.slice(0, 3).map((hit) => `${hit.kind}:${hit.qualifiedName}`),
    hits: summary(hits),
    hitsAndFacets: summary(withFacets),
  };
}
const palette = await time(() => quickSearch(prisma, { workspaceId, q: words.slice(0, 2).join(" "), limit: 8 }));

const lists: Record<string, unknown> = {};
const listCases: {
  name: string;
  filters?: Record<string, string>;
  sort?: "name" | "usage" | "updated";
  offset?: number;
}[] = [
  { name: "all kinds, page 1 by name" },
  { name: "features, page 1 by name", filters: { kind: "feature" } },
  { name: "features, page 40 most used", filters: { kind: "feature" }, sort: "usage", offset: 39 * 50 },
  { name: "features recently updated, active in prod", filters: { kind: "feature", env: "prod" }, sort: "updated" },
  { name: "feature views by team and tag", filters: { kind: "feature_view", team: team?.slug ?? "fraud", tag: "pii" } },
];
for (const c of listCases) {
  const run = () => {
    invalidateFacetCache(workspaceId);
    return searchCatalog(prisma, {
      workspaceId,
      q: "",
      filters: c.filters,
      sort: c.sort,
      offset: c.offset ?? 0,
      limit: 50,
      withFacets: true,
    });
  };
  const times = await time(run);
  lists[c.name] = { total: (await run()).total, ...summary(times) };
}

let page: unknown = null;
if (values.url) page = await measurePage(values.url);

console.log(
  JSON.stringify(
    {
      engine: engine.kind,
      database: engine.describe,
      workspace: values.workspace,
      documents: Object.fromEntries(counts.map((row) => [row.kind, row.n])),
      iterations,
      search,
      palette: { q: words.slice(0, 2).join(" "), ...summary(palette) },
      lists,
      page,
    },
    null,
    2,
  ),
);
await closeDb();

async function measurePage(baseUrl: string) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext();
    const pageHandle = await context.newPage();
    await pageHandle.goto(`${baseUrl}/login`);
    await pageHandle.getByLabel("Email").fill(values.email!);
    await pageHandle.getByLabel("Password").fill(values.password!);
    await pageHandle.getByRole("button", { name: "Sign in" }).click();
    await pageHandle.waitForURL((url) => !url.pathname.startsWith("/login"));
    await context.addCookies([{ name: "fl-workspace", value: values.workspace!, url: baseUrl }]);
    const urls = {
      "features by name": "/catalog?kind=feature",
      "all kinds": "/catalog",
      search: `/catalog?q=${encodeURIComponent(words.join(" "))}`,
      "faceted search": `/catalog?q=${encodeURIComponent(words[0]!)}&kind=feature&usage=used`,
    };
    const results: Record<string, unknown> = {};
    for (const [label, path] of Object.entries(urls)) {
      const times: number[] = [];
      const bytes: number[] = [];
      const runs = Math.max(3, Number(values["page-runs"]));
      for (let i = 0; i < runs + 1; i++) {
        const cdp = await context.newCDPSession(pageHandle);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
        let transferred = 0;
        cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
          transferred += event.encodedDataLength;
        });
        const start = performance.now();
        await pageHandle.goto(`${baseUrl}${path}`, { waitUntil: "commit" });
        await pageHandle.getByTestId("catalog-row").first().waitFor({ state: "visible", timeout: 30_000 });
        const elapsed = performance.now() - start;
        await pageHandle.waitForLoadState("networkidle");
        await cdp.detach();
        // The first load fills the browser cache (fonts, scripts), as for a returning user.
        if (i === 0) {
          results[`${label} (first load)`] = { ms: Math.round(elapsed), kilobytes: Math.round(transferred / 1024) };
          continue;
        }
        times.push(elapsed);
        bytes.push(transferred);
      }
      const sortedBytes = [...bytes].sort((a, b) => a - b);
      results[label] = {
        path,
        ...summary(times),
        kilobytesP50: Math.round(percentile(sortedBytes, 0.5) / 1024),
        kilobytesMax: Math.round(sortedBytes[sortedBytes.length - 1]! / 1024),
      };
    }
    return {
      url: baseUrl,
      measured: "navigation start to first catalog row visible; bytes = encoded transfer incl. HTML, RSC, JS",
      ...results,
    };
  } finally {
    await browser.close();
  }
}
