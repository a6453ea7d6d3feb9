import { describe, expect, it } from "vitest";
import { generateScaleCatalog, scaleCounts } from "../seed-scale/generate";

const now = new Date("2026-06-01T00:00:00Z");
const generate = (features: number, seed: number, runId = "run1") =>
  generateScaleCatalog({ slug: "scale", features, seed, now, runId });

/** What a seed decides: everything but ids (which carry the run id). */
function content(catalog: ReturnType<typeof generate>) {
  return JSON.stringify(catalog).replaceAll(/"s[a-z]run\d[0-9a-z]{6}"/g, '"ID"');
}

describe("generateScaleCatalog", () => {
  it("gives the same catalog for the same seed and feature count, whatever the run id", () => {
    expect(generate(2000, 7)).toEqual(generate(2000, 7));
    expect(content(generate(2000, 7, "run2"))).toEqual(content(generate(2000, 7, "run1")));
    expect(content(generate(2000, 8))).not.toEqual(content(generate(2000, 7)));
  });

  it("keeps the catalog the loader wrote before it was split into modules (seed 7, 2,000 features)", () => {
    // Values read from a registry seeded by the single-file scripts/seed-scale.ts: benchmarks
    // compare runs over time, so a seed must keep producing the same catalog.
    const catalog = generate(2000, 7);
    expect(catalog.views.slice(0, 3).map((v) => [v.name, v.kind, v.description, v.tags])).toEqual([
      ["courier_eta_error_quality", "batch", "eta error activity per courier.", ["shared", "revenue"]],
      ["courier_scroll_risk", "batch", "scroll risk per courier.", ["finance"]],
      ["session_amount_signals", "batch", "amount signals per session and order.", []],
    ]);
    expect(catalog.sources.slice(0, 3).map((s) => [s.name, s.owner])).toEqual([
      ["order_table_0", "nina.kowalski@acme.com"],
      ["view_table_1", "yuki.tanaka@acme.com"],
      ["rating_table_2", "aiko.sato@acme.com"],
    ]);
    expect(catalog.services.slice(0, 3).map((s) => [s.name, s.budget])).toEqual([
      ["logistics_risk_v1_0", 10],
      ["pricing_serving_v2_1", 20],
      ["growth_pricing_v3_2", 100],
    ]);
    expect(catalog.models.map((m) => [m.name, m.version])).toEqual([
      ["search_regressor_0", "4"],
      ["marketplace_ranker_1", "4"],
      ["growth_detector_2", "3"],
      ["trust_regressor_3", "1"],
      ["marketplace_detector_4", "5"],
      ["pricing_classifier_5", "3"],
    ]);
    const kinds = catalog.views.map((v) => v.kind);
    expect([kinds.filter((k) => k === "batch").length, kinds.filter((k) => k === "stream").length]).toEqual([131, 60]);
    const active = [...catalog.views, ...catalog.services].flatMap((o) => o.version.activeIn);
    expect(["dev", "staging", "prod"].map((env) => active.filter((a) => a === env).length)).toEqual([210, 108, 96]);
    expect(catalog.services.reduce((sum, s) => sum + s.features.length, 0)).toBe(271);
  });

  it("generates the counts the formulas give", () => {
    for (const features of [10, 1234, 20_000]) {
      const counts = scaleCounts(features);
      const catalog = generate(features, 42);
      expect(catalog.features).toHaveLength(features);
      expect(catalog.views).toHaveLength(Math.ceil(features / 10));
      expect(catalog.views.reduce((sum, v) => sum + v.features.length, 0)).toBe(features);
      expect(catalog.sources).toHaveLength(counts.sources);
      expect(catalog.services).toHaveLength(Math.max(5, Math.round(features / 200)));
      expect(catalog.models).toHaveLength(Math.max(3, Math.round(features / 333)));
      expect(catalog.datasets).toHaveLength(Math.max(3, Math.round(catalog.models.length / 3)));
      expect(catalog.workspace.name).toBe(`Scale test (${features.toLocaleString("en-US")} features)`);
    }
    expect(scaleCounts(100_000)).toEqual({
      features: 100_000,
      views: 10_000,
      sources: 200,
      services: 500,
      models: 300,
      datasets: 100,
    });
  });

  it("names objects uniquely and links only to generated objects", () => {
    const catalog = generate(20_000, 42);
    const unique = (names: string[]) => new Set(names).size === names.length;
    expect(unique(catalog.views.map((v) => v.name))).toBe(true);
    expect(catalog.views.every((v) => unique(v.features.map((f) => f.name)))).toBe(true);
    expect(unique(catalog.services.map((s) => s.name))).toBe(true);
    expect(unique(catalog.models.map((m) => m.name))).toBe(true);
    const ids = [
      ...catalog.views.flatMap((v) => [v.id, v.version.id, ...v.features.map((f) => f.id)]),
      ...catalog.sources.flatMap((s) => [s.id, ...s.columns.map((c) => c.id)]),
      ...catalog.services.flatMap((s) => [s.id, s.version.id]),
      ...catalog.models.map((m) => m.id),
      ...catalog.datasets.map((d) => d.id),
    ];
    expect(unique(ids)).toBe(true);

    const sourceIds = new Set(catalog.sources.map((s) => s.id));
    const entityNames = new Set(catalog.entities.map((e) => e.name));
    const featureIds = new Set(catalog.features.map((f) => f.id));
    const serviceIds = new Set(catalog.services.map((s) => s.id));
    const datasetIds = new Set(catalog.datasets.map((d) => d.id));
    expect(catalog.views.every((v) => sourceIds.has(v.sourceId) && v.entities.every((e) => entityNames.has(e)))).toBe(
      true,
    );
    expect(catalog.services.every((s) => s.features.every((f) => featureIds.has(f.id)))).toBe(true);
    expect(catalog.datasets.every((d) => serviceIds.has(d.serviceId))).toBe(true);
    expect(
      catalog.models.every(
        (m) => m.serviceIds.every((id) => serviceIds.has(id)) && (m.datasetId === null || datasetIds.has(m.datasetId)),
      ),
    ).toBe(true);
    // Only stream views aggregate; every definition is active in dev.
    expect(catalog.views.every((v) => (v.aggregation !== null) === (v.kind === "stream"))).toBe(true);
    expect([...catalog.views, ...catalog.services].every((o) => o.version.activeIn[0] === "dev")).toBe(true);
  });
});
