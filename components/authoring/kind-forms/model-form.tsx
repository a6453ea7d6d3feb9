"use client";

import { CheckboxList, SelectField, TextField } from "@/components/authoring/fields";
import { optional, type ModelDraft } from "@/components/authoring/editor-model";
import { CommonFields, type KindFormProps } from "./common-fields";

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
