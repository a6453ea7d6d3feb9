import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createEngine, type Engine } from "@/lib/db/engine";
import { dataDir, env } from "@/lib/env";

/**
 * The one Prisma client. Created lazily on first use (never at import time, so `next build`
 * does not open the database) and kept on globalThis so dev-server reloads reuse it.
 */
interface DbState {
  engine: Engine;
  prisma: PrismaClient;
}

const globalForDb = globalThis as typeof globalThis & { __featurelineDb?: DbState };

function state(): DbState {
  if (!globalForDb.__featurelineDb) {
    const config = env();
    const engine = createEngine({
      databaseUrl: config.DATABASE_URL,
      dataDir: dataDir(),
      lockHeldFor: config.FEATURELINE_DATA_DIR_HOLDER,
    });
    const prisma = new PrismaClient({ adapter: engine.adapter });
    globalForDb.__featurelineDb = { engine, prisma };
  }
  return globalForDb.__featurelineDb;
}

export function db(): PrismaClient {
  return state().prisma;
}

/**
 * The server's shared reads follow writes made by other instances on the same database (see
 * lib/db/write-listener.ts). Called once when a server process starts.
 */
export function followOtherInstancesWrites(): void {
  state().engine.followOtherInstances();
}

/** Raw access for the migration runner, bulk loaders and health checks. */
export function dbEngine(): Engine {
  return state().engine;
}

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";

/** Closes the client and the engine (scripts and tests; the server keeps it open). */
export async function closeDb(): Promise<void> {
  const current = globalForDb.__featurelineDb;
  if (!current) return;
  globalForDb.__featurelineDb = undefined;
  await current.prisma.$disconnect();
  await current.engine.close();
}
