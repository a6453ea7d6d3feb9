import { describe, expect, it } from "vitest";

import { repositoryDocumentSchema, type RepositoryDocument } from "@/lib/definitions/schema";
import { validateObject, validateRepository, type ExistingNames } from "@/lib/definitions/validate";

import { fraudRepository } from "./fraud-repository";

function errors(document: RepositoryDocument, existing?: ExistingNames) {
  return validateRepository(document, existing).filter((issue) => issue.severity === "error");
}

function view(document: RepositoryDocument, name: string) {
  const found = document.featureViews.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no view ${name}`);
  return found;
}

describe("validateRepository", () => {
  it("accepts the fraud catalog with no issues at all", () => {
    expect(validateRepository(fraudRepository())).toEqual([]);
  });

  describe("names", () => {
    it("rejects a name that is not an identifier", () => {
      const document = fraudRepository();
      document.entities[0]!.name = "user-account";
      document.featureViews[0]!.features[0]!.name = "1st_country";
      expect(errors(document).map((issue) => issue.path)).toEqual(
        expect.arrayContaining(["entities[0].name", "featureViews[0].features[0].name"]),
      );
    });

    it("accepts identifiers in any case", () => {
      const document = fraudRepository();
      document.models[0]!.name = "Fraud_Detector_V3";
      expect(errors(document)).toEqual([]);
    });

    it("rejects duplicate names within a kind, pointing at the second", () => {
      const document = fraudRepository();
      document.entities[1]!.name = "user";
      expect(errors(document)).toEqual([
        {
          path: "entities[1].name",
          message: 'Duplicate entity name "user" (first at entities[0].name)',
          severity: "error",
        },
      ]);
    });

    it("allows the same name across kinds", () => {
      const document = fraudRepository();
      // A view named like its source is common (Feast's credit_history).
      document.featureViews[0]!.name = "transactions";
      document.featureServices[0]!.features[0] = "transactions:avg_spend_30d";
      document.featureViews[2]!.inputs = ["transactions"];
      document.savedDatasets[0]!.features = ["transactions:country"];
      expect(errors(document)).toEqual([]);
    });

    it("rejects duplicate features within a view", () => {
      const document = fraudRepository();
      const features = view(document, "login_activity").features;
      features[2]!.name = features[0]!.name;
      expect(errors(document).map((issue) => issue.path)).toEqual(["featureViews[1].features[2].name"]);
    });
  });

  describe("references", () => {
    it("reports each unknown reference at its path", () => {
      const document = fraudRepository();
      document.featureViews[0]!.sources = ["transactions", "payments"];
      document.featureViews[0]!.entities = ["user", "card"];
      document.featureViews[2]!.inputs = ["user_profiles"];
      document.dataSources[2]!.batchSource = "logins_archive";
      document.featureServices[0]!.features.push("user_profile:age", "device:os");
      document.models[0]!.featureServices = ["fraud_scoring_v4"];
      document.models[0]!.trainingDataset = "fraud_training_2023";
      document.savedDatasets[0]!.featureService = "nope";
      document.featureViews[0]!.features[0]!.sourceColumns = ["transactions.region", "payments.amount"];
      const found = errors(document).map((issue) => `${issue.path}: ${issue.message}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'featureViews[0].sources[1]: Unknown data source "payments"',
          'featureViews[0].entities[1]: Unknown entity "card"',
          'featureViews[2].inputs[0]: Unknown feature view "user_profiles"',
          'dataSources[2].batchSource: Unknown data source "logins_archive"',
          'featureServices[0].features[3]: Feature view "user_profile" has no feature "age"',
          'featureServices[0].features[4]: Unknown feature view "device"',
          'models[0].featureServices[0]: Unknown feature service "fraud_scoring_v4"',
          'models[0].trainingDataset: Unknown saved dataset "fraud_training_2023"',
          'savedDatasets[0].featureService: Unknown feature service "nope"',
          'featureViews[0].features[0].sourceColumns[0]: Data source "transactions" has no column "region"',
          'featureViews[0].features[0].sourceColumns[1]: Unknown data source "payments"',
        ]),
      );
    });

    it("resolves references against objects already in the registry", () => {
      const document = repositoryDocumentSchema.parse({
        featureViews: [
          {
            name: "card_profile",
            sources: ["cards"],
            entities: ["card"],
            features: [{ name: "card_age_days", valueType: "int64", sourceColumns: ["cards.opened_at"] }],
          },
        ],
        featureServices: [{ name: "card_service", features: ["card_profile:card_age_days", "user_profile:country"] }],
        models: [{ name: "card_model", featureServices: ["card_service"], trainingDataset: "cards_2024" }],
      });
      const existing: ExistingNames = {
        data_source: ["cards"],
        entity: ["card"],
        feature_view: ["user_profile"],
        saved_dataset: new Set(["cards_2024"]),
        feature: ["user_profile:country"],
        column: ["cards.opened_at"],
      };
      expect(validateRepository(document, existing)).toEqual([]);
      expect(errors(document, { ...existing, column: ["cards.card_id"] })[0]?.message).toBe(
        'Data source "cards" has no column "opened_at"',
      );
      expect(errors(document, { ...existing, feature: ["user_profile:age"] })[0]?.path).toBe(
        "featureServices[0].features[1]",
      );
    });

    it("warns when a feature's source column comes from outside the view's sources", () => {
      const document = fraudRepository();
      view(document, "user_profile").features[0]!.sourceColumns = ["logins.login_id"];
      expect(validateRepository(document)).toEqual([
        {
          path: "featureViews[0].features[0].sourceColumns[0]",
          message: 'Data source "logins" is not one of this view\'s sources',
          severity: "warning",
        },
      ]);
    });
  });

  describe("data sources", () => {
    it("only lets a stream source have a batch backfill source, and it must be batch", () => {
      const document = fraudRepository();
      document.dataSources[0]!.batchSource = "logins_backfill";
      document.dataSources[2]!.batchSource = "transaction_request";
      expect(errors(document).map((issue) => issue.message)).toEqual([
        "Only a stream source has a batch (backfill) source",
        'Backfill source "transaction_request" is a request source, not a batch source',
      ]);
    });

    it("checks the event timestamp column against declared columns", () => {
      const document = fraudRepository();
      document.dataSources[0]!.eventTimestampColumn = "event_time";
      expect(errors(document).map((issue) => issue.path)).toEqual(["dataSources[0].eventTimestampColumn"]);
      // A source without declared columns cannot be checked, so it passes.
      document.dataSources[0]!.columns = [];
      view(document, "user_profile").features.forEach((feature) => (feature.sourceColumns = []));
      expect(errors(document)).toEqual([]);
    });
  });

  describe("durations", () => {
    it("rejects schedules, TTLs, windows and slide intervals that do not parse", () => {
      const document = fraudRepository();
      const profile = view(document, "user_profile");
      profile.schedule = "daily";
      profile.ttl = "2 days";
      const activity = view(document, "login_activity");
      activity.slideInterval = "1 minute";
      activity.aggregations[0]!.windows[1] = "15 min";
      activity.aggregations[0]!.slideInterval = "x";
      expect(errors(document).map((issue) => issue.path)).toEqual([
        "featureViews[0].schedule",
        "featureViews[0].ttl",
        "featureViews[1].slideInterval",
        "featureViews[1].aggregations[0].windows[1]",
        "featureViews[1].aggregations[0].slideInterval",
      ]);
    });

    it("accepts compound and Feast-style durations", () => {
      const document = fraudRepository();
      view(document, "user_profile").schedule = "1h30m";
      view(document, "user_profile").ttl = "86400s";
      expect(errors(document)).toEqual([]);
    });
  });

  describe("value types", () => {
    it("rejects unknown feature and join key types", () => {
      const document = fraudRepository();
      document.entities[0]!.joinKeys[0]!.valueType = "long";
      view(document, "user_profile").features[1]!.valueType = "double";
      expect(errors(document).map((issue) => issue.path)).toEqual([
        "entities[0].joinKeys[0].valueType",
        "featureViews[0].features[1].valueType",
      ]);
    });

    it("accepts arrays and embeddings", () => {
      const document = fraudRepository();
      view(document, "user_profile").features[1]!.valueType = "array<float32>";
      view(document, "txn_amount_vs_avg").features[0]!.valueType = "embedding<128>";
      expect(errors(document)).toEqual([]);
    });
  });

  describe("kind rules", () => {
    it("needs a batch source for a batch view", () => {
      const document = fraudRepository();
      view(document, "user_profile").sources = ["logins"];
      view(document, "user_profile").features.forEach((feature) => (feature.sourceColumns = []));
      expect(errors(document)).toEqual([
        {
          path: "featureViews[0].sources",
          message: "A batch feature view needs at least one batch source",
          severity: "error",
        },
      ]);
    });

    it("gives a stored source of unknown kind the benefit of the doubt, but not a known wrong kind", () => {
      const document = repositoryDocumentSchema.parse({ featureViews: [{ name: "v", sources: ["stored"] }] });
      expect(errors(document, { data_source: ["stored"] })).toEqual([]);
      expect(errors(document, { data_source: ["stored"], dataSourceKinds: { stored: "stream" } })).toHaveLength(1);
    });

    it("needs exactly one stream source and an aggregation for a stream view", () => {
      const document = fraudRepository();
      const activity = view(document, "login_activity");
      activity.sources = ["transactions"];
      activity.aggregations = [];
      expect(errors(document).map((issue) => issue.message)).toEqual([
        "A stream feature view needs a stream source",
        "A stream feature view needs at least one aggregation or a transformation",
      ]);
      // A stream view computed by its own function (Feast's UDF-only stream views) has no windows.
      activity.sources = ["logins"];
      activity.transformation = { language: "python", code: "def f(df):\n    return df\n" };
      expect(errors(document)).toEqual([]);

      const twoStreams = fraudRepository();
      twoStreams.dataSources.push({ ...twoStreams.dataSources[2]!, name: "logins_eu" });
      view(twoStreams, "login_activity").sources.push("logins_eu");
      expect(errors(twoStreams).map((issue) => issue.message)).toEqual([
        "A stream feature view reads exactly one stream source, not 2",
      ]);
    });

    it("checks an aggregation's column against the stream source's columns", () => {
      const document = fraudRepository();
      view(document, "login_activity").aggregations[0]!.column = "device_id";
      expect(errors(document).map((issue) => issue.path)).toEqual(["featureViews[1].aggregations[0].column"]);
    });

    it("keeps aggregations on stream views and inputs on on-demand views", () => {
      const document = fraudRepository();
      const profile = view(document, "user_profile");
      profile.aggregations = [{ function: "sum", column: "amount", windows: ["1d"] }];
      profile.inputs = ["login_activity"];
      expect(errors(document).map((issue) => issue.path)).toEqual([
        "featureViews[0].aggregations",
        "featureViews[0].inputs",
      ]);
    });

    it("needs a request source or inputs, and python or typescript, for an on-demand view", () => {
      const document = fraudRepository();
      const ratio = view(document, "txn_amount_vs_avg");
      ratio.sources = [];
      ratio.inputs = [];
      ratio.transformation = { language: "sql", code: "select 1 as amount_over_avg" };
      expect(errors(document).map((issue) => issue.message)).toEqual([
        "An on-demand feature view needs a request source or input feature views",
        "An on-demand feature view needs a python or typescript transformation",
      ]);

      const inputsOnly = fraudRepository();
      view(inputsOnly, "txn_amount_vs_avg").sources = [];
      view(inputsOnly, "txn_amount_vs_avg").transformation = { language: "typescript", code: "return {}" };
      expect(errors(inputsOnly)).toEqual([]);
    });
  });

  describe("SQL coverage", () => {
    it("names the features and join keys the SELECT list does not produce", () => {
      const document = fraudRepository();
      view(document, "user_profile").transformation = {
        language: "sql",
        code: "SELECT MIN(country) AS country FROM transactions GROUP BY user_id",
      };
      expect(errors(document)).toEqual([
        {
          path: "featureViews[0].transformation.code",
          message: "The SELECT list does not produce features avg_spend_30d or join keys user_id",
          severity: "error",
        },
      ]);
    });

    it("compares column names without case", () => {
      const document = fraudRepository();
      view(document, "user_profile").transformation!.code =
        "SELECT USER_ID, MIN(COUNTRY) AS COUNTRY, AVG(AMOUNT) AS AVG_SPEND_30D FROM TRANSACTIONS GROUP BY 1";
      expect(validateRepository(document)).toEqual([]);
    });

    it("uses a stored entity's join keys when the caller supplies them", () => {
      const document = fraudRepository();
      view(document, "user_profile").entities = ["account"];
      expect(errors(document, { entity: ["account"], entityJoinKeys: { account: ["account_id"] } })[0]?.message).toBe(
        "The SELECT list does not produce join keys account_id",
      );
    });

    it("warns, without failing, when the SELECT list cannot be parsed", () => {
      const document = fraudRepository();
      view(document, "user_profile").transformation!.code = "SELECT * FROM transactions";
      const issues = validateRepository(document);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: "featureViews[0].transformation.code", severity: "warning" });
      expect(issues[0]?.message).toMatch(/cannot be checked/);
    });
  });

  describe("feature services", () => {
    it("warns about an empty feature service", () => {
      const document = fraudRepository();
      document.featureServices[0]!.features = [];
      document.savedDatasets[0]!.features = [];
      expect(validateRepository(document)).toEqual([
        {
          path: "featureServices[0].features",
          message: "The feature service selects no features",
          severity: "warning",
        },
      ]);
    });
  });
});

