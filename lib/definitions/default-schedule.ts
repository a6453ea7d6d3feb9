import { parseDuration } from "@/lib/duration";

export const BATCH_DEFAULT_SCHEDULE = "1d";
export const STREAM_DEFAULT_SCHEDULE = "1h";

/**
 * The schedule a new feature view gets when its kind changes: a stream view materializes at its
 * smallest aggregation window (1 h without windows), not the batch default of a day; an
 * on-demand view has none. A schedule the author typed is kept.
 */
export function scheduleForKind(
  kind: "batch" | "stream" | "on_demand",
  current: string | undefined,
  windows: readonly string[],
): string | undefined {
  if (kind === "on_demand") return undefined;
  const isDefault = current === undefined || current === BATCH_DEFAULT_SCHEDULE || current === STREAM_DEFAULT_SCHEDULE;
  if (!isDefault) return current;
  if (kind === "batch") return BATCH_DEFAULT_SCHEDULE;
  const smallest = windows
    .map((window) => ({ window, seconds: parseDuration(window) }))
    .filter((entry): entry is { window: string; seconds: number } => entry.seconds !== null && entry.seconds > 0)
    .sort((a, b) => a.seconds - b.seconds)[0];
  return smallest?.window ?? STREAM_DEFAULT_SCHEDULE;
}
