import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, newNonce, securityHeaders } from "@/lib/security-headers";

describe("securityHeaders", () => {
  it("allows scripts only by this request's nonce, and no framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("sends nosniff, a referrer policy, and HSTS only over https", () => {
    const plain = securityHeaders({ nonce: "n", https: false, development: false });
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = securityHeaders({ nonce: "n", https: true, development: false });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });

  it("tells https from the URL or a proxy's X-Forwarded-Proto", () => {
    expect(isHttps(new URL("https://a.example/"), null)).toBe(true);
    expect(isHttps(new URL("http://a.example/"), "https, http")).toBe(true);
    expect(isHttps(new URL("http://a.example/"), null)).toBe(false);
  });

  it("makes a new nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
