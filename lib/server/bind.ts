import "server-only";
import { PAGE_READ_TTL_MS, sharedRead } from "@/lib/cache/shared-read";
import { db, type Db } from "@/lib/db";

/** A lib/data function without its first parameter, the database client. */
export type WithoutDb<F> = F extends (client: Db, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/**
 * Binds a lib/data function to the app's one client, so pages, route handlers and server actions
 * call `getObjectDetail({ workspaceId, ... })` and never hold the client. `db()` is looked up on
 * each call, never at import time (so `next build` does not open the database).
 */
export function bindDb<F extends (client: Db, ...rest: never[]) => unknown>(fn: F): WithoutDb<F> {
  const call = fn as unknown as (client: Db, ...rest: unknown[]) => unknown;
  return ((...rest: unknown[]) => call(db(), ...rest)) as WithoutDb<F>;
}

/**
 * bindDb for a read whose answer depends only on its arguments, not on who asks (an object's
 * detail, a search's rows, a lineage graph): concurrent and repeated calls with equal arguments
 * share one load (lib/cache/shared-read.ts: retired by any write, of this instance or another
 * on the same database, and after a few seconds). For what pages and GET handlers show; never
 * for a check that decides a write or access. Callers must not mutate the result, it is shared.
 */
export function bindSharedRead<F extends (client: Db, ...rest: never[]) => Promise<unknown>>(
  name: string,
  fn: F,
  /** How long an entry is served; a function of the arguments where only some depend on the clock. */
  ttlMs: number | ((...rest: Parameters<WithoutDb<F>>) => number) = PAGE_READ_TTL_MS,
): WithoutDb<F> {
  const call = fn as unknown as (client: Db, ...rest: unknown[]) => Promise<unknown>;
  const ttlOf = ttlMs as number | ((...rest: unknown[]) => number);
  return ((...rest: unknown[]) =>
    sharedRead(`${name}:${JSON.stringify(rest)}`, { ttlMs: typeof ttlOf === "number" ? ttlOf : ttlOf(...rest) }, () =>
      call(db(), ...rest),
    )) as WithoutDb<F>;
}
