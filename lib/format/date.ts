/** The one display form of an instant: UTC to the minute, "2026-12-04 23:31 UTC". */
export function formatDateTime(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
