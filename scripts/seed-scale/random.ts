import { mulberry32 } from "@/lib/demo/random";

/** The seeded draws of one generation run; every call advances the one shared stream. */
export interface Draws {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  /** Up to `max` distinct items (duplicates drawn are dropped, so often fewer). */
  pickSome: <T>(items: readonly T[], max: number) => T[];
  /** A date up to a year before `now`. */
  daysAgo: (now: Date) => Date;
}

export function seededDraws(seed: number): Draws {
  // A seed of 0 (or not a number) would make a degenerate stream; 1 stands in for it.
  const random = mulberry32(seed >>> 0 || 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const pickSome = <T>(items: readonly T[], max: number): T[] => {
    const count = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  const daysAgo = (now: Date) => new Date(now.getTime() - Math.floor(random() * 365 * 86_400_000));
  return { random, pick, pickSome, daysAgo };
}

/**
 * Ids of one load: `s<kind prefix><run id><counter>`. The run id (from the clock) keeps two
 * loads into one registry apart; the counter orders ids of a kind by creation.
 */
export function runIds(runId: string): (prefix: string) => string {
  let counter = 0;
  return (prefix) => `s${prefix}${runId}${(counter++).toString(36).padStart(6, "0")}`;
}
