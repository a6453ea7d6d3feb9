/** CSV text (RFC 4180 quoting) from rows and the columns to export. */
export function toCsv<Row>(
  rows: readonly Row[],
  columns: readonly { label: string; value: (row: Row) => unknown }[],
): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    columns.map((column) => cell(column.label)).join(","),
    ...rows.map((row) => columns.map((column) => cell(column.value(row))).join(",")),
  ].join("\r\n");
}
