import type { FieldChange } from "@/lib/definitions/diff";

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string")
    return value.includes("\n") ? `${value.split("\n").length} lines of code` : JSON.stringify(value);
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const MARK: Record<FieldChange["change"], { sign: string; className: string; label: string }> = {
  added: { sign: "+", className: "text-emerald-700", label: "added" },
  removed: { sign: "−", className: "text-red-700", label: "removed" },
  changed: { sign: "~", className: "text-amber-700", label: "changed" },
};

/** Field changes as a table: path, before, after (code fields say how many lines). */
export function FieldChangeList({ changes }: { changes: readonly FieldChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">No differences.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="field-changes">
        <thead>
          <tr className="text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const mark = MARK[change.change];
            return (
              <tr key={change.path} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3">
                  <span className={`mr-1 font-mono ${mark.className}`} aria-label={mark.label}>
                    {mark.sign}
                  </span>
                  <code className="text-xs">{change.path || "(whole definition)"}</code>
                </td>
                <td className="py-1 pr-3 font-mono text-xs text-slate-600 break-all">{show(change.before)}</td>
                <td className="py-1 font-mono text-xs text-slate-900 break-all">{show(change.after)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
