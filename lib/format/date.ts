/** The one display form of an instant: UTC to the minute, "2026-12-04 23:31 UTC". */
export function formatDateTime(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** A chart axis tick: the time of day over two days or less, else the date (with the hour up to ten days). */
export function formatTick(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  if (spanMs <= 2 * 86_400_000) return iso.slice(11, 16);
  if (spanMs <= 10 * 86_400_000) return `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`;
  return iso.slice(5, 10);
}
