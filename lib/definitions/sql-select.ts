/*
 * The output column names of a query's top-level SELECT list, enough to check that a batch
 * feature view's SQL produces the features and join keys it declares. Not a SQL parser: it
 * tokenises, skips leading CTEs, and splits the first SELECT list on commas outside brackets
 * and CASE ... END. Anything it cannot name with certainty is reported, never guessed.
 */

export type SelectColumnsResult = { ok: true; columns: string[] } | { ok: false; reason: string };

type TokenKind = "word" | "quoted" | "string" | "number" | "punct";
interface Token {
  kind: TokenKind;
  text: string;
  /** Identifier text without quotes; keywords upper-cased in `upper`. */
  value: string;
  upper: string;
}

// Words that end a SELECT list at depth 0.
const LIST_END = new Set([
  "FROM",
  "WHERE",
  "GROUP",
  "HAVING",
  "ORDER",
  "LIMIT",
  "OFFSET",
  "UNION",
  "INTERSECT",
  "EXCEPT",
  "MINUS",
  "QUALIFY",
  "WINDOW",
  "INTO",
  "FETCH",
]);

// Words that can end an expression but are never an implicit alias.
const NOT_ALIAS = new Set([
  "AS",
  "SELECT",
  "END",
  "AND",
  "OR",
  "NOT",
  "NULL",
  "TRUE",
  "FALSE",
  "IS",
  "IN",
  "LIKE",
  "ILIKE",
  "BETWEEN",
  "THEN",
  "ELSE",
  "WHEN",
  "CASE",
  "DISTINCT",
  "INTERVAL",
]);

export function parseSelectColumns(sql: string): SelectColumnsResult {
  const lexed = tokenize(sql);
  if (!lexed.ok) return lexed;
  const tokens = lexed.tokens;
  let i = 0;

  // Leading parentheses around the whole query: "(SELECT ...)".
  while (tokens[i]?.text === "(") i++;

  if (tokens[i]?.upper === "WITH") {
    const skipped = skipCtes(tokens, i + 1);
    if (!skipped.ok) return skipped;
    i = skipped.next;
  }
  if (tokens[i]?.upper !== "SELECT") return { ok: false, reason: "No SELECT found at the top level" };
  i++;

  // Set quantifiers and row limits before the list.
  if (tokens[i]?.upper === "ALL") i++;
  if (tokens[i]?.upper === "DISTINCT") {
    i++;
    if (tokens[i]?.upper === "ON" && tokens[i + 1]?.text === "(") {
      const close = matchingParen(tokens, i + 1);
      if (close === -1) return { ok: false, reason: "Unbalanced parentheses in DISTINCT ON" };
      i = close + 1;
    }
  }
  if (tokens[i]?.upper === "TOP" && tokens[i + 1]?.kind === "number") i += 2;

  const items: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let caseDepth = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === "(") depth++;
    else if (token.text === ")") {
      if (depth === 0) break; // the end of a parenthesised query
      depth--;
    } else if (token.kind === "word" && token.upper === "CASE") caseDepth++;
    else if (token.kind === "word" && token.upper === "END" && caseDepth > 0) caseDepth--;

    if (depth === 0 && caseDepth === 0) {
      if (token.text === ",") {
        items.push(current);
        current = [];
        continue;
      }
      if (token.text === ";" || (token.kind === "word" && LIST_END.has(token.upper))) break;
    }
    current.push(token);
  }
  if (depth !== 0) return { ok: false, reason: "Unbalanced parentheses in the SELECT list" };
  if (caseDepth !== 0) return { ok: false, reason: "CASE without END in the SELECT list" };
  items.push(current);

  const columns: string[] = [];
  for (const [index, item] of items.entries()) {
    const named = columnName(item);
    if (!named.ok) return { ok: false, reason: `Column ${index + 1}: ${named.reason}` };
    columns.push(named.name);
  }
  return { ok: true, columns };
}

