import { describe, expect, it } from "vitest";
import { formatTimeTicks, formatValueTicks, timeTicks, valueTicks } from "@/lib/monitoring/axis";

const at = (text: string) => Date.parse(text);
const isDistinct = (labels: string[]) => new Set(labels).size === labels.length;

describe("valueTicks and formatValueTicks", () => {
  it("steps at round values up to at least the maximum, labelled with the decimals the step needs", () => {
    expect(valueTicks(9.2)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(formatValueTicks(valueTicks(9.2))).toEqual(["0.0", "2.5", "5.0", "7.5", "10.0"]);
    expect(formatValueTicks(valueTicks(0.37))).toEqual(["0.0", "0.1", "0.2", "0.3", "0.4"]);
    expect(formatValueTicks(valueTicks(830))).toEqual(["0", "250", "500", "750", "1000"]);
  });

  it("never repeats a label, whatever the range", () => {
    for (const max of [0.0007, 0.013, 0.5, 1, 1.2, 3.3, 48, 97, 1234, 86_400]) {
      const labels = formatValueTicks(valueTicks(max));
      expect(isDistinct(labels), `${max}: ${labels.join(", ")}`).toBe(true);
      expect(valueTicks(max).at(-1)!).toBeGreaterThanOrEqual(max);
    }
  });

  it("has a scale even without data", () => {
    expect(valueTicks(0)).toEqual([0, 1]);
  });
});

describe("timeTicks and formatTimeTicks", () => {
  it("shows the time of day within one date", () => {
    const ticks = timeTicks(at("2026-12-05T10:07:00Z"), at("2026-12-05T11:07:00Z"));
    expect(formatTimeTicks(ticks)).toEqual(["10:15", "10:30", "10:45", "11:00"]);
  });

  it("shows dates alone at whole-day steps and date with time otherwise", () => {
    const month = timeTicks(at("2026-11-05T10:00:00Z"), at("2026-12-05T10:00:00Z"));
    expect(formatTimeTicks(month)).toEqual(["11-12", "11-19", "11-26", "12-03"]);
    const day = timeTicks(at("2026-12-04T10:00:00Z"), at("2026-12-05T10:00:00Z"));
    expect(formatTimeTicks(day)).toEqual(["12-04 12:00", "12-04 18:00", "12-05 00:00", "12-05 06:00"]);
  });

  it("never repeats a label over the dashboards' ranges", () => {
    const to = at("2026-12-05T10:07:31Z");
    for (const hours of [1, 6, 24, 48, 24 * 7, 24 * 30, 24 * 90]) {
      const labels = formatTimeTicks(timeTicks(to - hours * 3_600_000, to));
      expect(isDistinct(labels), `${hours} h: ${labels.join(", ")}`).toBe(true);
      expect(labels.length).toBeGreaterThanOrEqual(3);
    }
  });
});
