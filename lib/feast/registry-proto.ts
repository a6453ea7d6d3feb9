import protobuf from "protobufjs";

import { FEAST_REGISTRY_PROTO } from "@/lib/feast/registry-schema";

/*
 * Reads Feast's `registry.db` (a serialized `Registry` protobuf) into the same JSON shape
 * `feast registry-dump` prints for one project: protobuf JSON conventions (camelCase keys, enum
 * names, int64 and bytes as strings, RFC 3339 timestamps, "86400s" durations, fields at their
 * default omitted), lists sorted by name. The mapper then cannot tell the two inputs apart.
 */

type Json = Record<string, unknown>;

let registryType: protobuf.Type | undefined;

function registry(): protobuf.Type {
  registryType ??= protobuf.parse(FEAST_REGISTRY_PROTO, { keepCase: false }).root.lookupType("feast.core.Registry");
  return registryType;
}

/** The registry lists, as `feast registry-dump` names them. */
const LIST_KEYS = [
  "dataSources",
  "entities",
  "featureViews",
  "onDemandFeatureViews",
  "streamFeatureViews",
  "featureServices",
  "savedDatasets",
] as const;

export type FeastRegistryReadResult =
  | { ok: true; dump: Json; projects: string[] }
  | {
      ok: false;
      reason: "not_registry" | "json" | "empty" | "choose_project" | "unknown_project";
      message: string;
      projects?: string[];
    };

/**
 * Decodes a registry file and keeps one project's objects: `project` when given, else the only
 * project the registry holds.
 */
export function readFeastRegistry(bytes: Uint8Array, project?: string): FeastRegistryReadResult {
  if (bytes.length === 0) return { ok: false, reason: "empty", message: "The registry file is empty." };
  const first = firstNonSpace(bytes);
  if (first === 0x7b || first === 0x5b) {
    return {
      ok: false,
      reason: "json",
      message: "This is JSON, not a registry.db: send it with Content-Type: application/json.",
    };
  }
  let decoded: Json;
  try {
    const type = registry();
    const message = type.decode(bytes);
    decoded = toDumpJson(type, type.toObject(message, { longs: String, enums: String, bytes: String }));
  } catch {
    return notRegistry();
  }
  const projects = projectsOf(decoded);
  const hasObjects = LIST_KEYS.some((key) => Array.isArray(decoded[key]) && (decoded[key] as unknown[]).length > 0);
  // Arbitrary bytes often decode without error into unknown fields only: nothing Feast writes.
  if (!hasObjects && projects.length === 0 && !decoded.registrySchemaVersion && !decoded.versionId) {
    return notRegistry();
  }
  const chosen = project ?? (projects.length === 1 ? projects[0] : undefined);
  if (project && projects.length > 0 && !projects.includes(project)) {
    return {
      ok: false,
      reason: "unknown_project",
      message: `The registry has no project "${project}"; it holds ${projects.join(", ")}.`,
      projects,
    };
  }
  if (!chosen && projects.length > 1) {
    return {
      ok: false,
      reason: "choose_project",
      message: `The registry holds several projects (${projects.join(", ")}): choose one.`,
      projects,
    };
  }
  const dump: Json = chosen ? { project: chosen } : {};
  for (const key of LIST_KEYS) {
    const objects = ((decoded[key] as Json[] | undefined) ?? []).filter(
      (object) => !chosen || projectOf(object) === undefined || projectOf(object) === chosen,
    );
    if (objects.length > 0) dump[key] = objects.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  }
  return { ok: true, dump, projects };
}

function notRegistry(): FeastRegistryReadResult {
  return {
    ok: false,
    reason: "not_registry",
    message: "This is not a Feast registry: expected the registry.db file Feast writes (a Registry protobuf).",
  };
}

/**
 * Encodes a registry from dump-shaped JSON (the inverse of `readFeastRegistry`): how tests and
 * the benchmark build `registry.db` files with the traits they need.
 */
export function encodeFeastRegistry(registryJson: Json): Uint8Array {
  const type = registry();
  const plain = fromDumpJson(type, registryJson);
  const error = type.verify(type.fromObject(plain));
  if (error) throw new Error(`Invalid registry: ${error}`);
  return type.encode(type.fromObject(plain)).finish();
}

// ---------------------------------------------------------------- JSON conventions

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const byte of bytes.subarray(0, 64)) if (![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte)) return byte;
  return undefined;
}

