"use client";

import { formatNumber } from "@/lib/format";
import { useId, useState, type ReactNode } from "react";
import { downloadText } from "@/components/ui/download";
import { toCsv } from "@/lib/csv";

export interface ChartColumn<Row> {
  label: string;
  value: (row: Row) => unknown;
  /** Display form in the data table (the CSV keeps the raw value). */
  format?: (row: Row) => ReactNode;
}

/**
 * A chart with what every chart here needs: a title, an accessible data table of the same
 * numbers (a disclosure, so keyboard and screen-reader users get the data), and a CSV download.
 */
export function ChartFrame<Row>({
  title,
  description,
  rows,
  columns,
  filename,
  children,
  testId,
  footer,
}: {
  title: string;
  description?: ReactNode;
  rows: readonly Row[];
  columns: readonly ChartColumn<Row>[];
  filename: string;
  children: ReactNode;
  testId?: string;
  footer?: ReactNode;
}) {
  const headingId = useId();
  // Long series (1,440 minutes) would put thousands of cells in the page: render them on opening.
  const [isTableOpen, setTableOpen] = useState(false);
  const download = () => downloadText(toCsv(rows, columns), `${filename}.csv`, "text/csv;charset=utf-8");
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid={testId}
    >
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold text-slate-800">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-slate-500">{description}</p> : null}
        </div>
        <button
          type="button"
          onClick={download}
          disabled={rows.length === 0}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:text-slate-400"
        >
          Download CSV
        </button>
      </header>
      <div className="p-4">
        {rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-500">No data in this range.</p>
        ) : (
          children
        )}
        {footer}
        <details className="mt-3 text-sm" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
          <summary className="cursor-pointer text-xs font-medium text-brand-700">
            Data table ({rows.length} rows)
          </summary>
          {isTableOpen ? (
            <div className="mt-2 max-h-80 overflow-auto rounded border border-slate-200">
              <table className="min-w-full text-xs">
                <caption className="sr-only">{title}</caption>
                <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
                  <tr>
                    {columns.map((column) => (
                      <th key={column.label} scope="col" className="px-2 py-1 font-semibold">
                        {column.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {rows.map((row, index) => (
                    <tr key={index}>
                      {columns.map((column) => (
                        <td key={column.label} className="px-2 py-1">
                          {column.format ? column.format(row) : formatCell(column.value(row))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </details>
      </div>
    </section>
  );
}

function formatCell(value: unknown): ReactNode {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") return Number.isInteger(value) ? formatNumber(value) : value.toFixed(3);
  return String(value);
}
