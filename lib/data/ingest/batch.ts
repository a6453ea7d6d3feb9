import "server-only";
import type { Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import type { Engine, RawTx } from "@/lib/db/engine";
import type { IngestResult } from "@/lib/validations/monitoring";
import { IdempotencyReplay, findReplay, hashItems, storedKey } from "./idempotency";

export interface IngestStore {
  prisma: Db;
  engine: Engine;
}

export interface IngestContext {
  workspaceId: string;
  actor: Actor;
  /** The Idempotency-Key header; a retry with the same key and body answers the first response. */
  idempotencyKey?: string | null;
  /** SHA-256 of the request body, compared on a retry; callers without a body leave it to the items' hash. */
  requestHash?: string;
}

export interface IngestOutcome {
  status: number;
  body: IngestResult;
  /** True when the response is the stored one of an earlier request with the same key. */
  replayed: boolean;
  /** Objects whose rules should be evaluated (empty on replay): the caller hands them to evaluateRules. */
  touched: { kind: "feature_view" | "feature_service" | "feature"; ids: string[]; environmentIds: string[] };
}

export type IngestKind = IngestResult["kind"];

export interface PreparedBatch {
  touched: IngestOutcome["touched"];
  result: Partial<IngestResult>;
  write(tx: RawTx): Promise<void>;
}

/**
 * The flow every ingestion endpoint shares: answer a keyed retry from its stored response, else
 * prepare the batch (resolve names, reject bad items), then claim the key and write in one transaction.
 */
export async function ingest(
  store: IngestStore,
  context: IngestContext,
  kind: IngestKind,
  items: unknown[],
  prepare: () => Promise<PreparedBatch>,
): Promise<IngestOutcome> {
  const key = context.idempotencyKey ? storedKey(context, kind) : null;
  // Only a keyed request is ever compared with a stored one, so only then is the batch hashed.
  const requestHash = key ? (context.requestHash ?? hashItems(items)) : "";
  if (key) {
    const replay = await findReplay(store.engine, key, requestHash);
    if (replay) return replay;
  }
  const batch = await prepare();
  const body: IngestResult = { accepted: items.length, kind, ...batch.result };
  try {
    await store.engine.transaction(async (tx) => {
      if (key) {
        // Claiming the key first makes a concurrent retry wait on this row, then replay our answer.
        const claimed = await tx.query(
          `INSERT INTO idempotency_key (key, token_id, request_hash, status, response)
           VALUES ($1, $2, $3, 200, $4::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key`,
          [key, context.actor.tokenId ?? null, requestHash, JSON.stringify(body)],
        );
        if (claimed.length === 0) throw new IdempotencyReplay();
      }
      await batch.write(tx);
    });
  } catch (error) {
    if (error instanceof IdempotencyReplay && key) {
      const replay = await findReplay(store.engine, key, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
  return { status: 200, body, replayed: false, touched: batch.touched };
}
