import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, fetchJson } from "@/lib/fetch-json";

// A real HTTP server on a free port: the client is tested against real responses.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let received = "";
    request.on("data", (chunk) => (received += chunk));
    request.on("end", () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.url === "/ok") return send(200, { hits: [1, 2] });
      if (request.url === "/echo")
        return send(200, { method: request.method, type: request.headers["content-type"], received });
      if (request.url === "/invalid")
        return send(422, {
          error: { code: "invalid", message: "name: Required", fields: [{ path: "name", message: "Required" }] },
        });
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<h1>Bad gateway</h1>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchJson", () => {
  it("returns the parsed body of a successful response", async () => {
    await expect(fetchJson<{ hits: number[] }>(`${base}/ok`)).resolves.toEqual({ hits: [1, 2] });
  });

  it("posts a body as JSON", async () => {
    const echoed = await fetchJson<{ method: string; type: string; received: string }>(`${base}/echo`, {
      body: { a: 1 },
    });
    expect(echoed).toEqual({ method: "POST", type: "application/json", received: '{"a":1}' });
  });

  it("throws the API's message, status and field errors", async () => {
    const error = await fetchJson(`${base}/invalid`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: "name: Required",
      status: 422,
      fields: [{ path: "name", message: "Required" }],
    });
  });

  it("names the status when the answer is not the API's JSON", async () => {
    await expect(fetchJson(`${base}/gateway`)).rejects.toMatchObject({ message: "Request failed (502)", status: 502 });
  });
});
