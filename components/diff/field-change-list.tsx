import { Fragment } from "react";
import type { ReactNode } from "react";
import { changeLabel, fullValue, summariseValue, type FieldChange } from "@/lib/diff/field-values";

const MARK: Record<FieldChange["change"], { sign: string; className: string }> = {
  added: { sign: "+", className: "text-emerald-700" },
  removed: { sign: "−", className: "text-red-700" },
  changed: { sign: "~", className: "text-amber-700" },
};

/** What "Show whole value" opens: both sides in full. */
export type RenderWholeValue = (change: FieldChange, labels: { before: string; after: string }) => ReactNode;

// Without a highlighter (client bundles): each side as plain text or indented JSON.
const plainWholeValue: RenderWholeValue = (change, labels) => (
  <div className="grid gap-2 md:grid-cols-2">
    {(["before", "after"] as const).map((side) =>
      change[side] === undefined ? null : (
        <figure key={side} className="min-w-0 rounded-md border border-slate-200">
          <figcaption className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-500">
            {labels[side]}
          </figcaption>
          <pre className="code-surface max-h-80 overflow-auto whitespace-pre-wrap break-words p-2 text-xs">
            {fullValue(change[side])}
          </pre>
        </figure>
      ),
    )}
  </div>
);

/**
 * The field-change table itself, free of server code so client forms (save conflicts) can
 * use it: one row per changed path (`spec.ttl  1d → 2d`, a tag added or removed), each side
 * on one line, and "Show whole value" under a row whose value is nested, long or code.
 * Server pages use FieldChangeTable, which expands into highlighted code diffs.
 */
export function FieldChangeList({
  changes,
  beforeLabel = "Before",
  afterLabel = "After",
  hidePaths = [],
  emptyText = "No differences.",
  limit,
  label = "Changed fields",
  renderWhole = plainWholeValue,
}: {
  changes: readonly FieldChange[];
  beforeLabel?: string;
  afterLabel?: string;
  /** Paths another component shows (the transformation code beside its CodeDiff). */
  hidePaths?: readonly string[];
  /** Null renders nothing when no field changed. */
  emptyText?: string | null;
  /** Show this many rows, the rest behind "Show N more". */
  limit?: number;
  label?: string;
  renderWhole?: RenderWholeValue;
}) {
  const shown = changes.filter((change) => !hidePaths.includes(change.path));
  if (shown.length === 0) return emptyText === null ? null : <p className="text-sm text-slate-600">{emptyText}</p>;
  const first = limit === undefined ? shown : shown.slice(0, limit);
  const rest = shown.slice(first.length);
  const labels = { before: beforeLabel, after: afterLabel };
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={label} data-testid="field-changes">
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
          {first.map((change, index) => (
            <ChangeRows key={index} change={change} labels={labels} renderWhole={renderWhole} />
          ))}
        </tbody>
        {rest.length > 0 ? (
          <tbody>
            <tr>
              <td colSpan={3} className="p-0">
                <details className="group">
                  <summary className="cursor-pointer py-1 text-xs text-brand-700 hover:underline">
                    <span className="group-open:hidden">Show {rest.length} more changes</span>
                    <span className="hidden group-open:inline">Hide {rest.length} changes</span>
                  </summary>
                  <table className="w-full text-left text-sm">
                    <tbody>
                      {rest.map((change, index) => (
                        <ChangeRows key={index} change={change} labels={labels} renderWhole={renderWhole} />
                      ))}
                    </tbody>
                  </table>
                </details>
              </td>
            </tr>
          </tbody>
        ) : null}
      </table>
    </div>
  );
}

function ChangeRows({
  change,
  labels,
  renderWhole,
}: {
  change: FieldChange;
  labels: { before: string; after: string };
  renderWhole: RenderWholeValue;
}) {
  const mark = MARK[change.change];
  const { path, listItem } = changeLabel(change);
  const before = summariseValue(change.before);
  const after = summariseValue(change.after);
  return (
    <Fragment>
      <tr className="border-t border-slate-100 align-top" data-field-change={change.change} data-path={change.path}>
        <td className="py-1 pr-3">
          <span className={`mr-1 font-mono ${mark.className}`} aria-hidden="true">
            {mark.sign}
          </span>
          <span className="sr-only">{change.change}: </span>
          <code className="break-all text-xs">{path}</code>
          {listItem ? <span className="ml-1 text-xs text-slate-500">({change.change})</span> : null}
        </td>
        <td className="break-all py-1 pr-3 font-mono text-xs text-red-800">{before.text}</td>
        <td className="break-all py-1 font-mono text-xs text-emerald-800">{after.text}</td>
      </tr>
      {before.expandable || after.expandable ? (
        <tr data-path={change.path}>
          <td colSpan={3} className="pb-2">
            <details>
              <summary className="cursor-pointer text-xs text-brand-700 hover:underline">
                Show whole value of <code>{path}</code>
              </summary>
              <div className="mt-1">{renderWhole(change, labels)}</div>
            </details>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
