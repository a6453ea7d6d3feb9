import { kindWord } from "@/lib/kinds";
import { parseDuration } from "@/lib/duration";
import {
  DOCUMENT_KEYS,
  definitionSchemas,
  formatZodIssues,
  isKnownValueType,
  NO_EXPIRY_TTL,
  repositoryDocumentSchema,
  type DataSourceDefinition,
  type DefinitionKind,
  type RepositoryDocument,
} from "./schema";
import { checkKindRules, checkSqlCoverage } from "@/lib/definitions/view-kind-rules";
import { buildIndex } from "@/lib/definitions/registry-index";

/*
 * Semantic checks the schema cannot express: names, references between objects (by name, in the
 * document or already in the registry), durations, value types, per-kind rules and whether a
 * SQL view's SELECT list produces what it declares. Errors block an apply; warnings do not.
 */

export type Severity = "error" | "warning";

export interface ValidationIssue {
  path: string;
  message: string;
  severity: Severity;
}

/**
 * What the registry already holds, supplied by the caller. Names per kind resolve references;
 * the optional details let more checks run against stored objects. When a detail is missing
 * the check is skipped for stored objects rather than guessed.
 */
export interface ExistingNames {
  data_source?: Iterable<string>;
  entity?: Iterable<string>;
  feature_view?: Iterable<string>;
  feature_service?: Iterable<string>;
  saved_dataset?: Iterable<string>;
  model?: Iterable<string>;
  /** "view:feature" of stored feature views. */
  feature?: Iterable<string>;
  /** "source.column" of stored data sources. */
  column?: Iterable<string>;
  dataSourceKinds?: Readonly<Record<string, DataSourceDefinition["kind"]>>;
  entityJoinKeys?: Readonly<Record<string, readonly string[]>>;
}

