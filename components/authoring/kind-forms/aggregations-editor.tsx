"use client";

import { AGGREGATION_FUNCTIONS } from "@/lib/definitions/schema";
import {
  AddButton,
  RemoveButton,
  SectionTitle,
  SelectField,
  TextField,
  inputClasses,
} from "@/components/authoring/fields";
import { optional, type AggregationDraft, type FeatureViewDraft } from "@/components/authoring/editor-model";
import type { KindFormProps } from "./common-fields";

export function AggregationsEditor({ draft, update, errorAt, context }: KindFormProps<FeatureViewDraft>) {
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
