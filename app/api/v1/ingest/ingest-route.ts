import "server-only";
import { createHash } from "node:crypto";
import { parseJsonBody, readBodyText, type BodyParser } from "@/lib/api/body";
import { apiRoute, jsonResponse } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { evaluateRules } from "@/lib/data/alerts";
import {
  ingestStore,
  pruneMonitoringData,
  type IngestContext,
  type IngestOutcome,
  type IngestStore,
} from "@/lib/data/ingest";
import { INGEST_ACCESS, INGEST_BODY_LIMIT_BYTES } from "@/lib/validations/monitoring";

const PRUNE_EVERY_MS = 3_600_000;
/** When each workspace's raw rows were last pruned (per workspace: each has its own retention). */
const globalForPrune = globalThis as typeof globalThis & { __featurelinePrunedAt?: Map<string, number> };

/**
 * One ingestion endpoint: parse the whole batch (413 / 400 / 422 with the item's index and
 * field), write it, then evaluate the rules for what it touched. A replayed Idempotency-Key
 * answers the stored response without writing or evaluating.
 */
export function ingestRoute<Item>(
  parser: BodyParser<{ items: Item[] }>,
  write: (store: IngestStore, context: IngestContext, items: Item[]) => Promise<IngestOutcome>,
) {
  return apiRoute(INGEST_ACCESS, async ({ request, principal }) => {
    const text = await readBodyText(request, INGEST_BODY_LIMIT_BYTES);
    const batch = parseJsonBody(text, parser);
    const idempotencyKey = request.headers.get("idempotency-key");
    const store = ingestStore();
    const outcome = await write(
      store,
      {
        workspaceId: principal.workspaceId,
        actor: actorOf(principal),
        idempotencyKey,
        // A retry resends the same bytes; hashing them is cheaper than hashing the parsed items.
        requestHash: idempotencyKey ? createHash("sha256").update(text).digest("hex") : undefined,
      },
      batch.items,
    );
    if (!outcome.replayed) {
      try {
        await evaluateRules(store.prisma, {
          workspaceId: principal.workspaceId,
          environmentIds: outcome.touched.environmentIds,
          only: { kind: outcome.touched.kind, ids: outcome.touched.ids },
        });
        const prunedAt = (globalForPrune.__featurelinePrunedAt ??= new Map());
        if (Date.now() - (prunedAt.get(principal.workspaceId) ?? 0) > PRUNE_EVERY_MS) {
          prunedAt.set(principal.workspaceId, Date.now());
          await pruneMonitoringData(store, { workspaceId: principal.workspaceId });
        }
      } catch (error) {
        // The batch is committed; a failing evaluation must not make the client retry it.
        console.error("[ingest] rule evaluation failed:", error);
      }
    }
    const response = jsonResponse(outcome.body, outcome.status);
    if (outcome.replayed) response.headers.set("idempotency-replayed", "true");
    return response;
  });
}
