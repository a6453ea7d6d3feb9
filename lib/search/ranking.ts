/**
 * How search results are ordered: exact-name matches first, then the words as typed before close
 * matches (typos corrected, abbreviations), then relevance, then usage (how
 * many services and models use the object) as the tie-breaker, then name. Relevance combines
 * a name-prefix bonus, trigram similarity of the name (typos, partial words) and full-text rank
 * (name, tags, entities, description, owner, team, transformation). The SQL ordering is
 * generated from the same weights (relevanceSql), so the database and this module agree.
 */

export const RANK_WEIGHTS = {
  /** The name starts with the query (snake_case joined). */
  prefix: 2,
  /** pg_trgm word_similarity of the query to the name's words, 0..1. */
  similarity: 3,
  /** ts_rank_cd over the weighted document, capped at 1. */
  text: 4,
} as const;

/**
 * Relevance is compared in steps of this size so that near-equal scores tie and usage decides
 * between them, as people expect ("both match as well; show the one that is used").
 */
export const RELEVANCE_STEP = 0.25;

export interface RankSignals {
  isExact: boolean;
  /** Found only by correcting typos or by name similarity, not by the words as typed. */
  isFuzzy: boolean;
  isPrefix: boolean;
  /** ts_rank_cd, 0 when the full-text query did not match. */
  textRank: number;
  /** word_similarity, 0..1. */
  similarity: number;
  usageCount: number;
  name: string;
  kind: string;
  id: string;
}

export function relevance(signals: Pick<RankSignals, "isPrefix" | "textRank" | "similarity">): number {
  return (
    (signals.isPrefix ? RANK_WEIGHTS.prefix : 0) +
    RANK_WEIGHTS.similarity * signals.similarity +
    RANK_WEIGHTS.text * Math.min(signals.textRank, 1)
  );
}

/** The relevance step a score falls in; floor keeps it identical to the SQL expression. */
export function relevanceBucket(score: number): number {
  return Math.floor(score / RELEVANCE_STEP + 1e-9);
}

/** Sort comparator for ranked hits: exact first, close matches last, relevance bucket, usage, name, kind, id. */
export function compareHits(a: RankSignals, b: RankSignals): number {
  if (a.isExact !== b.isExact) return a.isExact ? -1 : 1;
  if (a.isFuzzy !== b.isFuzzy) return a.isFuzzy ? 1 : -1;
  const bucket = relevanceBucket(relevance(b)) - relevanceBucket(relevance(a));
  if (bucket !== 0) return bucket;
  if (a.usageCount !== b.usageCount) return b.usageCount - a.usageCount;
  return compareText(a.name, b.name) || compareText(a.kind, b.kind) || compareText(a.id, b.id);
}

/** Byte-order comparison, as the database's "C"-like ordering of ASCII names. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SQL for relevance over columns named is_prefix, text_rank and similarity. */
export function relevanceSql(): string {
  return (
    `((CASE WHEN is_prefix THEN ${RANK_WEIGHTS.prefix} ELSE 0 END)` +
    ` + ${RANK_WEIGHTS.similarity} * similarity` +
    ` + ${RANK_WEIGHTS.text} * LEAST(text_rank, 1))`
  );
}

export function relevanceBucketSql(): string {
  return `floor(${relevanceSql()} / ${RELEVANCE_STEP} + 1e-9)`;
}
