/**
 * The production server `npm start` runs: Next.js's own request handler behind a plain Node
 * HTTP server, so each request can carry the socket's address. Route handlers get no socket,
 * and Next only fills X-Forwarded-For when a client did not send one; sign-in throttling needs
 * an address a client cannot choose (lib/auth/client-address.ts).
 */
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-featureline-peer";
// Set by scripts/start.ts from the validated settings; like `next start`, listen on every interface.
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  // Always replace: a client-sent value must never reach the app.
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  handle(request, response);
});
server.listen(port, () => {
  console.log(`featureline: ready on http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.closeAllConnections();
    process.exit(0);
  });
}
