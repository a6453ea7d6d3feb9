import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { repositoryDocumentSchema } from "@/lib/definitions/schema";
import { validateRepository } from "@/lib/definitions/validate";
import { feastDumpToRepository, feastValueType } from "@/lib/feast/import";

const fixture = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, "../../__tests__/fixtures/feast/credit_scoring_registry-dump.json"),
    "utf8",
  ),
) as unknown;

describe("feastDumpToRepository: the credit-scoring registry", () => {
  const { document, report } = feastDumpToRepository(fixture);
  const view = (name: string) => document.featureViews.find((candidate) => candidate.name === name);

  it("imports every object of the dump", () => {
    expect(document.dataSources.map((source) => source.name)).toEqual(["credit_history", "transaction", "zipcode"]);
    expect(document.entities.map((entity) => entity.name)).toEqual(["dob_ssn", "zipcode"]);
    expect(document.featureViews.map((candidate) => `${candidate.name}:${candidate.kind}`)).toEqual([
      "credit_history:batch",
      "zipcode_features:batch",
      "zipcode_money_features:batch",
      "transaction_gt_last_credit_card_due:on_demand",
    ]);
    expect(document.featureServices.map((service) => service.name)).toEqual([
      "credit_score_v1",
      "credit_score_v2",
      "credit_score_v3",
      "zipcode_model",
      "zipcode_model_v2",
    ]);
    expect(report.project).toBe("credit_scoring_aws");
  });

  it("skips only Feast's __dummy entity", () => {
    expect(report.skipped).toEqual([
      { kind: "entity", name: "__dummy", reason: "Feast's internal placeholder entity" },
    ]);
    expect(view("transaction_gt_last_credit_card_due")?.entities).toEqual([]);
  });

  it("produces a document that passes the schema and validation", () => {
    expect(repositoryDocumentSchema.safeParse(document).success).toBe(true);
    expect(validateRepository(document).filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("maps data sources: kind, platform, location, timestamp and request schema", () => {
    const [history, transaction] = document.dataSources;
    expect(history).toMatchObject({
      kind: "batch",
      platform: "file",
      location: "data/credit_history.parquet",
      eventTimestampColumn: "event_timestamp",
      options: { createdTimestampColumn: "created_timestamp" },
    });
    expect(transaction).toMatchObject({
      kind: "request",
      platform: "request",
      columns: [{ name: "transaction_amt", type: "int64", description: "" }],
    });
  });

  it("types join keys from the views' entity columns", () => {
    expect(document.entities.map((entity) => entity.joinKeys)).toEqual([
      [{ name: "dob_ssn", valueType: "string" }],
      [{ name: "zipcode", valueType: "int64" }],
    ]);
    expect(report.warnings).toEqual([]);
  });

  it("carries tags and owner over", () => {
    expect(document.entities[0]).toMatchObject({
      owner: "tony@feast.ai",
      tags: ["owner:tony@feast.ai", "team:hack week"],
      description: "Date of birth and last four digits of social security number",
    });
    expect(view("zipcode_features")?.tags).toContain("experiments:experiment-A,experiment-B,experiment-C");
    expect(document.featureServices[3]).toMatchObject({ owner: "amanda@feast.ai", description: "Location model" });
  });

  it("maps batch views with readable TTLs, flags, features and lineage", () => {
    const history = view("credit_history")!;
    expect(history).toMatchObject({ sources: ["credit_history"], entities: ["dob_ssn"], ttl: "9000d", online: true });
    expect(history.features).toHaveLength(9);
    expect(history.features[0]).toEqual({
      name: "credit_card_due",
      valueType: "int64",
      description: "",
      tags: [],
      sourceColumns: ["credit_history.credit_card_due"],
    });
    expect(view("zipcode_features")?.ttl).toBe("3650d");
  });

  it("maps the on-demand view's inputs, request source and UDF source text", () => {
    const onDemand = view("transaction_gt_last_credit_card_due")!;
    expect(onDemand).toMatchObject({ sources: ["transaction"], inputs: ["credit_history"] });
    expect(onDemand.transformation?.language).toBe("python");
    expect(onDemand.transformation?.code).toContain("def transaction_gt_last_credit_card_due(inputs: pd.DataFrame)");
    expect(onDemand.features).toEqual([
      { name: "transaction_gt_last_credit_card_due", valueType: "bool", description: "", tags: [], sourceColumns: [] },
    ]);
  });

  it("gives services exactly the chosen features", () => {
    expect(document.featureServices[4]?.features).toEqual([
      "zipcode_money_features:tax_returns_filed",
      "zipcode_money_features:total_wages",
    ]);
    expect(document.featureServices[2]?.features).toHaveLength(10);
    expect(document.featureServices[2]?.features).toContain(
      "transaction_gt_last_credit_card_due:transaction_gt_last_credit_card_due",
    );
  });

  it("is deterministic, so importing twice plans nothing", () => {
    expect(feastDumpToRepository(structuredClone(fixture)).document).toEqual(document);
  });
});

describe("feastDumpToRepository: hand-written dumps", () => {
  const dump = {
    project: "fraud",
    dataSources: [
      // Enum numbers: 3 STREAM_KAFKA, 1 BATCH_FILE; the stream's backfill is nested, not listed.
      {
        name: "logins",
        type: 3,
        timestampField: "ts",
        kafkaOptions: { topic: "auth.logins", kafkaBootstrapServers: "kafka:9092" },
        batchSource: { name: "logins_archive", type: 1, fileOptions: { uri: "s3://fraud/logins/" } },
        tags: { team: "fraud" },
      },
      // No type at all: the options block says Snowflake.
      { name: "payments", snowflakeOptions: { database: "FRAUD", schema: "PUBLIC", table: "PAYMENTS" } },
      { name: "mystery", type: 42 },
      { type: "BATCH_FILE" },
    ],
    entities: [
      { spec: { name: "user", joinKey: "user_id", valueType: 4 } },
      { spec: { name: "device" } },
      { meta: {} },
      "not an object",
    ],
    featureViews: [
      {
        // Missing online (false), offline, ttl and tags; source given only as a copy.
        spec: {
          name: "payment_profile",
          entities: ["user"],
          batchSource: { name: "payments_v2", type: 8, snowflakeOptions: { query: "select * from payments" } },
          features: [
            { name: "avg_amount", valueType: 5 },
            { name: "amounts", valueType: 15 },
            { name: "last_seen", valueType: 8 },
            { name: "ratio", valueType: 6 },
            { name: "raw", valueType: "STRUCT" },
            { valueType: 2 },
          ],
          ttl: "0s",
        },
      },
      { spec: { name: "orphan", features: [{ name: "x", valueType: 2 }] } },
      { spec: { name: "bad-name", batchSource: { name: "payments" }, features: [{ name: "y", valueType: 3 }] } },
    ],
    streamFeatureViews: [
      {
        spec: {
          name: "login_activity",
          entities: ["user"],
          streamSource: { name: "logins", type: "STREAM_KAFKA", kafkaOptions: { topic: "auth.logins" } },
          aggregations: [
            { column: "login_id", function: "count", timeWindow: "300s" },
            { column: "login_id", function: "count", timeWindow: "900s" },
            { column: "login_id", function: "count", timeWindow: "1296000s" },
            { column: "amount", function: "avg", timeWindow: "3600s", slideInterval: "600s" },
            { column: "amount", function: "percentile", timeWindow: "3600s" },
          ],
          features: [{ name: "login_count", valueType: "INT64" }],
          userDefinedFunction: { name: "f", body: "gASV", bodyText: "def f(df):\n    return df\n" },
          online: true,
          owner: "sam@fraud.example",
        },
      },
      { spec: { name: "no_windows", streamSource: { name: "logins" }, aggregations: [{ function: "median" }] } },
    ],
    onDemandFeatureViews: [
      {
        spec: {
          name: "amount_ratio",
          sources: {
            payment_profile: { featureViewProjection: { featureViewName: "payment_profile" } },
            req: {
              requestDataSource: {
                name: "txn_request",
                type: 7,
                requestDataOptions: { schema: [{ name: "amount", valueType: 5 }] },
              },
            },
          },
          features: [{ name: "ratio", valueType: "DOUBLE" }],
          featureTransformation: { userDefinedFunction: { body: "gASVpickled" } },
        },
      },
    ],
    featureServices: [
      {
        spec: {
          name: "fraud_v1",
          features: [
            { featureViewName: "payment_profile", featureColumns: [{ name: "avg_amount" }, { name: "raw" }] },
            { featureViewName: "login_activity" },
            { featureViewName: "orphan", featureColumns: [{ name: "x" }] },
          ],
          tags: { owner: "ana@fraud.example" },
        },
      },
    ],
    savedDatasets: [
      {
        spec: {
          name: "training_2024",
          features: ["payment_profile:avg_amount", "gone:feature"],
          featureServiceName: "fraud_v1",
          storage: { fileStorage: { uri: "s3://fraud/training.parquet" } },
        },
      },
    ],
    permissions: [{ spec: { name: "readers" } }],
  };

  const { document, report } = feastDumpToRepository(dump);
  const source = (name: string) => document.dataSources.find((candidate) => candidate.name === name);
  const view = (name: string) => document.featureViews.find((candidate) => candidate.name === name);
  const skipped = (kind: string, name: string) =>
    report.skipped.find((entry) => entry.kind === kind && entry.name === name)?.reason;

  it("never throws on shapes it does not expect", () => {
    for (const input of [null, 42, "dump", [], { dataSources: "x", entities: [null], featureViews: [{ spec: 3 }] }]) {
      expect(() => feastDumpToRepository(input)).not.toThrow();
    }
    expect(feastDumpToRepository(null).report.skipped[0]?.reason).toMatch(/not a JSON object/);
  });

  it("reads enum numbers and infers a missing type from the options block", () => {
    expect(source("logins")).toMatchObject({
      kind: "stream",
      platform: "kafka",
      location: "auth.logins",
      batchSource: "logins_archive",
      tags: ["team:fraud"],
    });
    expect(source("logins_archive")).toMatchObject({
      kind: "batch",
      platform: "s3_parquet",
      location: "s3://fraud/logins/",
    });
    expect(source("payments")).toMatchObject({
      kind: "batch",
      platform: "snowflake",
      location: "FRAUD.PUBLIC.PAYMENTS",
    });
    // An unknown type keeps the source (views may read it) and warns on it.
    expect(source("mystery")).toMatchObject({ kind: "batch", platform: "other" });
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ kind: "data_source", name: "mystery", message: expect.stringMatching(/type 42/) }),
    );
    expect(skipped("data_source", "")).toMatch(/no name/);
  });

  it("adds sources known only from a view's copy", () => {
    expect(source("payments_v2")).toMatchObject({ platform: "snowflake", location: "select * from payments" });
    expect(source("txn_request")?.columns).toEqual([{ name: "amount", type: "float64", description: "" }]);
  });

  it("maps value type numbers and skips types without an equivalent", () => {
    expect(view("payment_profile")?.features.map((feature) => `${feature.name}:${feature.valueType}`)).toEqual([
      "avg_amount:float64",
      "amounts:array<float64>",
      "last_seen:timestamp",
      "ratio:float32",
    ]);
    expect(skipped("feature", "payment_profile:raw")).toMatch(/STRUCT/);
    expect(document.entities[0]?.joinKeys).toEqual([{ name: "user_id", valueType: "int64" }]);
  });

  it("applies protobuf defaults for omitted fields", () => {
    // online and offline omitted mean false; a zero TTL means no expiry.
    expect(view("payment_profile")).toMatchObject({ online: false, offline: false, description: "", tags: [] });
    expect(view("payment_profile")?.ttl).toBe("0s");
  });

  it("assumes a string join key when the dump has no type, and says so", () => {
    expect(document.entities[1]).toMatchObject({ name: "device", joinKeys: [{ name: "device", valueType: "string" }] });
    expect(report.warnings).toContainEqual(expect.objectContaining({ kind: "entity", name: "device" }));
    expect(skipped("entity", "")).toMatch(/spec.name/);
  });

  it("groups stream aggregations by function and column with readable windows", () => {
    const activity = view("login_activity")!;
    expect(activity).toMatchObject({ kind: "stream", sources: ["logins"], owner: "sam@fraud.example" });
    expect(activity.aggregations).toEqual([
      { function: "count", column: "login_id", windows: ["5m", "15m", "15d"] },
      { function: "mean", column: "amount", windows: ["1h"], slideInterval: "10m" },
    ]);
    expect(activity.transformation).toEqual({ language: "python", code: "def f(df):\n    return df\n" });
    expect(report.warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/percentile/) }));
    expect(skipped("feature_view", "no_windows")).toMatch(/neither an aggregation Featureline supports nor a function/);
  });

  it("keeps an on-demand view whose UDF has no source text, with a marker and a warning", () => {
    const ratio = view("amount_ratio")!;
    expect(ratio).toMatchObject({ kind: "on_demand", sources: ["txn_request"], inputs: ["payment_profile"] });
    expect(ratio.transformation?.code).toMatch(/not in the registry \(Feast kept only a pickled function\)/);
    expect(ratio.transformation?.code).not.toContain("gASV");
    expect(report.warnings).toContainEqual(expect.objectContaining({ name: "amount_ratio" }));
  });

  it("skips views without a source or with a name Featureline rejects", () => {
    expect(skipped("feature_view", "orphan")).toMatch(/no usable batch source/);
    expect(skipped("feature_view", "bad-name")).toMatch(/featureViews\[\d\]\.name: .*identifier/);
    expect(view("bad-name")).toBeUndefined();
  });

  it("expands a projection without columns and drops references to what was skipped", () => {
    expect(document.featureServices[0]).toMatchObject({
      owner: "ana@fraud.example",
      features: ["payment_profile:avg_amount", "login_activity:login_count"],
    });
    expect(document.savedDatasets[0]).toMatchObject({
      featureService: "fraud_v1",
      features: ["payment_profile:avg_amount"],
      storage: "s3://fraud/training.parquet",
    });
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ kind: "saved_dataset", message: expect.stringMatching(/gone:feature/) }),
    );
  });

  it("reports Feast kinds it does not import", () => {
    expect(skipped("permission", "readers")).toMatch(/does not import/);
  });

  it("still produces a valid document", () => {
    expect(repositoryDocumentSchema.safeParse(document).success).toBe(true);
    expect(validateRepository(document).filter((issue) => issue.severity === "error")).toEqual([]);
  });
});

describe("feastValueType", () => {
  it.each([
    [1, "bytes"],
    [2, "string"],
    [3, "int32"],
    [4, "int64"],
    [5, "float64"],
    [6, "float32"],
    [7, "bool"],
    [8, "timestamp"],
    [11, "array<bytes>"],
    [14, "array<int64>"],
    [18, "array<timestamp>"],
    ["DOUBLE_LIST", "array<float64>"],
    ["UUID", "string"],
  ])("maps %s to %s", (feast, ours) => expect(feastValueType(feast)).toBe(ours));

  it.each([0, 19, 20, 99, "JSON", "STRUCT", "DECIMAL", "MAP", undefined, null])("has no equivalent for %s", (feast) =>
    expect(feastValueType(feast)).toBeUndefined(),
  );
});
