import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, hashesEqual, looksLikeApiToken } from "@/lib/auth/tokens";

describe("API tokens", () => {
  it("are random, prefixed and stored only as a SHA-256 hash", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.startsWith("flt_")).toBe(true);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token.slice(4));
    expect(hashApiToken(a.token)).toBe(a.hash);
    expect(a.prefix).toBe(a.token.slice(0, 10));
  });

  it("compare hashes in constant time and reject malformed input", () => {
    const { token, hash } = generateApiToken();
    expect(hashesEqual(hash, hashApiToken(token))).toBe(true);
    expect(hashesEqual(hash, hashApiToken(token + "x"))).toBe(false);
    expect(looksLikeApiToken(token)).toBe(true);
    expect(looksLikeApiToken("Bearer nonsense")).toBe(false);
    expect(looksLikeApiToken("flt_short")).toBe(false);
  });
});
