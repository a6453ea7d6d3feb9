/**
 * Durations as feature stores write them: "30s", "5m", "1h", "15d", "2w", Feast's protobuf
 * form "86400s", and compound forms such as "1h30m". Returns seconds, or null when the text
 * does not parse (callers turn that into a field error).
 */
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) {
    total += Number(amount) * UNIT_SECONDS[unit!]!;
  }
  return total > 0 ? Math.round(total) : null;
}

/**
 * A number of seconds as a definition spells it (the inverse of parseDuration): 86400 -> "1d",
 * 5400 -> "1h30m". For writing definitions only; pages and messages use lib/format's formatDuration.
 */
export function formatDefinitionDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "0s";
  let rest = Math.round(seconds);
  if (rest % UNIT_SECONDS.w! === 0) return `${rest / UNIT_SECONDS.w!}w`;
  const parts: string[] = [];
  for (const unit of ["d", "h", "m", "s"] as const) {
    const size = UNIT_SECONDS[unit]!;
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("");
}
