import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { logGamma, upperRegularizedGamma } from "@/lib/monitoring/gamma";
import {
  chiSquarePValue,
  compareProfiles,
  jsDistance,
  ksBinned,
  linf,
  psi,
  STATISTIC_NAMES,
  STATISTICS,
  wasserstein,
  type Profile,
  type StatisticName,
} from "@/lib/monitoring/stats";

type DriftCase = {
  kind: "numeric" | "categorical";
  binEdges?: number[];
  categories?: string[];
  expected: number[];
  actual: number[];
} & Partial<Record<StatisticName, number>>;

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../__tests__/fixtures/drift-vectors.json"), "utf8"),
) as { tolerance: number; cases: DriftCase[] };

function compute(statistic: StatisticName, driftCase: DriftCase): number {
  const { expected, actual } = driftCase;
  switch (statistic) {
    case "psi":
      return psi(expected, actual);
    case "ks":
      return ksBinned(expected, actual);
    case "jsDistance":
      return jsDistance(expected, actual);
    case "wasserstein":
      return wasserstein(expected, actual, driftCase.binEdges ?? []);
    case "linf":
      return linf(expected, actual);
    case "chi2PValue":
      return chiSquarePValue(expected, actual);
  }
}

function toProfile(driftCase: DriftCase, counts: number[]): Profile {
  return driftCase.kind === "numeric"
    ? { kind: "numeric", binEdges: driftCase.binEdges ?? [], counts }
    : { kind: "categorical", categories: driftCase.categories ?? [], counts };
}

describe("drift-vectors fixture", () => {
  it("has cases of both kinds", () => {
    const kinds = new Set(fixture.cases.map((driftCase) => driftCase.kind));
    expect(kinds).toEqual(new Set(["numeric", "categorical"]));
  });

  fixture.cases.forEach((driftCase, index) => {
    const listed = STATISTIC_NAMES.filter((name) => driftCase[name] !== undefined);

    describe(`case ${index} (${driftCase.kind})`, () => {
      for (const statistic of listed) {
        it(`${statistic} matches the reference value`, () => {
          const value = compute(statistic, driftCase);
          expect(Math.abs(value - driftCase[statistic]!)).toBeLessThanOrEqual(fixture.tolerance);
        });
      }

      it("compareProfiles returns exactly the listed statistics, with the same values", () => {
        const values = compareProfiles(
          toProfile(driftCase, driftCase.expected),
          toProfile(driftCase, driftCase.actual),
        );
        expect(Object.keys(values).sort()).toEqual([...listed].sort());
        for (const statistic of listed) {
          expect(Math.abs(values[statistic]! - driftCase[statistic]!)).toBeLessThanOrEqual(fixture.tolerance);
        }
      });
    });
  });
});

describe("identical distributions", () => {
  // Same shape at a different scale: proportions are what is compared.
  const expected = [4, 10, 6, 0, 20];
  const actual = [20, 50, 30, 0, 100];
  const edges = [0, 1, 2, 3, 4, 5];

  it("give 0 for every distance", () => {
    expect(psi(expected, actual)).toBeCloseTo(0, 12);
    expect(ksBinned(expected, actual)).toBeCloseTo(0, 12);
    expect(jsDistance(expected, actual)).toBeCloseTo(0, 6);
    expect(wasserstein(expected, actual, edges)).toBeCloseTo(0, 12);
    expect(linf(expected, actual)).toBeCloseTo(0, 12);
  });

  it("give a chi-square p-value of 1", () => {
    expect(chiSquarePValue(expected, actual)).toBeCloseTo(1, 10);
  });

  it("give exactly 0 when the counts are equal", () => {
    expect(jsDistance(expected, expected)).toBe(0);
    expect(psi(expected, expected)).toBe(0);
  });
});

