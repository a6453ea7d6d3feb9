import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * A counter that every write of this process moves on: each statement that is not a plain
 * SELECT, and each commit of a transaction that wrote. Shared reads (lib/cache/shared-read.ts)
 * remember the epoch they were loaded at and are not served after it moved, so a person sees
 * their own change at once, whichever route or job wrote it.
 */
const globalForEpoch = globalThis as typeof globalThis & { __featurelineWriteEpoch?: { value: number } };
const epoch = (globalForEpoch.__featurelineWriteEpoch ??= { value: 0 });

export function writeEpoch(): number {
  return epoch.value;
}

export function noteWrite(): void {
  epoch.value++;
}

/**
 * True for a statement that may change data: anything but a read or transaction control (the
 * commit of a transaction that wrote is counted by the transaction itself).
 */
export function isWriteStatement(sql: string): boolean {
  return !/^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:select|show|explain|begin|start|commit|rollback|savepoint|release|set)\b/i.test(
    sql,
  );
}

/** Wraps a Prisma driver adapter factory so the writes it runs move the epoch. */
export function trackWrites(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    trackQueryable(adapter, noteWrite);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction: Transaction = await startTransaction(isolationLevel);
      let wrote = false;
      trackQueryable(transaction, () => {
        wrote = true;
        noteWrite();
      });
      const commit = transaction.commit.bind(transaction);
      transaction.commit = async () => {
        await commit();
        if (wrote) noteWrite();
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}

function trackQueryable(queryable: Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">, onWrite: () => void) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query: SqlQuery) => {
    if (isWriteStatement(query.sql)) onWrite();
    return queryRaw(query);
  };
  queryable.executeRaw = (query: SqlQuery) => {
    if (isWriteStatement(query.sql)) onWrite();
    return executeRaw(query);
  };
}
