import YAML from "yaml";
import { z } from "zod";
import { lineColumnAt, parseJsonText, refuseNulBytes, type SyntaxResult } from "@/lib/json-text";

import { parseDuration } from "@/lib/duration";

/*
 * The canonical "definitions as code" document. Objects reference each other by name within a
 * workspace; defaults are filled here so a minimal document stays short and two documents that
 * mean the same thing hash the same. Objects are strict: an unknown key is usually a typo
 * ("window" for "windows") and silently dropping it would lose the author's intent.
 */

// ---------------------------------------------------------------- kinds

/** Versioned definition kinds, spelled as Prisma's ObjectKind. */
export const DEFINITION_KINDS = [
  "data_source",
  "entity",
  "feature_view",
  "feature_service",
  "saved_dataset",
  "model",
] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

/** The document key holding each kind; the order is dependency order (sources first). */
export const DOCUMENT_KEYS = {
  data_source: "dataSources",
  entity: "entities",
  feature_view: "featureViews",
  feature_service: "featureServices",
  saved_dataset: "savedDatasets",
  model: "models",
} as const satisfies Record<DefinitionKind, string>;
export type DocumentKey = (typeof DOCUMENT_KEYS)[DefinitionKind];

// ---------------------------------------------------------------- value types

const SCALAR_VALUE_TYPES = ["int32", "int64", "float32", "float64", "string", "bytes", "bool", "timestamp"] as const;
export type ScalarValueType = (typeof SCALAR_VALUE_TYPES)[number];

const SCALARS = new Set<string>(SCALAR_VALUE_TYPES);

/** int64, array<float64>, embedding<768> ... Matching is exact: value types are lower case. */
export function isKnownValueType(valueType: string): boolean {
  if (SCALARS.has(valueType)) return true;
  const array = /^array<(.+)>$/.exec(valueType);
  if (array) return SCALARS.has(array[1]!);
  const embedding = /^embedding<([1-9]\d*)>$/.exec(valueType);
  return embedding !== null;
}

// ---------------------------------------------------------------- building blocks

const nameSchema = z.string().min(1, "Must not be empty");
const textSchema = z.string().default("");
const tagsSchema = z.array(z.string()).default([]);

const durationSchema = z.string().refine((text) => parseDuration(text) !== null, {
  message: 'Not a duration: use forms like "30s", "5m", "1h", "15d" or "1h30m"',
});

const featureRefSchema = z.string().regex(/^[^:\s]+:[^:\s]+$/, 'Expected a feature reference "view:feature"');

const columnRefSchema = z.string().regex(/^[^.\s]+\.[^.\s]+$/, 'Expected a column reference "source.column"');

// ---------------------------------------------------------------- data source

export const DATA_SOURCE_PLATFORMS = [
  "snowflake",
  "bigquery",
  "redshift",
  "postgres",
  "s3_parquet",
  "file",
  "kafka",
  "kinesis",
  "pubsub",
  "push",
  "request",
  "other",
] as const;

export const dataSourceColumnSchema = z.strictObject({
  name: nameSchema,
  type: z.string().min(1, "Must not be empty"),
  description: textSchema,
});

export const dataSourceDefinitionSchema = z.strictObject({
  name: nameSchema,
  kind: z.enum(["batch", "stream", "request"]),
  platform: z.enum(DATA_SOURCE_PLATFORMS),
  /** Table, query, topic or URI: connection metadata, never secrets. */
  location: textSchema,
  eventTimestampColumn: z.string().min(1).optional(),
  /** A stream source's batch backfill source (by name). */
  batchSource: nameSchema.optional(),
  columns: z.array(dataSourceColumnSchema).default([]),
  description: textSchema,
  owner: textSchema,
  team: z.string().optional(),
  tags: tagsSchema,
  options: z.record(z.string(), z.unknown()).default({}),
});
export type DataSourceDefinition = z.infer<typeof dataSourceDefinitionSchema>;
export type DataSourceColumn = z.infer<typeof dataSourceColumnSchema>;

// ---------------------------------------------------------------- entity

export const joinKeySchema = z.strictObject({
  name: nameSchema,
  valueType: z.string().min(1, "Must not be empty"),
});

export const entityDefinitionSchema = z.strictObject({
  name: nameSchema,
  joinKeys: z.array(joinKeySchema).min(1, "An entity needs at least one join key"),
  description: textSchema,
  owner: textSchema,
  team: z.string().optional(),
  tags: tagsSchema,
});
export type EntityDefinition = z.infer<typeof entityDefinitionSchema>;
export type JoinKey = z.infer<typeof joinKeySchema>;

