import { formatDuration, parseDuration } from "@/lib/duration";
import {
  DOCUMENT_KEYS,
  repositoryDocumentSchema,
  type Aggregation,
  type DataSourceDefinition,
  type DefinitionKind,
  type DocumentKey,
  type EntityDefinition,
  type FeatureDefinition,
  type FeatureServiceDefinition,
  type FeatureViewDefinition,
  type RepositoryDocument,
  type SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import { validateRepository } from "@/lib/definitions/validate";

/*
 * Maps a `feast registry-dump` JSON (see FEAST.md) onto a repository document. Protobuf JSON
 * omits every field at its default, hand-written dumps use enum numbers, and versions differ,
 * so every field is optional here: anything that cannot be mapped is skipped with a reason,
 * never thrown. The result is checked with the same validation an apply runs, and objects that
 * still fail are skipped too, so the document is always applicable.
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

export interface FeastImportResult {
  document: RepositoryDocument;
  report: FeastImportReport;
}

type Json = Record<string, unknown>;
type SourceKind = DataSourceDefinition["kind"];
type Platform = DataSourceDefinition["platform"];

const DUMMY_ENTITY = "__dummy";

// ---------------------------------------------------------------- enums

const SOURCE_TYPE_NUMBERS: Record<number, string> = {
  0: "INVALID",
  1: "BATCH_FILE",
  2: "BATCH_BIGQUERY",
  3: "STREAM_KAFKA",
  4: "STREAM_KINESIS",
  5: "BATCH_REDSHIFT",
  6: "CUSTOM_SOURCE",
  7: "REQUEST_SOURCE",
  8: "BATCH_SNOWFLAKE",
  9: "PUSH_SOURCE",
  10: "BATCH_TRINO",
  11: "BATCH_SPARK",
  12: "BATCH_ATHENA",
};

const SOURCE_TYPES: Record<string, { kind: SourceKind; platform: Platform }> = {
  BATCH_FILE: { kind: "batch", platform: "file" },
  BATCH_BIGQUERY: { kind: "batch", platform: "bigquery" },
  BATCH_SNOWFLAKE: { kind: "batch", platform: "snowflake" },
  BATCH_REDSHIFT: { kind: "batch", platform: "redshift" },
  BATCH_TRINO: { kind: "batch", platform: "other" },
  BATCH_SPARK: { kind: "batch", platform: "other" },
  BATCH_ATHENA: { kind: "batch", platform: "other" },
  CUSTOM_SOURCE: { kind: "batch", platform: "other" },
  STREAM_KAFKA: { kind: "stream", platform: "kafka" },
  STREAM_KINESIS: { kind: "stream", platform: "kinesis" },
  PUSH_SOURCE: { kind: "stream", platform: "push" },
  REQUEST_SOURCE: { kind: "request", platform: "request" },
};

// When `type` is missing (its default, INVALID, is omitted), the options block says what it is.
const OPTIONS_BLOCKS: Array<[string, string]> = [
  ["fileOptions", "BATCH_FILE"],
  ["bigqueryOptions", "BATCH_BIGQUERY"],
  ["snowflakeOptions", "BATCH_SNOWFLAKE"],
  ["redshiftOptions", "BATCH_REDSHIFT"],
  ["trinoOptions", "BATCH_TRINO"],
  ["sparkOptions", "BATCH_SPARK"],
  ["athenaOptions", "BATCH_ATHENA"],
  ["customOptions", "CUSTOM_SOURCE"],
  ["kafkaOptions", "STREAM_KAFKA"],
  ["kinesisOptions", "STREAM_KINESIS"],
  ["pushOptions", "PUSH_SOURCE"],
  ["requestDataOptions", "REQUEST_SOURCE"],
];

const VALUE_TYPE_NUMBERS: Record<number, string> = {
  1: "BYTES",
  2: "STRING",
  3: "INT32",
  4: "INT64",
  5: "DOUBLE",
  6: "FLOAT",
  7: "BOOL",
  8: "UNIX_TIMESTAMP",
  11: "BYTES_LIST",
  12: "STRING_LIST",
  13: "INT32_LIST",
  14: "INT64_LIST",
  15: "DOUBLE_LIST",
  16: "FLOAT_LIST",
  17: "BOOL_LIST",
  18: "UNIX_TIMESTAMP_LIST",
  19: "NULL",
  20: "MAP",
  21: "MAP_LIST",
  30: "UUID",
  31: "TIME_UUID",
  32: "UUID_LIST",
  33: "TIME_UUID_LIST",
};

const SCALAR_TYPES: Record<string, string> = {
  BYTES: "bytes",
  STRING: "string",
  INT32: "int32",
  INT64: "int64",
  DOUBLE: "float64",
  FLOAT: "float32",
  BOOL: "bool",
  UNIX_TIMESTAMP: "timestamp",
  // Identifiers travel as text; nothing is lost.
  UUID: "string",
  TIME_UUID: "string",
};

/** A Feast value type (name or number) as ours, or undefined when there is no equivalent. */
export function feastValueType(value: unknown): string | undefined {
  const name =
    typeof value === "number" ? VALUE_TYPE_NUMBERS[value] : typeof value === "string" ? value.toUpperCase() : undefined;
  if (!name) return undefined;
  const scalar = SCALAR_TYPES[name];
  if (scalar) return scalar;
  const list = /^(.+)_LIST$/.exec(name);
  const element = list ? SCALAR_TYPES[list[1]!] : undefined;
  return element ? `array<${element}>` : undefined;
}

const AGGREGATION_FUNCTIONS: Record<string, Aggregation["function"]> = {
  count: "count",
  sum: "sum",
  mean: "mean",
  avg: "mean",
  min: "min",
  max: "max",
  count_distinct: "distinct_count",
  distinct_count: "distinct_count",
  approx_count_distinct: "distinct_count",
  last: "last_n",
  last_n: "last_n",
};

// ---------------------------------------------------------------- small readers

function record(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Feast tags (a string map) as "key:value", the form Feast's CLI filters by. */
function tagList(value: unknown): string[] {
  const tags = record(value);
  if (!tags) return [];
  // Sorted: a registry.db keeps map entries in write order, a dump sorts them; both must hash the same.
  return Object.entries(tags)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tag]) => `${key}:${typeof tag === "string" ? tag : JSON.stringify(tag)}`);
}

