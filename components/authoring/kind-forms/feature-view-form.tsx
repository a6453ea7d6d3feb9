"use client";

import { LazyCodeEditor } from "@/components/authoring/lazy";
import {
  AddButton,
  CheckboxField,
  CheckboxList,
  Field,
  SectionTitle,
  SelectField,
  TextField,
} from "@/components/authoring/fields";
import { optional, type FeatureViewDraft } from "@/components/authoring/editor-model";
import { CommonFields, type KindFormProps } from "./common-fields";
import { AggregationsEditor } from "./aggregations-editor";
import { FeaturesEditor } from "./features-editor";

export function FeatureViewForm(props: KindFormProps<FeatureViewDraft>) {
  const { draft, update, errorAt, context } = props;
  const kind = draft.kind ?? "batch";
  const sources = draft.sources ?? [];
  const sourcesOfKind = (wanted: string) =>
    context.names.data_source.filter((name) => context.dataSourceKinds[name] === wanted);
  const language = draft.transformation?.language ?? "sql";
  const code = draft.transformation?.code ?? "";
  const languages = kind === "on_demand" ? ["python", "typescript"] : ["sql", "python"];

  const setKind = (next: FeatureViewDraft["kind"]) => {
    const patch: Partial<FeatureViewDraft> = { kind: next };
    if (next === "stream" && (draft.aggregations ?? []).length === 0) {
      patch.aggregations = [{ function: "count", column: "", windows: ["1h"] }];
    }
    if (next !== "stream") patch.aggregations = [];
    if (next !== "on_demand") patch.inputs = [];
    if (next === "on_demand" && language === "sql") patch.transformation = { language: "python", code };
    if (next === "stream" && sources.length > 1) patch.sources = sources.slice(0, 1);
    // Stream views rarely carry code; an empty editor would only warn about a missing SELECT.
    if (next === "stream" && code.trim() === "") patch.transformation = undefined;
    update({ ...draft, ...patch });
  };

  return (
    <div className="space-y-6">
      <CommonFields {...props} />
      <SelectField
        label="View kind"
        value={kind}
        onChange={(value) => setKind(value as FeatureViewDraft["kind"])}
        options={[
          { value: "batch", label: "batch: SQL or Python over batch sources, on a schedule" },
          { value: "stream", label: "stream: windowed aggregations over a stream source" },
          { value: "on_demand", label: "on-demand: a function at request time" },
        ]}
        error={errorAt("kind")}
        className="max-w-xl"
      />

      <div className="grid gap-4 lg:grid-cols-2">
        {kind === "batch" ? (
          <CheckboxList
            legend="Batch sources"
            options={context.names.data_source.map((name) => ({
              value: name,
              label: `${name} (${context.dataSourceKinds[name] ?? "?"})`,
            }))}
            selected={sources}
            onChange={(next) => update({ ...draft, sources: next })}
            error={errorAt("sources")}
            itemError={(index) => errorAt(`sources[${index}]`)}
          />
        ) : kind === "stream" ? (
          <SelectField
            label="Stream source"
            value={sources[0] ?? ""}
            onChange={(name) => update({ ...draft, sources: name ? [name] : [] })}
            options={[
              { value: "", label: "(choose)" },
              ...sourcesOfKind("stream").map((name) => ({ value: name, label: name })),
            ]}
            error={errorAt("sources") ?? errorAt("sources[0]")}
          />
        ) : (
          <SelectField
            label="Request source"
            value={sources[0] ?? ""}
            onChange={(name) => update({ ...draft, sources: name ? [name] : [] })}
            options={[
              { value: "", label: "(none)" },
              ...sourcesOfKind("request").map((name) => ({ value: name, label: name })),
            ]}
            error={errorAt("sources") ?? errorAt("sources[0]")}
          />
        )}
        {kind === "on_demand" ? (
          <CheckboxList
            legend="Input feature views"
            options={context.names.feature_view
              .filter((name) => name !== draft.name)
              .map((name) => ({ value: name, label: name }))}
            selected={draft.inputs ?? []}
            onChange={(inputs) => update({ ...draft, inputs })}
            error={errorAt("inputs")}
            itemError={(index) => errorAt(`inputs[${index}]`)}
          />
        ) : (
          <CheckboxList
            legend="Entities"
            options={context.names.entity.map((name) => ({
              value: name,
              label: `${name} (${(context.entityJoinKeys[name] ?? []).join(", ")})`,
            }))}
            selected={draft.entities ?? []}
            onChange={(entities) => update({ ...draft, entities })}
            error={errorAt("entities")}
            itemError={(index) => errorAt(`entities[${index}]`)}
          />
        )}
      </div>

      {kind === "stream" ? <AggregationsEditor {...props} /> : null}

      {kind !== "stream" || draft.transformation ? (
        <div>
          <SectionTitle>Transformation</SectionTitle>
          <div className="mb-2 flex items-center gap-4">
            <SelectField
              label="Language"
              value={language}
              onChange={(value) =>
                update({ ...draft, transformation: { language: value as "sql" | "python" | "typescript", code } })
              }
              options={languages.map((value) => ({
                value,
                label: value === "sql" ? "SQL" : value === "python" ? "Python" : "TypeScript",
              }))}
              error={errorAt("transformation.language")}
              className="w-48"
            />
            {kind === "stream" ? (
              <button
                type="button"
                className="mt-6 text-sm text-slate-600 underline"
                onClick={() => update({ ...draft, transformation: undefined })}
              >
                Remove transformation
              </button>
            ) : null}
          </div>
          <Field
            label={kind === "on_demand" ? "Function body" : "Code"}
            error={errorAt("transformation.code") ?? errorAt("transformation")}
          >
            {({ errorId }) => (
              <LazyCodeEditor
                value={code}
                language={language}
                label="Transformation code"
                testId="transformation-editor"
                invalid={Boolean(errorAt("transformation.code") ?? errorAt("transformation"))}
                describedBy={errorId}
                onChange={(next) => update({ ...draft, transformation: { language, code: next } })}
              />
            )}
          </Field>
        </div>
      ) : (
        <AddButton onClick={() => update({ ...draft, transformation: { language: "sql", code: "" } })}>
          Add a transformation
        </AddButton>
      )}

      <div>
        <SectionTitle>Materialization and serving</SectionTitle>
        <div className="grid gap-4 sm:grid-cols-4">
          {kind !== "on_demand" ? (
            <TextField
              label="Schedule"
              value={draft.schedule ?? ""}
              onChange={(value) => update({ ...draft, schedule: optional(value) })}
              error={errorAt("schedule")}
              placeholder="30m, 1d"
            />
          ) : null}
          {kind !== "on_demand" ? (
            <TextField
              label="TTL"
              value={draft.ttl ?? ""}
              onChange={(value) => update({ ...draft, ttl: optional(value) })}
              error={errorAt("ttl")}
              placeholder="2d"
            />
          ) : null}
          {kind === "stream" ? (
            <TextField
              label="Slide interval"
              value={draft.slideInterval ?? ""}
              onChange={(value) => update({ ...draft, slideInterval: optional(value) })}
              error={errorAt("slideInterval")}
              placeholder="5m"
            />
          ) : null}
          {kind !== "on_demand" ? (
            <TextField
              label="Freshness SLA"
              value={draft.freshnessSla ?? ""}
              onChange={(value) => update({ ...draft, freshnessSla: optional(value) })}
              error={errorAt("freshnessSla")}
              hint="Default: twice the schedule."
            />
          ) : null}
        </div>
        <div className="mt-3 flex gap-6">
          <CheckboxField
            label="Online (served at low latency)"
            checked={draft.online ?? true}
            onChange={(online) => update({ ...draft, online })}
          />
          <CheckboxField
            label="Offline (training data)"
            checked={draft.offline ?? true}
            onChange={(offline) => update({ ...draft, offline })}
          />
        </div>
      </div>

      <FeaturesEditor {...props} />
    </div>
  );
}
