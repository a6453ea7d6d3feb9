/**
 * Turns what someone typed into the pieces the search SQL needs. Pure: no database, no I/O.
 * Only letters and digits survive into full-text and trigram input, so quotes, operators and
 * SQL-looking text are just words; everything is passed as bound parameters anyway.
 */

export const MAX_QUERY_LENGTH = 200;
const MAX_TOKENS = 12;
const MAX_TOKEN_LENGTH = 64;
/** Trigrams of fewer letters than this match almost anything. */
const MIN_TRIGRAM_LETTERS = 3;

export interface ParsedQuery {
  /** Lower-case words of the query, in order, without duplicates. */
  tokens: string[];
  /** The query as typed, normalised (lower case, collapsed whitespace). */
  text: string;
  /** to_tsquery('simple', ...) input: every token as a prefix, all required. Null: nothing to search. */
  tsquery: string | null;
  /** Lower-case names that count as an exact match ("login count 5m" also means login_count_5m). */
  exactNames: string[];
  /** LIKE pattern for names starting with the query (snake_case joined), escaped. */
  namePrefixPattern: string | null;
  /** Input of pg_trgm word_similarity against the name's words; null for very short queries. */
  trigramText: string | null;
  /** How many edits each token may be from a word of the registry (same order as tokens). */
  typoEdits: number[];
}

/** Lexicon words are 3..40 characters (migration 0011); longer tokens are not corrected. */
const MAX_TYPO_WORD_LENGTH = 40;

/**
 * How many edits (Levenshtein: insert, delete, substitute; a swap of two letters is two) a query
 * word may be from a word of the registry: none for one or two characters, one for three or four
 * ("logn" -> "login"), two from five ("lgoin" -> "login", "atempt" -> "attempts"). Two edits on a
 * three-letter word would turn it into almost any short word. Words without a letter (numbers,
 * "15") are not corrected.
 */
export function maxTypoEdits(word: string): number {
  const length = [...word].length;
  if (length < 3 || length > MAX_TYPO_WORD_LENGTH || !/\p{L}/u.test(word)) return 0;
  return length < 5 ? 1 : 2;
}

/** Lower case, NFKC, no control characters, single spaces, at most MAX_QUERY_LENGTH characters. */
export function normalizeQueryText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/** Words of a text: runs of letters and digits; "login_count_5m" -> login, count, 5m. */
export function queryTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0].slice(0, MAX_TOKEN_LENGTH);
    if (!tokens.includes(token)) tokens.push(token);
    if (tokens.length === MAX_TOKENS) break;
  }
  return tokens;
}

/** Escapes LIKE wildcards (names are full of "_") with the default backslash escape. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function parseSearchQuery(raw: string): ParsedQuery {
  const text = normalizeQueryText(raw);
  const tokens = queryTokens(text);
  if (tokens.length === 0) {
    return { tokens, text, tsquery: null, exactNames: [], namePrefixPattern: null, trigramText: null, typoEdits: [] };
  }
  const snake = tokens.join("_");
  const exactNames = unique([text, snake, text.replace(/ /g, "_")]);
  const letters = tokens.join("").length;
  return {
    tokens,
    text,
    tsquery: tokens.map((token) => `${token}:*`).join(" & "),
    exactNames,
    namePrefixPattern: `${escapeLike(snake)}%`,
    trigramText: letters >= MIN_TRIGRAM_LETTERS ? tokens.join(" ") : null,
    typoEdits: tokens.map(maxTypoEdits),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}