/** Feast has an `owner` field, but most repositories put the owner in a tag. */
function ownerOf(spec: Json): string {
  return text(spec.owner) ?? text(record(spec.tags)?.owner) ?? "";
}

/** A protobuf Duration ("86400s", or { seconds }) in seconds; undefined for missing or zero. */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === "string") return parseDuration(value) ?? undefined;
  const object = record(value);
  if (object) {
    const seconds = Number(object.seconds ?? 0) + Number(object.nanos ?? 0) / 1e9;
    return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : undefined;
  }
  return undefined;
}

function readableDuration(value: unknown): string | undefined {
  const seconds = durationSeconds(value);
  return seconds === undefined ? undefined : formatDuration(seconds);
}

// ---------------------------------------------------------------- import

export function feastDumpToRepository(dump: unknown): FeastImportResult {
  const report: FeastImportReport = { skipped: [], warnings: [] };
  const root = record(dump);
  const empty = repositoryDocumentSchema.parse({});
  if (!root) {
    report.skipped.push({ kind: "registry", name: "", reason: "The dump is not a JSON object" });
    return { document: empty, report };
  }
  const project = text(root.project);
  if (project) report.project = project;

  const skip = (kind: string, name: string, reason: string) => report.skipped.push({ kind, name, reason });
  const warn = (kind: string, name: string, message: string) => report.warnings.push({ kind, name, message });

  // ------------------------------------------------------------ data sources
  const sources = new Map<string, DataSourceDefinition>();

  /** Map a data source (top level or a full copy inside a view); returns its name if usable. */
  const addSource = (value: unknown, where: string): string | undefined => {
    const raw = record(value);
    const name = text(raw?.name);
    if (!raw || !name) {
      skip("data_source", "", `A data source ${where} has no name`);
      return undefined;
    }
    if (sources.has(name)) return name;
    const mapped = mapDataSource(raw, name, addSource, warn);
    if (typeof mapped === "string") {
      skip("data_source", name, mapped);
      return undefined;
    }
    sources.set(name, mapped);
    return name;
  };
  for (const value of list(root.dataSources)) addSource(value, "in dataSources");

  // ------------------------------------------------------------ feature views (need entity types)
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

  // ------------------------------------------------------------ entities
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
      warn("entity", name, `The type of join key "${joinKey}" is not in the dump; assumed string`);
    }
    entities.push({
      name,
      joinKeys: [{ name: joinKey, valueType }],
      description: text(spec.description) ?? "",
      owner: ownerOf(spec),
      tags: tagList(spec.tags),
    });
  }

  // ------------------------------------------------------------ feature views
  const views: FeatureViewDefinition[] = [];
  for (const { value, kind } of rawViews) {
    const spec = record(record(value)?.spec);
    const name = text(spec?.name);
    if (!spec || !name) {
      skip("feature_view", "", "A feature view has no spec.name");
      continue;
    }
    const mapped = mapFeatureView(spec, name, kind, { addSource, sources, warn, skip });
    if (typeof mapped === "string") skip("feature_view", name, mapped);
    else views.push(mapped);
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

  // ------------------------------------------------------------ feature services
  const services: FeatureServiceDefinition[] = [];
  for (const value of list(root.featureServices)) {
    const spec = record(record(value)?.spec);
    const name = text(spec?.name);
    if (!spec || !name) {
      skip("feature_service", "", "A feature service has no spec.name");
      continue;
    }
    const refs: string[] = [];
    for (const projectionValue of list(spec.features)) {
      const projection = record(projectionValue);
      const view = text(projection?.featureViewName);
      if (!projection || !view) continue;
      if (text(projection.nameAlias)) {
        warn("feature_service", name, `Alias "${String(projection.nameAlias)}" of view "${view}" is not kept`);
      }
      const columns = list(projection.featureColumns).flatMap((column) => text(record(column)?.name) ?? []);
      // A projection without columns means the whole view.
      const chosen = columns.length > 0 ? columns : (viewFeatures.get(view) ?? []);
      for (const feature of chosen) refs.push(`${view}:${feature}`);
    }
    services.push({
      name,
      features: keepKnownRefs("feature_service", name, [...new Set(refs)]),
      latencyBudgetMs: 50,
      description: text(spec.description) ?? "",
      owner: ownerOf(spec),
      tags: tagList(spec.tags),
    });
  }

  // ------------------------------------------------------------ saved datasets
  const datasets: SavedDatasetDefinition[] = [];
  const serviceNames = new Set(services.map((service) => service.name));
  for (const value of list(root.savedDatasets)) {
    const spec = record(record(value)?.spec);
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
    datasets.push({
      name,
      ...(featureService ? { featureService } : {}),
      features: keepKnownRefs("saved_dataset", name, refs),
      storage: storageLocation(spec.storage),
      description: text(spec.description) ?? "",
      owner: ownerOf(spec),
      tags: tagList(spec.tags),
    });
  }

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
    dataSources: [...sources.values()],
    entities,
    featureViews: views,
    featureServices: services,
    savedDatasets: datasets,
  });
  if (!parsed.success) {
    // Mapping builds valid shapes by construction; this guards against a field slipping through.
    for (const issue of parsed.error.issues) skip("registry", "", `Mapped document is invalid: ${issue.message}`);
    return { document: empty, report };
  }
  return { document: dropInvalid(parsed.data, skip), report };
}

