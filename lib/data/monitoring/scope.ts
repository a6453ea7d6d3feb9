import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRawRetentionDays } from "@/lib/data/ingest";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Which stored resolution a chart over [from, to] reads: raw minutes up to a day (while they
 * are retained), hourly rollups up to 8 days, daily rollups beyond.
 */
export function bucketSecondsFor(from: Date, to: Date, rawCutoff: Date): 60 | 3600 | 86400 {
  const span = to.getTime() - from.getTime();
  if (span <= 26 * HOUR_MS && from >= rawCutoff) return 60;
  if (span <= 8 * DAY_MS) return 3600;
  return 86400;
}

export async function rawCutoff(prisma: Db, workspaceId: string, now: Date): Promise<Date> {
  const days = await getRawRetentionDays(prisma, workspaceId);
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS);
}

/**
 * `AND <column> IN (...)` when ids are given, nothing otherwise. Built per call rather than as
 * `$ids IS NULL OR ...`, which leaves PostgreSQL a generic plan that is far slower here.
 */
export function onlyIds(column: Prisma.Sql, ids: string[] | null): Prisma.Sql {
  return ids ? Prisma.sql`AND ${column} IN (SELECT unnest(${ids}::text[]))` : Prisma.empty;
}

export function floorTo(date: Date, seconds: number): Date {
  const size = seconds * 1000;
  return new Date(Math.floor(date.getTime() / size) * size);
}
