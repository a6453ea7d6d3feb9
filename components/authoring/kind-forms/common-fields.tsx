"use client";

import { ListTextField, SelectField, TextField } from "@/components/authoring/fields";
import { optional, VALUE_TYPES, type EditorContext } from "@/components/authoring/editor-model";

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

export function featureOptions(context: EditorContext) {
  return context.features.map((ref) => ({ value: ref, label: ref }));
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
