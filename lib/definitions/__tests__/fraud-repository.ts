import {
  repositoryDocumentSchema,
  type RepositoryDocument,
  type RepositoryDocumentInput,
} from "@/lib/definitions/schema";

/** The fraud team's catalog from docs/domain.md, valid as written; tests break one rule at a time. */
export const fraudRepositoryInput = {
  workspace: "fraud",
  dataSources: [
    {
      name: "transactions",
      kind: "batch",
      platform: "snowflake",
      location: "FRAUD.PUBLIC.TRANSACTIONS",
      eventTimestampColumn: "ts",
      columns: [
        { name: "txn_id", type: "NUMBER" },
        { name: "user_id", type: "NUMBER" },
        { name: "merchant_id", type: "NUMBER" },
        { name: "amount", type: "FLOAT" },
        { name: "country", type: "VARCHAR" },
        { name: "ts", type: "TIMESTAMP_NTZ" },
      ],
    },
    { name: "logins_backfill", kind: "batch", platform: "s3_parquet", location: "s3://fraud/logins/" },
    {
      name: "logins",
      kind: "stream",
      platform: "kafka",
      location: "auth.logins.v1",
      batchSource: "logins_backfill",
      eventTimestampColumn: "ts",
      columns: [
        { name: "user_id", type: "int64" },
        { name: "login_id", type: "string" },
        { name: "ts", type: "timestamp" },
      ],
    },
    {
      name: "transaction_request",
      kind: "request",
      platform: "request",
      columns: [{ name: "amount", type: "float64" }],
    },
  ],
  entities: [
    { name: "user", joinKeys: [{ name: "user_id", valueType: "int64" }] },
    { name: "merchant", joinKeys: [{ name: "merchant_id", valueType: "int64" }] },
  ],
  featureViews: [
    {
      name: "user_profile",
      kind: "batch",
      sources: ["transactions"],
      entities: ["user"],
      schedule: "1d",
      ttl: "2d",
      transformation: {
        language: "sql",
        code: "SELECT user_id, MIN(country) AS country, AVG(amount) AS avg_spend_30d FROM transactions GROUP BY user_id",
      },
      features: [
        { name: "country", valueType: "string", sourceColumns: ["transactions.country"] },
        { name: "avg_spend_30d", valueType: "float64", sourceColumns: ["transactions.amount"] },
      ],
    },
    {
      name: "login_activity",
      kind: "stream",
      sources: ["logins"],
      entities: ["user"],
      aggregations: [{ function: "count", column: "login_id", windows: ["5m", "15m", "15d"] }],
      features: [
        { name: "login_count_5m", valueType: "int64" },
        { name: "login_count_15m", valueType: "int64" },
        { name: "login_count_15d", valueType: "int64" },
      ],
    },
    {
      name: "txn_amount_vs_avg",
      kind: "on_demand",
      sources: ["transaction_request"],
      inputs: ["user_profile"],
      transformation: {
        language: "python",
        code: "def f(inputs):\n    return inputs['amount'] / inputs['avg_spend_30d']\n",
      },
      features: [{ name: "amount_over_avg", valueType: "float64" }],
    },
  ],
  featureServices: [
    {
      name: "fraud_scoring_v3",
      latencyBudgetMs: 50,
      features: ["user_profile:avg_spend_30d", "login_activity:login_count_15m", "txn_amount_vs_avg:amount_over_avg"],
    },
  ],
  savedDatasets: [
    {
      name: "fraud_training_2024",
      featureService: "fraud_scoring_v3",
      features: ["user_profile:country"],
      storage: "s3://fraud/training.parquet",
    },
  ],
  models: [
    {
      name: "fraud_detector",
      version: "3",
      featureServices: ["fraud_scoring_v3"],
      trainingDataset: "fraud_training_2024",
      endpoint: "fraud-detector-v3",
    },
  ],
} satisfies RepositoryDocumentInput;

/** A fresh parsed copy, safe to mutate. */
export function fraudRepository(): RepositoryDocument {
  return repositoryDocumentSchema.parse(structuredClone(fraudRepositoryInput));
}