describe("bins with zero counts", () => {
  const expected = [0, 5, 5];
  const actual = [5, 5, 0];

  it("PSI replaces a zero share by 1e-4 without renormalising", () => {
    // e = [1e-4, .5, .5], a = [.5, .5, 1e-4]: the outer bins contribute equally, the middle 0.
    const outerBin = (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
    expect(psi(expected, actual)).toBeCloseTo(2 * outerBin, 12);
  });

  it("JS distance lets zero shares contribute nothing", () => {
    // m = [.25, .5, .25]; KL(e||m) = KL(a||m) = 0.5 bit, so JSD = 0.5.
    expect(jsDistance(expected, actual)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(jsDistance([1, 0], [0, 1])).toBeCloseTo(1, 12);
  });

  it("KS, L-infinity and Wasserstein see half the mass shifted by one bin", () => {
    expect(ksBinned(expected, actual)).toBeCloseTo(0.5, 12);
    expect(linf(expected, actual)).toBeCloseTo(0.5, 12);
    expect(wasserstein(expected, actual, [0, 1, 2, 3])).toBeCloseTo(1, 12);
    // Wider bins move the centres further apart: the distance is in feature units.
    expect(wasserstein(expected, actual, [0, 10, 20, 30])).toBeCloseTo(10, 12);
  });
});

describe("chiSquarePValue", () => {
  it("matches the closed form for 2 degrees of freedom", () => {
    // Every fitted cell is 20, so chi2 = 4 * (10^2 / 20) = 20; with 2 dof p = exp(-chi2 / 2).
    expect(chiSquarePValue([10, 20, 30], [30, 20, 10])).toBeCloseTo(Math.exp(-10), 15);
  });

  it("drops categories with zero total", () => {
    expect(chiSquarePValue([10, 0, 20, 30], [30, 0, 20, 10])).toBe(chiSquarePValue([10, 20, 30], [30, 20, 10]));
  });

  it("is 1 when fewer than 2 categories have counts", () => {
    expect(chiSquarePValue([5, 0, 0], [7, 0, 0])).toBe(1);
    expect(chiSquarePValue([9], [1])).toBe(1);
  });
});

describe("upperRegularizedGamma", () => {
  // Q(n, x) = exp(-x) * sum_{k<n} x^k / k! for whole n, on both sides of the x = a + 1 switch.
  const closedForm = (n: number, x: number) => {
    let term = 1;
    let total = 1;
    for (let k = 1; k < n; k++) {
      term *= x / k;
      total += term;
    }
    return Math.exp(-x) * total;
  };

  for (const [n, x] of [
    [1, 0.5],
    [1, 3],
    [3, 0.5],
    [3, 2],
    [3, 4],
    [5, 10],
    [12, 8],
    [12, 40],
  ] as const) {
    it(`Q(${n}, ${x}) matches the closed form`, () => {
      const want = closedForm(n, x);
      expect(Math.abs(upperRegularizedGamma(n, x) - want) / want).toBeLessThan(1e-12);
    });
  }

  it("is 1 at x = 0 and rejects a non-positive shape", () => {
    expect(upperRegularizedGamma(2.5, 0)).toBe(1);
    expect(() => upperRegularizedGamma(0, 1)).toThrow(RangeError);
  });

  it("logGamma matches known values", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
  });
});

describe("input validation", () => {
  const all = [psi, ksBinned, jsDistance, linf, chiSquarePValue];

  it("rejects mismatched lengths", () => {
    for (const statistic of all) {
      expect(() => statistic([1, 2, 3], [1, 2])).toThrow(/same number of bins/);
    }
    expect(() => wasserstein([1, 2], [1, 2, 3], [0, 1, 2, 3])).toThrow(RangeError);
  });

  it("rejects negative and non-finite counts", () => {
    for (const statistic of all) {
      expect(() => statistic([1, -1], [1, 1])).toThrow(/actual|expected count at index 1/);
      expect(() => statistic([1, 1], [1, Number.NaN])).toThrow(RangeError);
    }
  });

  it("rejects empty totals and empty profiles", () => {
    for (const statistic of all) {
      expect(() => statistic([0, 0], [1, 1])).toThrow(/expected profile is empty/);
      expect(() => statistic([1, 1], [0, 0])).toThrow(/actual profile is empty/);
      expect(() => statistic([], [])).toThrow(RangeError);
    }
  });

  it("rejects bin edges that do not fit the counts", () => {
    expect(() => wasserstein([1, 2], [2, 1], [0, 1])).toThrow(/3 bin edges/);
    expect(() => wasserstein([1, 2], [2, 1], [0, 2, 1])).toThrow(/strictly increasing/);
    expect(() => wasserstein([1, 2], [2, 1], [Number.NEGATIVE_INFINITY, 0, 1])).toThrow(RangeError);
  });
});

describe("compareProfiles", () => {
  it("aligns categorical profiles by category name", () => {
    const values = compareProfiles(
      { kind: "categorical", categories: ["us", "fr", "de"], counts: [50, 30, 20] },
      { kind: "categorical", categories: ["de", "us", "br"], counts: [10, 60, 30] },
    );
    // Aligned as [us, fr, de, br]: fr is missing online, br missing offline.
    const expected = [50, 30, 20, 0];
    const actual = [60, 0, 10, 30];
    expect(values).toEqual({
      psi: psi(expected, actual),
      jsDistance: jsDistance(expected, actual),
      linf: linf(expected, actual),
      chi2PValue: chiSquarePValue(expected, actual),
    });
    expect(values.linf).toBeCloseTo(0.3, 12);
  });

  it("rejects numeric profiles with different bin edges", () => {
    expect(() =>
      compareProfiles(
        { kind: "numeric", binEdges: [0, 1, 2], counts: [1, 1] },
        { kind: "numeric", binEdges: [0, 1, 3], counts: [1, 1] },
      ),
    ).toThrow(/same bin edges/);
  });

  it("rejects profiles of different kinds", () => {
    expect(() =>
      compareProfiles(
        { kind: "numeric", binEdges: [0, 1, 2], counts: [1, 1] },
        { kind: "categorical", categories: ["a", "b"], counts: [1, 1] },
      ),
    ).toThrow(/numeric profile with a categorical/);
  });

  it("rejects a category listed twice or counts that do not match the categories", () => {
    expect(() =>
      compareProfiles(
        { kind: "categorical", categories: ["a", "a"], counts: [1, 1] },
        { kind: "categorical", categories: ["a"], counts: [1] },
      ),
    ).toThrow(/twice/);
    expect(() =>
      compareProfiles(
        { kind: "categorical", categories: ["a", "b"], counts: [1] },
        { kind: "categorical", categories: ["a"], counts: [1] },
      ),
    ).toThrow(/2 categories but 1 counts/);
  });
});

describe("STATISTICS", () => {
  it("describes every statistic under its own name", () => {
    for (const name of STATISTIC_NAMES) {
      expect(STATISTICS[name].name).toBe(name);
      expect(STATISTICS[name].description.length).toBeGreaterThan(0);
    }
  });

  it("marks only the chi-square p-value as lower-is-worse", () => {
    expect(STATISTIC_NAMES.filter((name) => !STATISTICS[name].isHigherWorse)).toEqual(["chi2PValue"]);
  });
});
