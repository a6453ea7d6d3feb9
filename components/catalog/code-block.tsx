import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";

hljs.registerLanguage("sql", sql);
hljs.registerLanguage("python", python);
hljs.registerLanguage("typescript", typescript);

const LANGUAGES = new Set(["sql", "python", "typescript"]);

/** Server-side highlighted code; highlight.js escapes the source, so the HTML is safe. */
export function CodeBlock({ code, language, label }: { code: string; language: string; label?: string }) {
  const lang = LANGUAGES.has(language) ? language : "sql";
  const html = hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
  return (
    <figure className="overflow-hidden rounded-md border border-slate-200">
      {label ? (
        <figcaption className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-500">
          {label}
        </figcaption>
      ) : null}
      <pre className="hljs-block overflow-x-auto bg-slate-950 p-3 text-xs leading-relaxed text-slate-100">
        <code className={`language-${lang}`} dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </figure>
  );
}
