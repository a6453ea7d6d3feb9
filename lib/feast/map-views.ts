import {
  NO_EXPIRY_TTL,
  type Aggregation,
  type FeatureDefinition,
  type FeatureViewDefinition,
  type Transformation,
} from "@/lib/definitions/schema";
import {
  AGGREGATION_FUNCTIONS,
  DUMMY_ENTITY,
  durationSeconds,
  feastValueType,
  list,
  ownerOf,
  readableDuration,
  record,
  tagList,
  text,
  type Json,
} from "@/lib/feast/feast-json";
import type { SourceCatalog, Skip, Warn } from "@/lib/feast/map-sources";

/*
 * Batch, stream and on-demand feature views. Nothing is invented: a flag Feast omits is its
 * protobuf default (false), a TTL of zero is "no expiry", and code is Feast's own source text.
 */

export interface ViewContext {
  catalog: SourceCatalog;
  warn: Warn;
  skip: Skip;
  /** The value type a feature had when last imported, kept when the new one is unknown. */
  previousValueType?: (view: string, feature: string) => string | undefined;
}

export function mapFeatureView(
  spec: Json,
  name: string,
  kind: FeatureViewDefinition["kind"],
  { catalog, warn, skip, previousValueType }: ViewContext,
): FeatureViewDefinition | string {
  const { sources } = catalog;
  const viewSources: string[] = [];
  const inputs: string[] = [];
  const inputFeatures: string[] = [];
  const include = (value: unknown, role: string, fallbackName: string) => {
    if (value === undefined) return undefined;
    const source = catalog.add(value, `(${role} of "${name}")`, fallbackName);
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
        for (const column of list(projection.featureColumns)) {
          const feature = text(record(column)?.name);
          if (feature) inputFeatures.push(`${input}:${feature}`);
        }
      } else if (request !== undefined) {
        include(request, "request source", `${name}_request`);
      } else {
        warn("feature_view", name, `Source "${key}" is neither a feature view nor a request source; ignored`);
      }
    }
  } else if (kind === "stream") {
    const stream = include(spec.streamSource, "stream source", `${name}_stream_source`);
    if (!stream) return "The stream feature view has no usable stream source";
    if (!sources.get(stream)?.batchSource) include(spec.batchSource, "batch source", `${name}_source`);
  } else {
    const batch = include(spec.batchSource, "batch source", `${name}_source`);
    // A Feast view fed by a push or Kafka source keeps it as a second source.
    include(spec.streamSource, "stream source", `${name}_stream_source`);
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
    let valueType = feastValueType(raw.valueType);
    if (!valueType) {
      const unknown = JSON.stringify(raw.valueType ?? null);
      valueType = previousValueType?.(name, featureName);
      if (valueType) {
        warn(
          "feature",
          `${name}:${featureName}`,
          `Value type ${unknown} is unknown; kept the previous type ${valueType}`,
        );
      } else {
        skip("feature", `${name}:${featureName}`, `Value type ${unknown} has no equivalent`);
        continue;
      }
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
    // On-demand views are computed when read, online and in historical retrieval alike; the
    // other views' flags are protobuf booleans, false when omitted.
    online: kind === "on_demand" ? true : spec.online === true,
    offline: kind === "on_demand" ? true : spec.offline === true,
    aggregations: kind === "stream" ? mapAggregations(spec, name, warn) : [],
    features,
    description: text(spec.description) ?? "",
    owner: ownerOf(spec),
    tags: tagList(spec.tags),
  };
  if (kind === "on_demand" && inputFeatures.length > 0) view.inputFeatures = [...new Set(inputFeatures)];
  if (kind !== "on_demand") {
    const seconds = durationSeconds(spec.ttl);
    // Feast's TTL of zero (also what an omitted TTL means) is "never expires".
    view.ttl = seconds === undefined || seconds === 0 ? NO_EXPIRY_TTL : readableDuration(spec.ttl)!;
  }

  const transformation = transformationOf(spec, name, kind, warn);
  if (transformation) view.transformation = transformation;
  if (kind === "stream" && view.aggregations.length === 0 && !view.transformation) {
    return "The stream feature view has neither an aggregation Featureline supports nor a function";
  }
  return view;
}

function transformationOf(
  spec: Json,
  view: string,
  kind: FeatureViewDefinition["kind"],
  warn: Warn,
): Transformation | undefined {
  const udf = record(record(spec.featureTransformation)?.userDefinedFunction) ?? record(spec.userDefinedFunction);
  const mode = text(spec.mode) ?? text(udf?.mode);
  const withMode = (code: string): Transformation => ({ language: "python", code, ...(mode ? { mode } : {}) });
  const code = text(udf?.bodyText) ?? readableBody(udf?.body);
  if (code) return withMode(code);
  if (kind !== "on_demand" && !udf) return undefined;
  // `body` is usually a dill-pickled function (base64), not source code: keep a marker, not the bytes.
  warn("feature_view", view, "The function's source text is not in the registry (only a pickled function)");
  const name = text(udf?.name);
  return withMode(
    `# The source of ${name ? `"${name}"` : "this function"} is not in the registry (Feast kept only a pickled function).\n`,
  );
}

/** Some registries keep Python source in `body` (base64 of text, or the text itself). */
function readableBody(body: unknown): string | undefined {
  const raw = text(body);
  if (!raw) return undefined;
  if (/\bdef\s+\w+\s*\(|\breturn\b/.test(raw)) return raw;
  if (!/^[A-Za-z0-9+/=\s]+$/.test(raw)) return undefined;
  const decoded = Buffer.from(raw, "base64").toString("utf8");
  // Source text is printable; a pickle is not.
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]+$/.test(decoded) && /\bdef\s+\w+\s*\(/.test(decoded) ? decoded : undefined;
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
