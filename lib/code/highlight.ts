import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";

/*
 * The one syntax highlighter: every code block, code diff and API example goes through here
 * (highlight.js core with the few grammars Featureline shows). Runs on the server only, so
 * its grammars never reach a page's JavaScript. highlight.js escapes the source (&, <, >, ",
 * '), so the HTML it returns is safe to insert; the token colours live in app/code-highlight.css.
 */

const GRAMMARS = { sql, python, typescript, json, bash, yaml } as const;
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);

export type CodeLanguage = keyof typeof GRAMMARS | "text";

const ALIASES: Record<string, CodeLanguage> = {
  sql: "sql",
  python: "python",
  py: "python",
  pandas: "python",
  typescript: "typescript",
  ts: "typescript",
  javascript: "typescript",
  js: "typescript",
  json: "json",
  bash: "bash",
  shell: "bash",
  sh: "bash",
  curl: "bash",
  yaml: "yaml",
  yml: "yaml",
};

/** A stored language name ("SQL", "python", "pandas", "js") as one the highlighter knows, else plain text. */
export function codeLanguage(name: string | null | undefined): CodeLanguage {
  return ALIASES[(name ?? "").trim().toLowerCase()] ?? "text";
}

/** Code of unknown language (an audit value, a Feast UDF) guessed from its first keywords. */
export function guessCodeLanguage(code: string): CodeLanguage {
  if (/^\s*(def |import |from \S+ import |class |@)/m.test(code)) return "python";
  if (/\b(select|with|insert|create)\b[\s\S]*\b(from|as|into|table)\b/i.test(code)) return "sql";
  return "text";
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

/** The code as escaped HTML with `hljs-*` token spans. */
export function highlightCode(code: string, language: CodeLanguage): string {
  if (language === "text") return escapeHtml(code);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

const TAG = /<span[^>]*>|<\/span>|\n/g;

/**
 * The highlighted code split into lines, each with balanced spans: a token that runs over
 * several lines (a docstring, a block comment) is closed at each line end and reopened on the
 * next, so a diff can place any line on its own.
 */
export function highlightLines(code: string, language: CodeLanguage): string[] {
  const html = highlightCode(code.replace(/\r\n/g, "\n"), language);
  const lines: string[] = [];
  const open: string[] = [];
  let line = "";
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    line += html.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else if (match[0] === "</span>") {
      open.pop();
      line += match[0];
    } else {
      open.push(match[0]);
      line += match[0];
    }
  }
  lines.push(line + html.slice(last));
  return lines;
}
