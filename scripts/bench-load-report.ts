/**
 * The pure parts of `bench:load`: the weighted route mix, the cookie jar of one simulated user
 * and the JSON summary (requests/s, nearest-rank percentiles overall and per route class), and
 * the CPU the server's processes used.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { percentile, round1 } from "./bench-stats";

export interface Sample {
  routeClass: string;
  ms: number;
  /** HTTP status, or 0 when the request failed or timed out. */
  status: number;
  ok: boolean;
}

/** Picks one entry with probability weight / total weight; `random` in [0, 1). */
export function pickWeighted<T extends { weight: number }>(entries: readonly T[], random: number): T {
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  let point = random * total;
  for (const entry of entries) {
    point -= entry.weight;
    if (point < 0) return entry;
  }
  return entries[entries.length - 1]!;
}

/** Name=value pairs from Set-Cookie headers, as a browser keeps them for one origin. */
export function mergeCookies(jar: Map<string, string>, setCookies: readonly string[]): Map<string, string> {
  for (const header of setCookies) {
    const pair = header.split(";", 1)[0]!;
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === "" || /;\s*max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
}

export function cookieHeader(jar: ReadonlyMap<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

function latency(samples: readonly Sample[]) {
  const times = samples.map((sample) => sample.ms);
  return {
    requests: samples.length,
    errors: samples.filter((sample) => !sample.ok).length,
    p50Ms: round1(percentile(times, 0.5)),
    p95Ms: round1(percentile(times, 0.95)),
    p99Ms: round1(percentile(times, 0.99)),
    maxMs: round1(percentile(times, 1)),
  };
}

/** The benchmark's result: throughput over the measured window, latency, errors by status. */
export function summarizeLoad(samples: readonly Sample[], windowSeconds: number) {
  const classes = [...new Set(samples.map((sample) => sample.routeClass))].sort();
  const errorsByStatus: Record<string, number> = {};
  for (const sample of samples) {
    if (!sample.ok) errorsByStatus[String(sample.status)] = (errorsByStatus[String(sample.status)] ?? 0) + 1;
  }
  return {
    requestsPerSecond: round1(samples.length / windowSeconds),
    overall: latency(samples),
    errorsByStatus,
    routes: Object.fromEntries(
      classes.map((routeClass) => [routeClass, latency(samples.filter((sample) => sample.routeClass === routeClass))]),
    ),
  };
}

/**
 * CPU seconds (user + system, every thread) used so far by the processes of one process group,
 * from Linux's /proc; null where there is none. A process that exits in between drops out.
 */
export function processGroupCpuSeconds(
  groupId: number,
  procDir = "/proc",
  ticksPerSecond = clockTicksPerSecond(),
): number | null {
  let entries: string[];
  try {
    entries = fs.readdirSync(procDir).filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of entries) {
    let stat: string;
    try {
      stat = fs.readFileSync(`${procDir}/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

let clockTicks: number | null = null;
function clockTicksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}
