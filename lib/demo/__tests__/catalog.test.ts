import { describe, expect, it } from "vitest";

import { DEFAULT_ENVIRONMENTS } from "@/lib/data/workspaces";
import { buildDemoCatalog, latest } from "@/lib/demo/catalog";
import { DEMO_ENVIRONMENTS } from "@/lib/demo/ids";
import {
  DRIFTING_FEATURES,
  generateProfiles,
  generateRuns,
  generateServingSeries,
  SKEWED_FEATURE,
  SLOW_SERVICE,
  STALE_VIEWS,
} from "@/lib/demo/monitoring";
import { canonicalJson, contentHash } from "@/lib/definitions/canonical";
import { definitionSchemas } from "@/lib/definitions/schema";
import { parseSelectColumns } from "@/lib/definitions/sql-select";
import { freshnessSlaSeconds } from "@/lib/monitoring/freshness";
import { jsDistance, psi } from "@/lib/monitoring/stats";

const NOW = new Date("2025-03-14T15:09:26.535Z");
const catalog = buildDemoCatalog(NOW);
const views = catalog.featureViews.map(latest);
const sources = new Map(catalog.dataSources.map((object) => [object.name, latest(object)]));
const entities = new Map(catalog.entities.map((object) => [object.name, latest(object)]));
const viewByName = new Map(views.map((view) => [view.name, view]));

