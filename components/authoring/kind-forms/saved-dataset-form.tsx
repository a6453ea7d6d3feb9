"use client";

import { CheckboxList, SelectField, TextField } from "@/components/authoring/fields";
import { optional, type SavedDatasetDraft } from "@/components/authoring/editor-model";
import { CommonFields, featureOptions, type KindFormProps } from "./common-fields";

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
