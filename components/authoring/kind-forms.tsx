"use client";

import { scheduleForKind } from "@/lib/definitions/default-schedule";
import { AGGREGATION_FUNCTIONS, DATA_SOURCE_PLATFORMS } from "@/lib/definitions/schema";
import { LazyCodeEditor } from "@/components/authoring/lazy";
import {
  AddButton,
  CheckboxField,
  CheckboxList,
  Field,
  ListTextField,
  RemoveButton,
  SectionTitle,
  SelectField,
  TextField,
  inputClasses,
} from "@/components/authoring/fields";
import {
  aggregationFeatureNames,
  optional,
  VALUE_TYPES,
  type AggregationDraft,
  type DataSourceDraft,
  type EditorContext,
  type EntityDraft,
  type FeatureDraft,
  type FeatureServiceDraft,
  type FeatureViewDraft,
  type ModelDraft,
  type SavedDatasetDraft,
} from "@/components/authoring/editor-model";

export interface KindFormProps<T> {
  draft: T;
  update: (next: T) => void;
  errorAt: (path: string) => string | undefined;
  context: EditorContext;
  isEditing: boolean;
}

type Common = { name: string; description?: string; owner?: string; team?: string; tags?: string[] };

/** Name, description, owner, team and tags: every kind has them. */
export function CommonFields<T extends Common>({ draft, update, errorAt, context, isEditing }: KindFormProps<T>) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Name"
        value={draft.name}
        onChange={(name) => update({ ...draft, name })}
        error={errorAt("name")}
        disabled={isEditing}
        hint={isEditing ? "Names are fixed once created." : "Letters, digits and _; unique in the workspace."}
      />
      <TextField
        label="Owner"
        value={draft.owner ?? ""}
        onChange={(owner) => update({ ...draft, owner })}
        error={errorAt("owner")}
        placeholder="team-or-person@example.com"
      />
      <TextField
        label="Description"
        value={draft.description ?? ""}
        onChange={(description) => update({ ...draft, description })}
        error={errorAt("description")}
        className="sm:col-span-2"
      />
      <SelectField
        label="Team"
        value={draft.team ?? ""}
        onChange={(team) => update({ ...draft, team: optional(team) })}
        error={errorAt("team")}
        options={[{ value: "", label: "(none)" }, ...context.teams.map((team) => ({ value: team, label: team }))]}
      />
      <ListTextField
        label="Tags"
        value={draft.tags ?? []}
        onChange={(tags) => update({ ...draft, tags })}
        error={errorAt("tags")}
        placeholder="pii, tier-1"
      />
    </div>
  );
}

// ---------------------------------------------------------------- data source

