import { codeLanguage, highlightCode } from "@/lib/code/highlight";

/**
 * The one code block (feature view SQL, on-demand Python, Feast UDFs, API examples):
 * highlighted on the server by lib/code/highlight.ts, which escapes the source. Long lines
 * scroll inside the block, never the page; `wrap` folds them instead.
 */
export function CodeBlock({
  code,
  language,
  label,
  wrap = false,
  maxHeight,
}: {
  code: string;
  /** A stored language name ("sql", "python", "pandas", "bash", "json"); unknown ones show plain. */
  language: string;
  label?: string;
  wrap?: boolean;
  /** Scroll vertically past this height, e.g. "20rem". */
  maxHeight?: string;
}) {
  const lang = codeLanguage(language);
  return (
    <figure className="min-w-0 max-w-full overflow-hidden rounded-md border border-slate-200" data-language={lang}>
      {label ? (
        <figcaption className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-500">
          {label}
        </figcaption>
      ) : null}
      <pre
        className={`code-surface overflow-auto p-3 text-xs leading-relaxed ${wrap ? "whitespace-pre-wrap break-words" : "whitespace-pre"}`}
        style={maxHeight ? { maxHeight } : undefined}
        tabIndex={0}
      >
        <code className={`language-${lang}`} dangerouslySetInnerHTML={{ __html: highlightCode(code, lang) }} />
      </pre>
    </figure>
  );
}
