import "server-only";
import { randomBytes } from "node:crypto";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { NO_EXPIRY_TTL } from "@/lib/definitions/schema";
import { parseDuration } from "@/lib/duration";
import type { RowWriteContext, Tx } from "./definition-rows";

/*
 * The statements a bulk write of registry rows is made of (definition-rows-bulk.ts): rows travel
 * as one JSON parameter read with jsonb_to_recordset, so a statement carries 10,000 rows with no
 * bind-parameter limit; objects are inserted or updated by id; child rows are matched by name.
 */

/** Rows per statement: bounds the size of one JSON parameter (50,000 features are ~10 MB). */
const CHUNK = 10_000;

let idCounter = 0;
/** cuid-shaped ids (what Prisma's @default(cuid()) makes), for rows written with raw SQL. */
export function newRowId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const count = idCounter.toString(36).padStart(4, "0");
  return `c${time}${count}${randomChars(11)}`;
}

// Random characters come from a pooled buffer, one randomBytes call per ~370 ids rather than
// one per id: 55,000 ids of a 5,000-view import spent 0.3 s in randomBytes alone.
let randomPool = Buffer.alloc(0);
let randomOffset = 0;
function randomChars(count: number): string {
  if (randomOffset + count > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  let chars = "";
  for (let i = 0; i < count; i++) chars += (randomPool[randomOffset++]! % 36).toString(36);
  return chars;
}

export interface Batch {
  tx: Tx;
  context: RowWriteContext;
  /** Ids of the objects this batch creates (the others exist and are updated). */
  created: ReadonlySet<string>;
  /** One timestamp for created_at / updated_at of the whole batch (ISO, UTC). */
  now: string;
}

// ---------------------------------------------------------------- statements

/** A column of a recordset: its name, its type in the JSON, and an optional cast into the table. */
export type Column = [name: string, type: string, cast?: string];

export function recordset(columns: Column[]): string {
  return `jsonb_to_recordset($1::jsonb) AS r(${columns.map(([name, type]) => `"${name}" ${type}`).join(", ")})`;
}

export function value([name, , cast]: Column): string {
  return cast ? `r."${name}"::${cast}` : `r."${name}"`;
}

export async function run(tx: Tx, sql: string, rows: object[], ...params: unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + CHUNK)), ...params);
  }
}

export async function insertRows(tx: Tx, table: string, columns: Column[], rows: object[]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  await run(
    tx,
    `INSERT INTO "${table}" (${names}) SELECT ${columns.map(value).join(", ")} FROM ${recordset(columns)}`,
    rows,
  );
}

export async function updateRows(tx: Tx, table: string, columns: Column[], rows: object[]): Promise<void> {
  const set = columns.filter(([name]) => name !== "id").map((column) => `"${column[0]}" = ${value(column)}`);
  await run(tx, `UPDATE "${table}" AS t SET ${set.join(", ")} FROM ${recordset(columns)} WHERE t.id = r.id`, rows);
}

export async function deleteWhere(tx: Tx, table: string, column: string, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${column}" = ANY ($1::text[])`, ids);
}

export async function selectRows<R>(tx: Tx, sql: string, ...params: unknown[]): Promise<R[]> {
  return tx.$queryRawUnsafe<R[]>(sql, ...params);
}

export const TIMESTAMP = "timestamptz";

/** created_at / updated_at are TIMESTAMP(3) holding UTC, like Prisma writes them. */
export function utc(sql: string): string {
  return sql.replace(/r\."(created_at|updated_at|start_at|end_at)"/g, `(r."$1" AT TIME ZONE 'UTC')`);
}

