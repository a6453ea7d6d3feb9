/**
 * The production server `npm start` runs: Next.js's own request handler behind a plain Node
 * HTTP server, so each request can carry the socket's address. Route handlers get no socket,
 * and Next only fills X-Forwarded-For when a client did not send one; sign-in throttling needs
 * an address a client cannot choose (lib/auth/client-address.ts).
 *
 * With FEATURELINE_WORKERS over 1 (PostgreSQL only; scripts/start.ts decides), this process
 * forks that many such servers sharing the port: one Node.js process renders on one core. They
 * share nothing in memory that decides correctness, and retire each other's shared reads
 * through the database (lib/db/write-listener.ts), as separate instances do.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-featureline-peer";
// Set by scripts/start.ts from the validated settings; like `next start`, listen on every interface.
const port = Number(process.env.PORT ?? 3000);
const processes = Number(process.env.FEATURELINE_WORKERS ?? 1);
// A server that dies this soon after it was forked would die again: stop rather than loop.
const CRASH_LOOP_MS = 30_000;

if (cluster.isPrimary && processes > 1) superviseServers(processes);
else await serve();

async function serve() {
  const app = next({ dev: false, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    // Always replace: a client-sent value must never reach the app.
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    handle(request, response);
  });
  server.listen(port, () => {
    const which = cluster.isWorker ? ` (one of ${processes} server processes, pid ${process.pid})` : "";
    console.log(`featureline: ready on http://localhost:${port}${which}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.closeAllConnections();
      process.exit(0);
    });
  }
}

function superviseServers(count) {
  let stopping = false;
  const forkedAt = new Map();
  const fork = () => forkedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    // Exit 0 is a server asked to stop (its own signal handler); anything else is a crash.
    if (stopping || code === 0) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const cause = signal ? `signal ${signal}` : `code ${code}`;
    if (Date.now() - forkedAt.get(worker.id) < CRASH_LOOP_MS) {
      console.error(`featureline: a server process exited at start (${cause}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    console.error(`featureline: a server process exited (${cause}); starting another`);
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}