describe("demo catalog", () => {
  it("has exactly the specified counts", () => {
    expect(catalog.workspace.slug).toBe("acme");
    expect(catalog.teams.map((team) => team.slug)).toEqual(["fraud", "eta", "pricing", "growth", "recommendations"]);
    expect(catalog.dataSources).toHaveLength(12);
    expect(new Set([...sources.values()].map((source) => source.kind))).toEqual(
      new Set(["batch", "stream", "request"]),
    );
    expect([...entities.keys()].sort()).toEqual(["card", "driver", "merchant", "product", "region", "user"]);
    expect(views).toHaveLength(40);
    expect(new Set(views.map((view) => view.kind))).toEqual(new Set(["batch", "stream", "on_demand"]));
    expect(views.reduce((sum, view) => sum + view.features.length, 0)).toBe(250);
    expect(catalog.featureServices).toHaveLength(8);
    expect(catalog.models).toHaveLength(10);
    expect(catalog.savedDatasets).toHaveLength(4);
  });

  it("is deterministic for a given now", () => {
    expect(canonicalJson(buildDemoCatalog(NOW))).toBe(canonicalJson(catalog));
    expect(canonicalJson(generateRuns(catalog, NOW))).toBe(canonicalJson(generateRuns(buildDemoCatalog(NOW), NOW)));
  });

  it("writes every definition in canonical form (schema-valid, defaults filled)", () => {
    const groups = [
      ["data_source", catalog.dataSources],
      ["entity", catalog.entities],
      ["feature_view", catalog.featureViews],
      ["feature_service", catalog.featureServices],
      ["saved_dataset", catalog.savedDatasets],
      ["model", catalog.models],
    ] as const;
    for (const [kind, objects] of groups) {
      for (const object of objects) {
        for (const version of object.versions) {
          const parsed = definitionSchemas[kind].parse(version.definition);
          expect(canonicalJson(parsed), `${kind} ${object.name}`).toBe(canonicalJson(version.definition));
        }
        const hashes = object.versions.map((version) => contentHash(version.definition));
        expect(new Set(hashes).size, `${object.name} versions differ`).toBe(hashes.length);
      }
    }
  });

  it("gives every feature source columns that exist in the registry", () => {
    for (const view of views) {
      for (const feature of view.features) {
        expect(feature.sourceColumns.length, `${view.name}:${feature.name}`).toBeGreaterThan(0);
        for (const ref of feature.sourceColumns) {
          const [sourceName, column] = ref.split(".") as [string, string];
          const source = sources.get(sourceName);
          expect(
            source?.columns.some((candidate) => candidate.name === column),
            `${view.name}:${feature.name} -> ${ref}`,
          ).toBe(true);
        }
      }
    }
  });

  it("references only objects that exist", () => {
    for (const source of sources.values()) if (source.batchSource) expect(sources.has(source.batchSource)).toBe(true);
    for (const view of views) {
      for (const name of view.sources) expect(sources.has(name), `${view.name} source ${name}`).toBe(true);
      for (const name of view.entities) expect(entities.has(name), `${view.name} entity ${name}`).toBe(true);
      for (const name of view.inputs) expect(viewByName.has(name), `${view.name} input ${name}`).toBe(true);
      for (const aggregation of view.aggregations) {
        expect(sources.get(view.sources[0]!)!.columns.some((column) => column.name === aggregation.column)).toBe(true);
      }
    }
    const featureRefs = new Set(
      views.flatMap((view) => view.features.map((feature) => `${view.name}:${feature.name}`)),
    );
    for (const object of catalog.featureServices) {
      for (const ref of latest(object).features) expect(featureRefs.has(ref), `${object.name} -> ${ref}`).toBe(true);
    }
    const services = new Set(catalog.featureServices.map((object) => object.name));
    const datasets = new Set(catalog.savedDatasets.map((object) => object.name));
    for (const object of catalog.savedDatasets) {
      const dataset = latest(object);
      expect(services.has(dataset.featureService!)).toBe(true);
      for (const ref of dataset.features) expect(featureRefs.has(ref)).toBe(true);
    }
    for (const object of catalog.models) {
      const model = latest(object);
      for (const service of model.featureServices) expect(services.has(service)).toBe(true);
      if (model.trainingDataset) expect(datasets.has(model.trainingDataset)).toBe(true);
    }
  });

  it("reuses features across teams", () => {
    const teamOfView = new Map(views.map((view) => [view.name, view.team]));
    const crossTeam = catalog.featureServices.filter((object) => {
      const service = latest(object);
      return service.features.some((ref) => teamOfView.get(ref.split(":")[0]!) !== service.team);
    });
    expect(crossTeam.length).toBeGreaterThanOrEqual(3);
  });

  it("names each batch view's features and join keys in its SQL SELECT list", () => {
    const sqlViews = catalog.featureViews
      .flatMap((object) => object.versions.map((version) => version.definition))
      .filter((view) => view.kind === "batch" && view.transformation?.language === "sql");
    expect(sqlViews.length).toBeGreaterThan(25);
    for (const view of sqlViews) {
      const parsed = parseSelectColumns(view.transformation!.code);
      expect(parsed.ok, `${view.name}: ${parsed.ok ? "" : parsed.reason}`).toBe(true);
      if (!parsed.ok) continue;
      const keys = view.entities.flatMap((name) => entities.get(name)!.joinKeys.map((key) => key.name));
      for (const name of [...keys, ...view.features.map((feature) => feature.name)]) {
        expect(parsed.columns, `${view.name} selects ${name}`).toContain(name);
      }
      expect(parsed.columns.length).toBe(keys.length + view.features.length + 1);
    }
  });

  it("contains the fraud example of docs/domain.md", () => {
    expect(sources.get("transactions")).toMatchObject({
      kind: "batch",
      platform: "snowflake",
      location: "PROD.PAYMENTS.TRANSACTIONS",
    });
    expect(sources.get("logins")).toMatchObject({
      kind: "stream",
      platform: "kafka",
      location: "auth.logins.v2",
      batchSource: "logins_backfill",
    });
    expect(sources.get("logins_backfill")).toMatchObject({ platform: "s3_parquet" });
    expect(sources.get("transaction_request")?.kind).toBe("request");
    const profile = viewByName.get("user_profile")!;
    expect(profile.features.map((feature) => feature.name)).toEqual(
      expect.arrayContaining(["account_age_days", "country", "avg_txn_amount_30d"]),
    );
    const logins = viewByName.get("login_activity")!;
    expect(logins.kind).toBe("stream");
    expect(logins.aggregations[0]).toMatchObject({ function: "count", windows: ["5m", "15m", "15d"] });
    const onDemand = viewByName.get("txn_amount_vs_avg")!;
    expect(onDemand).toMatchObject({ kind: "on_demand", inputs: ["user_profile"], sources: ["transaction_request"] });
    expect(onDemand.transformation?.code).toContain('inputs["amount_usd"] / ');
    const service = latest(catalog.featureServices.find((object) => object.name === "fraud_scoring_v3")!);
    expect(service.latencyBudgetMs).toBe(50);
    expect(service.features).toContain("txn_amount_vs_avg:txn_amount_vs_avg");
    const model = latest(catalog.models.find((object) => object.name === "fraud_detector")!);
    expect(model).toMatchObject({
      version: "3",
      featureServices: ["fraud_scoring_v3"],
      trainingDataset: "fraud_detector_v3_training",
    });
  });

  it("has history and a dev environment ahead of staging", () => {
    const userProfile = catalog.featureViews.find((object) => object.name === "user_profile")!;
    expect(userProfile.versions).toHaveLength(2);
    expect(userProfile.active).toEqual({ dev: 2, staging: 1, prod: 1 });
    expect(userProfile.versions[0]!.definition.transformation!.code).not.toBe(
      userProfile.versions[1]!.definition.transformation!.code,
    );
    const devOnly = catalog.featureViews.filter(
      (object) => object.active.staging === null && object.active.prod === null,
    );
    expect(devOnly.length).toBeGreaterThanOrEqual(2);
    for (const object of catalog.featureServices) expect(object.active.prod).not.toBeNull();
  });

  it("keeps DEMO_ENVIRONMENTS equal to DEFAULT_ENVIRONMENTS", () => {
    expect(DEMO_ENVIRONMENTS).toEqual(DEFAULT_ENVIRONMENTS);
  });
});

