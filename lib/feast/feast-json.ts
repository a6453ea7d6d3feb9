import { formatDefinitionDuration, parseDuration } from "@/lib/duration";
import type { Aggregation, DataSourceDefinition } from "@/lib/definitions/schema";

/*
 * Reading Feast's protobuf JSON (a `feast registry-dump`, or a decoded registry.db): enum tables
 * and small tolerant readers. Every field is optional there (defaults are omitted).
 */

export type Json = Record<string, unknown>;
type SourceKind = DataSourceDefinition["kind"];
type Platform = DataSourceDefinition["platform"];

export const DUMMY_ENTITY = "__dummy";

// ---------------------------------------------------------------- enums

export const SOURCE_TYPE_NUMBERS: Record<number, string> = {
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

export const SOURCE_TYPES: Record<string, { kind: SourceKind; platform: Platform }> = {
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

/** When `type` is missing (its default, INVALID, is omitted), the options block says what it is. */
export const OPTIONS_BLOCKS: Array<[string, string]> = [
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

export const AGGREGATION_FUNCTIONS: Record<string, Aggregation["function"]> = {
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

export function record(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Feast tags (a string map) as "key:value", the form Feast's CLI filters by. */
export function tagList(value: unknown): string[] {
  const tags = record(value);
  if (!tags) return [];
  // Sorted: a registry.db keeps map entries in write order, a dump sorts them; both must hash the same.
  return Object.entries(tags)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tag]) => `${key}:${typeof tag === "string" ? tag : JSON.stringify(tag)}`);
}

/** Feast has an `owner` field, but most repositories put the owner in a tag. */
export function ownerOf(spec: Json): string {
  return text(spec.owner) ?? text(record(spec.tags)?.owner) ?? "";
}

/** A protobuf Duration ("86400s", or { seconds }) in seconds: 0 for zero, undefined when unreadable. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === "string") {
    if (/^0+(\.0+)?s$/.test(value.trim())) return 0;
    return parseDuration(value) ?? undefined;
  }
  const object = record(value);
  if (object) {
    const seconds = Number(object.seconds ?? 0) + Number(object.nanos ?? 0) / 1e9;
    return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds) : undefined;
  }
  return undefined;
}

/** A positive duration as "1h30m"; undefined for missing, zero or unreadable. */
export function readableDuration(value: unknown): string | undefined {
  const seconds = durationSeconds(value);
  return seconds === undefined || seconds === 0 ? undefined : formatDefinitionDuration(seconds);
}

/** An RFC 3339 timestamp as Feast writes it, normalised to ISO; undefined when not one. */
export function timestamp(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
