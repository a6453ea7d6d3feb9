import { repositoryDocumentSchema, type RepositoryDocument } from "@/lib/definitions/schema";

/**
 * A valid repository document of any size (bench:apply and the bulk-apply tests): `views`
 * batch feature views of `perView` features each, one source per 10 views, 20 entities.
 */
export function generatedRepository(views: number, perView: number): RepositoryDocument {
  const entities = Array.from({ length: 20 }, (_, i) => ({
    name: `entity_${i}`,
    joinKeys: [{ name: `entity_${i}_id`, valueType: "int64" }],
  }));
  const sources = Array.from({ length: Math.ceil(views / 10) }, (_, i) => ({
    name: `source_${i}`,
    kind: "batch",
    platform: "snowflake",
    location: `WAREHOUSE.PUBLIC.TABLE_${i}`,
    eventTimestampColumn: "ts",
    columns: [
      { name: "ts", type: "TIMESTAMP_NTZ" },
      ...Array.from({ length: perView }, (_, c) => ({ name: `col_${c}`, type: "FLOAT" })),
    ],
  }));
  const featureViews = Array.from({ length: views }, (_, v) => ({
    name: `view_${v}`,
    kind: "batch",
    sources: [`source_${Math.floor(v / 10)}`],
    entities: [`entity_${v % 20}`],
    schedule: "1d",
    ttl: "2d",
    features: Array.from({ length: perView }, (_, f) => ({
      name: `view_${v}_feature_${f}`,
      valueType: "float64",
      sourceColumns: [`source_${Math.floor(v / 10)}.col_${f}`],
    })),
  }));
  return repositoryDocumentSchema.parse({ dataSources: sources, entities, featureViews });
}