/** Objects (top-level rows): new ones in one insert, stored ones in one update. */
export async function upsertObjects(
  batch: Batch,
  table: string,
  columns: Column[],
  rows: Array<{ id: string; values: Record<string, unknown> }>,
): Promise<void> {
  const common: Column[] = [
    ["id", "text"],
    ["description", "text"],
    ["owner", "text"],
    ["team_id", "text"],
    ["tags", "text[]"],
    ["updated_at", TIMESTAMP],
    ...columns,
  ];
  const fresh = rows.filter((row) => batch.created.has(row.id));
  const stored = rows.filter((row) => !batch.created.has(row.id));
  const insertColumns: Column[] = [...common, ["workspace_id", "text"], ["name", "text"], ["created_at", TIMESTAMP]];
  const withTimes = (row: { id: string; values: Record<string, unknown> }) => ({
    id: row.id,
    ...row.values,
    updated_at: batch.now,
    created_at: batch.now,
    workspace_id: batch.context.workspaceId,
  });
  if (fresh.length > 0) {
    const names = insertColumns.map(([name]) => `"${name}"`).join(", ");
    const sql = `INSERT INTO "${table}" (${names}) SELECT ${insertColumns.map(value).join(", ")} FROM ${recordset(insertColumns)}`;
    await run(batch.tx, utc(sql), fresh.map(withTimes));
  }
  if (stored.length > 0) {
    const set = common.filter(([name]) => name !== "id").map((column) => `"${column[0]}" = ${value(column)}`);
    const sql = `UPDATE "${table}" AS t SET ${set.join(", ")} FROM ${recordset(common)} WHERE t.id = r.id`;
    await run(batch.tx, utc(sql), stored.map(withTimes));
  }
}

export function commonValues(
  context: RowWriteContext,
  definition: { name: string; description: string; owner: string; team?: string; tags: string[] },
) {
  return {
    name: definition.name,
    description: definition.description,
    owner: definition.owner,
    team_id: definition.team === undefined ? null : (context.teamIds.get(definition.team) ?? null),
    tags: definition.tags,
  };
}

export function seconds(text: string | undefined): number | null {
  // "0s" (no expiry) is stored as 0, apart from a TTL that was never set (null).
  if (text === NO_EXPIRY_TTL) return 0;
  return text === undefined ? null : parseDuration(text);
}

/** Ids resolved by name, each once, unknown names skipped (validation reported them). */
export function resolve(context: RowWriteContext, kind: DefinitionKind, names: string[]): string[] {
  return [...new Set(names)].flatMap((name) => {
    const id = context.ids[kind].get(name);
    return id ? [id] : [];
  });
}

export function storedIds(batch: Batch, rows: Array<{ id: string }>): string[] {
  return rows.flatMap((row) => (batch.created.has(row.id) ? [] : [row.id]));
}

/** Children matched by name under their parent: which to delete, update in place and create. */
export async function matchChildren<T extends { parentId: string; name: string }>(
  batch: Batch,
  table: string,
  parentColumn: string,
  parents: string[],
  wanted: T[],
): Promise<{ remove: string[]; keep: Array<T & { id: string }>; add: Array<T & { id: string }> }> {
  const stored = parents.length
    ? await selectRows<{ id: string; parentId: string; name: string }>(
        batch.tx,
        `SELECT id, "${parentColumn}" AS "parentId", name FROM "${table}" WHERE "${parentColumn}" = ANY ($1::text[])`,
        parents,
      )
    : [];
  const storedByKey = new Map(stored.map((row) => [`${row.parentId}\u0000${row.name}`, row.id]));
  const wantedKeys = new Set(wanted.map((row) => `${row.parentId}\u0000${row.name}`));
  const keep: Array<T & { id: string }> = [];
  const add: Array<T & { id: string }> = [];
  for (const row of wanted) {
    const id = storedByKey.get(`${row.parentId}\u0000${row.name}`);
    if (id) keep.push({ ...row, id });
    else add.push({ ...row, id: newRowId() });
  }
  const remove = stored.flatMap((row) => (wantedKeys.has(`${row.parentId}\u0000${row.name}`) ? [] : [row.id]));
  return { remove, keep, add };
}
