"use client";

import { catalogHref } from "@/lib/routes";
import { KIND_LABELS } from "@/lib/kinds";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FeastEnvironmentField } from "@/components/authoring/feast-environment-field";
import { JobProgress } from "@/components/jobs/job-progress";
import { isJobFinished, useJob, type AcceptedJob } from "@/components/jobs/use-job";
import type { FeastImportSummary as ImportSummary } from "@/lib/data/definitions";

type FeastImportSummary = ImportSummary & { workspace?: string; newWorkspace?: boolean };

interface ApiErrorBody {
  error: { message: string; fields?: Array<{ path: string; message: string }>; details?: { projects?: string[] } };
}

type State =
  | { status: "idle" }
  | { status: "working"; dryRun: boolean }
  /** The server runs it as a background job: its progress is polled. */
  | { status: "job"; dryRun: boolean; accepted: AcceptedJob["job"] }
  | { status: "done"; dryRun: boolean; report: FeastImportSummary }
  | { status: "error"; message: string; fields?: Array<{ path: string; message: string }>; projects?: string[] };

interface Upload {
  name: string;
  bytes: ArrayBuffer;
  /** A registry.db (protobuf) rather than registry-dump JSON. */
  binary: boolean;
}

/** registry.db is binary; a dump is JSON text (its first character is "{"). */
function isBinary(name: string, bytes: ArrayBuffer): boolean {
  if (/\.json$/i.test(name)) return false;
  if (/\.(db|pb)$/i.test(name)) return true;
  const first = new Uint8Array(bytes.slice(0, 64)).find(
    (byte) => ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte),
  );
  return first !== 0x7b;
}

/**
 * Upload Feast's registry.db or a `feast registry-dump` JSON: the server first answers the plan
 * (a dry run), which is applied only when the user confirms it. Posts to the API (registries can
 * be larger than a server action accepts); the session authenticates.
 */
