"use client";

import { DATA_SOURCE_PLATFORMS } from "@/lib/definitions/schema";
import { AddButton, RemoveButton, SectionTitle, SelectField, TextField } from "@/components/authoring/fields";
import { optional, type DataSourceDraft } from "@/components/authoring/editor-model";
import { CommonFields, type KindFormProps } from "./common-fields";

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
