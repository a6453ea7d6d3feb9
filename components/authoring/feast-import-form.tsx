"use client";

import { ApiError, fetchJson } from "@/lib/fetch-json";
import { catalogHref } from "@/lib/routes";
import { KIND_LABELS } from "@/lib/kinds";
import Link from "next/link";
import { useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { FeastImportSummary } from "@/lib/data/definitions";

type State =
  | { status: "idle" }
  | { status: "working"; dryRun: boolean }
  | { status: "done"; dryRun: boolean; report: FeastImportSummary }
  | { status: "error"; message: string; fields?: Array<{ path: string; message: string }> };

/**
 * Upload a `feast registry-dump` JSON: preview what it would change, then import it. Posts to
 * the API (dumps can be larger than a server action accepts); the session authenticates.
 */
export function FeastImportForm() {
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: "idle" });

  const send = async (dryRun: boolean) => {
    if (text === null) return;
    setState({ status: "working", dryRun });
    try {
      const report = await fetchJson<FeastImportSummary>(`/api/v1/imports/feast${dryRun ? "?dryRun=true" : ""}`, {
        body: text,
      });
      setState({ status: "done", dryRun, report });
    } catch (error) {
      setState(
        error instanceof ApiError
          ? { status: "error", message: error.message, fields: error.fields }
          : { status: "error", message: "The server could not be reached. Try again." },
      );
    }
  };

  const isWorking = state.status === "working";
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="feast-dump" className="mb-1 block text-sm font-medium">
          Registry dump (JSON)
        </label>
        <input
          ref={input}
          id="feast-dump"
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setState({ status: "idle" });
            setFileName(file?.name ?? null);
            setText(file ? await file.text() : null);
          }}
          className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <p className="mt-1 text-xs text-slate-500">
          Made with <code>feast registry-dump &gt; registry.json</code> in the Feast repository.
        </p>
      </div>
      <div className="flex gap-2">
        <Button type="button" variant="secondary" disabled={text === null || isWorking} onClick={() => send(true)}>
          {isWorking && state.dryRun ? "Checking…" : "Preview"}
        </Button>
        <Button type="button" disabled={text === null || isWorking} onClick={() => send(false)}>
          {isWorking && !state.dryRun ? "Importing…" : "Import"}
        </Button>
      </div>
      {state.status === "error" ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">
            {fileName ? `${fileName}: ` : ""}
            {state.message}
          </p>
          {state.fields?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {state.fields.map((field) => (
                <li key={`${field.path}:${field.message}`}>
                  <code className="text-xs">{field.path}</code>: {field.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.status === "done" ? <ImportReport report={state.report} dryRun={state.dryRun} /> : null}
    </div>
  );
}

function ImportReport({ report, dryRun }: { report: FeastImportSummary; dryRun: boolean }) {
  const changed = report.created.length + report.updated.length;
  return (
    <section
      role="status"
      aria-label="Import report"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="import-report"
    >
      <p className="font-medium">
        {dryRun ? "Preview" : "Imported"}
        {report.project ? ` from Feast project ${report.project}` : ""}:{" "}
        {changed === 0
          ? `nothing to change (${report.unchanged} unchanged).`
          : `${report.created.length} ${dryRun ? "to create" : "created"}, ${report.updated.length} ${dryRun ? "to update" : "updated"}, ${report.unchanged} unchanged, ${report.skipped.length} skipped.`}
      </p>
      {report.created.length > 0 ? (
        <div>
          <h3 className="font-medium text-emerald-800">{dryRun ? "To create" : "Created"}</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {report.created.map((item) => (
              <li key={`${item.kind}:${item.name}`}>
                <Badge tone="good">{KIND_LABELS[item.kind].one}</Badge>{" "}
                {dryRun ? (
                  item.name
                ) : (
                  <Link className="text-brand-700 hover:underline" href={catalogHref(item.kind, item.name, "versions")}>
                    {item.name}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.updated.length > 0 ? (
        <div>
          <h3 className="font-medium text-amber-800">{dryRun ? "To update" : "Updated"}</h3>
          <ul className="mt-1 space-y-1">
            {report.updated.map((item) => (
              <li key={`${item.kind}:${item.name}`}>
                <Badge tone="warn">{KIND_LABELS[item.kind].one}</Badge> {item.name}:{" "}
                <span className="text-slate-600">{item.changes.map((change) => change.path).join(", ")}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.skipped.length > 0 ? (
        <div>
          <h3 className="font-medium text-slate-700">Skipped</h3>
          <ul className="mt-1 list-disc pl-5">
            {report.skipped.map((item, i) => (
              <li key={i}>
                {item.kind} {item.name ? <code className="text-xs">{item.name}</code> : null}: {item.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.warnings.length > 0 ? (
        <div>
          <h3 className="font-medium text-amber-800">Warnings</h3>
          <ul className="mt-1 list-disc pl-5">
            {report.warnings.map((item, i) => (
              <li key={i}>
                {item.kind} {item.name ? <code className="text-xs">{item.name}</code> : null}: {item.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