describe("validateObject", () => {
  it("returns schema issues with paths relative to the object", () => {
    const issues = validateObject("feature_view", {
      name: "v",
      kind: "stream",
      aggregations: [{ function: "sum", column: "amount", windows: ["5m", "soon"] }],
    });
    expect(issues).toEqual([expect.objectContaining({ path: "aggregations[0].windows[1]", severity: "error" })]);
  });

  it("checks references against the registry context", () => {
    const definition = {
      name: "user_profile",
      sources: ["transactions"],
      entities: ["user"],
      features: [{ name: "country", valueType: "string" }],
    };
    expect(validateObject("feature_view", definition, { data_source: ["transactions"], entity: ["user"] })).toEqual([]);
    expect(validateObject("feature_view", definition, { data_source: ["transactions"] })).toEqual([
      { path: "entities[0]", message: 'Unknown entity "user"', severity: "error" },
    ]);
  });

  it("rejects a taken name only when creating", () => {
    const definition = { name: "user", joinKeys: [{ name: "user_id", valueType: "int64" }] };
    expect(validateObject("entity", definition, { entity: ["user"] })).toEqual([]);
    expect(validateObject("entity", definition, { entity: ["user"], isNew: true })).toEqual([
      { path: "name", message: 'An entity named "user" already exists', severity: "error" },
    ]);
  });
});
