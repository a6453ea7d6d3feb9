import "server-only";
import { kindWord } from "@/lib/kinds";
import { loadRowIds, type RowWriteContext, type Tx } from "@/lib/data/definition-rows";
import type { Db } from "@/lib/db";
import {
  DEFINITION_KINDS,
  DOCUMENT_KEYS,
  definitionSchemas,
  repositoryDocumentSchema,
  type AnyDefinition,
  type DataSourceDefinition,
  type DefinitionKind,
  type EntityDefinition,
  type FeatureViewDefinition,
  type RepositoryDocument,
} from "@/lib/definitions/schema";
import { validateRepository, type ExistingNames } from "@/lib/definitions/validate";
import type { FieldError } from "@/lib/errors";
import { type RegistryState, type VersionRow } from "./types";

/*
 * The registry as authoring sees it: every object's latest version per kind and name, the
 * names validation needs, and the checks that compare the registry before and after a change.
 */

export function emptyState(): RegistryState {
  const state = {} as RegistryState;
  for (const kind of DEFINITION_KINDS) state[kind] = new Map();
  return state;
}

/** A copy of the state with one object added or replaced (maps are copied, not mutated). */
export function withObject(
  state: RegistryState,
  kind: DefinitionKind,
  definition: AnyDefinition,
  objectId: string,
): RegistryState {
  const copy = { ...state, [kind]: new Map(state[kind]) };
  const previous = state[kind].get(definition.name);
  copy[kind].set(definition.name, {
    kind,
    objectId: previous?.objectId ?? objectId,
    name: definition.name,
    version: previous?.version ?? null,
    definition,
  });
  return copy;
}

export async function loadState(tx: Tx | Db, workspaceId: string, rowIds?: RowWriteContext): Promise<RegistryState> {
  const rows = rowIds ?? (await loadRowIds(tx as Tx, workspaceId));
  const latest = await tx.$queryRaw<Array<VersionRow & { objectKind: string; objectId: string; definition: unknown }>>`
    SELECT DISTINCT ON (object_kind, object_id)
      id, object_kind::text AS "objectKind", object_id AS "objectId", number, content_hash AS "contentHash",
      definition, message, author_id AS "authorId", created_at AS "createdAt"
    FROM definition_version
    WHERE workspace_id = ${workspaceId}
    ORDER BY object_kind, object_id, number DESC`;
  const versions = new Map(latest.map((version) => [`${version.objectKind}:${version.objectId}`, version]));
  const state = emptyState();
  for (const kind of DEFINITION_KINDS) {
    for (const [name, objectId] of rows.ids[kind]) {
      const version = versions.get(`${kind}:${objectId}`);
      const definition = version ? toDefinition(kind, version.definition) : null;
      state[kind].set(name, {
        kind,
        objectId,
        name,
        version: version
          ? {
              id: version.id,
              number: Number(version.number),
              contentHash: version.contentHash,
              createdAt: new Date(version.createdAt),
              authorId: version.authorId,
              message: version.message,
            }
          : null,
        definition,
      });
    }
  }
  return state;
}

function toDefinition(kind: DefinitionKind, stored: unknown): AnyDefinition | null {
  const value = typeof stored === "string" ? (JSON.parse(stored) as unknown) : stored;
  const parsed = definitionSchemas[kind].safeParse(value);
  return parsed.success ? (parsed.data as AnyDefinition) : null;
}

/** Names and details validation needs, from the stored definitions. */
export function existingNamesOf(state: RegistryState): ExistingNames {
  const features: string[] = [];
  const columns: string[] = [];
  const dataSourceKinds: Record<string, DataSourceDefinition["kind"]> = {};
  const entityJoinKeys: Record<string, string[]> = {};
  for (const object of state.feature_view.values()) {
    const view = object.definition as FeatureViewDefinition | null;
    for (const feature of view?.features ?? []) features.push(`${object.name}:${feature.name}`);
  }
  for (const object of state.data_source.values()) {
    const source = object.definition as DataSourceDefinition | null;
    if (!source) continue;
    dataSourceKinds[object.name] = source.kind;
    for (const column of source.columns) columns.push(`${object.name}.${column.name}`);
  }
  for (const object of state.entity.values()) {
    const entity = object.definition as EntityDefinition | null;
    if (entity) entityJoinKeys[object.name] = entity.joinKeys.map((key) => key.name);
  }
  const names = {} as Record<DefinitionKind, string[]>;
  for (const kind of DEFINITION_KINDS) names[kind] = [...state[kind].keys()];
  return { ...names, feature: features, column: columns, dataSourceKinds, entityJoinKeys };
}

function documentOf(state: RegistryState): RepositoryDocument {
  const document = repositoryDocumentSchema.parse({});
  for (const kind of DEFINITION_KINDS) {
    const list = document[DOCUMENT_KEYS[kind]] as AnyDefinition[];
    for (const object of state[kind].values()) if (object.definition) list.push(object.definition);
  }
  return document;
}

const KIND_BY_DOCUMENT_KEY = new Map(
  Object.entries(DOCUMENT_KEYS).map(([kind, key]) => [key as string, kind as DefinitionKind]),
);

/**
 * Objects the change does not touch but would break (a service selecting a removed feature, a
 * view reading a pruned source): errors that appear after the change and were not there before.
 */
export function brokenDependents(
  before: RegistryState,
  after: RegistryState,
  changed: Set<string>,
  pathOf: (kind: DefinitionKind, name: string, rest: string) => string,
): FieldError[] {
  const keyed = (state: RegistryState) => {
    const document = documentOf(state);
    const out = new Map<string, { kind: DefinitionKind; name: string; rest: string; message: string }>();
    for (const issue of validateRepository(document)) {
      if (issue.severity !== "error") continue;
      const match = /^(\w+)\[(\d+)\](.*)$/.exec(issue.path);
      const kind = match ? KIND_BY_DOCUMENT_KEY.get(match[1]!) : undefined;
      if (!match || !kind) continue;
      const object = (document[DOCUMENT_KEYS[kind]] as AnyDefinition[])[Number(match[2])];
      if (!object || changed.has(`${kind}:${object.name}`)) continue;
      const rest = match[3]!;
      out.set(`${kind}:${object.name}${rest}|${issue.message}`, {
        kind,
        name: object.name,
        rest,
        message: issue.message,
      });
    }
    return out;
  };
  const existing = keyed(before);
  const errors: FieldError[] = [];
  for (const [key, issue] of keyed(after)) {
    if (existing.has(key)) continue;
    errors.push({
      path: pathOf(issue.kind, issue.name, issue.rest),
      message: `This would break ${kindWord(issue.kind)} "${issue.name}": ${issue.message}`,
    });
  }
  return errors;
}

export function teamErrors(
  definitions: AnyDefinition[],
  rows: RowWriteContext,
  pathOf: (index: number) => string,
): FieldError[] {
  return definitions.flatMap((definition, i) =>
    definition.team !== undefined && !rows.teamIds.has(definition.team)
      ? [{ path: pathOf(i), message: `Unknown team "${definition.team}"` }]
      : [],
  );
}
