import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cookieHeader,
  mergeCookies,
  pickWeighted,
  processGroupCpuSeconds,
  summarizeLoad,
  type Sample,
} from "../bench-load-report";

describe("pickWeighted", () => {
  const mix = [
    { name: "a", weight: 1 },
    { name: "b", weight: 3 },
  ];
  it("picks in proportion to the weights", () => {
    expect(pickWeighted(mix, 0).name).toBe("a");
    expect(pickWeighted(mix, 0.24).name).toBe("a");
    expect(pickWeighted(mix, 0.25).name).toBe("b");
    expect(pickWeighted(mix, 0.999).name).toBe("b");
  });
});

describe("mergeCookies", () => {
  it("keeps the latest value of each cookie and drops cleared ones", () => {
    const jar = new Map<string, string>();
    mergeCookies(jar, ["next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly", "fl-env=dev; Path=/"]);
    mergeCookies(jar, ["next-auth.session-token=jwt.value.x; Path=/", "fl-env=; Max-Age=0"]);
    expect(cookieHeader(jar)).toBe("next-auth.csrf-token=abc%7Cdef; next-auth.session-token=jwt.value.x");
  });
});

describe("summarizeLoad", () => {
  it("reports throughput, nearest-rank percentiles and errors per route class", () => {
    const samples: Sample[] = [
      ...Array.from({ length: 100 }, (_, i) => ({ routeClass: "page:home", ms: i + 1, status: 200, ok: true })),
      { routeClass: "api:me", ms: 5, status: 500, ok: false },
      { routeClass: "api:me", ms: 7, status: 0, ok: false },
    ];
    const result = summarizeLoad(samples, 10);
    expect(result.requestsPerSecond).toBe(10.2);
    expect(result.routes["page:home"]).toMatchObject({ requests: 100, errors: 0, p50Ms: 50, p95Ms: 95, p99Ms: 99 });
    expect(result.routes["api:me"]).toMatchObject({ requests: 2, errors: 2 });
    expect(result.overall.errors).toBe(2);
    expect(result.errorsByStatus).toEqual({ "0": 1, "500": 1 });
  });
});

describe("processGroupCpuSeconds", () => {
  it("adds user and system time of the group's processes only", () => {
    const proc = fs.mkdtempSync(path.join(os.tmpdir(), "proc-"));
    const stat = (pid: number, comm: string, group: number, user: number, system: number) => {
      fs.mkdirSync(path.join(proc, String(pid)));
      const fields = [
        "S",
        "1",
        String(group),
        "1",
        "0",
        "-1",
        "0",
        "0",
        "0",
        "0",
        "0",
        String(user),
        String(system),
        "0",
        "0",
      ];
      fs.writeFileSync(path.join(proc, String(pid), "stat"), `${pid} (${comm}) ${fields.join(" ")}`);
    };
    stat(10, "next-server (v16.4.6)", 7, 150, 50);
    stat(11, "node", 7, 100, 0);
    stat(12, "postgres", 8, 999, 999);
    fs.mkdirSync(path.join(proc, "13")); // exited between listing and reading
    fs.mkdirSync(path.join(proc, "self"));

    expect(processGroupCpuSeconds(7, proc, 100)).toBe(3);
    expect(processGroupCpuSeconds(9, proc, 100)).toBe(0);
    expect(processGroupCpuSeconds(7, path.join(proc, "missing"), 100)).toBeNull();
    fs.rmSync(proc, { recursive: true, force: true });
  });
});
