import {
  DOCUMENT_KEYS,
  repositoryDocumentSchema,
  type DefinitionKind,
  type DocumentKey,
  type EntityDefinition,
  type FeatureServiceDefinition,
  type FeatureViewDefinition,
  type RepositoryDocument,
  type SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import { validateRepository } from "@/lib/definitions/validate";
import { DUMMY_ENTITY, feastValueType, list, ownerOf, record, tagList, text, timestamp } from "@/lib/feast/feast-json";
import { sourceCatalog, type Skip } from "@/lib/feast/map-sources";
import { mapFeatureView } from "@/lib/feast/map-views";

export { feastValueType } from "@/lib/feast/feast-json";

/*
 * Maps a Feast registry in `feast registry-dump` JSON form (a dump, or a registry.db decoded by
 * `registry-proto.ts`) onto a repository document, plus the facts that are not definitions:
 * Feast's created / updated times and materialization intervals. Structure is checked before
 * (`dump-shape.ts`); here every field is optional and anything that cannot be mapped is
 * skipped or warned about with a reason, never thrown. The result passes the same validation
 * an apply runs: objects that still fail are skipped too.
 */

export interface ImportSkip {
  kind: string;
  name: string;
  reason: string;
}

export interface ImportWarning {
  kind: string;
  name: string;
  message: string;
}

export interface FeastImportReport {
  /** The Feast project the dump came from, when it says. */
  project?: string;
  skipped: ImportSkip[];
  warnings: ImportWarning[];
}

/** Feast's own times for an object (its `meta`). */
export interface FeastTimestamps {
  kind: DefinitionKind;
  name: string;
  createdAt?: string;
  updatedAt?: string;
}

/** One materialization interval of a view: the event-time range Feast loaded into the online store. */
export interface FeastMaterialization {
  view: string;
  startAt: string;
  endAt: string;
}

export interface FeastFacts {
  timestamps: FeastTimestamps[];
  materializations: FeastMaterialization[];
}

export interface FeastImportResult {
  document: RepositoryDocument;
  report: FeastImportReport;
  facts: FeastFacts;
}

export interface FeastMappingOptions {
  /** The value type a feature had when last imported, kept when the dump's type is unknown. */
  previousValueType?: (view: string, feature: string) => string | undefined;
}

export function feastDumpToRepository(dump: unknown, options: FeastMappingOptions = {}): FeastImportResult {
  const report: FeastImportReport = { skipped: [], warnings: [] };
  const facts: FeastFacts = { timestamps: [], materializations: [] };
  const root = record(dump);
  const empty = repositoryDocumentSchema.parse({});
  if (!root) {
    report.skipped.push({ kind: "registry", name: "", reason: "The dump is not a JSON object" });
    return { document: empty, report, facts };
  }
  const project = text(root.project) ?? text(record(record(list(root.projects)[0])?.spec)?.name);
  if (project) report.project = project;

  const skip = (kind: string, name: string, reason: string) => report.skipped.push({ kind, name, reason });
  const warn = (kind: string, name: string, message: string) => report.warnings.push({ kind, name, message });
  const stamp = (kind: DefinitionKind, name: string, value: unknown) => {
    const meta = record(record(value)?.meta);
    const createdAt = timestamp(meta?.createdTimestamp);
    const updatedAt = timestamp(meta?.lastUpdatedTimestamp);
    if (createdAt || updatedAt) facts.timestamps.push({ kind, name, createdAt, updatedAt });
  };

  const catalog = sourceCatalog(warn, skip);
  for (const value of list(root.dataSources)) catalog.add(value, "in dataSources");

  // ------------------------------------------------------------ views (entities need their types)
  const rawViews: Array<{ value: unknown; kind: FeatureViewDefinition["kind"] }> = [
    ...list(root.featureViews).map((value) => ({ value, kind: "batch" as const })),
    ...list(root.streamFeatureViews).map((value) => ({ value, kind: "stream" as const })),
    ...list(root.onDemandFeatureViews).map((value) => ({ value, kind: "on_demand" as const })),
  ];

  // Entities rarely carry their value type in a dump; the views' entityColumns do.
  const joinKeyTypes = new Map<string, string>();
  for (const { value } of rawViews) {
    for (const column of list(record(record(value)?.spec)?.entityColumns)) {
      const name = text(record(column)?.name);
      const type = feastValueType(record(column)?.valueType);
      if (name && type && !joinKeyTypes.has(name)) joinKeyTypes.set(name, type);
    }
  }

  const entities: EntityDefinition[] = [];
  for (const value of list(root.entities)) {
    const spec = record(record(value)?.spec);
    const name = text(spec?.name);
    if (!spec || !name) {
      skip("entity", "", "An entity has no spec.name");
      continue;
    }
    // Feast adds __dummy for views without entities; it is not a thing features describe.
    if (name === DUMMY_ENTITY) {
      skip("entity", name, "Feast's internal placeholder entity");
      continue;
    }
    const joinKey = text(spec.joinKey) ?? name;
    let valueType = feastValueType(spec.valueType) ?? joinKeyTypes.get(joinKey);
    if (!valueType) {
      valueType = "string";
      const why =
        spec.valueType === undefined ? "is not in the dump" : `(${JSON.stringify(spec.valueType)}) is unknown`;
      warn("entity", name, `The type of join key "${joinKey}" ${why}; assumed string`);
    }
    entities.push({
      name,
      joinKeys: [{ name: joinKey, valueType }],
      description: text(spec.description) ?? "",
      owner: ownerOf(spec),
      tags: tagList(spec.tags),
    });
    stamp("entity", name, value);
  }

  const views: FeatureViewDefinition[] = [];
  for (const { value, kind } of rawViews) {
    const spec = record(record(value)?.spec);
    const name = text(spec?.name);
    if (!spec || !name) {
      skip("feature_view", "", "A feature view has no spec.name");
      continue;
    }
    const mapped = mapFeatureView(spec, name, kind, {
      catalog,
      warn,
      skip,
      previousValueType: options.previousValueType,
    });
    if (typeof mapped === "string") {
      skip("feature_view", name, mapped);
      continue;
    }
    views.push(mapped);
    stamp("feature_view", name, value);
    for (const interval of list(record(record(value)?.meta)?.materializationIntervals)) {
      const startAt = timestamp(record(interval)?.startTime);
      const endAt = timestamp(record(interval)?.endTime);
      if (startAt && endAt) facts.materializations.push({ view: name, startAt, endAt });
    }
  }
  const viewFeatures = new Map(views.map((view) => [view.name, view.features.map((feature) => feature.name)]));

  /** Keep feature references whose view and feature were imported; say which were dropped. */
  const keepKnownRefs = (kind: DefinitionKind, owner: string, refs: string[]): string[] =>
    refs.filter((ref) => {
      const [view = "", feature = ""] = ref.split(":");
      const known = viewFeatures.get(view)?.includes(feature) ?? false;
      if (!known) warn(kind, owner, `Dropped feature "${ref}": its feature view or feature was not imported`);
      return known;
    });

  const services: FeatureServiceDefinition[] = [];
  for (const value of list(root.featureServices)) {
    const spec = record(record(value)?.spec);
    const name = text(spec?.name);
    if (!spec || !name) {
      skip("feature_service", "", "A feature service has no spec.name");
      continue;
    }
    const refs: string[] = [];
    const viewAliases: Record<string, string> = {};
    for (const projectionValue of list(spec.features)) {
      const projection = record(projectionValue);
      const view = text(projection?.featureViewName);
      if (!projection || !view) continue;
      const alias = text(projection.nameAlias) ?? text(projection.featureViewNameAlias);
      if (alias) viewAliases[view] = alias;
      const columns = list(projection.featureColumns).flatMap((column) => text(record(column)?.name) ?? []);
      // A projection without columns means the whole view.
      const chosen = columns.length > 0 ? columns : (viewFeatures.get(view) ?? []);
      for (const feature of chosen) refs.push(`${view}:${feature}`);
    }
    services.push({
      name,
      features: keepKnownRefs("feature_service", name, [...new Set(refs)]),
      // Feast has no latency budget.
      latencyBudgetMs: null,
      ...(Object.keys(viewAliases).length > 0 ? { viewAliases } : {}),
      description: text(spec.description) ?? "",
      owner: ownerOf(spec),
      tags: tagList(spec.tags),
    });
    stamp("feature_service", name, value);
  }

  const datasets = mapSavedDatasets(root, new Set(services.map((service) => service.name)), {
    skip,
    warn,
    keepKnownRefs,
    stamp,
  });

  for (const [key, kind] of [
    ["labelViews", "label_view"],
    ["permissions", "permission"],
  ] as const) {
    for (const value of list(root[key])) {
      const name = text(record(record(value)?.spec)?.name) ?? text(record(value)?.name) ?? "";
      skip(kind, name, "Featureline does not import this Feast kind");
    }
  }

  const parsed = repositoryDocumentSchema.safeParse({
    dataSources: [...catalog.sources.values()],
    entities,
    featureViews: views,
    featureServices: services,
    savedDatasets: datasets,
  });
  if (!parsed.success) {
    // Mapping builds valid shapes by construction; this guards against a field slipping through.
    for (const issue of parsed.error.issues) skip("registry", "", `Mapped document is invalid: ${issue.message}`);
    return { document: empty, report, facts };
  }
  const document = dropInvalid(parsed.data, skip);
  // Facts only for what is imported.
  const kept = new Set(
    (Object.entries(DOCUMENT_KEYS) as Array<[DefinitionKind, DocumentKey]>).flatMap(([kind, key]) =>
      (document[key] as Array<{ name: string }>).map((object) => `${kind}:${object.name}`),
    ),
  );
  facts.timestamps = facts.timestamps.filter((entry) => kept.has(`${entry.kind}:${entry.name}`));
  facts.materializations = facts.materializations.filter((entry) => kept.has(`feature_view:${entry.view}`));
  return { document, report, facts };
}

function mapSavedDatasets(
  root: Record<string, unknown>,
  serviceNames: Set<string>,
  context: {
    skip: Skip;
    warn: (kind: string, name: string, message: string) => void;
    keepKnownRefs: (kind: DefinitionKind, owner: string, refs: string[]) => string[];
    stamp: (kind: DefinitionKind, name: string, value: unknown) => void;
  },
): SavedDatasetDefinition[] {
  const { skip, warn, keepKnownRefs, stamp } = context;
  const datasets: SavedDatasetDefinition[] = [];
  for (const value of list(root.savedDatasets)) {
    const spec = record(record(value)?.spec);
    const meta = record(record(value)?.meta);
    const name = text(spec?.name);
    if (!spec || !name) {
      skip("saved_dataset", "", "A saved dataset has no spec.name");
      continue;
    }
    const refs = list(spec.features).flatMap((ref) => text(ref) ?? []);
    let featureService = text(spec.featureServiceName);
    if (featureService && !serviceNames.has(featureService)) {
      warn("saved_dataset", name, `Feature service "${featureService}" was not imported; reference dropped`);
      featureService = undefined;
    }
    const joinKeys = list(spec.joinKeys).flatMap((key) => text(key) ?? []);
    const startAt = timestamp(meta?.minEventTimestamp);
    const endAt = timestamp(meta?.maxEventTimestamp);
    datasets.push({
      name,
      ...(featureService ? { featureService } : {}),
      features: keepKnownRefs("saved_dataset", name, refs),
      storage: storageLocation(spec.storage),
      ...(joinKeys.length > 0 ? { joinKeys } : {}),
      ...(startAt ? { startAt } : {}),
      ...(endAt ? { endAt } : {}),
      description: text(spec.description) ?? "",
      owner: ownerOf(spec),
      tags: tagList(spec.tags),
    });
    stamp("saved_dataset", name, value);
  }
  return datasets;
}

function storageLocation(value: unknown): string {
  // { fileStorage: { uri } }, { bigqueryStorage: { table } }, { snowflakeStorage: { table } } ...
  for (const block of Object.values(record(value) ?? {})) {
    const options = record(block);
    const location = text(options?.uri) ?? text(options?.table) ?? text(options?.path) ?? text(options?.query);
    if (location) return location;
  }
  return "";
}

/**
 * Drop objects the validator still rejects (a name Featureline does not allow, a reference to
 * something skipped), repeating because dropping one can orphan another.
 */
function dropInvalid(document: RepositoryDocument, skip: Skip): RepositoryDocument {
  let current = document;
  for (;;) {
    const errors = validateRepository(current).filter((issue) => issue.severity === "error");
    if (errors.length === 0) return current;
    const next: RepositoryDocument = { ...current };
    let dropped = 0;
    for (const [kind, key] of Object.entries(DOCUMENT_KEYS) as Array<[DefinitionKind, DocumentKey]>) {
      const failing = new Map<number, string>();
      for (const issue of errors) {
        const match = new RegExp(`^${key}\\[(\\d+)\\]`).exec(issue.path);
        if (match && !failing.has(Number(match[1]))) failing.set(Number(match[1]), `${issue.path}: ${issue.message}`);
      }
      if (failing.size === 0) continue;
      const objects: Array<{ name: string }> = current[key];
      for (const [i, reason] of failing) skip(kind, objects[i]?.name ?? "", `Fails validation: ${reason}`);
      dropped += failing.size;
      Object.assign(next, { [key]: objects.filter((_, i) => !failing.has(i)) });
    }
    // Every validation issue points into an object; this only guards against a future one that does not.
    if (dropped === 0) return current;
    current = next;
  }
}
