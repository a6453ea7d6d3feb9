import "server-only";
import { createHash } from "node:crypto";
import type { Engine } from "@/lib/db/engine";
import { AppError } from "@/lib/errors";
import type { IngestResult } from "@/lib/validations/monitoring";
import type { IngestContext, IngestKind, IngestOutcome } from "./batch";

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export class IdempotencyReplay extends Error {}

export function storedKey(context: IngestContext, kind: IngestKind): string {
  const key = context.idempotencyKey!;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new AppError("bad_request", "Idempotency-Key must be 1 to 200 printable ASCII characters.");
  }
  // Keys are per workspace and endpoint, so two clients cannot collide across workspaces.
  return `${context.workspaceId}:${kind}:${key}`;
}

export async function findReplay(engine: Engine, key: string, requestHash: string): Promise<IngestOutcome | null> {
  const [stored] = await engine.query<{ request_hash: string; status: number; response: unknown }>(
    "SELECT request_hash, status, response FROM idempotency_key WHERE key = $1",
    [key],
  );
  if (!stored) return null;
  if (stored.request_hash !== requestHash) {
    throw new AppError(
      "unprocessable",
      "This Idempotency-Key was already used with a different request body; use a new key for a new batch.",
      { fields: [{ path: "Idempotency-Key", message: "Reused with a different body" }] },
    );
  }
  const response = typeof stored.response === "string" ? JSON.parse(stored.response) : stored.response;
  return {
    status: stored.status,
    body: response as IngestResult,
    replayed: true,
    touched: { kind: "feature", ids: [], environmentIds: [] },
  };
}

export function hashItems(items: unknown[]): string {
  // Items are the parsed batch, so key order and whitespace of the raw body do not matter.
  return createHash("sha256").update(JSON.stringify(items)).digest("hex");
}
