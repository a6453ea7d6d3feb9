/**
 * The one vocabulary of registry object kinds: the words the UI, the API's messages and the
 * exports use for each kind (docs/domain.md). Every label of a kind comes from here.
 */

/** Every kind of object the registry and its lineage know, spelled as Prisma's ObjectKind. */
export const OBJECT_KINDS = [
  "data_source",
  "column",
  "entity",
  "feature_view",
  "feature",
  "feature_service",
  "model",
  "saved_dataset",
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** Sentence-case names, singular and plural: "Feature view", "Feature views". */
export const KIND_LABELS: Record<ObjectKind, { one: string; many: string }> = {
  data_source: { one: "Data source", many: "Data sources" },
  column: { one: "Column", many: "Columns" },
  entity: { one: "Entity", many: "Entities" },
  feature_view: { one: "Feature view", many: "Feature views" },
  feature: { one: "Feature", many: "Features" },
  feature_service: { one: "Feature service", many: "Feature services" },
  model: { one: "Model", many: "Models" },
  saved_dataset: { one: "Saved dataset", many: "Saved datasets" },
};

/** The kind as a word inside a sentence: "feature view", "feature views". */
export function kindWord(kind: ObjectKind, count = 1): string {
  const labels = KIND_LABELS[kind];
  return (count === 1 ? labels.one : labels.many).toLowerCase();
}
