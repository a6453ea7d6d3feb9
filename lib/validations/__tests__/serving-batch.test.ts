import { describe, expect, it } from "vitest";
import { servingMetricBatchSchema } from "@/lib/validations/monitoring";
import { parseServingMetricBatch } from "@/lib/validations/serving-batch";

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]! };
}

const validItem = () => ({
  featureService: "fraud_scoring",
  environment: "prod",
  bucketStart: "2026-11-20T10:15:00Z",
  requestCount: 1200,
  errorCount: 3,
  p50Ms: 4.5,
  p95Ms: 12,
  p99Ms: 31.25,
});

// Values each field is swapped for: valid, invalid and edge cases of the schema's rules.
const MUTATIONS: Record<string, unknown[]> = {
  featureService: [
    undefined,
    null,
    "",
    "   ",
    "  padded  ",
    "x".repeat(200),
    "x".repeat(201),
    42,
    "émoji 🚀",
    "a'; DROP",
  ],
  environment: [undefined, "", " staging ", "dev", ["prod"]],
  bucketStart: [
    undefined,
    "2026-11-20T10:15:30Z",
    "2026-11-20T10:15:00.000Z",
    "2026-11-20T10:15:00.001Z",
    "2026-11-20T12:15:00+02:00",
    "2026-11-20T10:15:00+02:30",
    "2026-11-20T10:15:00",
    "2026-11-20 10:15:00Z",
    "2026-02-30T10:15:00Z",
    "2024-02-29T00:00:00Z",
    "not a date",
    1_763_633_700_000,
  ],
  bucketSeconds: [undefined, 60, 3600, "60", null],
  requestCount: [undefined, 0, -1, 1.5, 2_000_000_000, 2_000_000_001, "10", Infinity, Number.NaN],
  errorCount: [undefined, 0, 1200, 1201, -0, 2.5],
  p50Ms: [undefined, 0, -0.1, 12, 40, Infinity, null, "4"],
  p95Ms: [undefined, 4.5, 3, 31.25, 1e9],
  p99Ms: [undefined, 12, 1e-7, 31.25],
  histogram: [
    undefined,
    { edgesMs: [0, 5, 10, 50], counts: [600, 500, 100] },
    { edgesMs: [0, 10, 5], counts: [1, 2] },
    { edgesMs: [0, 5], counts: [1, 2] },
    "histogram",
  ],
  viewTimings: [undefined, { user_profile: 3.5 }, { user_profile: -1 }, { "": 2 }, []],
  extra: [undefined, "ignored", { nested: true }],
};

function mutatedItem(rng: ReturnType<typeof random>): Record<string, unknown> {
  const item: Record<string, unknown> = validItem();
  const changes = Math.floor(rng.next() * 3);
  for (let i = 0; i < changes; i++) {
    const field = rng.pick(Object.keys(MUTATIONS));
    const value = rng.pick(MUTATIONS[field]!);
    if (value === undefined) delete item[field];
    else item[field] = value;
  }
  return item;
}

describe("parseServingMetricBatch", () => {
  it("gives zod's result, data or errors, for thousands of valid and broken batches", () => {
    const rng = random(20261126);
    let accepted = 0;
    for (let run = 0; run < 3000; run++) {
      const size = 1 + Math.floor(rng.next() * 4);
      const items = Array.from({ length: size }, () => (rng.next() < 0.5 ? validItem() : mutatedItem(rng)));
      const body = { items };
      const expected = servingMetricBatchSchema.safeParse(body);
      expect(parseServingMetricBatch(body), JSON.stringify(body)).toStrictEqual(expected);
      if (expected.success) accepted++;
    }
    // Both outcomes must be well represented for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(600);
    expect(accepted).toBeLessThan(2400);
  });

  it("answers malformed batches as zod does", () => {
    const cases: unknown[] = [
      null,
      [],
      "items",
      {},
      { items: [] },
      { items: "no" },
      { items: [null] },
      { items: Array.from({ length: 10_001 }, validItem) },
    ];
    for (const body of cases) {
      expect(parseServingMetricBatch(body)).toStrictEqual(servingMetricBatchSchema.safeParse(body));
    }
  });

  it("reports an unparseable bucketStart as that field's error instead of throwing", () => {
    const result = servingMetricBatchSchema.safeParse({ items: [{ ...validItem(), bucketStart: "not a date" }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["items.0.bucketStart"]);
  });

  it("parses a full batch of 10,000 points to separate Date objects", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      ...validItem(),
      featureService: `service_${i % 500}`,
    }));
    const result = parseServingMetricBatch({ items });
    expect(result.success).toBe(true);
    const parsed = result.data!.items;
    expect(parsed).toHaveLength(10_000);
    expect(parsed[0]!.bucketStart).toEqual(new Date("2026-11-20T10:15:00Z"));
    expect(parsed[0]!.bucketStart).not.toBe(parsed[500]!.bucketStart);
    expect(parsed[499]).toStrictEqual(servingMetricBatchSchema.parse({ items: [items[499]] }).items[0]);
  });
});
