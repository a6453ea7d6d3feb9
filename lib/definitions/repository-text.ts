import YAML from "yaml";
import { lineColumnAt, parseJsonText, refuseNulBytes, type SyntaxResult } from "@/lib/json-text";
import { formatZodIssues, repositoryDocumentSchema, type ParseRepositoryResult } from "@/lib/definitions/schema";

// Apart from the schema so the browser's editor bundle (which imports the schema) carries no YAML parser.

/** Parse a repository document written as YAML or JSON, then check it against the schema. */
export function parseRepositoryText(text: string, contentType?: string): ParseRepositoryResult {
  const syntax = isJson(text, contentType) ? parseJsonText(text) : parseYamlText(text);
  if (!syntax.ok) return { ok: false, status: 400, error: syntax.error };
  if (syntax.value === null || syntax.value === undefined) {
    return { ok: false, status: 422, issues: [{ path: "", message: "The document is empty" }] };
  }
  const parsed = repositoryDocumentSchema.safeParse(syntax.value);
  if (!parsed.success) return { ok: false, status: 422, issues: formatZodIssues(parsed.error) };
  return { ok: true, document: parsed.data };
}

function isJson(text: string, contentType?: string): boolean {
  const type = contentType?.toLowerCase() ?? "";
  if (type.includes("json")) return true;
  if (type.includes("yaml") || type.includes("yml")) return false;
  return /^\s*[{[]/.test(text);
}

function parseYamlText(text: string): SyntaxResult {
  const document = YAML.parseDocument(text);
  const first = document.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    const { line, column } = at ? { line: at.line, column: at.col } : lineColumnAt(text, first.pos[0]);
    // prettyErrors appends " at line N, column M:" and a code excerpt; line/column are fields here.
    const message = (first.message.split("\n")[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, "");
    return { ok: false, error: { message, line, column } };
  }
  try {
    return refuseNulBytes(text, document.toJS({ maxAliasCount: 100 }) as unknown);
  } catch (error) {
    // An alias bomb ("billion laughs") stops at maxAliasCount with a ReferenceError.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message: `Cannot expand the document: ${message}`, line: 1, column: 1 } };
  }
}
