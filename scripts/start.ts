/**
 * `npm start`: prepare the database (migrations, first-start demo catalog, session secret) so a
 * wrong DATABASE_URL fails at once, build if needed, then serve with `next start`. Any problem
 * ends the start with one line.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "@/lib/bootstrap";
import { closeDb } from "@/lib/db";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { acquireDataDirLock } from "@/lib/db/engine";
import { dataDir, env, serverProcessCount } from "@/lib/env";

const log = (line: string) => console.log(`featureline: ${line}`);
const fail = (line: string): never => {
  console.error(`featureline: cannot start: ${line}`);
  process.exit(1);
};

const require = createRequire(import.meta.url);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  fail((error as Error).message);
}

// The embedded database allows one process. Take its lock now and hold it for the server we
// start (FEATURELINE_DATA_DIR_HOLDER), so that no second `npm start` or script can open the
// directory between the server's "Ready" and its first request.
if (!config!.DATABASE_URL) {
  try {
    acquireDataDirLock(dataDir());
  } catch (error) {
    fail((error as Error).message);
  }
}

let sessionSecret = "";
try {
  ({ sessionSecret } = await prepareDatabase(log));
} catch (error) {
  fail(describeDatabaseError(error, config!.DATABASE_URL));
} finally {
  // The server opens its own connection; the lock stays with this process.
  await closeDb();
}

if (buildIsMissingOrStale()) {
  log("building the app (first start or changed sources)…");
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (build.status !== 0) fail("next build failed (see above)");
}

const processes = serverProcessCount(config!);
log(
  `serving http://localhost:${port}${processes > 1 ? ` with ${processes} server processes (FEATURELINE_WORKERS)` : ""}`,
);
// scripts/serve.mjs is `next start` plus the socket address on each request (for throttling).
// A larger young generation: rendering a page allocates a few MB that die with the request, and
// with the default 16 MB semi-spaces the collector ran every few requests (11% of the CPU under
// `npm run bench:load`), promoting buffers still in flight to the old generation.
const server = spawn(process.execPath, ["--max-semi-space-size=64", path.resolve("scripts/serve.mjs")], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    FEATURELINE_WORKERS: String(processes),
    NEXTAUTH_SECRET: sessionSecret,
    FEATURELINE_DATA_DIR_HOLDER: String(process.pid),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

function buildIsMissingOrStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "proxy.ts", "next.config.ts", "package.json"].some((entry) =>
    newestMtime(entry, builtAt),
  );
}

function newestMtime(entry: string, than: number): boolean {
  if (!fs.existsSync(entry)) return false;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs > than;
  if (entry.endsWith("generated") || entry.endsWith("__tests__")) return false;
  return fs.readdirSync(entry).some((child) => newestMtime(path.join(entry, child), than));
}
