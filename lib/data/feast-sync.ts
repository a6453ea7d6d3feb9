import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ApplyProgressReporter } from "@/lib/data/definitions/apply-repository";
import { FEAST_TX_OPTIONS, importFeastInTransaction, feastDumpOf } from "@/lib/data/definitions/import-feast";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { feastDumpShapeErrors } from "@/lib/feast/dump-shape";

/*
 * A workspace following a Feast registry: where registry.db lives (a server path or an http(s)
 * URL), read on a schedule and on demand. Which instance runs a sync is decided in the
 * database: a conditional UPDATE claims a connection (moving its next run forward and setting
 * a claim that expires if the instance dies), so on one PostgreSQL exactly one instance runs it.
 * An unchanged file (same SHA-256) is recorded as such without re-importing.
 */

/** A claim outlives any sync; a crashed instance's claim lapses after this. */
const CLAIM_SECONDS = 10 * 60;
const FETCH_TIMEOUT_MS = 30_000;
const REGISTRY_LIMIT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_SYNC_INTERVAL_SECONDS = 300;

export interface FeastConnectionInput {
  location: string;
  project?: string | null;
  intervalSeconds?: number;
  enabled?: boolean;
  /** Where the registry runs (an environment name); null or omitted: the first one, dev. */
  environment?: string | null;
}

export interface FeastSyncRunRow {
  id: string;
  trigger: string;
  startedAt: Date;
  durationMs: number;
  status: string;
  created: number;
  updated: number;
  removed: number;
  skipped: number;
  error: string | null;
}

const SYSTEM_ACTOR = { userId: null };

export async function getFeastConnection(prisma: Db, workspaceId: string) {
  const connection = await prisma.feastRegistryConnection.findUnique({
    where: { workspaceId },
    include: { runs: { orderBy: { startedAt: "desc" }, take: 50 } },
  });
  if (!connection) return null;
  return { ...connection, environment: await connectionEnvironmentName(prisma, connection) };
}