// ---------------------------------------------------------------- feature view

export const AGGREGATION_FUNCTIONS = ["count", "sum", "mean", "min", "max", "distinct_count", "last_n"] as const;

export const aggregationSchema = z.strictObject({
  function: z.enum(AGGREGATION_FUNCTIONS),
  column: nameSchema,
  windows: z.array(durationSchema).min(1, "An aggregation needs at least one window"),
  slideInterval: durationSchema.optional(),
});

export const transformationSchema = z.strictObject({
  language: z.enum(["sql", "python", "typescript"]).default("sql"),
  code: z.string(),
  /** How the platform runs the code (Feast: "pandas", "python", "spark" ...), when it says. */
  mode: z.string().min(1).optional(),
});

/** "0s" is a TTL of its own: features never expire (Feast's `ttl: 0s`, shown as "no expiry"). */
export const NO_EXPIRY_TTL = "0s";

export const featureDefinitionSchema = z.strictObject({
  name: nameSchema,
  valueType: z.string().min(1, "Must not be empty"),
  description: textSchema,
  tags: tagsSchema,
  /** Feature-level lineage: "source.column". */
  sourceColumns: z.array(columnRefSchema).default([]),
});

export const featureViewDefinitionSchema = z.strictObject({
  name: nameSchema,
  kind: z.enum(["batch", "stream", "on_demand"]).default("batch"),
  sources: z.array(nameSchema).default([]),
  entities: z.array(nameSchema).default([]),
  /** An on-demand view's input feature views. */
  inputs: z.array(nameSchema).default([]),
  /** The input views' features an on-demand view reads ("view:feature"), when it chooses columns. */
  inputFeatures: z.array(featureRefSchema).optional(),
  transformation: transformationSchema.optional(),
  schedule: durationSchema.optional(),
  ttl: z.union([z.literal(NO_EXPIRY_TTL), durationSchema]).optional(),
  online: z.boolean().default(true),
  offline: z.boolean().default(true),
  slideInterval: durationSchema.optional(),
  freshnessSla: durationSchema.optional(),
  aggregations: z.array(aggregationSchema).default([]),
  features: z.array(featureDefinitionSchema).default([]),
  description: textSchema,
  owner: textSchema,
  team: z.string().optional(),
  tags: tagsSchema,
});
export type FeatureViewDefinition = z.infer<typeof featureViewDefinitionSchema>;
export type FeatureDefinition = z.infer<typeof featureDefinitionSchema>;
export type Aggregation = z.infer<typeof aggregationSchema>;
export type Transformation = z.infer<typeof transformationSchema>;

// ---------------------------------------------------------------- services, models, datasets

export const featureServiceDefinitionSchema = z.strictObject({
  name: nameSchema,
  features: z.array(featureRefSchema).default([]),
  /** p99 serving latency budget; 50 ms when authored without one, null when the platform has none. */
  latencyBudgetMs: z.number().int().positive().nullable().default(50),
  /** The name a service exposes a view's features under (Feast's projection alias), by view. */
  viewAliases: z.record(z.string(), nameSchema).optional(),
  description: textSchema,
  owner: textSchema,
  team: z.string().optional(),
  tags: tagsSchema,
});
export type FeatureServiceDefinition = z.infer<typeof featureServiceDefinitionSchema>;

export const modelDefinitionSchema = z.strictObject({
  name: nameSchema,
  // YAML reads `version: 3` as a number; versions are labels, so keep them as strings.
  version: z.preprocess((value) => (typeof value === "number" ? String(value) : value), z.string().min(1)).default("1"),
  featureServices: z.array(nameSchema).default([]),
  trainingDataset: nameSchema.optional(),
  endpoint: textSchema,
  description: textSchema,
  owner: textSchema,
  team: z.string().optional(),
  tags: tagsSchema,
});
export type ModelDefinition = z.infer<typeof modelDefinitionSchema>;

export const savedDatasetDefinitionSchema = z.strictObject({
  name: nameSchema,
  featureService: nameSchema.optional(),
  features: z.array(featureRefSchema).default([]),
  storage: textSchema,
  /** Entity and request columns the rows are keyed by. */
  joinKeys: z.array(nameSchema).optional(),
  /** Event-time range the rows cover (RFC 3339). */
  startAt: z.iso.datetime({ offset: true }).optional(),
  endAt: z.iso.datetime({ offset: true }).optional(),
  description: textSchema,
  owner: textSchema,
  team: z.string().optional(),
  tags: tagsSchema,
});
export type SavedDatasetDefinition = z.infer<typeof savedDatasetDefinitionSchema>;

