import "server-only";
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
