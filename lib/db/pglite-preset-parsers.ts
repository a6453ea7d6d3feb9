import { AsyncLocalStorage } from "node:async_hooks";
import { types, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

type ParserMap = NonNullable<QueryOptions["parsers"]>;

/**
 * PGlite copies its whole parser map for every query given `parsers` (`{...own, ...given}`). It
 * keeps a parser for every array type, ~400 entries with this schema, so that copy costs about
 * 0.2 ms, twice a simple query itself. Prisma's adapter gives the same parsers with every
 * statement. Here the merged map is built once per parsers object, and the query runs with it as
 * the instance's own map (PGlite reads `this.parsers` as it parses the rows), with the same
 * results: the array parsers PGlite made look up their element's parser in `this.parsers`, so
 * they run outside the merged map, as they do when PGlite copies it.
 */
export class PresetParsers {
  private readonly current = new AsyncLocalStorage<ParserMap>();
  private readonly merged = new WeakMap<ParserMap, { own: ParserMap; map: ParserMap }>();
  private own: ParserMap;

  constructor(private readonly pglite: PGlite) {
    this.own = pglite.parsers;
    Object.defineProperty(pglite, "parsers", {
      configurable: true,
      enumerable: true,
      get: () => this.current.getStore() ?? this.own,
      set: (value: ParserMap) => {
        this.own = value;
      },
    });
  }

  /** `pglite.query`, with `options.parsers` applied from a map merged once. */
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.withGiven(options, (rest) => this.pglite.query<T>(sql, params, rest));
  }

  /** The transaction, its queries given `parsers` run as `query` runs them. */
  inTransaction(tx: Transaction): Transaction {
    const query = <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
      this.withGiven(options, (rest) => tx.query<T>(sql, params, rest));
    return Object.create(tx, { query: { value: query } }) as Transaction;
  }

  private async withGiven<R>(
    options: QueryOptions | undefined,
    run: (options: QueryOptions | undefined) => Promise<R>,
  ): Promise<R> {
    const given = options?.parsers;
    if (!given) return run(options);
    // The array types' parsers are added as the database starts: merge after that.
    if (!this.pglite.ready) await this.pglite.waitReady;
    const { parsers: _given, ...rest } = options;
    return this.current.run(this.mergedWith(given), () => run(rest));
  }

  private mergedWith(given: ParserMap): ParserMap {
    const cached = this.merged.get(given);
    if (cached && cached.own === this.own) return cached.map;
    const map: ParserMap = {};
    const base = types.parsers as ParserMap;
    for (const [key, parse] of Object.entries(this.own)) {
      const oid = Number(key);
      // PGlite's own scalar parsers read nothing; the ones it made for arrays read `this.parsers`.
      map[oid] =
        parse === base[oid] ? parse : (value: string, typeId: number) => this.current.exit(() => parse(value, typeId));
    }
    Object.assign(map, given);
    this.merged.set(given, { own: this.own, map });
    return map;
  }
}
