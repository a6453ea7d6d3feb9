import { AsyncLocalStorage } from "node:async_hooks";

/*
 * Marks work whose write transaction may be long (a background job's apply, import or sync). On
 * PostgreSQL nothing changes. On the embedded database, which has one connection, other queries
 * read a snapshot while such a transaction is open instead of waiting for it to end
 * (lib/db/pglite-snapshot-readers.ts).
 */

const longWrite = new AsyncLocalStorage<true>();

export function runAsLongWrite<T>(work: () => Promise<T>): Promise<T> {
  return longWrite.run(true, work);
}

/** True inside runAsLongWrite, through every await of the work it started. */
export function isInLongWrite(): boolean {
  return longWrite.getStore() === true;
}

/** Lets timers and requests waiting on the event loop run before the next step. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
