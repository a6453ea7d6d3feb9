import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * Starts a throwaway PostgreSQL 15 server on a free loopback port with a temporary data
 * directory (binaries from Debian's postgresql-15). As root, the server runs as `postgres`.
 */
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresServer {
  url: string;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) {
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "featureline-pg-"));
  const dataDir = path.join(root, "data");
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execFileSync("chown", ["postgres:postgres", root]);
  const run = (binary: string, args: string[]) => {
    const command = path.join(PG_BIN, binary);
    if (isRoot) {
      const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
    } else {
      execFileSync(command, args, { stdio: "pipe" });
    }
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  run("pg_ctl", [
    "-D",
    dataDir,
    "-w",
    "-l",
    path.join(root, "server.log"),
    "-o",
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`,
    "start",
  ]);
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