/** The zod schema of each kind, for single-object parsing (forms, stored versions). */
export const definitionSchemas = {
  data_source: dataSourceDefinitionSchema,
  entity: entityDefinitionSchema,
  feature_view: featureViewDefinitionSchema,
  feature_service: featureServiceDefinitionSchema,
  saved_dataset: savedDatasetDefinitionSchema,
  model: modelDefinitionSchema,
} as const;

export interface DefinitionByKind {
  data_source: DataSourceDefinition;
  entity: EntityDefinition;
  feature_view: FeatureViewDefinition;
  feature_service: FeatureServiceDefinition;
  saved_dataset: SavedDatasetDefinition;
  model: ModelDefinition;
}
export type AnyDefinition = DefinitionByKind[DefinitionKind];

// ---------------------------------------------------------------- repository document

export const repositoryDocumentSchema = z.strictObject({
  workspace: z.string().min(1).optional(),
  /** Delete registry objects the document does not mention. Off by default: deleting is loud. */
  prune: z.boolean().default(false),
  dataSources: z.array(dataSourceDefinitionSchema).default([]),
  entities: z.array(entityDefinitionSchema).default([]),
  featureViews: z.array(featureViewDefinitionSchema).default([]),
  featureServices: z.array(featureServiceDefinitionSchema).default([]),
  models: z.array(modelDefinitionSchema).default([]),
  savedDatasets: z.array(savedDatasetDefinitionSchema).default([]),
});
export type RepositoryDocument = z.infer<typeof repositoryDocumentSchema>;
export type RepositoryDocumentInput = z.input<typeof repositoryDocumentSchema>;

/** JSON Schema of what authors write (defaults make fields optional), for editors and the API. */
export function repositoryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(repositoryDocumentSchema, { io: "input" }) as Record<string, unknown>;
}

// ---------------------------------------------------------------- parsing text

export interface SchemaIssue {
  path: string;
  message: string;
}

export type ParseRepositoryResult =
  | { ok: true; document: RepositoryDocument }
  | { ok: false; status: 400; error: { message: string; line: number; column: number } }
  | { ok: false; status: 422; issues: SchemaIssue[] };

/** `featureViews[3].aggregations[0].windows[1]`: dots for keys, [i] for indices. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** Zod issues as `{ path, message }`; an unknown key is reported at its own path. */
export function formatZodIssues(error: z.ZodError): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ path: formatIssuePath([...issue.path, key]), message: `Unknown field "${key}"` });
      }
    } else {
      issues.push({ path: formatIssuePath(issue.path), message: issue.message });
    }
  }
  return issues;
}

/** Parse a repository document written as YAML or JSON, then check it against the schema. */
export function parseRepositoryText(text: string, contentType?: string): ParseRepositoryResult {
  const syntax = isJson(text, contentType) ? parseJsonText(text) : parseYamlText(text);
  if (!syntax.ok) return { ok: false, status: 400, error: syntax.error };
  if (syntax.value === null || syntax.value === undefined) {
    return { ok: false, status: 422, issues: [{ path: "", message: "The document is empty" }] };
  }
  const parsed = repositoryDocumentSchema.safeParse(syntax.value);
  if (!parsed.success) return { ok: false, status: 422, issues: formatZodIssues(parsed.error) };
  return { ok: true, document: parsed.data };
}

function isJson(text: string, contentType?: string): boolean {
  const type = contentType?.toLowerCase() ?? "";
  if (type.includes("json")) return true;
  if (type.includes("yaml") || type.includes("yml")) return false;
  return /^\s*[{[]/.test(text);
}

function parseYamlText(text: string): SyntaxResult {
  const document = YAML.parseDocument(text);
  const first = document.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    const { line, column } = at ? { line: at.line, column: at.col } : lineColumnAt(text, first.pos[0]);
    // prettyErrors appends " at line N, column M:" and a code excerpt; line/column are fields here.
    const message = (first.message.split("\n")[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, "");
    return { ok: false, error: { message, line, column } };
  }
  try {
    return refuseNulBytes(text, document.toJS({ maxAliasCount: 100 }) as unknown);
  } catch (error) {
    // An alias bomb ("billion laughs") stops at maxAliasCount with a ReferenceError.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message: `Cannot expand the document: ${message}`, line: 1, column: 1 } };
  }
}
