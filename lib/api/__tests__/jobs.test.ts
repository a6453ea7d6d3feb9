import { describe, expect, it } from "vitest";
import { acceptedJob, documentObjectCount, wantsAsync } from "@/lib/api/jobs";
import { generatedRepository } from "@/lib/definitions/generated-repository";
import type { JobView } from "@/lib/jobs/queue";

const request = (query = "", headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/v1/apply${query}`, { method: "POST", headers });

describe("when a write runs as a job", () => {
  it("follows async=1 / async=0 over the size, and Prefer: respond-async over the size", () => {
    expect(wantsAsync(request("?async=1"), false)).toBe(true);
    expect(wantsAsync(request("?async=true"), false)).toBe(true);
    expect(wantsAsync(request("?async=0"), true)).toBe(false);
    expect(wantsAsync(request("?async=0", { prefer: "respond-async" }), false)).toBe(false);
    expect(wantsAsync(request("", { prefer: "respond-async, wait=10" }), false)).toBe(true);
    expect(wantsAsync(request("", { prefer: "return=minimal" }), false)).toBe(false);
    expect(wantsAsync(request(), true)).toBe(true);
    expect(wantsAsync(request(), false)).toBe(false);
  });

  it("refuses an async value it does not understand, naming the parameter", () => {
    expect(() => wantsAsync(request("?async=later"), false)).toThrow(/^async: /);
  });

  it("counts every object of a document", () => {
    // 2 sources + 20 entities + 12 views.
    expect(documentObjectCount(generatedRepository(12, 2))).toBe(34);
  });

  it("answers 202 with the job's URL in Location and the body", async () => {
    const job: JobView = {
      id: "j1",
      kind: "apply",
      state: "queued",
      progress: { phase: "queued", done: 0, total: 10 },
      result: null,
      error: null,
      createdAt: "2026-12-05T00:00:00.000Z",
      startedAt: null,
      finishedAt: null,
      url: "/api/v1/jobs/j1",
    };
    const response = acceptedJob(job);
    expect(response.status).toBe(202);
    expect(response.headers.get("location")).toBe("/api/v1/jobs/j1");
    expect(await response.json()).toEqual({
      job: { id: "j1", state: "queued", progress: { phase: "queued", done: 0, total: 10 }, url: "/api/v1/jobs/j1" },
    });
  });
});
