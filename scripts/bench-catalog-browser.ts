/**
 * The browser part of `npm run bench:catalog -- --browser`: loads catalog pages in Debian's
 * Chromium (Playwright) from a production server and reports, per page, when the rows were
 * visible and when the whole page was complete and interactive: rows, result count, kind tab
 * counts and facet lists rendered, the document loaded and a row's link hydrated by React.
 * Times are read inside the page (performance.now() counts from the navigation's start).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile, round1 } from "./bench-stats";

export interface BrowserBenchOptions {
  /** A running server; without it a production server is started (`npm start`, building if needed). */
  url?: string;
  port: number;
  workspace: string;
  email: string;
  password: string;
  runs: number;
  paths: Record<string, string>;
}

/** Marks recorded in the page on every animation frame until the page is complete. */
const MARKS_SCRIPT = `(() => {
  const marks = {};
  window.__catalogBench = marks;
  const hydrated = (el) => !!el && Object.keys(el).some((key) => key.startsWith("__reactFiber"));
  const tick = () => {
    const now = performance.now();
    const row = document.querySelector('[data-testid="catalog-row"], [data-testid="past-the-end"]');
    if (row && marks.rows === undefined) marks.rows = now;
    const counted = document.querySelector('[data-testid="result-count"]')
      && document.querySelector('[data-testid^="facet-"]') && !document.querySelector('[aria-busy="true"]');
    if (counted && marks.counts === undefined) marks.counts = now;
    if (document.querySelector('[data-testid="still-counting"]') && marks.stillCounting === undefined) marks.stillCounting = now;
    if (hydrated(document.querySelector('[data-testid="kind-tabs"] a')) && marks.hydrated === undefined) marks.hydrated = now;
    if (document.readyState === "complete" && marks.loaded === undefined) marks.loaded = now;
    const settled = marks.counts !== undefined || marks.stillCounting !== undefined;
    if (marks.rows !== undefined && settled && marks.hydrated !== undefined && marks.loaded !== undefined) {
      marks.complete = now;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Marks {
  rows?: number;
  counts?: number;
  stillCounting?: number;
  hydrated?: number;
  loaded?: number;
  complete?: number;
}

function summary(values: number[]) {
  return {
    p50: round1(percentile(values, 0.5)),
    p95: round1(percentile(values, 0.95)),
    max: round1(percentile(values, 1)),
  };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}

/** A production server on the configured database, with its own data directory (session secret). */
async function startServer(port: number): Promise<{ baseUrl: string; stop: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "featureline-bench-catalog-"));
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      FEATURELINE_DATA_DIR: process.env.FEATURELINE_DATA_DIR ?? dataDir,
    },
    // The server's log goes to stderr, so stdout stays the benchmark's JSON.
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout?.pipe(process.stderr);
  const baseUrl = `http://localhost:${port}`;
  const stop = () => {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Long enough for `npm start` to build first when the sources changed since the last build.
    await waitForHealth(baseUrl, server, 900_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, stop };
}

/**
 * A viewer of the workspace to sign in with: the given user when it exists, else a bench user
 * (created once, its password reset to a fresh random one on each run).
 */
export async function benchSignIn(
  workspaceId: string,
  options: Pick<BrowserBenchOptions, "email" | "password">,
): Promise<{ email: string; password: string }> {
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const prisma = db();
  const given = await prisma.user.findUnique({ where: { email: options.email }, select: { id: true } });
  if (given) return options;
  const email = "catalog-bench@featureline.dev";
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const user = await prisma.user.upsert({
    where: { email },
    create: { email, name: "Catalog benchmark", passwordHash },
    update: { passwordHash },
    select: { id: true },
  });
  await prisma.workspaceMember.upsert({
    where: { workspaceId_userId: { userId: user.id, workspaceId } },
    create: { userId: user.id, workspaceId, role: "viewer" },
    update: {},
  });
  return { email, password };
}

export async function measureCatalogInBrowser(
  options: BrowserBenchOptions,
  login: { email: string; password: string },
) {
  const server = options.url ? null : await startServer(options.port);
  const baseUrl = options.url ?? server!.baseUrl;
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext();
    await context.addInitScript(MARKS_SCRIPT);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await context.addCookies([{ name: "fl-workspace", value: options.workspace, url: baseUrl }]);
    const pages: Record<string, unknown> = {};
    for (const [label, pagePath] of Object.entries(options.paths)) {
      const rows: number[] = [];
      const complete: number[] = [];
      const counts: number[] = [];
      const kilobytes: number[] = [];
      let stillCounting = 0;
      // The first load warms the server (compiled route, plan caches) and the browser cache.
      for (let i = 0; i < options.runs + 1; i++) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        let transferred = 0;
        cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
          transferred += event.encodedDataLength;
        });
        await page.goto(`${baseUrl}${pagePath}`, { waitUntil: "commit" });
        await page.waitForFunction(
          () => (window as { __catalogBench?: Marks }).__catalogBench?.complete !== undefined,
          null,
          {
            timeout: 60_000,
            polling: 50,
          },
        );
        const marks = await page.evaluate(() => (window as { __catalogBench?: Marks }).__catalogBench!);
        await page.waitForLoadState("networkidle");
        await cdp.detach();
        if (i === 0) continue;
        rows.push(marks.rows!);
        complete.push(marks.complete!);
        if (marks.counts !== undefined) counts.push(marks.counts);
        else stillCounting++;
        kilobytes.push(transferred / 1024);
      }
      pages[label] = {
        path: pagePath,
        rowsMs: summary(rows),
        countsMs: counts.length ? summary(counts) : null,
        completeMs: summary(complete),
        stillCountingRuns: stillCounting,
        kilobytesP50: Math.round(percentile(kilobytes, 0.5)),
        runs: options.runs,
      };
    }
    return {
      url: baseUrl,
      server: options.url ? "given" : "npm start (production build) started by the benchmark",
      measured:
        "ms from navigation start (in-page performance.now): rows = first row visible; counts = result count, tab counts and facets rendered; complete = rows + counts (or 'still counting') + document loaded + React hydrated",
      pages,
    };
  } finally {
    await browser.close();
    server?.stop();
  }
}
