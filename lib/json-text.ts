/** JSON parsing that says where the text is wrong: 1-based line and column, for 400 answers. */
export type SyntaxResult =
  { ok: true; value: unknown } | { ok: false; error: { message: string; line: number; column: number } };

export function parseJsonText(text: string): SyntaxResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
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
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    return { ok: false, error: { message: cleanJsonMessage(message), ...lineColumnAt(text, offset) } };
  }
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
