import type { DataSourceDefinition } from "@/lib/definitions/schema";
import {
  OPTIONS_BLOCKS,
  SOURCE_TYPE_NUMBERS,
  SOURCE_TYPES,
  feastValueType,
  list,
  ownerOf,
  record,
  tagList,
  text,
  type Json,
} from "@/lib/feast/feast-json";

/*
 * Data sources: the top-level list and the full copies Feast embeds in views and services.
 * Feast 0.18-era registries embed unnamed batch sources in every view; those get a name derived
 * from their view, and identical ones (same content, ignoring the name) become one source.
 */

export type Warn = (kind: string, name: string, message: string) => void;
export type Skip = (kind: string, name: string, reason: string) => void;

export interface SourceCatalog {
  sources: Map<string, DataSourceDefinition>;
  /**
   * Registers a source (a top-level one or a copy inside an object) and returns its name.
   * `fallbackName` names an unnamed embedded source.
   */
  add(value: unknown, where: string, fallbackName?: string): string | undefined;
}

export function sourceCatalog(warn: Warn, skip: Skip): SourceCatalog {
  const sources = new Map<string, DataSourceDefinition>();
  // Content (without the name) -> name, so an unnamed copy reuses an identical source.
  const byContent = new Map<string, string>();

  const add = (value: unknown, where: string, fallbackName?: string): string | undefined => {
    const raw = record(value);
    if (!raw) {
      skip("data_source", "", `A data source ${where} is not an object`);
      return undefined;
    }
    const declaredName = text(raw.name);
    const content = contentKey(raw);
    if (!declaredName) {
      const same = byContent.get(content);
      if (same) return same;
      if (!fallbackName) {
        skip("data_source", "", `A data source ${where} has no name`);
        return undefined;
      }
    }
    let name = declaredName ?? fallbackName!;
    if (!declaredName) {
      // A derived name must not take over a different source that already has it.
      for (let n = 2; sources.has(name); n++) name = `${fallbackName}_${n}`;
    }
    if (sources.has(name)) return name;
    const mapped = mapDataSource(raw, name, add, warn);
    sources.set(name, mapped);
    if (!byContent.has(content)) byContent.set(content, name);
    if (!declaredName) warn("data_source", name, `The source ${where} has no name in Feast; named "${name}"`);
    return name;
  };
  return { sources, add };
}

/** Canonical JSON of a source without the fields that do not describe where data comes from. */
function contentKey(raw: Json): string {
  const rest: Json = { ...raw };
  delete rest.name;
  delete rest.project;
  delete rest.dataSourceClassType;
  delete rest.meta;
  return canonical(rest);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const object = record(value);
  if (object) {
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function mapDataSource(raw: Json, name: string, add: SourceCatalog["add"], warn: Warn): DataSourceDefinition {
  const declared = typeof raw.type === "number" ? SOURCE_TYPE_NUMBERS[raw.type] : text(raw.type);
  const block = OPTIONS_BLOCKS.find(([key]) => record(raw[key]));
  const typeName = declared && declared !== "INVALID" ? declared : block?.[1];
  let type = typeName ? SOURCE_TYPES[typeName] : undefined;
  if (!type) {
    // Keep the source (views read it) and say what could not be read.
    warn(
      "data_source",
      name,
      `Unknown data source type ${JSON.stringify(raw.type ?? null)}: imported as a batch source of platform "other"`,
    );
    type = { kind: "batch", platform: "other" };
  }

  const options = (block ? record(raw[block[0]]) : undefined) ?? {};
  let platform = type.platform;
  let location = "";
  if (typeName === "BATCH_FILE") {
    location = text(options.uri) ?? text(options.fileUrl) ?? "";
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
      ...(typeName ? { feastType: typeName } : {}),
      ...(typeName === "REQUEST_SOURCE" ? {} : options),
      ...(text(raw.createdTimestampColumn) ? { createdTimestampColumn: raw.createdTimestampColumn } : {}),
      ...(record(raw.fieldMapping) ? { fieldMapping: raw.fieldMapping } : {}),
    },
  };
  const timestampField = text(raw.timestampField) ?? text(raw.eventTimestampColumn);
  if (timestampField) source.eventTimestampColumn = timestampField;
  if (raw.batchSource !== undefined) {
    if (type.kind === "stream") {
      const backfill = add(raw.batchSource, `as the backfill of "${name}"`, `${name}_batch`);
      if (backfill && backfill !== name) source.batchSource = backfill;
    } else {
      warn("data_source", name, "A backfill source on a non-stream source is ignored");
    }
  }
  return source;
}
