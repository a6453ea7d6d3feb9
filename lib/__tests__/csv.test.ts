import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";

describe("toCsv", () => {
  it("writes a header and CRLF-terminated rows, quoting per RFC 4180", () => {
    const rows = [
      { name: 'say "hi", twice', count: 3 },
      { name: "two\nlines", count: null },
    ];
    const csv = toCsv(rows, [
      { label: "name", value: (row) => row.name },
      { label: "count", value: (row) => row.count },
    ]);
    expect(csv).toBe('name,count\r\n"say ""hi"", twice",3\r\n"two\nlines",\r\n');
  });

  it("keeps spreadsheet formulas in text inert but writes negative numbers as numbers", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell(-0.5)).toBe("-0.5");
  });
});
