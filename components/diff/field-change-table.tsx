import type { FieldChange } from "@/lib/definitions/diff";

/** A value as one line: strings quoted (so "2" and 2 differ), code as its line count, long JSON cut. */
function show(value: unknown, path: string): string {
  if (value === undefined) return "—";
  if (typeof value === "string" && path.endsWith("code") && value.includes("\n"))
    return `${value.split("\n").length} lines of code`;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const MARK: Record<FieldChange["change"], { sign: string; className: string }> = {
  added: { sign: "+", className: "text-emerald-700" },
  removed: { sign: "−", className: "text-red-700" },
  changed: { sign: "~", className: "text-amber-700" },
};

/**
 * The one field-change table (version diffs, save conflicts, promotion requests): field, before,
 * after. Code fields say how many lines changed; the code itself is shown by CodeDiff.
 */
export function FieldChangeTable({
  changes,
  beforeLabel = "Before",
  afterLabel = "After",
  hidePaths = [],
  emptyText = "No differences.",
}: {
  changes: readonly FieldChange[];
  beforeLabel?: string;
  afterLabel?: string;
  /** Paths another component shows (the transformation code beside its CodeDiff). */
  hidePaths?: readonly string[];
  /** Null renders nothing when no field changed. */
  emptyText?: string | null;
}) {
  const shown = changes.filter((change) => !hidePaths.includes(change.path));
  if (shown.length === 0) return emptyText === null ? null : <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Changed fields" data-testid="field-changes">
        <thead>
          <tr className="text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {beforeLabel}
            </th>
            <th scope="col" className="py-1 font-medium">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((change) => {
            const mark = MARK[change.change];
            return (
              <tr key={change.path} className="border-t border-slate-100 align-top" data-change={change.change}>
                <td className="py-1 pr-3">
                  <span className={`mr-1 font-mono ${mark.className}`} aria-hidden="true">
                    {mark.sign}
                  </span>
                  <span className="sr-only">{change.change}: </span>
                  <code className="text-xs">{change.path || "(whole definition)"}</code>
                </td>
                <td className="break-all py-1 pr-3 font-mono text-xs text-red-800">
                  {show(change.before, change.path)}
                </td>
                <td className="break-all py-1 font-mono text-xs text-emerald-800">{show(change.after, change.path)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