export function FeastImportForm({ environments }: { environments: string[] }) {
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [project, setProject] = useState("");
  const [newWorkspace, setNewWorkspace] = useState(false);
  const [environment, setEnvironment] = useState(environments[0] ?? "dev");
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<State>({ status: "idle" });

  const choose = async (file: File | undefined) => {
    setState({ status: "idle" });
    setProject("");
    if (!file) return setUpload(null);
    const bytes = await file.arrayBuffer();
    setUpload({ name: file.name, bytes, binary: isBinary(file.name, bytes) });
  };

  const send = async (dryRun: boolean) => {
    if (upload === null) return;
    setState({ status: "working", dryRun });
    const query = new URLSearchParams();
    if (dryRun) query.set("dryRun", "true");
    if (project) query.set("project", project);
    if (newWorkspace) query.set("newWorkspace", "true");
    query.set("environment", environment);
    try {
      const response = await fetch(`/api/v1/imports/feast?${query.toString()}`, {
        method: "POST",
        // Run as a background job: the page shows its progress, other pages stay responsive.
        headers: {
          "content-type": upload.binary ? "application/octet-stream" : "application/json",
          prefer: "respond-async",
        },
        body: upload.bytes,
      });
      const body = (await response.json()) as FeastImportSummary | AcceptedJob | ApiErrorBody;
      if (!response.ok || "error" in body) {
        setState(errorState("error" in body ? body : { error: { message: `HTTP ${response.status}` } }));
        return;
      }
      if ("job" in body) {
        setState({ status: "job", dryRun, accepted: body.job });
        return;
      }
      setState({ status: "done", dryRun, report: body });
    } catch {
      setState({ status: "error", message: "The server could not be reached. Try again." });
    }
  };

  const isWorking = state.status === "working" || state.status === "job";
  const planned = state.status === "done" && state.dryRun;
  const fileName = upload?.name;
  return (
    <div className="space-y-4">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void choose(event.dataTransfer.files[0]);
        }}
        className={`rounded-lg border-2 border-dashed p-4 ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300"}`}
      >
        <label htmlFor="feast-dump" className="mb-1 block text-sm font-medium">
          Feast registry: <code>registry.db</code> or registry dump (JSON)
        </label>
        <input
          ref={input}
          id="feast-dump"
          type="file"
          accept=".db,.pb,application/octet-stream,application/json,.json"
          onChange={(event) => void choose(event.target.files?.[0])}
          className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <p className="mt-1 text-xs text-slate-500">
          Drop the file here. <code>registry.db</code> is under <code>data/</code> in the Feast repository (or wherever{" "}
          <code>registry:</code> in <code>feature_store.yaml</code> points); a dump is made with{" "}
          <code>feast registry-dump &gt; registry.json</code>.
        </p>
      </div>
      {state.status === "error" && state.projects && state.projects.length > 1 ? (
        <div>
          <label htmlFor="feast-project" className="mb-1 block text-sm font-medium">
            Feast project
          </label>
          <select
            id="feast-project"
            value={project}
            onChange={(event) => setProject(event.target.value)}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            <option value="">Choose…</option>
            {state.projects.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FeastEnvironmentField
        environments={environments}
        value={environment}
        onChange={(event) => {
          setEnvironment(event.target.value);
          setState({ status: "idle" });
        }}
        help={`Its materialization history is recorded there. New versions always go to ${environments[0] ?? "dev"}; in a later environment only objects that have nothing active there yet become active, and what already runs there changes through a promotion.`}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={newWorkspace}
          onChange={(event) => {
            setNewWorkspace(event.target.checked);
            setState({ status: "idle" });
          }}
        />
        Import into a workspace named after the Feast project (created if needed; admins)
      </label>
      <div className="flex gap-2">
        <Button
          type="button"
          variant={planned ? "secondary" : "primary"}
          disabled={upload === null || isWorking}
          onClick={() => send(true)}
        >
          {isWorking && state.dryRun ? "Checking…" : "Check what would change"}
        </Button>
        <Button type="button" disabled={!planned || isWorking} onClick={() => send(false)}>
          {isWorking && !state.dryRun ? "Applying…" : "Apply this plan"}
        </Button>
      </div>
      {state.status === "job" ? (
        <ImportJob
          key={state.accepted.id}
          accepted={state.accepted}
          dryRun={state.dryRun}
          onFinished={(finished) => setState(finished)}
        />
      ) : null}
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

function errorState(body: ApiErrorBody): State {
  const { message, fields, details } = body.error;
  return { status: "error", message, fields, projects: details?.projects };
}

/** Follows the import's job: progress while it runs, then its report or its error. */
function ImportJob({
  accepted,
  dryRun,
  onFinished,
}: {
  accepted: AcceptedJob["job"];
  dryRun: boolean;
  onFinished: (state: State) => void;
}) {
  const { data: job, error } = useJob(accepted.id, accepted);
  useEffect(() => {
    if (job?.state === "succeeded") onFinished({ status: "done", dryRun, report: job.result as FeastImportSummary });
    else if (job?.state === "failed" && job.error) onFinished(errorState({ error: job.error } as ApiErrorBody));
    else if (error)
      onFinished({ status: "error", message: `The import's progress could not be read: ${error.message}` });
  }, [job, error, dryRun, onFinished]);
  if (!job || isJobFinished(job)) return <p className="text-sm text-slate-600">{dryRun ? "Checking…" : "Applying…"}</p>;
  return <JobProgress job={job} label={dryRun ? "Checking the registry" : "Importing"} />;
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
        {dryRun ? "Plan" : "Imported"}
        {report.project ? ` from Feast project ${report.project}` : ""}
        {report.workspace
          ? ` into workspace ${report.workspace}${report.newWorkspace ? (dryRun ? " (to be created)" : " (created)") : ""}`
          : ""}
        :{" "}
        {changed === 0 && report.removed.length === 0
          ? `nothing to change (${report.unchanged} unchanged, ${report.skipped.length} skipped).`
          : `${report.created.length} ${dryRun ? "to create" : "created"}, ${report.updated.length} ${dryRun ? "to update" : "updated"}, ${report.removed.length} ${dryRun ? "to remove" : "removed"}, ${report.unchanged} unchanged, ${report.skipped.length} skipped.`}
        {report.materializations > 0
          ? ` ${report.materializations} materialization ${report.materializations === 1 ? "run" : "runs"} ${dryRun ? "in the registry" : "added to the freshness history"}.`
          : ""}
      </p>
      {dryRun ? <p className="text-slate-600">Nothing is written until you apply this plan.</p> : null}
      {report.activated.length > 0 ? (
        <p>
          {report.activated.length} {report.activated.length === 1 ? "object" : "objects"}{" "}
          {dryRun ? "to become" : "became"} active in <strong>{report.environment}</strong>, where nothing of theirs ran
          yet.
        </p>
      ) : null}
      {report.awaitingPromotion.length > 0 ? (
        <div>
          <h3 className="font-medium text-amber-800">Awaiting a promotion to {report.environment}</h3>
          <p className="text-slate-600">
            These run another version in {report.environment}; the import does not change that. Promote the new versions
            to make them active there.
          </p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {report.awaitingPromotion.map((item) => (
              <li key={`${item.kind}:${item.name}`}>
                <Badge tone="warn">{KIND_LABELS[item.kind].one}</Badge> {item.name}{" "}
                <span className="text-slate-500">(runs v{item.activeVersion})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
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
      {report.removed.length > 0 ? (
        <div>
          <h3 className="font-medium text-red-800">{dryRun ? "To remove" : "Removed"} (no longer in the registry)</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {report.removed.map((item) => (
              <li key={`${item.kind}:${item.name}`}>
                <Badge tone="bad">{KIND_LABELS[item.kind].one}</Badge> {item.name}
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
