import type { DataSourceDefinition, FeatureViewDefinition } from "./schema";
import { parseSelectColumns } from "./sql-select";
import type { RegistryIndex } from "@/lib/definitions/registry-index";

/* What each kind of feature view requires (batch, stream, on-demand, SQL), and whether a SQL view's SELECT list produces its columns. */

type Report = (path: string, message: string) => void;

export function checkKindRules(view: FeatureViewDefinition, at: string, index: RegistryIndex, error: Report): void {
  const kinds = view.sources.map((name) => index.sourceKind(name));
  // A stored source whose kind the caller did not supply could be any kind: do not fail on it.
  const unknown = kinds.filter((kind) => kind === undefined).length;
  const count = (kind: DataSourceDefinition["kind"]) => kinds.filter((k) => k === kind).length;

  if (view.kind !== "stream" && view.aggregations.length > 0) {
    error(`${at}.aggregations`, "Only a stream feature view has aggregations");
  }
  if (view.kind !== "on_demand" && view.inputs.length > 0) {
    error(`${at}.inputs`, "Only an on-demand feature view takes other feature views as inputs");
  }

  if (view.kind === "batch") {
    if (count("batch") + unknown === 0) error(`${at}.sources`, "A batch feature view needs at least one batch source");
  } else if (view.kind === "stream") {
    const streams = count("stream");
    if (streams > 1) error(`${at}.sources`, `A stream feature view reads exactly one stream source, not ${streams}`);
    else if (streams + unknown === 0) error(`${at}.sources`, "A stream feature view needs a stream source");
    // A stream view computed by its own function (Feast's UDF-only stream views) has no windows.
    if (view.aggregations.length === 0 && !view.transformation) {
      error(`${at}.aggregations`, "A stream feature view needs at least one aggregation or a transformation");
    }
  } else {
    if (count("request") + unknown === 0 && view.inputs.length === 0) {
      error(`${at}.sources`, "An on-demand feature view needs a request source or input feature views");
    }
    const language = view.transformation?.language;
    if (language !== "python" && language !== "typescript") {
      error(`${at}.transformation`, "An on-demand feature view needs a python or typescript transformation");
    } else if (view.transformation?.code.trim() === "") {
      error(`${at}.transformation.code`, "The transformation has no code");
    }
  }
}

export function checkSqlCoverage(
  view: FeatureViewDefinition,
  at: string,
  index: RegistryIndex,
  error: Report,
  warning: Report,
): void {
  if (view.transformation?.language !== "sql") return;
  const path = `${at}.transformation.code`;
  const selected = parseSelectColumns(view.transformation.code);
  if (!selected.ok) {
    warning(path, `The SELECT list cannot be checked against the declared features: ${selected.reason}`);
    return;
  }
  // Warehouses fold unquoted identifiers to one case, so compare without case.
  const columns = new Set(selected.columns.map((column) => column.toLowerCase()));
  const joinKeys = view.entities.flatMap((entity) => index.joinKeys(entity) ?? []);
  const missingKeys = unique(joinKeys.filter((key) => !columns.has(key.toLowerCase())));
  const missingFeatures = view.features
    .map((feature) => feature.name)
    .filter((name) => !columns.has(name.toLowerCase()));
  const parts: string[] = [];
  if (missingFeatures.length > 0) parts.push(`features ${missingFeatures.join(", ")}`);
  if (missingKeys.length > 0) parts.push(`join keys ${missingKeys.join(", ")}`);
  if (parts.length > 0) error(path, `The SELECT list does not produce ${parts.join(" or ")}`);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