describe("demo monitoring history", () => {
  const nowMs = NOW.getTime();

  it("makes exactly the three broken views stale in prod", () => {
    const runs = generateRuns(catalog, NOW);
    const stale: string[] = [];
    for (const object of catalog.featureViews) {
      const view = latest(object);
      if (view.kind === "on_demand" || object.active.prod === null) continue;
      const watermarks = runs
        .filter((run) => run.view === view.name && run.env === "prod" && run.status === "success")
        .map((run) => run.watermark!);
      expect(watermarks.length, view.name).toBeGreaterThan(0);
      const sla = freshnessSlaSeconds({
        kind: view.kind,
        scheduleSeconds: view.schedule,
        slideIntervalSeconds: view.slideInterval,
        freshnessSlaSeconds: view.freshnessSla,
      })!;
      if ((nowMs - Math.max(...watermarks)) / 1000 > sla) stale.push(view.name);
    }
    expect(stale.sort()).toEqual([...STALE_VIEWS].sort());
  });

  it("breaks only the slow service's budget over the last day", () => {
    const series = generateServingSeries(catalog, NOW, "prod", 30);
    expect(series).toHaveLength(8);
    for (const item of series) {
      expect(item.requests).toHaveLength(43_200);
      const budget = latest(catalog.featureServices.find((object) => object.name === item.service)!).latencyBudgetMs;
      let weighted = 0;
      let requests = 0;
      for (let i = item.requests.length - 1440; i < item.requests.length; i++) {
        weighted += item.p99[i]! * item.requests[i]!;
        requests += item.requests[i]!;
      }
      expect(weighted / requests > budget!, item.service).toBe(item.service === SLOW_SERVICE);
    }
  });

  it("drifts the chosen features past PSI 0.25 and skews one", () => {
    const profiles = generateProfiles(catalog, NOW);
    const daily = (ref: string, source: "offline" | "online") =>
      profiles
        .filter((profile) => profile.feature === ref && profile.source === source && !profile.savedDataset)
        .sort((a, b) => a.windowStart - b.windowStart);
    const refs = new Set(profiles.map((profile) => profile.feature));
    for (const ref of refs) {
      const online = daily(ref, "online");
      expect(online).toHaveLength(30);
      const baseline = profiles.find((profile) => profile.feature === ref && profile.savedDataset);
      const last = online[online.length - 1]!;
      const first = online[0]!;
      const isDrifting = (DRIFTING_FEATURES as readonly string[]).includes(ref);
      if (baseline) {
        // The skewed feature drifted from training too: its online values moved.
        expect(psi(baseline.counts, last.counts) > 0.25, `${ref} drift now`).toBe(isDrifting || ref === SKEWED_FEATURE);
        expect(psi(baseline.counts, first.counts), `${ref} drift a month ago`).toBeLessThan(0.1);
      }
      if (!isDrifting) {
        const offline = daily(ref, "offline");
        const skew = jsDistance(offline[offline.length - 1]!.counts, last.counts);
        expect(skew > 0.2, `${ref} skew`).toBe(ref === SKEWED_FEATURE);
      }
      if (last.binEdges.length > 0) expect(last.binEdges).toHaveLength(21);
    }
    for (const ref of DRIFTING_FEATURES) {
      expect(
        profiles.some((profile) => profile.feature === ref && profile.savedDataset === "fraud_detector_v3_training"),
      ).toBe(true);
    }
  });
});
