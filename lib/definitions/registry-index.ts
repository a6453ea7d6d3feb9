import { DOCUMENT_KEYS, type DataSourceDefinition, type DefinitionKind, type RepositoryDocument } from "./schema";
import type { ExistingNames } from "@/lib/definitions/validate";

/* The names a document can refer to: its own objects and those already in the registry. */

export interface RegistryIndex {
  names: Record<DefinitionKind, Set<string>>;
  sourceKind(name: string): DataSourceDefinition["kind"] | undefined;
  /** Declared columns of a source, or undefined when they are not known. */
  sourceColumns(name: string): Set<string> | undefined;
  /** Declared features of a view, or undefined when they are not known. */
  viewFeatures(name: string): Set<string> | undefined;
  joinKeys(entity: string): readonly string[] | undefined;
}

export function buildIndex(document: RepositoryDocument, existing: ExistingNames): RegistryIndex {
  const names = {} as Record<DefinitionKind, Set<string>>;
  for (const [kind, key] of Object.entries(DOCUMENT_KEYS) as Array<[DefinitionKind, keyof RepositoryDocument]>) {
    const own = (document[key] as Array<{ name: string }>).map((object) => object.name);
    names[kind] = new Set([...(existing[kind] ?? []), ...own]);
  }
  const sources = byName(document.dataSources);
  const views = byName(document.featureViews);
  const entities = byName(document.entities);
  const storedColumns = groupRefs(existing.column, ".");
  const storedFeatures = groupRefs(existing.feature, ":");

  return {
    names,
    sourceKind: (name) => sources.get(name)?.kind ?? existing.dataSourceKinds?.[name],
    sourceColumns: (name) => {
      const source = sources.get(name);
      if (source) return source.columns.length > 0 ? new Set(source.columns.map((c) => c.name)) : undefined;
      return storedColumns.get(name);
    },
    viewFeatures: (name) => {
      const view = views.get(name);
      if (view) return new Set(view.features.map((feature) => feature.name));
      return storedFeatures.get(name);
    },
    joinKeys: (name) => entities.get(name)?.joinKeys.map((key) => key.name) ?? existing.entityJoinKeys?.[name],
  };
}

/** The first object of each name: a duplicate is reported, and must not shadow the original. */
function byName<T extends { name: string }>(objects: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const object of objects) if (!map.has(object.name)) map.set(object.name, object);
  return map;
}

function groupRefs(refs: Iterable<string> | undefined, separator: string): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const ref of refs ?? []) {
    const at = ref.indexOf(separator);
    if (at <= 0) continue;
    const owner = ref.slice(0, at);
    const set = groups.get(owner) ?? new Set<string>();
    set.add(ref.slice(at + 1));
    groups.set(owner, set);
  }
  return groups;
}
