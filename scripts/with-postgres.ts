/**
 * `tsx scripts/with-postgres.ts -- <command...>`: runs a command against a throwaway PostgreSQL
 * 15 server (DATABASE_URL set for it), then stops the server. Used by the test suite.
 */
import { spawnSync } from "node:child_process";
import { startPostgres } from "@/lib/testing/postgres-server";

const separator = process.argv.indexOf("--");
const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (command.length === 0) {
  console.error("usage: tsx scripts/with-postgres.ts -- <command> [args...]");
  process.exit(2);
}
const server = await startPostgres();
console.log(`with-postgres: PostgreSQL 15 at ${server.url}`);
let status = 1;
try {
  const result = spawnSync(command[0]!, command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: server.url, FEATURELINE_TEST_ENGINE: "postgresql" },
  });
  status = result.status ?? 1;
} finally {
  server.stop();
}
process.exit(status);
