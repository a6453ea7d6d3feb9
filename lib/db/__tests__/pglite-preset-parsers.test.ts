import { PGlite, types, type QueryOptions } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { PresetParsers } from "@/lib/db/pglite-preset-parsers";

/*
 * Queries given `parsers` (as Prisma's adapter gives them) run with a map merged once: their rows
 * must be exactly what PGlite gives when it merges the map itself, and queries without parsers,
 * running at the same time, must keep PGlite's own parsers.
 */

const open: PGlite[] = [];
afterEach(async () => {
  for (const pglite of open.splice(0)) await pglite.close();
});

async function database() {
  const pglite = new PGlite();
  open.push(pglite);
  await pglite.exec(`
    CREATE TABLE sample (big int8, amount numeric, at timestamp, at_tz timestamptz, day date, doc jsonb,
      bigs int8[], ats timestamp[], words text[], small int4);
    INSERT INTO sample VALUES
      (9007199254740993, 12.50, '2026-12-05 10:00:00', '2026-12-05 10:00:00+00', '2026-12-05', '{"a": [1, 2]}',
       '{1,9007199254740993}', '{"2026-12-05 10:00:00"}', '{a,b}', 7),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  `);
  return pglite;
}

// Like Prisma's: some scalar types kept as text, one array type with its own element parser.
const given: NonNullable<QueryOptions["parsers"]> = {
  [types.INT8]: (value) => `int8:${value}`,
  [types.NUMERIC]: (value) => `numeric:${value}`,
  [types.TIMESTAMP]: (value) => `timestamp:${value}`,
  [types.JSONB]: (value) => `jsonb:${value}`,
  1115: (value) => `timestamp[]:${value}`,
};
const SELECT_ALL = "SELECT * FROM sample ORDER BY small NULLS LAST";

describe("PresetParsers", () => {
  it("gives the rows PGlite gives when it merges the parsers itself, array elements included", async () => {
    const pglite = await database();
    const expected = await pglite.query(SELECT_ALL, [], { rowMode: "array", parsers: given });
    const presets = new PresetParsers(pglite);

    const actual = await presets.query(SELECT_ALL, [], { rowMode: "array", parsers: given });

    expect(actual.rows).toEqual(expected.rows);
    expect(actual.fields).toEqual(expected.fields);
    const [first] = actual.rows as unknown[][];
    expect(first![0]).toBe("int8:9007199254740993");
    expect(first![7]).toBe('timestamp[]:{"2026-12-05 10:00:00"}');
    // int8[] is PGlite's own array parser: its elements use PGlite's int8 parser, not the given one.
    expect(first![6]).toEqual(
      (await pglite.query("SELECT '{1,9007199254740993}'::int8[] AS v")).rows[0]!["v" as never],
    );
    expect(first![8]).toEqual(["a", "b"]);
  });

  it("leaves queries without parsers on PGlite's own, however the queries interleave", async () => {
    const pglite = await database();
    const plainExpected = (await pglite.query(SELECT_ALL)).rows;
    const givenExpected = (await pglite.query(SELECT_ALL, [], { rowMode: "array", parsers: given })).rows;
    const presets = new PresetParsers(pglite);

    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? presets.query(SELECT_ALL, [], { rowMode: "array", parsers: given }).then((r) => ["given", r.rows] as const)
          : (i % 4 === 1 ? presets.query(SELECT_ALL) : pglite.query(SELECT_ALL)).then(
              (r) => ["plain", r.rows] as const,
            ),
      ),
    );

    for (const [kind, rows] of results) expect(rows).toEqual(kind === "given" ? givenExpected : plainExpected);
    expect(typeof (plainExpected[0] as Record<string, unknown>).big).toBe("bigint");
    // Prisma's interactive transactions give parsers too; the raw ones do not.
    const [inTransaction, plainInTransaction] = await pglite.transaction(async (tx) => {
      const view = presets.inTransaction(tx);
      return [
        (await view.query(SELECT_ALL, [], { rowMode: "array", parsers: given })).rows,
        (await view.query(SELECT_ALL)).rows,
      ];
    });
    expect(inTransaction).toEqual(givenExpected);
    expect(plainInTransaction).toEqual(plainExpected);
  });

  it("merges again when the database's own parsers are replaced", async () => {
    const pglite = await database();
    const presets = new PresetParsers(pglite);
    const before = await presets.query("SELECT 1::int4 AS one", [], { rowMode: "array", parsers: given });
    expect(before.rows).toEqual([[1]]);

    pglite.parsers = { ...pglite.parsers, [types.INT4]: (value: string) => `int4:${value}` };
    const after = await presets.query("SELECT 1::int4 AS one", [], { rowMode: "array", parsers: given });

    expect(after.rows).toEqual([["int4:1"]]);
  });
});
