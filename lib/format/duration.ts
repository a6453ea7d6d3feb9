const UNITS: readonly [string, number][] = [
  ["d", 86_400],
  ["h", 3_600],
  ["m", 60],
  ["s", 1],
];

/**
 * The one display form of a duration or an age: its two largest units, "1 d 21 h", "3 h 5 m",
 * "45 s". Definitions spell durations differently ("1h30m", lib/duration.ts); this is for reading.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "–";
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return parts.join(" ") || "0 s";
}

/** How long ago something happened; "never" when it has not. */
export function formatAge(seconds: number | null): string {
  return seconds === null || !Number.isFinite(seconds) ? "never" : formatDuration(seconds);
}
