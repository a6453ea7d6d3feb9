/** One CSV writer for every export (monitoring tables, lineage impact). */
export interface CsvColumn<Row> {
  label: string;
  value: (row: Row) => unknown;
}

/**
 * A text cell per RFC 4180: quoted when it holds a comma, quote or line break, inner quotes
 * doubled. Exports are opened in spreadsheets and names are user input, so text starting with
 * = + - @ or a tab is prefixed with ' to stay inert (numbers are written as they are).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row and one row per item, each line ending in CRLF. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [
    columns.map((column) => csvCell(column.label)).join(","),
    ...rows.map((row) => columns.map((column) => csvCell(column.value(row))).join(",")),
  ];
  return lines.map((line) => `${line}\r\n`).join("");
}
