import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveEnvironment } from "@/lib/data/environments";
import { listFeatureStatisticsFilters } from "@/lib/data/monitoring";
import { AppError } from "@/lib/errors";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let fixture: MonitoringFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
});
afterAll(() => database.cleanup());

describe(`the one environment resolver on ${testEngineKind()}`, () => {
  const resolve = (choice: { requested?: string; preferred?: string; parameter?: string }) =>
    resolveEnvironment(database.prisma, { workspaceId: fixture.workspaceId, ...choice });

  it("takes the URL's name, else the switcher's, else the last of the chain", async () => {
    expect((await resolve({ requested: "dev", preferred: "staging" })).name).toBe("dev");
    expect((await resolve({ preferred: "staging" })).name).toBe("staging");
    expect(await resolve({})).toEqual({ id: fixture.prodId, name: "prod" });
    expect((await resolve({ preferred: "removed-long-ago" })).name).toBe("prod");
  });

  it("answers an unknown name in the URL with a 400 naming the parameter", async () => {
    const error = await resolve({ requested: "moon", parameter: "environment" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "bad_request", fields: [{ path: "environment" }] });
  });

  it("never resolves another workspace's environment", async () => {
    const other = await createMonitoringFixture(database.prisma, "other");
    const prod = await resolveEnvironment(database.prisma, { workspaceId: other.workspaceId, requested: "prod" });
    expect(prod.id).toBe(other.prodId);
    expect(prod.id).not.toBe(fixture.prodId);
  });
});

describe(`skew & drift filters on ${testEngineKind()}`, () => {
  it("lists the workspace's services and models by name", async () => {
    const filters = await listFeatureStatisticsFilters(database.prisma, fixture.workspaceId);
    expect(filters.services.map((service) => service.name)).toEqual(["fraud_scoring_v3"]);
    expect(filters.models.length).toBeGreaterThan(0);
    expect(filters.models.map((model) => model.name)).toEqual([...filters.models.map((m) => m.name)].sort());
  });
});
