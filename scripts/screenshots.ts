import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

/**
 * Screenshots of each main page in light and dark at 1280 and 390 px into docs/screenshots/, for
 * the README and for eyes (not a test: it rewrites tracked files). Needs a production build:
 *
 *   npx next build && npm run screenshots            # starts `npm start` on a fresh demo (port 3308)
 *   SCREENSHOT_URL=http://localhost:3000 npm run screenshots   # or an app already running
 */

const OUT_DIR = path.join(process.cwd(), "docs", "screenshots");
const PORT = Number(process.env.SCREENSHOT_PORT ?? 3308);
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

/** name -> path; detail pages are found on the demo at run time. */
async function pagesToShoot(page: Page): Promise<[string, string][]> {
  const view = (await (await page.request.get("/api/v1/definitions/feature_view/user_profile")).json()) as {
    objectId: string;
  };
  const service = (await (await page.request.get("/api/v1/definitions/feature_service/fraud_scoring_v3")).json()) as {
    objectId: string;
  };
  return [
    ["home", "/"],
    ["catalog", "/catalog?q=login"],
    ["feature-view", `/catalog/feature_view/${view.objectId}`],
    ["lineage", `/lineage?root=feature_view:${view.objectId}`],
    ["promotions", "/promotions"],
    ["promotion-request", "/promotions/2"],
    ["monitoring", "/monitoring"],
    ["freshness", `/monitoring/freshness/${view.objectId}`],
    ["serving", `/monitoring/serving/${service.objectId}`],
    ["authoring", "/authoring"],
  ];
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The app did not become healthy within 4 minutes.");
}

async function main() {
  let server: ChildProcess | null = null;
  let dataDir: string | null = null;
  let baseUrl = process.env.SCREENSHOT_URL;
  if (!baseUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "featureline-screenshots-"));
    baseUrl = `http://localhost:${PORT}`;
    server = spawn("npm", ["start"], {
      env: { ...process.env, PORT: String(PORT), FEATURELINE_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
      detached: true,
    });
    await waitForHealth(baseUrl, server);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const written: string[] = [];
    for (const theme of THEMES) {
      for (const size of WIDTHS) {
        const context = await browser.newContext({
          baseURL: baseUrl,
          viewport: { width: size.width, height: size.height },
          colorScheme: theme,
        });
        const page = await context.newPage();
        await page.goto("/login");
        await page.getByLabel("Email").fill("admin@featureline.dev");
        await page.getByLabel("Password").fill("featureline");
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL((url) => !url.pathname.startsWith("/login"));
        for (const [name, target] of await pagesToShoot(page)) {
          await page.goto(target);
          await page.waitForLoadState("networkidle");
          // Charts and the lineage canvas load after first paint.
          await page.waitForTimeout(800);
          const file = path.join(OUT_DIR, `${name}-${theme}-${size.name}.png`);
          await page.screenshot({ path: file });
          written.push(path.relative(process.cwd(), file));
        }
        await context.close();
      }
    }
    console.log(JSON.stringify({ screenshots: written.length, dir: path.relative(process.cwd(), OUT_DIR) }));
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    if (dataDir) setTimeout(() => fs.rmSync(dataDir!, { recursive: true, force: true }), 2000);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
