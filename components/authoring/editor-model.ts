import type { z } from "zod";
import type {
  dataSourceDefinitionSchema,
  DefinitionKind,
  entityDefinitionSchema,
  featureServiceDefinitionSchema,
  featureViewDefinitionSchema,
  modelDefinitionSchema,
  savedDatasetDefinitionSchema,
} from "@/lib/definitions/schema";
import type { ExistingNames, ValidationIssue } from "@/lib/definitions/validate";

/* What the editor holds while an author types: the definition as written (defaults optional),
 * plus helpers shared by the forms. Pure: no React. */

export type DataSourceDraft = z.input<typeof dataSourceDefinitionSchema>;
export type EntityDraft = z.input<typeof entityDefinitionSchema>;
export type FeatureViewDraft = z.input<typeof featureViewDefinitionSchema>;
export type FeatureServiceDraft = z.input<typeof featureServiceDefinitionSchema>;
export type ModelDraft = z.input<typeof modelDefinitionSchema>;
export type SavedDatasetDraft = z.input<typeof savedDatasetDefinitionSchema>;
export type AggregationDraft = NonNullable<FeatureViewDraft["aggregations"]>[number];
export type FeatureDraft = NonNullable<FeatureViewDraft["features"]>[number];

export interface DraftByKind {
  data_source: DataSourceDraft;
  entity: EntityDraft;
  feature_view: FeatureViewDraft;
  feature_service: FeatureServiceDraft;
  model: ModelDraft;
  saved_dataset: SavedDatasetDraft;
}
export type AnyDraft = DraftByKind[DefinitionKind];

/** The registry as the browser sees it (serialisable), for pickers and validation as you type. */
export interface EditorContext {
  names: Record<DefinitionKind, string[]>;
  features: string[];
  columns: string[];
  dataSourceKinds: Record<string, "batch" | "stream" | "request">;
  entityJoinKeys: Record<string, string[]>;
  teams: string[];
}

export function existingNames(context: EditorContext): ExistingNames {
  return {
    ...context.names,
    feature: context.features,
    column: context.columns,
    dataSourceKinds: context.dataSourceKinds,
    entityJoinKeys: context.entityJoinKeys,
  };
}

export const VALUE_TYPES = [
  "int64",
  "int32",
  "float64",
  "float32",
  "string",
  "bool",
  "timestamp",
  "bytes",
  "array<int64>",
  "array<float64>",
  "array<string>",
  "embedding<768>",
];

export function emptyDraft(kind: DefinitionKind): AnyDraft {
  const common = { name: "", description: "", owner: "", tags: [] as string[] };
  switch (kind) {
    case "data_source":
      return { ...common, kind: "batch", platform: "snowflake", location: "", columns: [], options: {} };
    case "entity":
      return { ...common, joinKeys: [{ name: "", valueType: "int64" }] };
    case "feature_view":
      return {
        ...common,
        kind: "batch",
        sources: [],
        entities: [],
        inputs: [],
        transformation: { language: "sql", code: "" },
        schedule: "1d",
        online: true,
        offline: true,
        aggregations: [],
        features: [],
      };
    case "feature_service":
      return { ...common, features: [], latencyBudgetMs: 50 };
    case "model":
      return { ...common, version: "1", featureServices: [], endpoint: "" };
    case "saved_dataset":
      return { ...common, features: [], storage: "" };
  }
}

/** "" from an emptied input means "not set" for optional fields. */
export function optional(text: string): string | undefined {
  return text.trim() === "" ? undefined : text;
}

/** First message per path, errors before warnings. */
export function messagesByPath(issues: ReadonlyArray<Pick<ValidationIssue, "path" | "message">>): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) if (!map.has(issue.path)) map.set(issue.path, issue.message);
  return map;
}

/** The top-level field an issue path belongs to: "aggregations[0].windows[1]" -> "aggregations". */
export function topField(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? "";
}

/** Feature names a stream view's aggregations produce: login_id_count_5m ... */
export function aggregationFeatureNames(aggregations: ReadonlyArray<AggregationDraft>): string[] {
  return aggregations.flatMap((aggregation) =>
    aggregation.windows.map((window) =>
      `${aggregation.column}_${aggregation.function}_${window}`.toLowerCase().replace(/[^a-z0-9_]/g, "_"),
    ),
  );
}
