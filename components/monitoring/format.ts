/** Axis and table formats shared by the monitoring charts. */
export function formatTick(ms: number, spanMs: number): string {
  const date = new Date(ms);
  const iso = date.toISOString();
  if (spanMs <= 2 * 86_400_000) return iso.slice(11, 16);
  if (spanMs <= 10 * 86_400_000) return `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`;
  return iso.slice(5, 10);
}

export function formatTime(value: string | number): string {
  return new Date(value).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function formatHours(seconds: number | null): string {
  if (seconds === null) return "–";
  const hours = seconds / 3600;
  return hours >= 48 ? `${(hours / 24).toFixed(1)} d` : `${hours.toFixed(1)} h`;
}

export function formatPercent(value: number | null, digits = 2): string {
  return value === null ? "–" : `${(value * 100).toFixed(digits)}%`;
}

export function formatStatistic(value: number | undefined | null): string {
  if (value === undefined || value === null) return "–";
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  return value.toFixed(3);
}
