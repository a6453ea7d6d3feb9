import { canonicalJson, contentHash } from "./canonical";
import {
  DEFINITION_KINDS,
  DOCUMENT_KEYS,
  definitionSchemas,
  type AnyDefinition,
  type DefinitionKind,
  type RepositoryDocument,
} from "./schema";

/*
 * Field-level differences between two canonical definitions, and the plan an apply would carry
 * out. Arrays of named objects (features, columns, join keys) are matched by name so a renamed
 * feature reads as removed + added and a retyped one as a change at
 * `features[name=amount].valueType`; other arrays of objects (aggregations) match by position;
 * arrays of plain values (tags, windows, sources) report what was added and removed.
 */

export type ChangeType = "added" | "removed" | "changed";

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
  change: ChangeType;
}

export function diffDefinitions(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  diffValue(normalise(before), normalise(after), "", changes);
  return changes;
}

// Round-trip through canonical JSON so Dates, undefined members and key order cannot differ.
function normalise(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(canonicalJson(value)) as unknown);
}

type Json = unknown;

function diffValue(before: Json, after: Json, path: string, out: FieldChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return void out.push({ path, before, after, change: "added" });
  if (after === undefined) return void out.push({ path, before, after, change: "removed" });
  if (Array.isArray(before) && Array.isArray(after)) return diffArray(before, after, path, out);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) diffValue(before[key], after[key], joinKey(path, key), out);
    return;
  }
  if (canonicalJson(before) !== canonicalJson(after)) out.push({ path, before, after, change: "changed" });
}

function diffArray(before: Json[], after: Json[], path: string, out: FieldChange[]): void {
  if (isNamedList(before) && isNamedList(after)) {
    const afterByName = new Map(after.map((item) => [item.name, item]));
    const beforeByName = new Map(before.map((item) => [item.name, item]));
    for (const item of before) {
      const itemPath = `${path}[name=${item.name}]`;
      diffValue(item, afterByName.get(item.name), itemPath, out);
    }
    for (const item of after) {
      if (!beforeByName.has(item.name)) diffValue(undefined, item, `${path}[name=${item.name}]`, out);
    }
    return;
  }
  if ([...before, ...after].every((item) => !isRecord(item) && !Array.isArray(item))) {
    const beforeKeys = before.map((item) => canonicalJson(item));
    const afterKeys = after.map((item) => canonicalJson(item));
    const removed = beforeKeys.flatMap((key, i) => (afterKeys.includes(key) ? [] : [i]));
    const added = afterKeys.flatMap((key, i) => (beforeKeys.includes(key) ? [] : [i]));
    for (const i of removed)
      out.push({ path: `${path}[${i}]`, before: before[i], after: undefined, change: "removed" });
    for (const i of added) out.push({ path: `${path}[${i}]`, before: undefined, after: after[i], change: "added" });
    // Same members in a different order: one change for the whole list.
    if (removed.length === 0 && added.length === 0 && beforeKeys.join("\u0000") !== afterKeys.join("\u0000")) {
      out.push({ path, before, after, change: "changed" });
    }
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) diffValue(before[i], after[i], `${path}[${i}]`, out);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNamedList(items: Json[]): items is Array<Record<string, unknown> & { name: string }> {
  const names = new Set<string>();
  for (const item of items) {
    if (!isRecord(item) || typeof item.name !== "string" || names.has(item.name)) return false;
    names.add(item.name);
  }
  return true;
}

function joinKey(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

// ---------------------------------------------------------------- plan

/** The canonical definitions currently stored (e.g. active in the target environment), per kind. */
export type CurrentDefinitions = {
  [K in DefinitionKind]?: ReadonlyArray<unknown>;
};

export interface PlannedObject {
  kind: DefinitionKind;
  name: string;
  definition: AnyDefinition;
  contentHash: string;
}

export interface PlannedUpdate extends PlannedObject {
  changes: FieldChange[];
}

export interface RepositoryPlan {
  /** In dependency order: sources and entities before the views that use them. */
  create: PlannedObject[];
  update: PlannedUpdate[];
  /** Only with `prune`; in reverse dependency order. */
  delete: Array<{ kind: DefinitionKind; name: string }>;
  unchanged: number;
}

export function planRepository(
  document: RepositoryDocument,
  current: CurrentDefinitions,
  /** The content hash stored with each object's latest version, when the caller has it. */
  storedHash?: (kind: DefinitionKind, name: string) => string | undefined,
): RepositoryPlan {
  const plan: RepositoryPlan = { create: [], update: [], delete: [], unchanged: 0 };
  for (const kind of DEFINITION_KINDS) {
    const stored = new Map<string, unknown>();
    for (const definition of current[kind] ?? []) {
      const name = isRecord(definition) && typeof definition.name === "string" ? definition.name : undefined;
      if (name !== undefined) stored.set(name, definition);
    }
    const wanted = document[DOCUMENT_KEYS[kind]] as AnyDefinition[];
    for (const definition of wanted) {
      const hash = contentHash(definition);
      const raw = stored.get(definition.name);
      if (raw === undefined) {
        plan.create.push({ kind, name: definition.name, definition, contentHash: hash });
        continue;
      }
      // The hash stored with the version equal to this one means unchanged, without parsing
      // and hashing the stored definition again (an unchanged re-apply of thousands of objects).
      if (storedHash?.(kind, definition.name) === hash) {
        plan.unchanged++;
        continue;
      }
      const before = canonicalDefinition(kind, raw);
      if (contentHash(before) === hash) {
        plan.unchanged++;
      } else {
        const changes = diffDefinitions(before, definition);
        plan.update.push({ kind, name: definition.name, definition, contentHash: hash, changes });
      }
    }
    if (document.prune) {
      const names = new Set(wanted.map((definition) => definition.name));
      for (const name of stored.keys()) if (!names.has(name)) plan.delete.push({ kind, name });
    }
  }
  plan.delete.reverse();
  return plan;
}

/**
 * A stored definition with today's defaults filled in, so a version saved before a field
 * existed does not read as changed. Unparseable stored data is compared as it is.
 */
export function canonicalDefinition(kind: DefinitionKind, definition: unknown): unknown {
  const parsed = definitionSchemas[kind].safeParse(definition);
  return parsed.success ? parsed.data : definition;
}
