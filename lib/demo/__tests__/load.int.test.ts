import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { createEngine, type Engine } from "@/lib/db/engine";
import { contentHash } from "@/lib/definitions/canonical";
import { seedDemo, type SeedSummary } from "@/lib/demo/load";
import { SLOW_SERVICE, STALE_VIEWS } from "@/lib/demo/monitoring";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";
import { freshnessSlaSeconds } from "@/lib/monitoring/freshness";

const NOW = new Date("2025-03-14T15:09:26.535Z");
let dir: string;
let engine: Engine;
let prisma: PrismaClient;
let summary: SeedSummary;
const steps: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-seed-"));
  engine = createEngine({ dataDir: dir });
  await applyMigrations(engine);
  prisma = new PrismaClient({ adapter: engine.adapter });
  summary = await seedDemo(prisma, engine, { now: NOW, onProgress: (step) => steps.push(step) });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await engine?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("seedDemo", () => {
  it("loads the catalog and reports what it wrote", async () => {
    expect(summary.status).toBe("created");
    console.info(`seedDemo took ${summary.durationMs} ms`);
    expect(steps).toContain("definitions");
    expect(steps.at(-1)).toBe("done");
    const workspace = await prisma.workspace.findUniqueOrThrow({
      where: { slug: "acme" },
      select: { id: true, name: true },
    });
    expect(workspace.name).toBe("Acme ML");
    const where = { workspaceId: workspace.id };
    const counts = {
      teams: await prisma.team.count({ where }),
      dataSources: await prisma.dataSource.count({ where }),
      entities: await prisma.entity.count({ where }),
      featureViews: await prisma.featureView.count({ where }),
      features: await prisma.feature.count({ where }),
      featureServices: await prisma.featureService.count({ where }),
      models: await prisma.model.count({ where }),
      savedDatasets: await prisma.savedDataset.count({ where }),
      versions: await prisma.definitionVersion.count({ where }),
      runs: await prisma.materializationRun.count({ where }),
      servingMetricRows: await prisma.servingMetric.count({ where }),
      profiles: await prisma.featureProfile.count({ where }),
      alerts: await prisma.alert.count({ where }),
    };
    expect(counts).toMatchObject({
      teams: 5,
      dataSources: 12,
      entities: 6,
      featureViews: 40,
      features: 250,
      featureServices: 8,
      models: 10,
      savedDatasets: 4,
    });
    expect(summary.counts).toMatchObject(counts);
    expect(await prisma.servingMetric.count({ where: { ...where, bucketSeconds: 60 } })).toBe(8 * 43_200 + 2 * 1_440);
    expect(await prisma.servingMetric.count({ where: { ...where, bucketSeconds: 3600 } })).toBeGreaterThan(8 * 719);
    expect(await prisma.environment.findMany({ where, orderBy: { position: "asc" }, select: { name: true } })).toEqual([
      { name: "dev" },
      { name: "staging" },
      { name: "prod" },
    ]);
    expect(await prisma.feature.count({ where: { ...where, sourceColumns: { none: {} } } })).toBe(0);
  });

  it("stores versions with their content hashes and a dev environment ahead of staging", async () => {
    const versions = await prisma.definitionVersion.findMany({ select: { contentHash: true, definition: true } });
    for (const version of versions) expect(version.contentHash).toBe(contentHash(version.definition));
    const view = await prisma.featureView.findFirstOrThrow({ where: { name: "user_profile" }, select: { id: true } });
    const active = await prisma.activeVersion.findMany({ where: { objectId: view.id } });
    const numbers = new Map<string, number>();
    for (const row of active) {
      const env = await prisma.environment.findUniqueOrThrow({
        where: { id: row.environmentId },
        select: { name: true },
      });
      const version = await prisma.definitionVersion.findUniqueOrThrow({
        where: { id: row.versionId },
        select: { number: true },
      });
      numbers.set(env.name, version.number);
    }
    expect(Object.fromEntries(numbers)).toEqual({ dev: 2, staging: 1, prod: 1 });
  });

  it("has exactly three stale views in prod", async () => {
    const rows = await engine.query<{
      name: string;
      kind: "batch" | "stream";
      schedule_seconds: number | null;
      slide_interval_seconds: number | null;
      freshness_sla_seconds: number | null;
      watermark: Date;
    }>(
      `SELECT v.name, v.kind::text AS kind, v.schedule_seconds, v.slide_interval_seconds, v.freshness_sla_seconds, max(r.watermark) AS watermark
         FROM feature_view v
         JOIN materialization_run r ON r.feature_view_id = v.id AND r.status = 'success'
         JOIN environment e ON e.id = r.environment_id AND e.name = 'prod'
        GROUP BY v.id`,
    );
    // 40 views less 7 on-demand and 3 only in dev.
    expect(rows.length).toBe(30);
    const stale = rows.filter((row) => {
      const sla = freshnessSlaSeconds({
        kind: row.kind,
        scheduleSeconds: row.schedule_seconds,
        slideIntervalSeconds: row.slide_interval_seconds,
        freshnessSlaSeconds: row.freshness_sla_seconds,
      })!;
      // TIMESTAMP(3) without time zone holds UTC, as Prisma writes it.
      const watermark = Date.parse(`${new Date(row.watermark).toISOString().slice(0, 23)}Z`);
      return (NOW.getTime() - watermark) / 1000 > sla;
    });
    expect(stale.map((row) => row.name).sort()).toEqual([...STALE_VIEWS].sort());
  });

  it("shows the slow service over its p99 budget in the last day, and only it", async () => {
    const services = await prisma.featureService.findMany({ select: { id: true, name: true, latencyBudgetMs: true } });
    const prod = await prisma.environment.findFirstOrThrow({ where: { name: "prod" }, select: { id: true } });
    for (const service of services) {
      const rows = await prisma.servingMetric.findMany({
        where: {
          featureServiceId: service.id,
          environmentId: prod.id,
          bucketSeconds: 60,
          bucketStart: { gte: new Date(NOW.getTime() - 86_400_000) },
        },
        select: { requestCount: true, latencyP99Ms: true },
      });
      expect(rows.length).toBeGreaterThan(1400);
      const requests = rows.reduce((sum, row) => sum + row.requestCount, 0);
      const p99 = rows.reduce((sum, row) => sum + row.latencyP99Ms * row.requestCount, 0) / requests;
      expect(p99 > service.latencyBudgetMs!, `${service.name} p99 ${p99.toFixed(1)}`).toBe(
        service.name === SLOW_SERVICE,
      );
    }
    const alert = await prisma.alert.findFirst({
      where: { objectId: services.find((service) => service.name === SLOW_SERVICE)!.id, endedAt: null },
    });
    expect(alert?.severity).toBe("critical");
  });

  it("opens alerts for stale views, the slow service and drift, one acknowledged", async () => {
    const open = await prisma.alert.findMany({
      where: { endedAt: null },
      include: { rule: { select: { kind: true } } },
    });
    const kinds = open.map((alert) => alert.rule.kind);
    expect(kinds.filter((kind) => kind === "freshness")).toHaveLength(3);
    expect(kinds).toContain("latency_p99");
    expect(kinds).toContain("statistic");
    expect(open.filter((alert) => alert.acknowledgedAt !== null).length).toBeGreaterThanOrEqual(1);
    const baseline = await prisma.featureProfile.count({ where: { savedDatasetId: { not: null } } });
    expect(baseline).toBeGreaterThan(20);
  });

  it("creates the demo users with roles, teams and the shared password", async () => {
    const expected = {
      "admin@featureline.dev": "admin",
      "approver@featureline.dev": "approver",
      "approver2@featureline.dev": "approver",
      "author@featureline.dev": "author",
      "viewer@featureline.dev": "viewer",
    };
    for (const [email, role] of Object.entries(expected)) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email },
        select: {
          name: true,
          passwordHash: true,
          memberships: { select: { role: true, workspace: { select: { slug: true } } } },
          teams: { select: { team: { select: { slug: true } } } },
        },
      });
      expect(user.memberships).toEqual([{ role, workspace: { slug: "acme" } }]);
      if (role !== "viewer") expect(user.teams.length, email).toBeGreaterThan(0);
    }
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: "admin@featureline.dev" },
      select: { name: true, passwordHash: true },
    });
    expect(admin.name).toBe("Ada Admin");
    expect(await verifyPassword("featureline", admin.passwordHash!)).toEqual({ valid: true, needsRehash: false });
    const hashes = await prisma.user.findMany({ select: { passwordHash: true } });
    expect(new Set(hashes.map((user) => user.passwordHash)).size).toBe(1);
  });

  it("refuses to load twice", async () => {
    const before = await prisma.feature.count();
    const again = await seedDemo(prisma, engine, { now: NOW });
    expect(again.status).toBe("exists");
    expect(again.counts.features).toBe(0);
    expect(await prisma.feature.count()).toBe(before);
    expect(await prisma.workspace.count()).toBe(1);
  });
});
