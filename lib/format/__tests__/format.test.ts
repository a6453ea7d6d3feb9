import { describe, expect, it } from "vitest";
import { formatAge, formatDateTime, formatDuration, formatNumber, formatPercent, formatStatistic } from "@/lib/format";

describe("formatDuration", () => {
  it("shows the two largest units with a space before each unit", () => {
    expect(formatDuration(162_000)).toBe("1 d 21 h");
    expect(formatDuration(3 * 3600 + 5 * 60 + 7)).toBe("3 h 5 m");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(2 * 86_400)).toBe("2 d");
  });

  it("does not skip a unit: 1 d and 5 minutes reads as 1 d", () => {
    expect(formatDuration(86_400 + 300)).toBe("1 d");
  });

  it("shows zero, negative and missing durations plainly", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(-5)).toBe("0 s");
    expect(formatDuration(null)).toBe("–");
    expect(formatAge(null)).toBe("never");
    expect(formatAge(7200)).toBe("2 h");
  });
});

describe("dates and numbers", () => {
  it("prints instants in UTC to the minute from any input", () => {
    const iso = "2026-12-04T23:31:42.000Z";
    expect(formatDateTime(iso)).toBe("2026-12-04 23:31 UTC");
    expect(formatDateTime(new Date(iso))).toBe("2026-12-04 23:31 UTC");
    expect(formatDateTime(Date.parse(iso))).toBe("2026-12-04 23:31 UTC");
  });

  it("groups thousands and prints fractions and statistics", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatPercent(0.01234)).toBe("1.23%");
    expect(formatStatistic(0.0001)).toBe("1.00e-4");
    expect(formatStatistic(0.25)).toBe("0.250");
  });
});
