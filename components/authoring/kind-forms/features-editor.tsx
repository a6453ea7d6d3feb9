"use client";

import { AddButton, ListTextField, RemoveButton, SectionTitle, TextField } from "@/components/authoring/fields";
import { aggregationFeatureNames, type FeatureDraft, type FeatureViewDraft } from "@/components/authoring/editor-model";
import type { KindFormProps } from "./common-fields";

export function FeaturesEditor({ draft, update, errorAt }: KindFormProps<FeatureViewDraft>) {
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