// ---------------------------------------------------------------- per-kind mapping

type Skip = (kind: string, name: string, reason: string) => void;
type Warn = (kind: string, name: string, message: string) => void;

function mapDataSource(
  raw: Json,
  name: string,
  addSource: (value: unknown, where: string) => string | undefined,
  warn: Warn,
): DataSourceDefinition | string {
  const declared = typeof raw.type === "number" ? SOURCE_TYPE_NUMBERS[raw.type] : text(raw.type);
  const block = OPTIONS_BLOCKS.find(([key]) => record(raw[key]));
  const typeName = declared && declared !== "INVALID" ? declared : block?.[1];
  const type = typeName ? SOURCE_TYPES[typeName] : undefined;
  if (!type) return `Unknown data source type ${JSON.stringify(raw.type ?? null)}`;

  const options = (block ? record(raw[block[0]]) : undefined) ?? {};
  let platform = type.platform;
  let location = "";
  if (typeName === "BATCH_FILE") {
    location = text(options.uri) ?? "";
    if (/^s3a?:\/\//i.test(location)) platform = "s3_parquet";
  } else if (typeName === "STREAM_KAFKA") {
    location = text(options.topic) ?? "";
  } else if (typeName === "STREAM_KINESIS") {
    location = text(options.streamName) ?? "";
  } else if (typeName !== "REQUEST_SOURCE" && typeName !== "PUSH_SOURCE") {
    const table = [options.database, options.schema, options.table].flatMap((part) => text(part) ?? []).join(".");
    location = text(options.table) ? table : (text(options.query) ?? text(options.path) ?? "");
  }

  const columns: DataSourceDefinition["columns"] = [];
  if (typeName === "REQUEST_SOURCE") {
    for (const field of list(options.schema)) {
      const fieldName = text(record(field)?.name);
      if (!fieldName) continue;
      const valueType = feastValueType(record(field)?.valueType);
      if (!valueType) warn("data_source", name, `Request field "${fieldName}" has an unsupported type; kept as string`);
      columns.push({
        name: fieldName,
        type: valueType ?? "string",
        description: text(record(field)?.description) ?? "",
      });
    }
    // Feast before 0.20 wrote the request schema as a name -> type map.
    for (const [fieldName, valueType] of Object.entries(record(options.deprecatedSchema) ?? {})) {
      if (!columns.some((column) => column.name === fieldName)) {
        columns.push({ name: fieldName, type: feastValueType(valueType) ?? "string", description: "" });
      }
    }
  }

  const source: DataSourceDefinition = {
    name,
    kind: type.kind,
    platform,
    location,
    columns,
    description: text(raw.description) ?? "",
    owner: ownerOf(raw),
    tags: tagList(raw.tags),
    options: {
      feastType: typeName,
      ...(typeName === "REQUEST_SOURCE" ? {} : options),
      ...(text(raw.createdTimestampColumn) ? { createdTimestampColumn: raw.createdTimestampColumn } : {}),
      ...(record(raw.fieldMapping) ? { fieldMapping: raw.fieldMapping } : {}),
    },
  };
  const timestamp = text(raw.timestampField);
  if (timestamp) source.eventTimestampColumn = timestamp;
  if (raw.batchSource !== undefined) {
    if (type.kind === "stream") {
      const backfill = addSource(raw.batchSource, `as the backfill of "${name}"`);
      if (backfill && backfill !== name) source.batchSource = backfill;
    } else {
      warn("data_source", name, "A backfill source on a non-stream source is ignored");
    }
  }
  return source;
}

interface ViewContext {
  addSource: (value: unknown, where: string) => string | undefined;
  sources: Map<string, DataSourceDefinition>;
  warn: Warn;
  skip: Skip;
}

function mapFeatureView(
  spec: Json,
  name: string,
  kind: FeatureViewDefinition["kind"],
  { addSource, sources, warn, skip }: ViewContext,
): FeatureViewDefinition | string {
  const viewSources: string[] = [];
  const inputs: string[] = [];
  const include = (value: unknown, role: string) => {
    if (value === undefined) return undefined;
    const source = addSource(value, `(${role} of "${name}")`);
    if (source && !viewSources.includes(source)) viewSources.push(source);
    return source;
  };

  if (kind === "on_demand") {
    for (const [key, entry] of Object.entries(record(spec.sources) ?? {})) {
      const projection = record(record(entry)?.featureViewProjection);
      const request = record(entry)?.requestDataSource;
      if (projection) {
        const input = text(projection.featureViewName) ?? key;
        if (!inputs.includes(input)) inputs.push(input);
      } else if (request !== undefined) {
        include(request, "request source");
      } else {
        warn("feature_view", name, `Source "${key}" is neither a feature view nor a request source; ignored`);
      }
    }
  } else if (kind === "stream") {
    const stream = include(spec.streamSource, "stream source");
    if (!stream) return "The stream feature view has no usable stream source";
    if (!sources.get(stream)?.batchSource) include(spec.batchSource, "batch source");
  } else {
    const batch = include(spec.batchSource, "batch source");
    // A Feast view fed by a push or Kafka source keeps it as a second source.
    include(spec.streamSource, "stream source");
    if (!batch) return "The feature view has no usable batch source";
  }

  const batchSource = kind === "batch" ? viewSources[0] : undefined;
  const fieldMapping = batchSource ? record(sources.get(batchSource)?.options.fieldMapping) : undefined;
  const columnOf = (feature: string) =>
    Object.entries(fieldMapping ?? {}).find(([, mapped]) => mapped === feature)?.[0] ?? feature;

  const features: FeatureDefinition[] = [];
  for (const value of list(spec.features)) {
    const raw = record(value);
    const featureName = text(raw?.name);
    if (!raw || !featureName) continue;
    const valueType = feastValueType(raw.valueType);
    if (!valueType) {
      skip(
        "feature",
        `${name}:${featureName}`,
        `Value type ${JSON.stringify(raw.valueType ?? null)} has no equivalent`,
      );
      continue;
    }
    const declared = batchSource ? (sources.get(batchSource)?.columns ?? []) : [];
    const column = columnOf(featureName);
    // A batch view's feature is the source column of the same name, after Feast's field mapping.
    const lineage =
      batchSource && (declared.length === 0 || declared.some((c) => c.name === column))
        ? [`${batchSource}.${column}`]
        : [];
    features.push({
      name: featureName,
      valueType,
      description: text(raw.description) ?? "",
      tags: tagList(raw.tags),
      sourceColumns: lineage,
    });
  }

  const view: FeatureViewDefinition = {
    name,
    kind,
    sources: viewSources,
    entities: list(spec.entities).flatMap((entity) => {
      const entityName = text(entity);
      return entityName && entityName !== DUMMY_ENTITY ? [entityName] : [];
    }),
    inputs,
    online: kind === "on_demand" ? true : spec.online === true,
    offline: true,
    aggregations: kind === "stream" ? mapAggregations(spec, name, warn) : [],
    features,
    description: text(spec.description) ?? "",
    owner: ownerOf(spec),
    tags: tagList(spec.tags),
  };
  const ttl = readableDuration(spec.ttl);
  if (ttl) view.ttl = ttl;

  const udf = record(spec.userDefinedFunction) ?? record(record(spec.featureTransformation)?.userDefinedFunction);
  const code = text(udf?.bodyText);
  if (code) view.transformation = { language: "python", code };
  else if (kind === "on_demand") {
    // `body` is a pickled function (base64), not source code: keep a marker, not the bytes.
    view.transformation = { language: "python", code: "# The function's source is not in the registry dump.\n" };
    warn("feature_view", name, "The transformation's source text is missing from the dump");
  }
  if (kind === "stream" && view.aggregations.length === 0) {
    return "The stream feature view has no aggregation Featureline supports";
  }
  return view;
}

function mapAggregations(spec: Json, view: string, warn: Warn): Aggregation[] {
  // Feast writes one aggregation per window; ours groups the windows of one function and column.
  const groups = new Map<string, Aggregation>();
  for (const value of list(spec.aggregations)) {
    const raw = record(value);
    const column = text(raw?.column);
    const feastFunction = text(raw?.function)?.toLowerCase() ?? "";
    const fn = AGGREGATION_FUNCTIONS[feastFunction];
    const window = readableDuration(raw?.timeWindow);
    if (!raw || !column || !fn || !window) {
      warn("feature_view", view, `Aggregation ${JSON.stringify(value)} is not supported and was left out`);
      continue;
    }
    const slideInterval = readableDuration(raw.slideInterval);
    const key = `${fn}|${column}|${slideInterval ?? ""}`;
    const group = groups.get(key);
    if (group) {
      if (!group.windows.includes(window)) group.windows.push(window);
    } else {
      groups.set(key, { function: fn, column, windows: [window], ...(slideInterval ? { slideInterval } : {}) });
    }
  }
  return [...groups.values()];
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
