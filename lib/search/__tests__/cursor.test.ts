import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, InvalidCursorError, MAX_OFFSET, searchFingerprint } from "@/lib/search/cursor";

describe("search cursors", () => {
  const fingerprint = searchFingerprint({ q: "login", filters: { kind: "feature" }, sort: "relevance" });

  it("round-trips an offset for the same search", () => {
    expect(decodeCursor(encodeCursor(50, fingerprint), fingerprint)).toBe(50);
  });

  it("refuses a cursor of another search", () => {
    const other = searchFingerprint({ q: "login", filters: { kind: "feature_view" }, sort: "relevance" });
    expect(other).not.toBe(fingerprint);
    expect(() => decodeCursor(encodeCursor(50, other), fingerprint)).toThrow(/different search/);
  });

  it.each([
    ["not base64url", "%%%"],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["negative offset", Buffer.from(JSON.stringify({ o: -1, f: "x" })).toString("base64url")],
    ["fractional offset", Buffer.from(JSON.stringify({ o: 1.5, f: "x" })).toString("base64url")],
    ["offset too deep", Buffer.from(JSON.stringify({ o: MAX_OFFSET + 1, f: "x" })).toString("base64url")],
    ["too long", "a".repeat(500)],
  ])("refuses a malformed cursor (%s)", (_label, cursor) => {
    expect(() => decodeCursor(cursor, fingerprint)).toThrow(InvalidCursorError);
  });

  it("fingerprints independently of key order", () => {
    expect(searchFingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(searchFingerprint({ b: { d: 3, c: 2 }, a: 1 }));
  });
});
