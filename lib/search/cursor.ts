/**
 * Opaque pagination cursors: base64url JSON of the offset and a fingerprint of the query,
 * filters and sort they belong to. A cursor that was tampered with, is malformed or belongs
 * to another search is refused (the caller answers 400) instead of paging something else.
 */

export const MAX_OFFSET = 10_000;

export class InvalidCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCursorError";
  }
}

/** FNV-1a 32-bit of a canonical JSON text: a short, stable fingerprint (not a security hash). */
export function searchFingerprint(value: unknown): string {
  const text = JSON.stringify(value, Object.keys(flatten(value)).sort());
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function flatten(value: unknown, into: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      into[key] = true;
      flatten(child, into);
    }
  }
  return into;
}

export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, fingerprint: string): number {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError("The cursor is malformed.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("The cursor is malformed.");
  }
  const { o, f } = (parsed ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || o > MAX_OFFSET || typeof f !== "string") {
    throw new InvalidCursorError("The cursor is malformed.");
  }
  if (f !== fingerprint)
    throw new InvalidCursorError("The cursor belongs to a different search; start from the first page.");
  return o;
}