function nameOf(object: Json): string {
  const spec = object.spec as Json | undefined;
  return String(spec?.name ?? object.name ?? "");
}

function projectOf(object: Json): string | undefined {
  const spec = object.spec as Json | undefined;
  const project = spec?.project ?? object.project;
  return typeof project === "string" && project !== "" ? project : undefined;
}

function projectsOf(decoded: Json): string[] {
  const names = new Set<string>();
  for (const project of (decoded.projects as Json[] | undefined) ?? []) {
    const name = (project.spec as Json | undefined)?.name;
    if (typeof name === "string" && name) names.add(name);
  }
  for (const metadata of (decoded.projectMetadata as Json[] | undefined) ?? []) {
    if (typeof metadata.project === "string" && metadata.project) names.add(metadata.project);
  }
  for (const key of LIST_KEYS) {
    for (const object of (decoded[key] as Json[] | undefined) ?? []) {
      const project = projectOf(object);
      if (project) names.add(project);
    }
  }
  return [...names].sort();
}

/** Walks a message as `toObject` left it, rewriting Timestamp and Duration as protobuf JSON does. */
function toDumpJson(type: protobuf.Type, object: Json): Json {
  for (const field of type.fieldsArray) {
    const value = object[field.name];
    const nested = field.resolve().resolvedType;
    if (value === undefined || !(nested instanceof protobuf.Type)) continue;
    const convert = (item: unknown): unknown => {
      const message = item as Json;
      if (nested.name === "Timestamp") return timestampText(message);
      if (nested.name === "Duration") return durationText(message);
      return toDumpJson(nested, message);
    };
    if (field.map) {
      object[field.name] = Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, convert(item)]));
    } else if (field.repeated) {
      object[field.name] = (value as unknown[]).map(convert);
    } else {
      object[field.name] = convert(value);
    }
  }
  return object;
}

function fromDumpJson(type: protobuf.Type, object: Json): Json {
  const out: Json = {};
  for (const field of type.fieldsArray) {
    const value = object[field.name];
    if (value === undefined) continue;
    const nested = field.resolve().resolvedType;
    if (!(nested instanceof protobuf.Type)) {
      out[field.name] = value;
      continue;
    }
    const convert = (item: unknown): unknown => {
      if (nested.name === "Timestamp") return timestampMessage(item);
      if (nested.name === "Duration") return durationMessage(item);
      return fromDumpJson(nested, item as Json);
    };
    if (field.map) {
      out[field.name] = Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, convert(item)]));
    } else if (field.repeated) {
      out[field.name] = (value as unknown[]).map(convert);
    } else {
      out[field.name] = convert(value);
    }
  }
  return out;
}

/** Protobuf JSON prints 0, 3, 6 or 9 fractional digits, as few as keep the value. */
function fraction(nanos: number): string {
  if (nanos === 0) return "";
  const digits = String(nanos).padStart(9, "0");
  if (nanos % 1_000_000 === 0) return `.${digits.slice(0, 3)}`;
  if (nanos % 1_000 === 0) return `.${digits.slice(0, 6)}`;
  return `.${digits}`;
}

function timestampText(message: Json): string {
  const seconds = Number(message.seconds ?? 0);
  const nanos = Number(message.nanos ?? 0);
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}${fraction(nanos)}Z`;
}

function durationText(message: Json): string {
  return `${Number(message.seconds ?? 0)}${fraction(Number(message.nanos ?? 0))}s`;
}

function timestampMessage(value: unknown): Json {
  if (typeof value !== "string") return (value as Json) ?? {};
  const match = /^(.*?)(?:\.(\d{1,9}))?Z$/.exec(value);
  const seconds = Math.floor(new Date(`${match?.[1] ?? value}Z`).getTime() / 1000);
  const nanos = match?.[2] ? Number(match[2].padEnd(9, "0")) : 0;
  return { seconds, nanos };
}

function durationMessage(value: unknown): Json {
  if (typeof value !== "string") return (value as Json) ?? {};
  const match = /^(-?\d+)(?:\.(\d{1,9}))?s$/.exec(value);
  if (!match) throw new Error(`Not a protobuf duration: ${value}`);
  return { seconds: Number(match[1]), nanos: match[2] ? Number(match[2].padEnd(9, "0")) : 0 };
}
