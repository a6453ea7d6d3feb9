"use client";

import { catalogHref } from "@/lib/routes";
import { KIND_LABELS, kindWord } from "@/lib/kinds";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import dynamic from "next/dynamic";
import { saveDefinitionAction, type SaveActionResult } from "@/app/(app)/authoring/actions";
import { Button } from "@/components/ui/button";
import { FieldChangeList } from "@/components/diff/field-change-list";
import {
  existingNames,
  messagesByPath,
  topField,
  type AnyDraft,
  type DataSourceDraft,
  type EditorContext,
  type EntityDraft,
  type FeatureServiceDraft,
  type FeatureViewDraft,
  type ModelDraft,
  type SavedDatasetDraft,
} from "@/components/authoring/editor-model";
import { ValueTypeOptions } from "@/components/authoring/kind-forms/common-fields";
import { DataSourceForm } from "@/components/authoring/kind-forms/data-source-form";
import { EntityForm } from "@/components/authoring/kind-forms/entity-form";
import { FeatureServiceForm } from "@/components/authoring/kind-forms/feature-service-form";
import { FeatureViewForm } from "@/components/authoring/kind-forms/feature-view-form";
import { ModelForm } from "@/components/authoring/kind-forms/model-form";
import { SavedDatasetForm } from "@/components/authoring/kind-forms/saved-dataset-form";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { validateObject } from "@/lib/definitions/validate";
import type { FieldError } from "@/lib/errors";

// The YAML library loads only for this preview, after first paint, not with the editor.
const DefinitionYaml = dynamic(() => import("./definition-yaml").then((module) => module.DefinitionYaml), {
  ssr: false,
  loading: () => <p className="mt-2 text-xs text-slate-500">Loading…</p>,
});

export interface DefinitionEditorProps {
  kind: DefinitionKind;
  initial: AnyDraft;
  context: EditorContext;
  /** Editing an existing object (else creating one). */
  objectId?: string;
  baseVersionNumber?: number;
  /** Shown once after a redirect: "Created version 1." */
  notice?: string;
}

type Outcome = Exclude<SaveActionResult, { status: "invalid" }> | null;

/**
 * The create/edit form of one definition. Validation runs as the author types (the same
 * validateObject the server runs, against the registry names the page loaded); messages show at
 * their field once it was touched, and all of them on save.
 */
