import type { FieldError } from "@/lib/errors";

/*
 * The structure a registry dump must have before anything is imported: a list where Feast
 * writes a list, a string where it writes a name, an object where it writes an object. Every
 * field stays optional (protobuf JSON omits defaults); a field that is present with the wrong
 * JSON type rejects the whole import, so a broken file never empties what was imported before.
 * Enum values are not checked here: an unknown one is a warning on its object.
 */

type Check = (value: unknown, path: string, errors: FieldError[]) => void;

const describe = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const string: Check = (value, path, errors) => {
  if (typeof value !== "string") errors.push({ path, message: `Expected a string, got ${describe(value)}` });
};

const boolean: Check = (value, path, errors) => {
  if (typeof value !== "boolean") errors.push({ path, message: `Expected true or false, got ${describe(value)}` });
};

/** An enum: its name or its number. */
const enumValue: Check = (value, path, errors) => {
  if (typeof value !== "string" && typeof value !== "number") {
    errors.push({ path, message: `Expected an enum name or number, got ${describe(value)}` });
  }
};

/** A Duration: "86400s" or { seconds, nanos }. */
const duration: Check = (value, path, errors) => {
  if (typeof value !== "string" && !isObject(value)) {
    errors.push({ path, message: `Expected a duration such as "86400s", got ${describe(value)}` });
  }
};

/** A string map (tags, field mappings). */
const stringMap: Check = (value, path, errors) => {
  if (!isObject(value)) errors.push({ path, message: `Expected an object of strings, got ${describe(value)}` });
};

const anyObject: Check = (value, path, errors) => {
  if (!isObject(value)) errors.push({ path, message: `Expected an object, got ${describe(value)}` });
};

function object(fields: Record<string, Check>): Check {
  return (value, path, errors) => {
    if (!isObject(value)) {
      errors.push({ path, message: `Expected an object, got ${describe(value)}` });
      return;
    }
    for (const [key, check] of Object.entries(fields)) {
      if (value[key] !== undefined) check(value[key], path ? `${path}.${key}` : key, errors);
    }
  };
}

function listOf(item: Check): Check {
  return (value, path, errors) => {
    if (!Array.isArray(value)) {
      errors.push({ path, message: `Expected a list, got ${describe(value)}` });
      return;
    }
    value.forEach((element, i) => item(element, `${path}[${i}]`, errors));
  };
}

function mapOf(item: Check): Check {
  return (value, path, errors) => {
    if (!isObject(value)) {
      errors.push({ path, message: `Expected an object, got ${describe(value)}` });
      return;
    }
    for (const [key, element] of Object.entries(value)) {
      item(element, /^[A-Za-z_]\w*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, errors);
    }
  };
}

/** Checks resolved on first use: a data source holds a data source (its backfill). */
function lazy(make: () => Check): Check {
  let check: Check | undefined;
  return (value, path, errors) => (check ??= make())(value, path, errors);
}

const feature = object({ name: string, valueType: enumValue, description: string, tags: stringMap });
const timestampText = string;
const meta = object({
  createdTimestamp: timestampText,
  lastUpdatedTimestamp: timestampText,
  materializationIntervals: listOf(object({ startTime: timestampText, endTime: timestampText })),
  minEventTimestamp: timestampText,
  maxEventTimestamp: timestampText,
});

const dataSource: Check = lazy(() =>
  object({
    name: string,
    type: enumValue,
    timestampField: string,
    createdTimestampColumn: string,
    fieldMapping: stringMap,
    description: string,
    owner: string,
    tags: stringMap,
    batchSource: dataSource,
    fileOptions: anyObject,
    bigqueryOptions: anyObject,
    snowflakeOptions: anyObject,
    redshiftOptions: anyObject,
    trinoOptions: anyObject,
    sparkOptions: anyObject,
    athenaOptions: anyObject,
    customOptions: anyObject,
    kafkaOptions: anyObject,
    kinesisOptions: anyObject,
    pushOptions: anyObject,
    requestDataOptions: object({ schema: listOf(feature), deprecatedSchema: anyObject }),
  }),
);

const udf = object({ name: string, body: string, bodyText: string, mode: string });
const projection = object({
  featureViewName: string,
  featureViewNameAlias: string,
  nameAlias: string,
  featureColumns: listOf(feature),
});

const viewSpec = {
  name: string,
  entities: listOf(string),
  features: listOf(feature),
  entityColumns: listOf(feature),
  description: string,
  owner: string,
  tags: stringMap,
  ttl: duration,
  online: boolean,
  offline: boolean,
  batchSource: dataSource,
  streamSource: dataSource,
  mode: string,
  userDefinedFunction: udf,
  featureTransformation: object({ userDefinedFunction: udf }),
};

const featureView = object({ spec: object(viewSpec), meta });
const streamFeatureView = object({
  spec: object({
    ...viewSpec,
    aggregations: listOf(object({ column: string, function: string, timeWindow: duration, slideInterval: duration })),
  }),
  meta,
});
const onDemandFeatureView = object({
  spec: object({
    ...viewSpec,
    sources: mapOf(object({ featureViewProjection: projection, requestDataSource: dataSource })),
  }),
  meta,
});

const named = { name: string, description: string, owner: string, tags: stringMap };

const dumpShape = object({
  project: string,
  dataSources: listOf(dataSource),
  entities: listOf(object({ spec: object({ ...named, joinKey: string, valueType: enumValue }), meta })),
  featureViews: listOf(featureView),
  streamFeatureViews: listOf(streamFeatureView),
  onDemandFeatureViews: listOf(onDemandFeatureView),
  featureServices: listOf(object({ spec: object({ ...named, features: listOf(projection) }), meta })),
  savedDatasets: listOf(
    object({
      spec: object({
        ...named,
        features: listOf(string),
        joinKeys: listOf(string),
        featureServiceName: string,
        storage: anyObject,
      }),
      meta,
    }),
  ),
  labelViews: listOf(anyObject),
  permissions: listOf(anyObject),
  projects: listOf(anyObject),
});

/** Every structural error of a dump, with its path (`featureViews[3].spec.entities`). */
export function feastDumpShapeErrors(dump: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isObject(dump)) {
    return [{ path: "", message: `A registry dump is a JSON object, got ${describe(dump)}` }];
  }
  dumpShape(dump, "", errors);
  return errors;
}
