import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatError, formatPlan, main, parseArgs } from "../featureline-cli.mjs";

interface Captured {
  method?: string;
  url?: string;
  headers?: IncomingMessage["headers"];
  body?: string;
}

let server: Server;
let baseUrl: string;
const captured: Captured = {};
type Answer = { status: number; body: unknown; headers?: Record<string, string> };
/** What the server answers: the same to every request, or chosen by method and URL. */
let answer: Answer | ((method: string, url: string) => Answer) = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const reply = typeof answer === "function" ? answer(request.method!, request.url!) : answer;
      if (request.method === "POST") {
        Object.assign(captured, { method: request.method, url: request.url, headers: request.headers, body });
      }
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function sink() {
  let text = "";
  return { write: (chunk: string) => ((text += chunk), true), isTTY: false, read: () => text };
}

const plan = {
  applied: false,
  create: [{ kind: "feature_view", name: "login_activity", contentHash: "a" }],
  update: [
    {
      kind: "feature_view",
      name: "user_profile",
      contentHash: "b",
      changes: [
        { path: "ttl", before: "2d", after: "3d", change: "changed" },
        { path: "tags[0]", after: "pii", change: "added" },
        { path: "features[name=country]", before: { name: "country" }, change: "removed" },
      ],
    },
  ],
  delete: [{ kind: "model", name: "fraud_detector" }],
  unchanged: 9,
  warnings: [],
  versions: [],
};

describe("featureline CLI", () => {
  it("parses commands and options, and refuses wrong usage", () => {
    expect(parseArgs(["plan", "-f", "repo.yaml", "--url=http://x", "--prune"])).toMatchObject({
      command: "plan",
      file: "repo.yaml",
      url: "http://x",
      prune: true,
    });
    expect(parseArgs(["deploy", "-f", "x"])).toEqual({ error: "Unknown command: deploy" });
    expect(parseArgs(["plan"])).toEqual({ error: "Missing -f <file>" });
    expect(parseArgs(["plan", "-f"])).toEqual({ error: "-f needs a value" });
  });

  it("prints a plan as + create, ~ update with field diffs, - delete", () => {
    expect(formatPlan(plan)).toBe(
      [
        "+ feature_view login_activity",
        "~ feature_view user_profile",
        '    ~ ttl: "2d" -> "3d"',
        '    + tags[0]: "pii"',
        '    - features[name=country]: {"name":"country"}',
        "- model fraud_detector",
        "",
        "Plan: 1 to create, 1 to update, 1 to delete, 9 unchanged.",
      ].join("\n"),
    );
  });

  it("prints errors with the file position and each field", () => {
    const text = formatError(
      400,
      {
        error: {
          code: "bad_request",
          message: "Malformed YAML at line 3, column 5: bad",
          details: { line: 3, column: 5 },
        },
      },
      { file: "repo.yaml" },
    );
    expect(text).toBe("Error 400 (bad_request): Malformed YAML at line 3, column 5: bad\n  at repo.yaml:3:5");
    expect(
      formatError(422, {
        error: {
          code: "unprocessable",
          message: "x",
          fields: [{ path: "featureViews[0].ttl", message: "Not a duration" }],
        },
      }),
    ).toContain("  featureViews[0].ttl: Not a duration");
  });

  it("posts the file with its content type and token, prints the plan and exits 0", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fl-cli-"));
    const file = path.join(dir, "repo.yaml");
    writeFileSync(file, "dataSources: []\n");
    answer = { status: 200, body: plan };
    const stdout = sink();
    const code = await main(["plan", "-f", file, "--url", baseUrl, "--token", "flt_secret", "--prune"], {
      env: {},
      stdout,
      stderr: sink(),
    });
    expect(code).toBe(0);
    expect(captured).toMatchObject({ method: "POST", url: "/api/v1/plan?prune=true", body: "dataSources: []\n" });
    expect(captured.headers).toMatchObject({ "content-type": "application/yaml", authorization: "Bearer flt_secret" });
    expect(stdout.read()).toContain("Plan: 1 to create, 1 to update, 1 to delete, 9 unchanged.");
  });

  it("follows a 202 to its job: progress on stderr, the job's result printed, its failure as an error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fl-cli-"));
    const file = path.join(dir, "repo.yaml");
    writeFileSync(file, "dataSources: []\n");
    const url = "/api/v1/jobs/j1";
    const polls: string[] = [];
    const jobAnswers =
      (final: object) =>
      (method: string, requested: string): Answer => {
        if (method === "POST") {
          return { status: 202, headers: { location: url }, body: { job: { id: "j1", state: "queued", url } } };
        }
        polls.push(requested);
        const running = { id: "j1", state: "running", progress: { phase: "writing", done: 0, total: 3 }, url };
        return { status: 200, body: { job: polls.length < 2 ? running : { ...running, ...final } } };
      };
    answer = jobAnswers({ state: "succeeded", result: { ...plan, applied: true, versions: [{}, {}] } });
    const stdout = sink();
    const stderr = sink();
    expect(await main(["apply", "-f", file, "--url", baseUrl, "--token", "t"], { env: {}, stdout, stderr })).toBe(0);
    expect(polls).toEqual([url, url]);
    expect(stderr.read()).toBe("writing (0/3)…\n");
    expect(stdout.read()).toContain("Applied: 1 created, 1 updated, 1 deleted, 9 unchanged; 2 version(s) written.");

    polls.length = 0;
    answer = jobAnswers({
      state: "failed",
      error: { code: "conflict", status: 409, message: "Refused: user_profile runs in prod" },
    });
    const failed = sink();
    expect(await main(["apply", "-f", file, "--url", baseUrl], { env: {}, stdout: sink(), stderr: failed })).toBe(1);
    expect(failed.read()).toContain("Error 409 (conflict): Refused: user_profile runs in prod");
  }, 15_000);

  it("exits 1 and prints the fields when the server refuses the document", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fl-cli-"));
    const file = path.join(dir, "repo.json");
    writeFileSync(file, "{}");
    answer = {
      status: 422,
      body: {
        error: {
          code: "unprocessable",
          message: "bad",
          fields: [{ path: "featureViews[3].aggregations[0].windows[1]", message: "Not a duration" }],
        },
      },
    };
    const stderr = sink();
    const code = await main(["apply", "-f", file, "--url", baseUrl], {
      env: { FEATURELINE_TOKEN: "flt_env" },
      stdout: sink(),
      stderr,
    });
    expect(code).toBe(1);
    expect(captured.headers).toMatchObject({ "content-type": "application/json", authorization: "Bearer flt_env" });
    expect(stderr.read()).toContain("featureViews[3].aggregations[0].windows[1]: Not a duration");
  });

  it("exits 1 when the server cannot be reached and 2 on a missing file", async () => {
    const stderr = sink();
    expect(await main(["plan", "-f", "/nonexistent/repo.yaml"], { env: {}, stdout: sink(), stderr })).toBe(2);
    const dir = mkdtempSync(path.join(tmpdir(), "fl-cli-"));
    const file = path.join(dir, "repo.yaml");
    writeFileSync(file, "entities: []\n");
    expect(await main(["plan", "-f", file, "--url", "http://127.0.0.1:9"], { env: {}, stdout: sink(), stderr })).toBe(
      1,
    );
  });
});