export function DataSourceForm(props: KindFormProps<DataSourceDraft>) {
  const { draft, update, errorAt, context } = props;
  const columns = draft.columns ?? [];
  const setColumn = (index: number, patch: Partial<(typeof columns)[number]>) =>
    update({ ...draft, columns: columns.map((column, i) => (i === index ? { ...column, ...patch } : column)) });
  const batchSources = context.names.data_source.filter(
    (name) => name !== draft.name && context.dataSourceKinds[name] === "batch",
  );
  return (
    <div className="space-y-6">
      <CommonFields {...props} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Kind"
          value={draft.kind}
          onChange={(kind) =>
            update({
              ...draft,
              kind: kind as DataSourceDraft["kind"],
              ...(kind !== "stream" ? { batchSource: undefined } : {}),
            })
          }
          options={[
            { value: "batch", label: "batch (warehouse table, query or files)" },
            { value: "stream", label: "stream (Kafka, Kinesis, Pub/Sub)" },
            { value: "request", label: "request (sent at prediction time)" },
          ]}
          error={errorAt("kind")}
        />
        <SelectField
          label="Platform"
          value={draft.platform}
          onChange={(platform) => update({ ...draft, platform: platform as DataSourceDraft["platform"] })}
          options={DATA_SOURCE_PLATFORMS.map((platform) => ({ value: platform, label: platform }))}
          error={errorAt("platform")}
        />
        <TextField
          label="Location"
          value={draft.location ?? ""}
          onChange={(location) => update({ ...draft, location })}
          error={errorAt("location")}
          placeholder="table, query, topic or URI (no secrets)"
        />
        <SelectField
          label="Event timestamp column"
          value={draft.eventTimestampColumn ?? ""}
          onChange={(column) => update({ ...draft, eventTimestampColumn: optional(column) })}
          options={[
            { value: "", label: "(none)" },
            ...columns.filter((column) => column.name).map((column) => ({ value: column.name, label: column.name })),
            ...(draft.eventTimestampColumn && !columns.some((column) => column.name === draft.eventTimestampColumn)
              ? [{ value: draft.eventTimestampColumn, label: draft.eventTimestampColumn }]
              : []),
          ]}
          error={errorAt("eventTimestampColumn")}
        />
        {draft.kind === "stream" ? (
          <SelectField
            label="Batch backfill source"
            value={draft.batchSource ?? ""}
            onChange={(batchSource) => update({ ...draft, batchSource: optional(batchSource) })}
            options={[{ value: "", label: "(none)" }, ...batchSources.map((name) => ({ value: name, label: name }))]}
            error={errorAt("batchSource")}
          />
        ) : null}
      </div>
      <div>
        <SectionTitle>Schema</SectionTitle>
        {errorAt("columns") ? <p className="text-xs text-red-700">{errorAt("columns")}</p> : null}
        <div className="space-y-2">
          {columns.map((column, index) => (
            <div key={index} className="grid grid-cols-[1fr_1fr_2fr_auto] items-start gap-2">
              <TextField
                label={`Column ${index + 1} name`}
                value={column.name}
                onChange={(name) => setColumn(index, { name })}
                error={errorAt(`columns[${index}].name`)}
              />
              <TextField
                label="Type"
                value={column.type}
                onChange={(type) => setColumn(index, { type })}
                error={errorAt(`columns[${index}].type`)}
                list="fl-value-types"
              />
              <TextField
                label="Description"
                value={column.description ?? ""}
                onChange={(description) => setColumn(index, { description })}
              />
              <div className="pt-6">
                <RemoveButton
                  label={`Remove column ${column.name || index + 1}`}
                  onClick={() => update({ ...draft, columns: columns.filter((_, i) => i !== index) })}
                />
              </div>
            </div>
          ))}
        </div>
        <AddButton
          onClick={() => update({ ...draft, columns: [...columns, { name: "", type: "string", description: "" }] })}
        >
          Add column
        </AddButton>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- entity

export function EntityForm(props: KindFormProps<EntityDraft>) {
  const { draft, update, errorAt } = props;
  const setKey = (index: number, patch: Partial<EntityDraft["joinKeys"][number]>) =>
    update({ ...draft, joinKeys: draft.joinKeys.map((key, i) => (i === index ? { ...key, ...patch } : key)) });
  return (
    <div className="space-y-6">
      <CommonFields {...props} />
      <div>
        <SectionTitle>Join keys</SectionTitle>
        {errorAt("joinKeys") ? <p className="text-xs text-red-700">{errorAt("joinKeys")}</p> : null}
        <div className="space-y-2">
          {draft.joinKeys.map((key, index) => (
            <div key={index} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <TextField
                label={`Join key ${index + 1}`}
                value={key.name}
                onChange={(name) => setKey(index, { name })}
                error={errorAt(`joinKeys[${index}].name`)}
              />
              <TextField
                label="Value type"
                value={key.valueType}
                onChange={(valueType) => setKey(index, { valueType })}
                error={errorAt(`joinKeys[${index}].valueType`)}
                list="fl-value-types"
              />
              <div className="pt-6">
                <RemoveButton
                  label={`Remove join key ${key.name || index + 1}`}
                  onClick={() => update({ ...draft, joinKeys: draft.joinKeys.filter((_, i) => i !== index) })}
                />
              </div>
            </div>
          ))}
        </div>
        <AddButton
          onClick={() => update({ ...draft, joinKeys: [...draft.joinKeys, { name: "", valueType: "int64" }] })}
        >
          Add join key
        </AddButton>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- feature view

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
    const windows = (patch.aggregations ?? draft.aggregations ?? []).flatMap((aggregation) => aggregation.windows);
    patch.schedule = scheduleForKind(next ?? "batch", draft.schedule, windows);
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

function AggregationsEditor({ draft, update, errorAt, context }: KindFormProps<FeatureViewDraft>) {
  const aggregations = draft.aggregations ?? [];
  const source = (draft.sources ?? [])[0];
  const columnOptions = context.columns
    .filter((ref) => source && ref.startsWith(`${source}.`))
    .map((ref) => ref.slice(source!.length + 1));
  const set = (index: number, patch: Partial<AggregationDraft>) =>
    update({
      ...draft,
      aggregations: aggregations.map((aggregation, i) => (i === index ? { ...aggregation, ...patch } : aggregation)),
    });
  return (
    <div>
      <SectionTitle>Aggregations</SectionTitle>
      {errorAt("aggregations") ? (
        <p className="text-xs text-red-700" data-testid="field-error">
          {errorAt("aggregations")}
        </p>
      ) : null}
      <datalist id="fl-stream-columns">
        {columnOptions.map((column) => (
          <option key={column} value={column} />
        ))}
      </datalist>
      <div className="space-y-3">
        {aggregations.map((aggregation, index) => (
          <fieldset key={index} className="rounded-md border border-slate-200 p-3" data-testid={`aggregation-${index}`}>
            <legend className="px-1 text-sm font-medium">Aggregation {index + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-[10rem_1fr_10rem_auto]">
              <SelectField
                label="Function"
                value={aggregation.function}
                onChange={(value) => set(index, { function: value as AggregationDraft["function"] })}
                options={AGGREGATION_FUNCTIONS.map((name) => ({ value: name, label: name }))}
                error={errorAt(`aggregations[${index}].function`)}
              />
              <TextField
                label="Column"
                value={aggregation.column}
                onChange={(column) => set(index, { column })}
                error={errorAt(`aggregations[${index}].column`)}
                list="fl-stream-columns"
              />
              <TextField
                label="Slide interval"
                value={aggregation.slideInterval ?? ""}
                onChange={(value) => set(index, { slideInterval: optional(value) })}
                error={errorAt(`aggregations[${index}].slideInterval`)}
                placeholder="optional"
              />
              <div className="pt-6">
                <RemoveButton
                  label={`Remove aggregation ${index + 1}`}
                  onClick={() => update({ ...draft, aggregations: aggregations.filter((_, i) => i !== index) })}
                />
              </div>
            </div>
            <div className="mt-3">
              <p className="mb-1 text-sm font-medium text-slate-800">Windows</p>
              {errorAt(`aggregations[${index}].windows`) ? (
                <p className="text-xs text-red-700" data-testid="field-error">
                  {errorAt(`aggregations[${index}].windows`)}
                </p>
              ) : null}
              <div className="flex flex-wrap items-start gap-2">
                {aggregation.windows.map((window, w) => {
                  const error = errorAt(`aggregations[${index}].windows[${w}]`);
                  const errorId = `aggregation-${index}-window-${w}-error`;
                  return (
                    <div key={w} className="w-36">
                      <div className="flex items-center gap-1">
                        <input
                          aria-label={`Aggregation ${index + 1} window ${w + 1}`}
                          value={window}
                          onChange={(event) =>
                            set(index, {
                              windows: aggregation.windows.map((value, i) => (i === w ? event.target.value : value)),
                            })
                          }
                          aria-invalid={Boolean(error)}
                          aria-describedby={error ? errorId : undefined}
                          className={inputClasses(Boolean(error))}
                          placeholder="5m"
                        />
                        <RemoveButton
                          label={`Remove window ${w + 1} of aggregation ${index + 1}`}
                          onClick={() => set(index, { windows: aggregation.windows.filter((_, i) => i !== w) })}
                        />
                      </div>
                      {error ? (
                        <p id={errorId} className="mt-1 text-xs text-red-700" data-testid="field-error">
                          {error}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
                <button
                  type="button"
                  onClick={() => set(index, { windows: [...aggregation.windows, ""] })}
                  className="rounded-md border border-dashed border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
                >
                  Add window
                </button>
              </div>
            </div>
          </fieldset>
        ))}
      </div>
      <AddButton
        onClick={() =>
          update({ ...draft, aggregations: [...aggregations, { function: "count", column: "", windows: ["1h"] }] })
        }
      >
        Add aggregation
      </AddButton>
    </div>
  );
}

function FeaturesEditor({ draft, update, errorAt }: KindFormProps<FeatureViewDraft>) {
  const features = draft.features ?? [];
  const set = (index: number, patch: Partial<FeatureDraft>) =>
    update({ ...draft, features: features.map((feature, i) => (i === index ? { ...feature, ...patch } : feature)) });
  const suggested = draft.kind === "stream" ? aggregationFeatureNames(draft.aggregations ?? []) : [];
  // Offered while the features follow the generated names (a new view), not for hand-named ones.
  const missing = features.every((feature) => suggested.includes(feature.name))
    ? suggested.filter((name) => !features.some((feature) => feature.name === name))
    : [];
  return (
    <div>
      <SectionTitle>Features</SectionTitle>
      {errorAt("features") ? (
        <p className="text-xs text-red-700" data-testid="field-error">
          {errorAt("features")}
        </p>
      ) : null}
      <div className="space-y-2">
        {features.map((feature, index) => (
          <div
            key={index}
            className="grid grid-cols-[1fr_10rem_1.5fr_1.5fr_auto] items-start gap-2"
            data-testid={`feature-${index}`}
          >
            <TextField
              label={`Feature ${index + 1} name`}
              value={feature.name}
              onChange={(name) => set(index, { name })}
              error={errorAt(`features[${index}].name`)}
            />
            <TextField
              label="Value type"
              value={feature.valueType}
              onChange={(valueType) => set(index, { valueType })}
              error={errorAt(`features[${index}].valueType`)}
              list="fl-value-types"
            />
            <TextField
              label="Description"
              value={feature.description ?? ""}
              onChange={(description) => set(index, { description })}
            />
            <ListTextField
              label="Source columns"
              value={feature.sourceColumns ?? []}
              onChange={(sourceColumns) => set(index, { sourceColumns })}
              error={(feature.sourceColumns ?? [])
                .map((_, c) => errorAt(`features[${index}].sourceColumns[${c}]`))
                .find(Boolean)}
              placeholder="source.column"
            />
            <div className="pt-6">
              <RemoveButton
                label={`Remove feature ${feature.name || index + 1}`}
                onClick={() => update({ ...draft, features: features.filter((_, i) => i !== index) })}
              />
            </div>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <AddButton
          onClick={() =>
            update({
              ...draft,
              features: [...features, { name: "", valueType: "float64", description: "", tags: [], sourceColumns: [] }],
            })
          }
        >
          Add feature
        </AddButton>
        {missing.length > 0 ? (
          <AddButton
            onClick={() =>
              update({
                ...draft,
                features: [
                  ...features,
                  ...missing.map((name) => ({
                    name,
                    valueType: "int64",
                    description: "",
                    tags: [],
                    sourceColumns: [],
                  })),
                ],
              })
            }
          >
            Add features for the aggregations ({missing.length})
          </AddButton>
        ) : null}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- services, models, datasets

function featureOptions(context: EditorContext) {
  return context.features.map((ref) => ({ value: ref, label: ref }));
}

export function FeatureServiceForm(props: KindFormProps<FeatureServiceDraft>) {
  const { draft, update, errorAt, context } = props;
  return (
    <div className="space-y-6">
      <CommonFields {...props} />
      <TextField
        label="Latency budget (p99, ms)"
        type="number"
        value={String(draft.latencyBudgetMs ?? 50)}
        onChange={(value) => update({ ...draft, latencyBudgetMs: value === "" ? 0 : Number(value) })}
        error={errorAt("latencyBudgetMs")}
        className="max-w-xs"
      />
      <CheckboxList
        legend="Features"
        options={featureOptions(context)}
        selected={draft.features ?? []}
        onChange={(features) => update({ ...draft, features })}
        error={errorAt("features")}
        itemError={(index) => errorAt(`features[${index}]`)}
        emptyText="No feature views with features yet."
      />
    </div>
  );
}

export function ModelForm(props: KindFormProps<ModelDraft>) {
  const { draft, update, errorAt, context } = props;
  return (
    <div className="space-y-6">
      <CommonFields {...props} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Model version"
          value={String(draft.version ?? "1")}
          onChange={(version) => update({ ...draft, version })}
          error={errorAt("version")}
        />
        <TextField
          label="Endpoint"
          value={draft.endpoint ?? ""}
          onChange={(endpoint) => update({ ...draft, endpoint })}
          error={errorAt("endpoint")}
          placeholder="deployment or endpoint name"
        />
        <SelectField
          label="Training dataset"
          value={draft.trainingDataset ?? ""}
          onChange={(value) => update({ ...draft, trainingDataset: optional(value) })}
          options={[
            { value: "", label: "(none)" },
            ...context.names.saved_dataset.map((name) => ({ value: name, label: name })),
          ]}
          error={errorAt("trainingDataset")}
        />
      </div>
      <CheckboxList
        legend="Feature services"
        options={context.names.feature_service.map((name) => ({ value: name, label: name }))}
        selected={draft.featureServices ?? []}
        onChange={(featureServices) => update({ ...draft, featureServices })}
        error={errorAt("featureServices")}
        itemError={(index) => errorAt(`featureServices[${index}]`)}
      />
    </div>
  );
}

export function SavedDatasetForm(props: KindFormProps<SavedDatasetDraft>) {
  const { draft, update, errorAt, context } = props;
  return (
    <div className="space-y-6">
      <CommonFields {...props} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Storage"
          value={draft.storage ?? ""}
          onChange={(storage) => update({ ...draft, storage })}
          error={errorAt("storage")}
          placeholder="s3://bucket/training.parquet"
        />
        <SelectField
          label="Feature service"
          value={draft.featureService ?? ""}
          onChange={(value) => update({ ...draft, featureService: optional(value) })}
          options={[
            { value: "", label: "(none)" },
            ...context.names.feature_service.map((name) => ({ value: name, label: name })),
          ]}
          error={errorAt("featureService")}
        />
      </div>
      <CheckboxList
        legend="Features"
        options={featureOptions(context)}
        selected={draft.features ?? []}
        onChange={(features) => update({ ...draft, features })}
        error={errorAt("features")}
        itemError={(index) => errorAt(`features[${index}]`)}
      />
    </div>
  );
}

export function ValueTypeOptions() {
  return (
    <datalist id="fl-value-types">
      {VALUE_TYPES.map((type) => (
        <option key={type} value={type} />
      ))}
    </datalist>
  );
}
