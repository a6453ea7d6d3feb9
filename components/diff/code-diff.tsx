import { codeLanguage, guessCodeLanguage, highlightLines } from "@/lib/code/highlight";
import { collapseUnchanged, sideBySideDiff, type DiffRow, type DiffSegment } from "@/lib/diff/line-diff";

/** Each side's lines as highlighted HTML, looked up by line number. */
type Highlighted = { left: readonly string[]; right: readonly string[] };

type Group = { folded: boolean; rows: DiffRow[] };

/** Consecutive shown rows share one tbody; each folded run gets its own. */
function groups(segments: readonly DiffSegment[]): Group[] {
  const out: Group[] = [];
  for (const segment of segments) {
    if (segment.type === "skipped") out.push({ folded: true, rows: segment.rows });
    else if (out.at(-1)?.folded === false) out.at(-1)!.rows.push(segment);
    else out.push({ folded: false, rows: [segment] });
  }
  return out;
}

const CELL_CLASSES = {
  same: ["", ""],
  changed: ["bg-red-50", "bg-emerald-50"],
  removed: ["bg-red-50", "bg-slate-50"],
  added: ["bg-slate-50", "bg-emerald-50"],
} as const;

/** Line-number and code columns, the same widths in the table and in an unfolded run. */
function Columns() {
  return (
    <colgroup>
      <col className="w-10" />
      <col />
      <col className="w-10" />
      <col />
    </colgroup>
  );
}

function Row({ row, html }: { row: DiffRow; html: Highlighted }) {
  return (
    <tr data-change={row.type}>
      <td className="select-none px-2 text-right align-top text-slate-400">{row.left?.number}</td>
      <td className={`whitespace-pre-wrap break-all px-2 ${CELL_CLASSES[row.type][0]}`}>
        {row.type !== "same" && row.left ? <span className="sr-only">removed: </span> : null}
        {row.left ? <Code html={html.left[row.left.number - 1]} text={row.left.text} /> : null}
      </td>
      <td className="select-none border-l border-slate-200 px-2 text-right align-top text-slate-400">
        {row.right?.number}
      </td>
      <td className={`whitespace-pre-wrap break-all px-2 ${CELL_CLASSES[row.type][1]}`}>
        {row.type !== "same" && row.right ? <span className="sr-only">added: </span> : null}
        {row.right ? <Code html={html.right[row.right.number - 1]} text={row.right.text} /> : null}
      </td>
    </tr>
  );
}

/** highlight.js escapes the source (lib/code/highlight.ts), so its HTML is safe to insert. */
function Code({ html, text }: { html: string | undefined; text: string }) {
  return html === undefined ? text : <span dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The one code diff: two texts side by side, every line of both on its own side, long unchanged
 * runs folded behind a "Show N unchanged lines" toggle. Server-rendered HTML (no editor bundle).
 */
export function CodeDiff({
  before,
  after,
  label,
  beforeLabel,
  afterLabel,
  language,
}: {
  before: string;
  after: string;
  /** Names the table for screen readers and tests: "Definition as YAML". */
  label: string;
  beforeLabel: string;
  afterLabel: string;
  /** "sql", "python", "yaml"…; guessed from the code when not given. */
  language?: string;
}) {
  if (before === after) return <p className="text-sm text-slate-500">Unchanged.</p>;
  const parts = groups(collapseUnchanged(sideBySideDiff(before, after)));
  const lang = language ? codeLanguage(language) : guessCodeLanguage(`${before}\n${after}`);
  const html = { left: highlightLines(before, lang), right: highlightLines(after, lang) };
  return (
    <div className="code-surface max-w-full overflow-x-auto rounded-md border border-slate-200" data-language={lang}>
      <table className="w-full table-fixed border-collapse font-mono text-xs" aria-label={label}>
        <Columns />
        <thead className="bg-slate-50 text-left font-sans text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1">
              <span className="sr-only">Line</span>
            </th>
            <th scope="col" className="px-2 py-1">
              {beforeLabel}
            </th>
            <th scope="col" className="px-2 py-1">
              <span className="sr-only">Line</span>
            </th>
            <th scope="col" className="px-2 py-1">
              {afterLabel}
            </th>
          </tr>
        </thead>
        {parts.map((part, index) =>
          part.folded ? (
            <tbody key={index}>
              <tr>
                <td colSpan={4} className="p-0">
                  <details className="group">
                    <summary className="cursor-pointer list-none bg-slate-100 px-2 py-0.5 text-center font-sans text-slate-600 hover:bg-slate-200">
                      <span className="group-open:hidden">Show {part.rows.length} unchanged lines</span>
                      <span className="hidden group-open:inline">Hide {part.rows.length} unchanged lines</span>
                    </summary>
                    <table className="w-full table-fixed border-collapse">
                      <Columns />
                      <tbody>
                        {part.rows.map((row, rowIndex) => (
                          <Row key={rowIndex} row={row} html={html} />
                        ))}
                      </tbody>
                    </table>
                  </details>
                </td>
              </tr>
            </tbody>
          ) : (
            <tbody key={index}>
              {part.rows.map((row, rowIndex) => (
                <Row key={rowIndex} row={row} html={html} />
              ))}
            </tbody>
          ),
        )}
      </table>
    </div>
  );
}
