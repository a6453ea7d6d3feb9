/** JSON parsing that says where the text is wrong: 1-based line and column, for 400 answers. */
export type SyntaxResult =
  { ok: true; value: unknown } | { ok: false; error: { message: string; line: number; column: number } };

export function parseJsonText(text: string): SyntaxResult {
  try {
    return refuseNulBytes(text, JSON.parse(text) as unknown);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Newer V8 says "(line 3 column 5)"; older only "at position 42"; a truncated file neither.
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) {
      return {
        ok: false,
        error: { message: cleanJsonMessage(message), line: Number(lineColumn[1]), column: Number(lineColumn[2]) },
      };
    }
    // Node 20's V8 often names no position: find the first offending character ourselves.
    return { ok: false, error: { message: cleanJsonMessage(message), ...jsonErrorAt(text) } };
  }
}

/**
 * PostgreSQL text cannot hold a NUL byte, so a parsed document carrying one (a `\u0000` escape)
 * is refused as malformed, at the escape's line and column.
 */
export function refuseNulBytes(text: string, value: unknown): SyntaxResult {
  if (!containsNulByte(value)) return { ok: true, value };
  const at = /\\u0000|\\0|\0/i.exec(text);
  return {
    ok: false,
    error: { message: "Text must not contain a NUL byte (\\u0000)", ...lineColumnAt(text, at?.index ?? 0) },
  };
}

/** True when any string or key in a parsed value holds a NUL byte. Iterative: deep nesting is fine. */
export function containsNulByte(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next === "string") {
      if (next.includes("\0")) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes("\0")) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

function cleanJsonMessage(message: string): string {
  return message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ at position \d+/, "");
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1] ?? "").length + 1 };
}

/**
 * Line and column (1-based) of the first character that makes `text` invalid JSON, found by a
 * small recursive-descent scan (only called once JSON.parse has failed).
 */
export function jsonErrorAt(text: string): { line: number; column: number } {
  let i = 0;
  const fail = (at = i): never => {
    throw at;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) fail(i + k);
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "!")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "" || match[0] === "-") fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ":") fail();
        i++;
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (char === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    if (char === '"') return string();
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return number();
    fail();
  };
  let offset = text.length;
  try {
    value();
    space();
    if (i < text.length) offset = i;
  } catch (at) {
    offset = typeof at === "number" ? Math.min(at, text.length) : text.length;
  }
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1] ?? "").length + 1 };
}
