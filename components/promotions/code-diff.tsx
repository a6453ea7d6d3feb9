import { collapseUnchanged, sideBySideDiff } from "@/lib/promotions/line-diff";

const ROW_CLASSES = {
  same: ["", ""],
  changed: ["bg-red-50", "bg-emerald-50"],
  removed: ["bg-red-50", "bg-slate-50"],
  added: ["bg-slate-50", "bg-emerald-50"],
} as const;

/** Transformation code of the target's version and the requested one, side by side. */
export function CodeDiff({
  before,
  after,
  language,
  target,
}: {
  before: string;
  after: string;
  language: string;
  target: string;
}) {
  const rows = collapseUnchanged(sideBySideDiff(before, after));
  if (before === after) return <p className="text-sm text-slate-500">The {language} transformation is unchanged.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table
        className="w-full table-fixed border-collapse font-mono text-xs"
        aria-label={`${language} transformation, ${target} and requested`}
      >
        <thead className="bg-slate-50 text-left font-sans text-xs text-slate-500">
          <tr>
            <th scope="col" className="w-10 px-2 py-1" aria-label="Line" />
            <th scope="col" className="px-2 py-1">
              Active in {target}
            </th>
            <th scope="col" className="w-10 px-2 py-1" aria-label="Line" />
            <th scope="col" className="px-2 py-1">
              Requested
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            row.type === "skipped" ? (
              <tr key={index} className="bg-slate-100 text-center font-sans text-slate-500">
                <td colSpan={4} className="px-2 py-0.5">
                  {row.count} unchanged line{row.count === 1 ? "" : "s"}
                </td>
              </tr>
            ) : (
              <tr key={index} data-change={row.type}>
                <td className="select-none px-2 text-right text-slate-400">{row.left?.number}</td>
                <td className={`whitespace-pre-wrap break-all px-2 ${ROW_CLASSES[row.type][0]}`}>
                  {row.type !== "same" && row.left ? <span className="sr-only">removed: </span> : null}
                  {row.left?.text}
                </td>
                <td className="select-none border-l border-slate-200 px-2 text-right text-slate-400">
                  {row.right?.number}
                </td>
                <td className={`whitespace-pre-wrap break-all px-2 ${ROW_CLASSES[row.type][1]}`}>
                  {row.type !== "same" && row.right ? <span className="sr-only">added: </span> : null}
                  {row.right?.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
