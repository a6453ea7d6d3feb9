import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { landedRunsByStep } from "@/lib/data/catalog/health";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { stalenessSeconds, stalenessSeries } from "@/lib/monitoring/freshness";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let fixture: MonitoringFixture;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-20T12:34:56.789Z");
const STEP = 3 * HOUR;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
});

afterAll(async () => {
  await database?.cleanup();
});

/** A deterministic mix: late, failed and running runs, backfills of old data, runs without a watermark. */
function generatedRuns(count: number) {
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  return Array.from({ length: count }, (_, index) => {
    const startedAt = new Date(NOW.getTime() - 40 * DAY + index * ((40 * DAY) / count) + Math.floor(random() * HOUR));
    const roll = random();
    const status: RunStatus = roll < 0.1 ? "failed" : roll < 0.13 ? "running" : "success";
    const endedAt = status === "running" ? null : new Date(startedAt.getTime() + Math.floor(random() * 6 * HOUR));
    // Some runs backfill data days old; a few report no watermark at all.
    const lag = random() < 0.1 ? Math.floor(random() * 10 * DAY) : Math.floor(random() * HOUR);
    const watermark = random() < 0.05 ? null : new Date(startedAt.getTime() - lag);
    return { startedAt, endedAt, status, watermark };
  });
}

describe(`a view's freshness from its runs, reduced in the database (${testEngineKind()})`, () => {
  it("gives the same staleness series and latest watermark as reading every run", async () => {
    const view = fixture.views.loginActivity;
    const runs = generatedRuns(1_500);
    await database.prisma.materializationRun.createMany({
      data: runs.map((run) => ({
        workspaceId: fixture.workspaceId,
        featureViewId: view.id,
        environmentId: fixture.prodId,
        ...run,
      })),
    });
    const from = new Date(NOW.getTime() - 7 * DAY);
    const since = new Date(from.getTime() - 30 * DAY);

    const reduced = await landedRunsByStep(database.prisma, {
      viewId: view.id,
      environmentId: fixture.prodId,
      since,
      from,
      now: NOW,
      stepMs: STEP,
    });
    // At most one row per step of the series (57) and one for runs before it.
    expect(reduced.byStep.length).toBeLessThanOrEqual(58);

    const inWindow = runs.filter((run) => run.startedAt >= since).sort((a, b) => +a.startedAt - +b.startedAt);
    const expected = stalenessSeries(inWindow, from, NOW, STEP / 1000);
    expect(stalenessSeries(reduced.byStep, from, NOW, STEP / 1000)).toEqual(expected);
    expect(expected.some((point) => point.stalenessSeconds !== null)).toBe(true);
    const latest = inWindow.filter((run) => run.status === "success" && run.watermark).at(-1)!;
    expect(reduced.latestWatermark).toEqual(latest.watermark);
    expect(stalenessSeconds(NOW, reduced.latestWatermark)).toBe(stalenessSeconds(NOW, latest.watermark));
  });

  it("has no watermark and no steps without successful runs", async () => {
    const reduced = await landedRunsByStep(database.prisma, {
      viewId: fixture.views.userProfile.id,
      environmentId: fixture.prodId,
      since: new Date(NOW.getTime() - 37 * DAY),
      from: new Date(NOW.getTime() - 7 * DAY),
      now: NOW,
      stepMs: STEP,
    });
    expect(reduced).toEqual({ byStep: [], latestWatermark: null });
  });
});