function columnName(item: Token[]): { ok: true; name: string } | { ok: false; reason: string } {
  const last = item[item.length - 1];
  if (!last) return { ok: false, reason: "empty select item" };
  const previous = item[item.length - 2];
  if (last.text === "*" && (item.length === 1 || previous?.text === ".")) {
    return { ok: false, reason: "SELECT * (or t.*) hides the column names, so they cannot be checked" };
  }
  const isName = last.kind === "quoted" || (last.kind === "word" && !NOT_ALIAS.has(last.upper));
  if (isName) {
    if (item.length === 1) return { ok: true, name: last.value };
    if (previous?.kind === "word" && previous.upper === "AS") return { ok: true, name: last.value };
    // t.a or schema.t.a: a qualified column keeps its last part.
    if (previous?.text === "." && isQualifiedReference(item)) return { ok: true, name: last.value };
    // "expr name": an implicit alias follows a complete operand, never an operator.
    if (previous && isOperandEnd(previous)) return { ok: true, name: last.value };
  }
  return {
    ok: false,
    reason: `"${item.map((token) => token.text).join(" ")}" has no alias, so its output name depends on the engine`,
  };
}

function isQualifiedReference(item: Token[]): boolean {
  return item.every((token, index) =>
    index % 2 === 0 ? token.kind === "word" || token.kind === "quoted" : token.text === ".",
  );
}

function isOperandEnd(token: Token): boolean {
  if (token.text === ")" || token.kind === "string" || token.kind === "number" || token.kind === "quoted") {
    return true;
  }
  return token.kind === "word" && (token.upper === "END" || !NOT_ALIAS.has(token.upper));
}

function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.text === "(") depth++;
    else if (tokens[i]!.text === ")" && --depth === 0) return i;
  }
  return -1;
}

/** `[RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (query) [, ...]`; returns the index after. */
function skipCtes(tokens: Token[], start: number): { ok: true; next: number } | { ok: false; reason: string } {
  let i = start;
  if (tokens[i]?.upper === "RECURSIVE") i++;
  for (;;) {
    const name = tokens[i];
    if (!name || (name.kind !== "word" && name.kind !== "quoted")) {
      return { ok: false, reason: "Expected a CTE name after WITH" };
    }
    i++;
    if (tokens[i]?.text === "(") {
      const close = matchingParen(tokens, i);
      if (close === -1) return { ok: false, reason: `Unbalanced parentheses in CTE "${name.value}"` };
      i = close + 1;
    }
    if (tokens[i]?.upper !== "AS") return { ok: false, reason: `Expected AS after CTE "${name.value}"` };
    i++;
    if (tokens[i]?.upper === "NOT") i++;
    if (tokens[i]?.upper === "MATERIALIZED") i++;
    if (tokens[i]?.text !== "(") return { ok: false, reason: `Expected ( after "${name.value} AS"` };
    const close = matchingParen(tokens, i);
    if (close === -1) return { ok: false, reason: `Unbalanced parentheses in CTE "${name.value}"` };
    i = close + 1;
    if (tokens[i]?.text !== ",") return { ok: true, next: i };
    i++;
  }
}

function tokenize(sql: string): { ok: true; tokens: Token[] } | { ok: false; reason: string } {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string, value = text) =>
    tokens.push({ kind, text, value, upper: kind === "word" ? value.toUpperCase() : value });
  let i = 0;
  while (i < sql.length) {
    const char = sql[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (sql.startsWith("--", i)) {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      if (end === -1) return { ok: false, reason: "Unterminated /* comment" };
      i = end + 2;
    } else if (char === "'" || char === '"' || char === "`") {
      // A doubled quote inside is an escaped quote, in all three quoting styles.
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= sql.length) {
          return { ok: false, reason: char === "'" ? "Unterminated string literal" : "Unterminated quoted identifier" };
        }
        if (sql[j] === char) {
          if (sql[j + 1] === char) {
            value += char;
            j += 2;
            continue;
          }
          break;
        }
        value += sql[j];
        j++;
      }
      push(char === "'" ? "string" : "quoted", sql.slice(i, j + 1), value);
      i = j + 1;
    } else if (char === "[") {
      const end = sql.indexOf("]", i);
      if (end === -1) return { ok: false, reason: "Unterminated [identifier]" };
      push("quoted", sql.slice(i, end + 1), sql.slice(i + 1, end));
      i = end + 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][\w$]*/.exec(sql.slice(i))!;
      push("word", match[0]);
      i += match[0].length;
    } else if (/\d/.test(char) || (char === "." && /\d/.test(sql[i + 1] ?? ""))) {
      const match = /^(\d*\.?\d+(e[+-]?\d+)?|\d+\.)/i.exec(sql.slice(i))!;
      push("number", match[0]);
      i += match[0].length;
    } else if (sql.startsWith("::", i)) {
      push("punct", "::");
      i += 2;
    } else {
      push("punct", char);
      i++;
    }
  }
  return { ok: true, tokens };
}
