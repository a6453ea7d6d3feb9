import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_SCOPES = ["read", "ingest", "apply"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const TOKEN_PREFIX = "flt_";

/** A new API token: 32 random bytes, base64url, behind a recognisable prefix. */
export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, 10), hash: hashApiToken(token) };
}

/**
 * Tokens carry 256 bits of randomness, so a fast hash is enough (no salt or stretching needed);
 * only the hash is stored.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(text: string): boolean {
  return text.startsWith(TOKEN_PREFIX) && text.length > 20 && text.length < 200;
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