/** The name of the environment a connection imports into; the first one when unset or gone. */
async function connectionEnvironmentName(
  prisma: Db,
  connection: { workspaceId: string; environmentId: string | null },
): Promise<string> {
  const environments = await prisma.environment.findMany({
    where: { workspaceId: connection.workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  return (environments.find((row) => row.id === connection.environmentId) ?? environments[0])?.name ?? "dev";
}

export async function saveFeastConnection(prisma: Db, workspaceId: string, input: FeastConnectionInput) {
  const environment = input.environment
    ? await prisma.environment.findUnique({
        where: { workspaceId_name: { workspaceId, name: input.environment } },
        select: { id: true },
      })
    : null;
  if (input.environment && !environment) {
    throw new AppError("unprocessable", `environment: no environment "${input.environment}" in this workspace`, {
      fields: [{ path: "environment", message: "Unknown environment" }],
    });
  }
  const data = {
    location: input.location,
    project: input.project ?? null,
    environmentId: environment?.id ?? null,
    intervalSeconds: input.intervalSeconds ?? DEFAULT_SYNC_INTERVAL_SECONDS,
    enabled: input.enabled ?? true,
    // A new or changed location is read at the next scheduler tick.
    nextSyncAt: new Date(),
    lastContentHash: null,
  };
  return prisma.feastRegistryConnection.upsert({
    where: { workspaceId },
    create: { workspaceId, ...data },
    update: data,
  });
}

export async function deleteFeastConnection(prisma: Db, workspaceId: string): Promise<void> {
  await prisma.feastRegistryConnection.deleteMany({ where: { workspaceId } });
}

/**
 * Runs every due sync this instance manages to claim. Safe to call from every instance at once:
 * the claim is one conditional UPDATE, so each due connection runs exactly once.
 */
export async function syncDueFeastRegistries(prisma: Db, now = new Date()): Promise<FeastSyncRunRow[]> {
  const claimed = await prisma.$queryRaw<Array<{ id: string }>>`
    UPDATE feast_registry_connection
       SET claimed_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000)},
           next_sync_at = ${now}::timestamp(3) + make_interval(secs => interval_seconds)
     WHERE enabled AND next_sync_at <= ${now}
       AND (claimed_until IS NULL OR claimed_until < ${now})
     RETURNING id`;
  const runs: FeastSyncRunRow[] = [];
  for (const { id } of claimed) runs.push(await runClaimedSync(prisma, id, "schedule"));
  return runs;
}

/** "Sync now": runs the workspace's sync unless another instance is running it (409). */
export async function syncFeastRegistryNow(
  prisma: Db,
  workspaceId: string,
  now = new Date(),
  options: { onProgress?: ApplyProgressReporter } = {},
): Promise<FeastSyncRunRow> {
  const claimed = await prisma.$queryRaw<Array<{ id: string }>>`
    UPDATE feast_registry_connection
       SET claimed_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000)},
           next_sync_at = ${now}::timestamp(3) + make_interval(secs => interval_seconds)
     WHERE workspace_id = ${workspaceId} AND (claimed_until IS NULL OR claimed_until < ${now})
     RETURNING id`;
  if (claimed.length === 0) {
    const exists = await prisma.feastRegistryConnection.count({ where: { workspaceId } });
    if (exists === 0) throw new AppError("not_found", "This workspace is not connected to a Feast registry.");
    throw new AppError("conflict", "A sync of this registry is running; try again when it has finished.");
  }
  return runClaimedSync(prisma, claimed[0]!.id, "manual", options.onProgress);
}

async function runClaimedSync(
  prisma: Db,
  connectionId: string,
  trigger: string,
  onProgress?: ApplyProgressReporter,
): Promise<FeastSyncRunRow> {
  const started = Date.now();
  const connection = await prisma.feastRegistryConnection.findUniqueOrThrow({ where: { id: connectionId } });
  const counts = { created: 0, updated: 0, removed: 0, skipped: 0 };
  let status = "success";
  let error: string | null = null;
  let contentHash = connection.lastContentHash;
  try {
    onProgress?.({ phase: "reading registry" });
    const bytes = await readRegistry(connection.location);
    const hash = createHash("sha256").update(bytes).digest("hex");
    if (hash === connection.lastContentHash) {
      status = "unchanged";
    } else {
      const dump = feastDumpOf({ registry: bytes, project: connection.project ?? undefined });
      const shapeErrors = feastDumpShapeErrors(dump);
      if (shapeErrors.length > 0) {
        throw new AppError("unprocessable", shapeErrors.map((e) => `${e.path}: ${e.message}`).join("; "));
      }
      const environment = await connectionEnvironmentName(prisma, connection);
      const summary = await prisma.$transaction(
        (tx) =>
          importFeastInTransaction(
            tx,
            {
              workspaceId: connection.workspaceId,
              dump,
              markRemoved: true,
              message: "Synced from Feast",
              environment,
              onProgress,
            },
            SYSTEM_ACTOR,
          ),
        FEAST_TX_OPTIONS,
      );
      counts.created = summary.created.length;
      counts.updated = summary.updated.length;
      counts.removed = summary.removed.length;
      counts.skipped = summary.skipped.length;
      contentHash = hash;
    }
  } catch (caught) {
    status = "failed";
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const run = await prisma.feastSyncRun.create({
    data: {
      connectionId,
      trigger,
      startedAt: new Date(started),
      durationMs: Date.now() - started,
      status,
      ...counts,
      error,
    },
  });
  await prisma.feastRegistryConnection.update({
    where: { id: connectionId },
    data: { claimedUntil: null, lastContentHash: contentHash },
  });
  return run;
}

/** The registry file's bytes, from a server path or an http(s) URL. */
export async function readRegistry(location: string): Promise<Uint8Array> {
  if (/^https?:\/\//i.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
    if (!response.ok) throw new Error(`${location} answered HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > REGISTRY_LIMIT_BYTES) throw new Error(`${location} is larger than 64 MiB`);
    return bytes;
  }
  try {
    return await readFile(location);
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? `No file at ${location}` : `Cannot read ${location} (${code ?? "error"})`);
  }
}
