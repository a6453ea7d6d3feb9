import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestServingMetrics, pruneMonitoringData, type IngestStore } from "@/lib/data/ingest";
import { getRetentionSettings, setRawRetentionDays } from "@/lib/data/monitoring";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { servingMetricBatchSchema } from "@/lib/validations/monitoring";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

/*
 * Issue 13, item 2: the raw-data retention is a setting of each workspace. One workspace's
 * admin setting 2 days, and its next ingestion, delete nothing of another workspace; the change
 * is audited in the workspace that made it.
 */

let database: TestDatabase;
let store: IngestStore;
let acme: MonitoringFixture;
let beta: MonitoringFixture;

/** 30 days of one per-minute row a day (at 10:00), up to the day before `now`. */
async function ingestMonth(fixture: MonitoringFixture) {
  const items = Array.from({ length: 30 }, (_, day) => ({
    featureService: "fraud_scoring_v3",
    environment: "prod",
    bucketStart: new Date(Date.UTC(2025, 0, 16 + day, 10)).toISOString(),
    requestCount: 100,
    errorCount: 0,
    p50Ms: 10,
    p95Ms: 20,
    p99Ms: 30,
  }));
  const batch = servingMetricBatchSchema.parse({ items });
  await ingestServingMetrics(store, { workspaceId: fixture.workspaceId, actor: { tokenId: "t" } }, batch.items);
}

const rawRows = (fixture: MonitoringFixture) =>
  database.prisma.servingMetric.count({ where: { featureServiceId: fixture.service.id, bucketSeconds: 60 } });

beforeAll(async () => {
  database = await createTestDatabase();
  store = { prisma: database.prisma, engine: database.engine };
  acme = await createMonitoringFixture(database.prisma, "acme");
  beta = await createMonitoringFixture(database.prisma, "beta");
  await ingestMonth(acme);
  await ingestMonth(beta);
});
afterAll(() => database.cleanup());

describe(`raw-data retention per workspace on ${testEngineKind()}`, () => {
  it("keeps each workspace's own setting, audited in that workspace only", async () => {
    await setRawRetentionDays(database.prisma, { workspaceId: beta.workspaceId, days: 2 }, { userId: null });
    expect((await getRetentionSettings(database.prisma, beta.workspaceId)).rawRetentionDays).toBe(2);
    expect((await getRetentionSettings(database.prisma, acme.workspaceId)).rawRetentionDays).toBe(14);
    const audits = await database.prisma.auditLog.findMany({ where: { action: "setting.update" } });
    expect(audits.map((audit) => audit.workspaceId)).toEqual([beta.workspaceId]);
  });

  it("prunes only the ingesting workspace's rows, by its own retention", async () => {
    const now = new Date("2025-02-15T00:00:00Z");
    const acmeBefore = await rawRows(acme);
    const result = await pruneMonitoringData(store, { workspaceId: beta.workspaceId, now });
    expect(result.retentionDays).toBe(2);
    expect(await rawRows(beta)).toBe(2);
    expect(await rawRows(acme)).toBe(acmeBefore);

    await pruneMonitoringData(store, { workspaceId: acme.workspaceId, now });
    expect(await rawRows(acme)).toBe(14);
  });
});
