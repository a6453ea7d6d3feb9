import { Badge } from "@/components/ui/badge";
import type { FieldChange } from "@/lib/definitions/diff";

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value.length > 160 ? `${value.slice(0, 160)}…` : value;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

const TONES = { added: "good", removed: "bad", changed: "warn" } as const;

/** Field-level changes; the transformation code is shown side by side elsewhere. */
export function FieldChanges({ changes, target }: { changes: FieldChange[]; target: string }) {
  const fields = changes.filter((change) => change.path !== "transformation.code");
  if (fields.length === 0) return null;
  return (
    <table className="w-full text-sm" aria-label="Changed fields">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3">
            Field
          </th>
          <th scope="col" className="py-1 pr-3">
            Change
          </th>
          <th scope="col" className="py-1 pr-3">
            In {target}
          </th>
          <th scope="col" className="py-1">
            Requested
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {fields.map((change) => (
          <tr key={change.path}>
            <td className="py-1 pr-3 font-mono text-xs">{change.path}</td>
            <td className="py-1 pr-3">
              <Badge tone={TONES[change.change]}>{change.change}</Badge>
            </td>
            <td className="break-all py-1 pr-3 font-mono text-xs text-red-800">{show(change.before)}</td>
            <td className="break-all py-1 font-mono text-xs text-emerald-800">{show(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