export function DefinitionEditor({
  kind,
  initial,
  context,
  objectId,
  baseVersionNumber,
  notice,
}: DefinitionEditorProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<AnyDraft>(initial);
  const [base, setBase] = useState(baseVersionNumber);
  const [message, setMessage] = useState("");
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [isSaving, startSaving] = useTransition();
  const isEditing = Boolean(objectId);

  const issues = useMemo(
    () => validateObject(kind, draft, { ...existingNames(context), isNew: !isEditing }),
    [kind, draft, context, isEditing],
  );
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  const messages = useMemo(
    () => messagesByPath([...serverErrors, ...errors, ...warnings]),
    [serverErrors, errors, warnings],
  );
  const visible = (path: string) => showAll || serverErrors.length > 0 || touched.has(topField(path));
  const errorAt = (path: string) => (visible(path) ? messages.get(path) : undefined);

  const update = (next: AnyDraft) => {
    const before = draft as Record<string, unknown>;
    const after = next as Record<string, unknown>;
    const changed = Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]);
    setTouched((current) => new Set([...current, ...changed]));
    setDraft(next);
    setServerErrors([]);
    setServerMessage(null);
    setOutcome(null);
  };

  const save = (overrideBase?: number) => {
    setShowAll(true);
    if (errors.length > 0) {
      setServerMessage(`Fix ${errors.length} problem${errors.length === 1 ? "" : "s"} before saving.`);
      return;
    }
    startSaving(async () => {
      const result = await saveDefinitionAction({
        kind,
        objectId,
        definition: draft,
        baseVersionNumber: overrideBase ?? base ?? null,
        message: message || undefined,
      });
      if (result.status === "invalid") {
        setServerErrors(result.fields.length ? result.fields : [{ path: "", message: result.message }]);
        setServerMessage(result.message);
        return;
      }
      setOutcome(result);
      if (result.status === "saved") {
        setBase(result.versionNumber);
        setMessage("");
        if (result.created) {
          router.push(`${catalogHref(kind, result.objectId, "edit")}?created=${result.versionNumber}`);
          return;
        }
        router.refresh();
      }
    });
  };

  const general = serverErrors.filter((error) => error.path === "");
  const allProblems = showAll
    ? [...messages.entries()].filter(
        ([path]) => errors.some((e) => e.path === path) || serverErrors.some((e) => e.path === path),
      )
    : [];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      className="space-y-6"
      aria-label={`${KIND_LABELS[kind].one} definition`}
    >
      <ValueTypeOptions />
      {notice && !outcome ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}

      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <KindForm kind={kind} draft={draft} update={update} errorAt={errorAt} context={context} isEditing={isEditing} />
      </div>

      {warnings.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Warnings (saving is allowed)</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((warning) => (
              <li key={`${warning.path}:${warning.message}`}>
                <code className="text-xs">{warning.path || "definition"}</code>: {warning.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Definition as YAML</summary>
        <DefinitionYaml kind={kind} draft={draft} />
      </details>

      <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        <OutcomeMessage
          outcome={outcome}
          kind={kind}
          objectId={objectId}
          onOverwrite={(latest) => save(latest)}
          onLoadLatest={() => window.location.reload()}
        />
        {serverMessage || general.length > 0 || allProblems.length > 0 ? (
          <div role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">{serverMessage ?? "The definition has problems."}</p>
            <ul className="mt-1 list-disc pl-5">
              {general.map((error) => (
                <li key={error.message}>{error.message}</li>
              ))}
              {allProblems.map(([path, text]) => (
                <li key={path}>
                  <code className="text-xs">{path}</code>: {text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <label htmlFor="version-message" className="mb-1 block text-sm font-medium">
              Version message
            </label>
            <input
              id="version-message"
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              placeholder="What changed and why"
              className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
            />
          </div>
          <Button type="submit" disabled={isSaving}>
            {isSaving ? "Saving…" : isEditing ? "Save new version" : `Create ${kindWord(kind)}`}
          </Button>
          {objectId ? (
            <Link href={catalogHref(kind, objectId, "versions")} className="text-sm text-brand-700 underline">
              History
            </Link>
          ) : null}
          <span className="text-xs text-slate-500" aria-live="polite">
            {errors.length === 0 ? "No problems found." : `${errors.length} problem${errors.length === 1 ? "" : "s"}`}
            {base ? ` · editing version ${base}` : ""}
          </span>
        </div>
      </div>
    </form>
  );
}

function KindForm({
  kind,
  draft,
  update,
  errorAt,
  context,
  isEditing,
}: {
  kind: DefinitionKind;
  draft: AnyDraft;
  update: (next: AnyDraft) => void;
  errorAt: (path: string) => string | undefined;
  context: EditorContext;
  isEditing: boolean;
}) {
  const shared = { update, errorAt, context, isEditing };
  switch (kind) {
    case "data_source":
      return <DataSourceForm draft={draft as DataSourceDraft} {...shared} />;
    case "entity":
      return <EntityForm draft={draft as EntityDraft} {...shared} />;
    case "feature_view":
      return <FeatureViewForm draft={draft as FeatureViewDraft} {...shared} />;
    case "feature_service":
      return <FeatureServiceForm draft={draft as FeatureServiceDraft} {...shared} />;
    case "model":
      return <ModelForm draft={draft as ModelDraft} {...shared} />;
    case "saved_dataset":
      return <SavedDatasetForm draft={draft as SavedDatasetDraft} {...shared} />;
  }
}

function OutcomeMessage({
  outcome,
  kind,
  objectId,
  onOverwrite,
  onLoadLatest,
}: {
  outcome: Outcome;
  kind: DefinitionKind;
  objectId?: string;
  onOverwrite: (latest: number) => void;
  onLoadLatest: () => void;
}) {
  if (!outcome) return null;
  if (outcome.status === "unchanged") {
    return (
      <p role="status" className="mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        Saved unchanged: nothing to do. Version {outcome.versionNumber} already holds this definition.
      </p>
    );
  }
  if (outcome.status === "saved") {
    return (
      <div
        role="status"
        className="mb-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-800"
      >
        Saved version {outcome.versionNumber}.{" "}
        {objectId ? (
          <Link className="underline" href={catalogHref(kind, objectId, "versions")}>
            See the history
          </Link>
        ) : null}
        {outcome.warnings.length > 0 ? ` ${outcome.warnings.length} warning(s).` : ""}
      </div>
    );
  }
  if (outcome.status === "conflict") {
    const latest = outcome.details.latestVersion.number;
    return (
      <div
        role="alert"
        className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        data-testid="conflict"
      >
        <p className="font-medium">Someone saved a newer version. {outcome.message}</p>
        <p className="mt-1">What changed in version {latest}:</p>
        <FieldChangeList
          changes={outcome.details.changes}
          beforeLabel={`Version ${outcome.details.baseVersionNumber} (your base)`}
          afterLabel={`Version ${latest}`}
        />
        <p className="mt-2">Your edits are still in the form.</p>
        <div className="mt-2 flex gap-2">
          <Button type="button" variant="secondary" onClick={onLoadLatest}>
            Discard my edits, load version {latest}
          </Button>
          <Button type="button" variant="danger" onClick={() => onOverwrite(latest)}>
            Save mine over version {latest}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {outcome.message}
    </p>
  );
}
