import { kindWord } from "@/lib/kinds";
import { canonicalDefinition } from "@/lib/definitions/diff";
import type {
  DataSourceDefinition,
  DefinitionKind,
  EntityDefinition,
  FeatureServiceDefinition,
  FeatureViewDefinition,
  ModelDefinition,
  SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import { validateObject, type ValidationContext } from "@/lib/definitions/validate";
import { checkFreshness, checkScores, type HealthInput } from "./health-checks";

export { checkFreshness, type FeatureScore, type HealthInput, type ViewFreshness } from "./health-checks";

/*
 * The automated checks of a promotion request, as pure functions of what is active in the
 * target, what the request brings, and the source environment's health. Structural checks
 * (valid, dependencies, breaking changes) always block when they fail; health checks warn, and
 * block only when an admin set block-on-health on the target.
 */

export const CHECK_NAMES = [
  "definitions_valid",
  "dependencies_active",
  "no_breaking_change",
  "freshness",
  "skew",
  "drift",
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
export type CheckStatus = "pass" | "warn" | "fail";

export const CHECK_LABELS: Record<CheckName, string> = {
  definitions_valid: "Every definition is valid",
  dependencies_active: "Dependencies are active in the target or in the request",
  no_breaking_change: "No breaking change for consumers in the target",
  freshness: "Freshness within SLA in the source (last 24 h)",
  skew: "Online/offline skew under thresholds in the source",
  drift: "Drift from the training baseline under thresholds in the source",
};

export interface CheckResult {
  name: CheckName;
  status: CheckStatus;
  /** A failure of this check blocks applying the request. */
  blocking: boolean;
  message: string;
  details: { problems: CheckProblem[] };
}

export interface CheckProblem {
  object: string;
  message: string;
  severity: "error" | "warning";
  path?: string;
}

export interface DefinitionRef {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  definition: unknown;
}

export interface RequestedItem extends DefinitionRef {
  /** What is active in the target now (null: the object is new there). */
  before: DefinitionRef | null;
}

/** Definitions active in the target once the request is applied: the request wins. */
export function stateAfter(target: readonly DefinitionRef[], items: readonly DefinitionRef[]): DefinitionRef[] {
  const replaced = new Set(items.map((item) => `${item.kind}:${item.objectId}`));
  return [...target.filter((ref) => !replaced.has(`${ref.kind}:${ref.objectId}`)), ...items];
}

const parsedByRef = new WeakMap<DefinitionRef, Record<string, unknown>>();

/**
 * A definition in canonical form, parsed once per ref: the checks and the impact analysis read
 * the same refs many times (each service for each changed feature), and parsing is a zod pass.
 * Callers only read the result.
 */
export function parsedDefinition(ref: DefinitionRef): Record<string, unknown> {
  let definition = parsedByRef.get(ref);
  if (!definition) {
    definition = canonicalDefinition(ref.kind, ref.definition) as Record<string, unknown>;
    parsedByRef.set(ref, definition);
  }
  return definition;
}

function asView(ref: DefinitionRef): FeatureViewDefinition {
  return parsedDefinition(ref) as unknown as FeatureViewDefinition;
}

// ---------------------------------------------------------------- validity

export function validationContextOf(definitions: readonly DefinitionRef[]): ValidationContext {
  const names: Record<DefinitionKind, string[]> = {
    data_source: [],
    entity: [],
    feature_view: [],
    feature_service: [],
    saved_dataset: [],
    model: [],
  };
  const features: string[] = [];
  const columns: string[] = [];
  const dataSourceKinds: Record<string, DataSourceDefinition["kind"]> = {};
  const entityJoinKeys: Record<string, string[]> = {};
  for (const ref of definitions) {
    names[ref.kind].push(ref.name);
    const definition = parsedDefinition(ref);
    if (ref.kind === "feature_view") {
      for (const feature of (definition as unknown as FeatureViewDefinition).features ?? []) {
        features.push(`${ref.name}:${feature.name}`);
      }
    } else if (ref.kind === "data_source") {
      const source = definition as unknown as DataSourceDefinition;
      for (const column of source.columns ?? []) columns.push(`${ref.name}.${column.name}`);
      if (source.kind) dataSourceKinds[ref.name] = source.kind;
    } else if (ref.kind === "entity") {
      entityJoinKeys[ref.name] = ((definition as unknown as EntityDefinition).joinKeys ?? []).map((key) => key.name);
    }
  }
  return { ...names, feature: features, column: columns, dataSourceKinds, entityJoinKeys };
}

export function checkDefinitionsValid(items: readonly RequestedItem[], after: readonly DefinitionRef[]): CheckResult {
  const context = validationContextOf(after);
  const problems: CheckProblem[] = [];
  for (const item of items) {
    for (const issue of validateObject(item.kind, item.definition, context)) {
      problems.push({ object: item.name, path: issue.path, message: issue.message, severity: issue.severity });
    }
  }
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  return {
    name: "definitions_valid",
    blocking: true,
    status: errors > 0 ? "fail" : warnings > 0 ? "warn" : "pass",
    message:
      errors > 0
        ? `${errors} validation error${errors === 1 ? "" : "s"} in the requested definitions.`
        : warnings > 0
          ? `Valid, with ${warnings} warning${warnings === 1 ? "" : "s"}.`
          : `All ${items.length} definition${items.length === 1 ? " is" : "s are"} valid.`,
    details: { problems },
  };
}

// ---------------------------------------------------------------- dependencies

interface Dependency {
  kind: DefinitionKind;
  name: string;
  /** For feature references: the feature that must exist in the view. */
  feature?: string;
}

export function dependenciesOf(ref: DefinitionRef): Dependency[] {
  const definition = parsedDefinition(ref);
  const deps: Dependency[] = [];
  const featureRef = (text: string) => {
    const [view, feature] = text.split(":");
    if (view && feature) deps.push({ kind: "feature_view", name: view, feature });
  };
  switch (ref.kind) {
    case "data_source": {
      const source = definition as unknown as DataSourceDefinition;
      if (source.batchSource) deps.push({ kind: "data_source", name: source.batchSource });
      break;
    }
    case "feature_view": {
      const view = definition as unknown as FeatureViewDefinition;
      for (const name of view.sources ?? []) deps.push({ kind: "data_source", name });
      for (const name of view.entities ?? []) deps.push({ kind: "entity", name });
      for (const name of view.inputs ?? []) deps.push({ kind: "feature_view", name });
      for (const feature of view.features ?? []) {
        for (const column of feature.sourceColumns ?? []) {
          const source = column.slice(0, column.indexOf("."));
          if (source) deps.push({ kind: "data_source", name: source });
        }
      }
      break;
    }
    case "feature_service":
      for (const text of (definition as unknown as FeatureServiceDefinition).features ?? []) featureRef(text);
      break;
    case "saved_dataset": {
      const dataset = definition as unknown as SavedDatasetDefinition;
      if (dataset.featureService) deps.push({ kind: "feature_service", name: dataset.featureService });
      for (const text of dataset.features ?? []) featureRef(text);
      break;
    }
    case "model": {
      const model = definition as unknown as ModelDefinition;
      for (const name of model.featureServices ?? []) deps.push({ kind: "feature_service", name });
      if (model.trainingDataset) deps.push({ kind: "saved_dataset", name: model.trainingDataset });
      break;
    }
    case "entity":
      break;
  }
  const seen = new Set<string>();
  return deps.filter((dep) => {
    const key = `${dep.kind}:${dep.name}:${dep.feature ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function checkDependencies(
  items: readonly RequestedItem[],
  after: readonly DefinitionRef[],
  targetName: string,
): CheckResult {
  const byKindName = new Map(after.map((ref) => [`${ref.kind}:${ref.name}`, ref]));
  const problems: CheckProblem[] = [];
  let count = 0;
  for (const item of items) {
    for (const dep of dependenciesOf(item)) {
      count++;
      const found = byKindName.get(`${dep.kind}:${dep.name}`);
      if (!found) {
        problems.push({
          object: item.name,
          severity: "error",
          message: `Needs ${kindWord(dep.kind)} ${dep.name}, which is neither active in ${targetName} nor in this request.`,
        });
        continue;
      }
      if (dep.feature) {
        const features = new Set((asView(found).features ?? []).map((feature) => feature.name));
        if (!features.has(dep.feature)) {
          problems.push({
            object: item.name,
            severity: "error",
            message: `Needs feature ${dep.name}:${dep.feature}, but the version of ${dep.name} active in ${targetName} (or in this request) has no such feature.`,
          });
        }
      }
    }
  }
  return {
    name: "dependencies_active",
    blocking: true,
    status: problems.length > 0 ? "fail" : "pass",
    message:
      problems.length > 0
        ? `${problems.length} dependenc${problems.length === 1 ? "y is" : "ies are"} missing in ${targetName}.`
        : `All ${count} dependenc${count === 1 ? "y is" : "ies are"} active in ${targetName} or in this request.`,
    details: { problems },
  };
}

// ---------------------------------------------------------------- breaking changes

export interface FeatureChange {
  ref: string;
  change: "removed" | "retyped";
  beforeType: string;
  afterType?: string;
}

/** Features of a view version that a consumer of the old version would miss or misread. */
export function breakingFeatureChanges(before: DefinitionRef, after: DefinitionRef): FeatureChange[] {
  const typesOf = (ref: DefinitionRef) =>
    new Map((asView(ref).features ?? []).map((feature) => [`${ref.name}:${feature.name}`, feature.valueType]));
  const old = typesOf(before);
  const next = typesOf(after);
  const changes: FeatureChange[] = [];
  for (const [ref, beforeType] of old) {
    const afterType = next.get(ref);
    if (afterType === undefined) changes.push({ ref, change: "removed", beforeType });
    else if (afterType !== beforeType) changes.push({ ref, change: "retyped", beforeType, afterType });
  }
  return changes;
}

export function checkBreakingChanges(
  items: readonly RequestedItem[],
  after: readonly DefinitionRef[],
  targetName: string,
): CheckResult {
  const services = after.filter((ref) => ref.kind === "feature_service");
  const models = after.filter((ref) => ref.kind === "model");
  const modelsOf = (serviceName: string) =>
    models
      .filter((model) =>
        ((parsedDefinition(model) as unknown as ModelDefinition).featureServices ?? []).includes(serviceName),
      )
      .map((model) => model.name);
  const problems: CheckProblem[] = [];

  for (const item of items) {
    if (!item.before) continue;
    if (item.kind === "feature_view") {
      for (const change of breakingFeatureChanges(item.before, item)) {
        const users = services.filter((service) =>
          ((parsedDefinition(service) as unknown as FeatureServiceDefinition).features ?? []).includes(change.ref),
        );
        for (const service of users) {
          const consumers = modelsOf(service.name);
          const what =
            change.change === "removed"
              ? `removes or renames ${change.ref}`
              : `retypes ${change.ref} from ${change.beforeType} to ${change.afterType}`;
          problems.push({
            object: item.name,
            severity: "error",
            message: `This version ${what}, which feature service ${service.name}${
              consumers.length ? ` (used by model${consumers.length === 1 ? "" : "s"} ${consumers.join(", ")})` : ""
            } still serves in ${targetName}.`,
          });
        }
      }
    } else if (item.kind === "feature_service") {
      const beforeRefs = (parsedDefinition(item.before) as unknown as FeatureServiceDefinition).features ?? [];
      const afterRefs = new Set((parsedDefinition(item) as unknown as FeatureServiceDefinition).features ?? []);
      const removed = beforeRefs.filter((ref) => !afterRefs.has(ref));
      const consumers = modelsOf(item.before.name);
      if (removed.length > 0 && consumers.length > 0) {
        problems.push({
          object: item.name,
          severity: "error",
          message: `This version stops serving ${removed.join(", ")}, which model${consumers.length === 1 ? "" : "s"} ${consumers.join(", ")} still use${consumers.length === 1 ? "s" : ""} through it in ${targetName}.`,
        });
      }
    }
  }
  return {
    name: "no_breaking_change",
    blocking: true,
    status: problems.length > 0 ? "fail" : "pass",
    message:
      problems.length > 0
        ? `${problems.length} breaking change${problems.length === 1 ? "" : "s"} for consumers in ${targetName}.`
        : `No feature used by a service or model in ${targetName} is removed, renamed or retyped.`,
    details: { problems },
  };
}

// ---------------------------------------------------------------- source health

export interface CheckInput {
  items: readonly RequestedItem[];
  /** Everything active in the target now. */
  target: readonly DefinitionRef[];
  targetName: string;
  health: HealthInput;
}

export function evaluateChecks(input: CheckInput): CheckResult[] {
  const after = stateAfter(input.target, input.items);
  return [
    checkDefinitionsValid(input.items, after),
    checkDependencies(input.items, after, input.targetName),
    checkBreakingChanges(input.items, after, input.targetName),
    checkFreshness(input.health),
    checkScores("skew", input.health.skew, input.health),
    checkScores("drift", input.health.drift, input.health),
  ];
}

export function hasBlockingFailure(checks: readonly { status: CheckStatus; blocking: boolean }[]): boolean {
  return checks.some((check) => check.blocking && check.status === "fail");
}
