import "server-only";
import { db, dbEngine } from "@/lib/db";
import type { IngestStore } from "./batch";

/** The process's client and raw engine, for the ingestion writers (bulk inserts go through the engine). */
export function ingestStore(): IngestStore {
  return { prisma: db(), engine: dbEngine() };
}
