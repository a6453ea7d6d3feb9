import type { RawTx } from "@/lib/db/engine";

const BATCH = 5_000;

export interface BulkColumn {
  name: string;
  /** The PostgreSQL type of the parameter array's elements. */
  type: string;
  /** SQL over `$` (the unnested value), e.g. `$::"DataSourceKind"`; the value itself by default. */
  expression?: string;
}

/** INSERT ... SELECT FROM unnest($1::t1[], $2::t2[], ...) in batches: one statement per 5,000 rows. */
export async function bulkInsert(tx: RawTx, table: string, columns: BulkColumn[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params = columns.map((_, index) => batch.map((row) => row[index]));
    const selectList = columns.map((column, index) => column.expression?.replaceAll("$", `c${index}`) ?? `c${index}`);
    const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
    const aliases = columns.map((_, index) => `c${index}`).join(", ");
    await tx.query(
      `INSERT INTO ${table} (${columns.map((c) => `"${c.name}"`).join(", ")})
       SELECT ${selectList.join(", ")} FROM unnest(${unnest}) AS u(${aliases})`,
      params,
    );
  }
}

/** A text[] column: arrays travel as one comma-joined text per row (an empty text is no items). */
export const textArrayColumn = (name: string): BulkColumn => ({
  name,
  type: "text",
  expression: "CASE WHEN $ = '' THEN '{}'::text[] ELSE string_to_array($, ',') END",
});

export const tagsColumn = textArrayColumn("tags");

/** `{ name, type: "text" }` for each name: most columns of the load are plain text. */
export const textColumns = (...names: string[]): BulkColumn[] => names.map((name) => ({ name, type: "text" }));