export interface ValidationContext extends ExistingNames {
  /** The object is being created: its name must not be taken in the registry already. */
  isNew?: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

export function validateRepository(document: RepositoryDocument, existing: ExistingNames = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const error = (path: string, message: string) => issues.push({ path, message, severity: "error" });
  const warning = (path: string, message: string) => issues.push({ path, message, severity: "warning" });
  const index = buildIndex(document, existing);

  const checkName = (path: string, name: string, what: string) => {
    if (!IDENTIFIER.test(name)) {
      error(path, `${what} name "${name}" must be an identifier: letters, digits and _, not starting with a digit`);
    }
  };
  const checkUnique = (names: string[], pathOf: (i: number) => string, what: string) => {
    const first = new Map<string, number>();
    names.forEach((name, i) => {
      const seen = first.get(name);
      if (seen === undefined) first.set(name, i);
      else error(pathOf(i), `Duplicate ${what} "${name}" (first at ${pathOf(seen)})`);
    });
  };
  const checkDuration = (path: string, text: string | undefined, what: string) => {
    if (text !== undefined && parseDuration(text) === null) {
      error(path, `${what} "${text}" is not a duration (e.g. "30m", "1h", "15d")`);
    }
  };
  const checkValueType = (path: string, valueType: string) => {
    if (!isKnownValueType(valueType)) {
      error(
        path,
        `Unknown value type "${valueType}": use int32, int64, float32, float64, string, bytes, bool, timestamp, array<T> or embedding<N>`,
      );
    }
  };
  const checkReference = (path: string, kind: DefinitionKind, name: string) => {
    if (!index.names[kind].has(name)) error(path, `Unknown ${kindWord(kind)} "${name}"`);
  };
  const checkFeatureRef = (path: string, ref: string) => {
    const [view, feature] = ref.split(":");
    if (!view || !feature) return error(path, `"${ref}" is not a feature reference "view:feature"`);
    if (!index.names.feature_view.has(view)) return error(path, `Unknown feature view "${view}"`);
    const features = index.viewFeatures(view);
    if (features && !features.has(feature)) error(path, `Feature view "${view}" has no feature "${feature}"`);
  };

  // ------------------------------------------------------------ names
  const kinds = Object.entries(DOCUMENT_KEYS) as Array<[DefinitionKind, keyof RepositoryDocument]>;
  for (const [kind, key] of kinds) {
    const objects = document[key] as Array<{ name: string }>;
    objects.forEach((object, i) => checkName(`${key}[${i}].name`, object.name, capitalise(kindWord(kind))));
    checkUnique(
      objects.map((object) => object.name),
      (i) => `${key}[${i}].name`,
      `${kindWord(kind)} name`,
    );
  }

  // ------------------------------------------------------------ data sources
  document.dataSources.forEach((source, i) => {
    const at = `dataSources[${i}]`;
    checkUnique(
      source.columns.map((column) => column.name),
      (c) => `${at}.columns[${c}].name`,
      "column",
    );
    if (source.eventTimestampColumn && source.columns.length > 0) {
      if (!source.columns.some((column) => column.name === source.eventTimestampColumn)) {
        error(
          `${at}.eventTimestampColumn`,
          `Column "${source.eventTimestampColumn}" is not among the source's columns`,
        );
      }
    }
    if (source.batchSource !== undefined) {
      if (source.kind !== "stream") {
        error(`${at}.batchSource`, "Only a stream source has a batch (backfill) source");
      } else if (source.batchSource === source.name) {
        error(`${at}.batchSource`, "A source cannot be its own backfill source");
      } else if (!index.names.data_source.has(source.batchSource)) {
        error(`${at}.batchSource`, `Unknown data source "${source.batchSource}"`);
      } else {
        const kind = index.sourceKind(source.batchSource);
        if (kind && kind !== "batch") {
          error(`${at}.batchSource`, `Backfill source "${source.batchSource}" is a ${kind} source, not a batch source`);
        }
      }
    }
  });

  // ------------------------------------------------------------ entities
  document.entities.forEach((entity, i) => {
    const at = `entities[${i}]`;
    entity.joinKeys.forEach((joinKey, k) => {
      checkName(`${at}.joinKeys[${k}].name`, joinKey.name, "Join key");
      checkValueType(`${at}.joinKeys[${k}].valueType`, joinKey.valueType);
    });
    checkUnique(
      entity.joinKeys.map((joinKey) => joinKey.name),
      (k) => `${at}.joinKeys[${k}].name`,
      "join key",
    );
  });

  // ------------------------------------------------------------ feature views
  document.featureViews.forEach((view, i) => {
    const at = `featureViews[${i}]`;
    view.sources.forEach((name, s) => checkReference(`${at}.sources[${s}]`, "data_source", name));
    view.entities.forEach((name, e) => checkReference(`${at}.entities[${e}]`, "entity", name));
    view.inputs.forEach((name, n) => {
      if (name === view.name) error(`${at}.inputs[${n}]`, "A feature view cannot be its own input");
      else checkReference(`${at}.inputs[${n}]`, "feature_view", name);
    });

    checkDuration(`${at}.schedule`, view.schedule, "Schedule");
    if (view.ttl !== NO_EXPIRY_TTL) checkDuration(`${at}.ttl`, view.ttl, "TTL");
    checkDuration(`${at}.slideInterval`, view.slideInterval, "Slide interval");
    checkDuration(`${at}.freshnessSla`, view.freshnessSla, "Freshness SLA");

    view.features.forEach((feature, f) => {
      const featureAt = `${at}.features[${f}]`;
      checkName(`${featureAt}.name`, feature.name, "Feature");
      checkValueType(`${featureAt}.valueType`, feature.valueType);
      feature.sourceColumns.forEach((ref, c) => {
        const path = `${featureAt}.sourceColumns[${c}]`;
        const dot = ref.indexOf(".");
        const source = ref.slice(0, dot);
        const column = ref.slice(dot + 1);
        if (dot <= 0 || !column) return error(path, `"${ref}" is not a column reference "source.column"`);
        if (!index.names.data_source.has(source)) return error(path, `Unknown data source "${source}"`);
        const columns = index.sourceColumns(source);
        if (columns && !columns.has(column)) return error(path, `Data source "${source}" has no column "${column}"`);
        if (!view.sources.includes(source)) {
          warning(path, `Data source "${source}" is not one of this view's sources`);
        }
      });
    });
    checkUnique(
      view.features.map((feature) => feature.name),
      (f) => `${at}.features[${f}].name`,
      "feature",
    );

    view.aggregations.forEach((aggregation, a) => {
      const aggregationAt = `${at}.aggregations[${a}]`;
      aggregation.windows.forEach((window, w) => checkDuration(`${aggregationAt}.windows[${w}]`, window, "Window"));
      checkDuration(`${aggregationAt}.slideInterval`, aggregation.slideInterval, "Slide interval");
      const streamSource = view.sources.find((name) => index.sourceKind(name) === "stream");
      const columns = streamSource ? index.sourceColumns(streamSource) : undefined;
      if (streamSource && columns && !columns.has(aggregation.column)) {
        error(`${aggregationAt}.column`, `Stream source "${streamSource}" has no column "${aggregation.column}"`);
      }
    });

    checkKindRules(view, at, index, error);
    checkSqlCoverage(view, at, index, error, warning);
  });

  // ------------------------------------------------------------ services, datasets, models
  document.featureServices.forEach((service, i) => {
    if (service.features.length === 0) {
      warning(`featureServices[${i}].features`, "The feature service selects no features");
    }
    service.features.forEach((ref, f) => checkFeatureRef(`featureServices[${i}].features[${f}]`, ref));
  });
  document.savedDatasets.forEach((dataset, i) => {
    if (dataset.featureService !== undefined) {
      checkReference(`savedDatasets[${i}].featureService`, "feature_service", dataset.featureService);
    }
    dataset.features.forEach((ref, f) => checkFeatureRef(`savedDatasets[${i}].features[${f}]`, ref));
  });
  document.models.forEach((model, i) => {
    model.featureServices.forEach((name, s) =>
      checkReference(`models[${i}].featureServices[${s}]`, "feature_service", name),
    );
    if (model.trainingDataset !== undefined) {
      checkReference(`models[${i}].trainingDataset`, "saved_dataset", model.trainingDataset);
    }
  });

  return issues;
}

/** Validate one object as it is typed into a form: schema issues first, then semantic ones. */
export function validateObject(
  kind: DefinitionKind,
  definition: unknown,
  context: ValidationContext = {},
): ValidationIssue[] {
  const parsed = definitionSchemas[kind].safeParse(definition);
  if (!parsed.success) {
    return formatZodIssues(parsed.error).map((issue) => ({ ...issue, severity: "error" as const }));
  }
  const key = DOCUMENT_KEYS[kind];
  const document = repositoryDocumentSchema.parse({ [key]: [parsed.data] });
  const prefix = `${key}[0]`;
  const issues = validateRepository(document, context).map((issue) => ({
    ...issue,
    path: issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : issue.path,
  }));
  const name = parsed.data.name;
  if (context.isNew && new Set(context[kind] ?? []).has(name)) {
    issues.unshift({
      path: "name",
      message: `${kind === "entity" ? "An" : "A"} ${kindWord(kind)} named "${name}" already exists`,
      severity: "error",
    });
  }
  return issues;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
