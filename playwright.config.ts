import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys against a production build served by `npm start` (next start) on its
 * own port and data directory. With DATABASE_URL set (scripts/with-postgres.ts), the same
 * suite runs against PostgreSQL. Browsers: Debian's Chromium, never Playwright's download.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_BASE_URL targets a server that is already running (e.g. a dev server) instead.
const externalBaseUrl = process.env.E2E_BASE_URL;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `featureline-e2e-${process.pid}`);
const engine = process.env.DATABASE_URL ? "postgresql" : "pglite";

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/${engine}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: externalBaseUrl ?? `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    // One API sign-in per demo role, saved as storage state for every journey (e2e/sessions.ts).
    { name: `setup-${engine}`, testMatch: /auth\.setup\.ts$/ },
    {
      name: `chromium-${engine}`,
      use: { ...devices["Desktop Chrome"], channel: undefined },
      dependencies: [`setup-${engine}`],
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        // A second workspace with its own admin first (scripts/e2e-prepare.ts), then the app.
        command: "npx tsx --conditions=react-server scripts/e2e-prepare.ts && npm start",
        url: `http://localhost:${port}/api/health`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          PORT: String(port),
          FEATURELINE_DATA_DIR: dataDir,
          NEXT_TELEMETRY_DISABLED: "1",
          // Alerting journeys (e2e/alerting.spec.ts): a fast scheduler, quick repeats, and SMTP on a
          // port beside the app's, where the spec's SMTP receiver listens.
          FEATURELINE_SCHEDULER_POLL_MS: "500",
          FEATURELINE_FRESHNESS_INTERVAL_SECONDS: "2",
          FEATURELINE_ALERT_REPEAT_SECONDS: "5",
          SMTP_HOST: "127.0.0.1",
          SMTP_PORT: process.env.E2E_SMTP_PORT ?? String(port + 1000),
          ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
        },
      },
});
