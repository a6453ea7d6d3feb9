"use client";

import { AddButton, RemoveButton, SectionTitle, TextField } from "@/components/authoring/fields";
import { type EntityDraft } from "@/components/authoring/editor-model";
import { CommonFields, type KindFormProps } from "./common-fields";

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
