import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * Real receivers for tests, benchmarks and e2e: a Node HTTP server and an SMTP server on free
 * local ports that record what arrives. Nothing is mocked: Featureline sends to them over TCP.
 */
export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** The status answered to the next requests (e.g. 500 to make deliveries fail). */
  respondWith(status: number): void;
  waitFor(predicate: (requests: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  let status = 200;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        path: request.url ?? "/",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
      });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "failing");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      status = next;
    },
    waitFor: (predicate, timeoutMs = 10_000) => waitUntil(() => predicate(requests), timeoutMs, "HTTP requests"),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: string;
  receivedAt: number;
}

export interface SmtpReceiver {
  host: string;
  port: number;
  emails: ReceivedEmail[];
  waitFor(predicate: (emails: ReceivedEmail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** On a free port, or on `port` when a server must be told it before the test starts (e2e). */
export async function startSmtpReceiver(options: { port?: number } = {}): Promise<SmtpReceiver> {
  const emails: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        emails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    emails,
    waitFor: (predicate, timeoutMs = 10_000) => waitUntil(() => predicate(emails), timeoutMs, "emails"),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
