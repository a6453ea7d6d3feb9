"use client";

import { CheckboxList, TextField } from "@/components/authoring/fields";
import { type FeatureServiceDraft } from "@/components/authoring/editor-model";
import { CommonFields, featureOptions, type KindFormProps } from "./common-fields";

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
