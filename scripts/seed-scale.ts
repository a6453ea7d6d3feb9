/**
 * `npm run seed:scale -- --features 100000 [--workspace scale] [--data-dir DIR]`: fills a registry
 * with a realistic large catalog for benchmarks: 10 features per feature view, 500 feature
 * services, 300 models, tags and owners from realistic vocabularies, versions active in dev /
 * staging / prod. Bulk `INSERT ... SELECT FROM unnest(...)` statements in one transaction; the
 * search triggers are switched off during the load and the search table is rebuilt once at
 * the end (one set-based pass instead of one per statement). Every existing user becomes a
 * member of the new workspace (viewer, or their best role elsewhere) so the UI can show it.
 */
import { parseArgs } from "node:util";
import { contentHash } from "@/lib/definitions/canonical";
import { canonicalDefinition } from "@/lib/definitions/diff";
import type { RawTx } from "@/lib/db/engine";
import { mulberry32 } from "@/lib/demo/random";

const { values } = parseArgs({
  options: {
    features: { type: "string", default: "100000" },
    workspace: { type: "string", default: "scale" },
    "data-dir": { type: "string" },
    seed: { type: "string", default: "42" },
  },
});
// lib/env reads process.env lazily, so the data directory can be chosen before first use.
if (values["data-dir"]) process.env.FEATURELINE_DATA_DIR = values["data-dir"];
const { closeDb, dbEngine } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/migrate");

const FEATURE_COUNT = Number(values.features);
if (!Number.isInteger(FEATURE_COUNT) || FEATURE_COUNT < 10 || FEATURE_COUNT > 2_000_000) {
  console.error("--features must be a whole number between 10 and 2,000,000");
  process.exit(2);
}
const SLUG = values.workspace!;
const FEATURES_PER_VIEW = 10;
const VIEW_COUNT = Math.ceil(FEATURE_COUNT / FEATURES_PER_VIEW);
const SERVICE_COUNT = Math.max(5, Math.round(FEATURE_COUNT / 200));
const MODEL_COUNT = Math.max(3, Math.round(FEATURE_COUNT / 333));
const SOURCE_COUNT = Math.max(10, Math.round(VIEW_COUNT / 50));
const DATASET_COUNT = Math.max(3, Math.round(MODEL_COUNT / 3));
const BATCH = 5_000;

// ---------------------------------------------------------------- vocabularies

const TEAMS = [
  ["fraud", "Fraud & Risk"],
  ["eta", "ETA & Dispatch"],
  ["pricing", "Pricing"],
  ["growth", "Growth"],
  ["recommendations", "Recommendations"],
  ["search", "Search Relevance"],
  ["ads", "Ads Ranking"],
  ["payments", "Payments"],
  ["logistics", "Logistics"],
  ["trust", "Trust & Safety"],
  ["support", "Customer Support"],
  ["marketplace", "Marketplace Health"],
] as const;
const PEOPLE = [
  "maria.chen",
  "lars.nilsson",
  "sofia.garcia",
  "tom.okafor",
  "yuki.tanaka",
  "priya.raman",
  "jonas.weber",
  "amara.diallo",
  "li.wei",
  "carlos.mendes",
  "hannah.schmidt",
  "omar.haddad",
  "elena.petrova",
  "kwame.asante",
  "nina.kowalski",
  "raj.patel",
  "sara.lindqvist",
  "diego.rossi",
  "mei.lin",
  "ahmed.karim",
  "julia.novak",
  "pedro.alves",
  "ines.moreau",
  "ben.cohen",
  "zoe.taylor",
  "arjun.mehta",
  "lucas.martin",
  "aiko.sato",
];
const ENTITIES = [
  ["user", "user_id"],
  ["merchant", "merchant_id"],
  ["card", "card_id"],
  ["device", "device_id"],
  ["driver", "driver_id"],
  ["order", "order_id"],
  ["restaurant", "restaurant_id"],
  ["product", "product_id"],
  ["session", "session_id"],
  ["account", "account_id"],
  ["store", "store_id"],
  ["courier", "courier_id"],
  ["campaign", "campaign_id"],
  ["query", "query_hash"],
  ["advertiser", "advertiser_id"],
  ["city", "city_code"],
  ["zone", "zone_id"],
  ["seller", "seller_id"],
  ["listing", "listing_id"],
  ["ip_address", "ip"],
] as const;
const MEASURES = [
  "txn",
  "login",
  "order",
  "click",
  "impression",
  "purchase",
  "refund",
  "chargeback",
  "session",
  "search",
  "delivery",
  "rating",
  "spend",
  "amount",
  "distance",
  "pickup",
  "dropoff",
  "cart",
  "checkout",
  "signup",
  "message",
  "review",
  "view",
  "add_to_cart",
  "payment",
  "decline",
  "dispute",
  "cancel",
  "tip",
  "wait_time",
  "page_view",
  "scroll",
  "promo",
  "coupon",
  "return",
  "complaint",
  "trip",
  "surge",
  "eta_error",
  "conversion",
];
const AGGREGATES = ["count", "sum", "avg", "min", "max", "distinct_count", "ratio", "last", "std", "median", "p95"];
const WINDOWS = ["5m", "15m", "1h", "6h", "1d", "7d", "14d", "30d", "90d"];
const QUALIFIERS = [
  "stats",
  "activity",
  "profile",
  "velocity",
  "history",
  "signals",
  "aggregates",
  "trends",
  "risk",
  "quality",
];
const TAGS = [
  "pii",
  "tier-1",
  "tier-2",
  "experimental",
  "deprecated",
  "gdpr",
  "realtime",
  "batch",
  "finance",
  "core",
  "revenue",
  "safety",
  "ml-platform",
  "backfilled",
  "certified",
  "sensitive",
  "latency-critical",
  "shared",
];
const VALUE_TYPES = [
  "int64",
  "int64",
  "float64",
  "float64",
  "float64",
  "string",
  "bool",
  "timestamp",
  "array<float64>",
  "embedding<64>",
];
const PLATFORMS = [
  ["batch", "snowflake"],
  ["batch", "bigquery"],
  ["batch", "redshift"],
  ["batch", "s3_parquet"],
  ["stream", "kafka"],
  ["stream", "kinesis"],
  ["request", "request"],
] as const;

// ---------------------------------------------------------------- deterministic random

const random = mulberry32(Number(values.seed) >>> 0 || 1);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pickSome = <T>(items: readonly T[], max: number): T[] => {
  const count = Math.floor(random() * (max + 1));
  return [...new Set(Array.from({ length: count }, () => pick(items)))];
};
let idCounter = 0;
const runId = Date.now().toString(36);
const newId = (prefix: string) => `s${prefix}${runId}${(idCounter++).toString(36).padStart(6, "0")}`;

// ---------------------------------------------------------------- bulk insert

/** INSERT ... SELECT FROM unnest($1::t1[], $2::t2[], ...) in batches; arrays travel as text. */
async function bulkInsert(
  tx: RawTx,
  table: string,
  columns: { name: string; type: string; expression?: string }[],
  rows: unknown[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params = columns.map((_, index) => batch.map((row) => row[index]));
    const selectList = columns.map((column, index) => column.expression?.replaceAll("$", `c${index}`) ?? `c${index}`);
    const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
    const aliases = columns.map((_, index) => `c${index}`).join(", ");
    await tx.query(
      `INSERT INTO ${table} (${columns.map((c) => `"${c.name}"`).join(", ")})
       SELECT ${selectList.join(", ")} FROM unnest(${unnest}) AS u(${aliases})`,
      params,
    );
  }
}

const tagsColumn = {
  name: "tags",
  type: "text",
  expression: "CASE WHEN $ = '' THEN '{}'::text[] ELSE string_to_array($, ',') END",
};
const tagsColumnNamed = (name: string) => ({ ...tagsColumn, name });

// ---------------------------------------------------------------- generation

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);

const engine = dbEngine();
log(`database: ${engine.describe}`);
await applyMigrations(engine, { log });
const existing = await engine.query<{ id: string }>("SELECT id FROM workspace WHERE slug = $1", [SLUG]);
if (existing.length > 0) {
  console.error(`Workspace "${SLUG}" already exists; choose another with --workspace.`);
  await closeDb();
  process.exit(1);
}

const now = new Date();
const workspaceId = newId("w");
const envIds = { dev: newId("e"), staging: newId("e"), prod: newId("e") };
const teamIds = new Map(TEAMS.map(([slug]) => [slug as string, newId("t")]));
const teamOf = () => pick(TEAMS)[0] as string;
const ownerOf = (team: string) => (random() < 0.15 ? `${team}-oncall@acme.com` : `${pick(PEOPLE)}@acme.com`);
const daysAgo = () => new Date(now.getTime() - Math.floor(random() * 365 * 86_400_000));

interface ViewSpec {
  id: string;
  name: string;
  kind: "batch" | "stream" | "on_demand";
  team: string;
  owner: string;
  tags: string[];
  entities: string[];
  sourceId: string;
  measure: string;
  features: { id: string; name: string; valueType: string; description: string; tags: string[] }[];
  updatedAt: Date;
  schedule: string | null;
}

const entityIds = new Map(ENTITIES.map(([name]) => [name as string, newId("n")]));
const sources = Array.from({ length: SOURCE_COUNT }, (_, index) => {
  const [kind, platform] = pick(PLATFORMS);
  const measure = pick(MEASURES);
  const team = teamOf();
  return {
    id: newId("d"),
    name: `${measure}_${kind === "stream" ? "events" : kind === "request" ? "request" : "table"}_${index}`,
    kind,
    platform,
    team,
    owner: ownerOf(team),
    measure,
    tags: pickSome(TAGS, 2),
    location:
      kind === "stream"
        ? `${team}.${measure}.v${1 + (index % 3)}`
        : `PROD.${team.toUpperCase()}.${measure.toUpperCase()}_${index}`,
  };
});

const usedViewNames = new Set<string>();
const views: ViewSpec[] = [];
for (let index = 0; index < VIEW_COUNT; index++) {
  const entity = pick(ENTITIES)[0] as string;
  const measure = pick(MEASURES);
  let name = `${entity}_${measure}_${pick(QUALIFIERS)}`;
  if (usedViewNames.has(name)) name = `${name}_${index}`;
  usedViewNames.add(name);
  const kind = random() < 0.6 ? "batch" : random() < 0.85 ? "stream" : "on_demand";
  const team = teamOf();
  const featureNames = new Set<string>();
  const features: ViewSpec["features"] = [];
  for (let f = 0; features.length < Math.min(FEATURES_PER_VIEW, FEATURE_COUNT - index * FEATURES_PER_VIEW); f++) {
    const aggregate = pick(AGGREGATES);
    const window = pick(WINDOWS);
    let featureName = `${measure}_${aggregate}_${window}`;
    if (featureNames.has(featureName)) featureName = `${featureName}_${f}`;
    featureNames.add(featureName);
    features.push({
      id: newId("f"),
      name: featureName,
      valueType: aggregate === "count" || aggregate === "distinct_count" ? "int64" : pick(VALUE_TYPES),
      description: `${aggregate.replace("_", " ")} of ${measure.replace(/_/g, " ")} per ${entity} over the last ${window}.`,
      tags: random() < 0.3 ? pickSome(TAGS, 2) : [],
    });
  }
  views.push({
    id: newId("v"),
    name,
    kind,
    team,
    owner: ownerOf(team),
    tags: pickSome(TAGS, 3),
    entities:
      random() < 0.2 ? [entity, pick(ENTITIES)[0] as string].filter((e, i, all) => all.indexOf(e) === i) : [entity],
    sourceId: pick(sources).id,
    measure,
    features,
    updatedAt: daysAgo(),
    schedule: kind === "batch" ? pick(["1h", "6h", "1d"]) : kind === "stream" ? null : null,
  });
}
const allFeatures = views.flatMap((view) => view.features.map((feature) => ({ ...feature, view })));

const services = Array.from({ length: SERVICE_COUNT }, (_, index) => {
  const team = teamOf();
  const size = 5 + Math.floor(random() * 45);
  // Popular features are reused across services: a skewed pick makes usage realistic.
  const featureIndexes = new Set(
    Array.from({ length: size }, () => Math.floor(Math.pow(random(), 2) * allFeatures.length)),
  );
  return {
    id: newId("s"),
    name: `${team}_${pick(["scoring", "ranking", "risk", "eta", "pricing", "serving", "realtime"])}_v${1 + (index % 5)}_${index}`,
    team,
    owner: ownerOf(team),
    tags: pickSome(TAGS, 2),
    budget: pick([10, 20, 30, 50, 100]),
    features: [...featureIndexes].map((i) => allFeatures[i]!),
  };
});
const datasets = Array.from({ length: DATASET_COUNT }, (_, index) => {
  const service = pick(services);
  return {
    id: newId("t"),
    name: `${service.team}_training_set_${index}`,
    team: service.team,
    owner: ownerOf(service.team),
    serviceId: service.id,
  };
});
const models = Array.from({ length: MODEL_COUNT }, (_, index) => {
  const team = teamOf();
  return {
    id: newId("m"),
    name: `${team}_${pick(["classifier", "ranker", "regressor", "detector", "forecaster"])}_${index}`,
    team,
    owner: ownerOf(team),
    services: [...new Set([pick(services).id, ...(random() < 0.3 ? [pick(services).id] : [])])],
    datasetId: random() < 0.7 ? pick(datasets).id : null,
  };
});
log(
  `generated ${views.length} feature views, ${allFeatures.length} features, ${services.length} services, ${models.length} models`,
);

// ---------------------------------------------------------------- load

await engine.transaction(async (tx) => {
  const triggers = await tx.query<{ table_name: string; trigger_name: string }>(
    `SELECT c.relname AS table_name, t.tgname AS trigger_name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgname LIKE 'search\\_%' AND NOT t.tgisinternal`,
  );
  for (const trigger of triggers)
    await tx.exec(`ALTER TABLE "${trigger.table_name}" DISABLE TRIGGER "${trigger.trigger_name}"`);

  await tx.query("INSERT INTO workspace (id, slug, name, description) VALUES ($1, $2, $3, $4)", [
    workspaceId,
    SLUG,
    `Scale test (${FEATURE_COUNT.toLocaleString("en-US")} features)`,
    "Generated by scripts/seed-scale.ts for benchmarks.",
  ]);
  await bulkInsert(
    tx,
    "environment",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "position", type: "int" },
      { name: "required_approvals", type: "int" },
    ],
    [
      [envIds.dev, workspaceId, "dev", 0, 0],
      [envIds.staging, workspaceId, "staging", 1, 1],
      [envIds.prod, workspaceId, "prod", 2, 2],
    ],
  );
  await bulkInsert(
    tx,
    "team",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "slug", type: "text" },
      { name: "name", type: "text" },
    ],
    TEAMS.map(([slug, name]) => [teamIds.get(slug), workspaceId, slug, name]),
  );
  await tx.query(
    `INSERT INTO workspace_member (workspace_id, user_id, role)
     SELECT $1, u.id, coalesce((SELECT max(m.role) FROM workspace_member m WHERE m.user_id = u.id), 'viewer')
     FROM app_user u`,
    [workspaceId],
  );
  log("workspace, environments, teams, members");

  await bulkInsert(
    tx,
    "data_source",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "kind", type: "text", expression: `$::"DataSourceKind"` },
      { name: "platform", type: "text" },
      { name: "location", type: "text" },
      { name: "event_timestamp_column", type: "text" },
      { name: "description", type: "text" },
      { name: "owner", type: "text" },
      { name: "team_id", type: "text" },
      tagsColumn,
      { name: "updated_at", type: "timestamp" },
    ],
    sources.map((s) => [
      s.id,
      workspaceId,
      s.name,
      s.kind,
      s.platform,
      s.location,
      "event_time",
      `Raw ${s.measure.replace(/_/g, " ")} records from the ${s.team} domain.`,
      s.owner,
      teamIds.get(s.team),
      s.tags.join(","),
      daysAgo(),
    ]),
  );
  const columnRows = sources.flatMap((s) =>
    [
      "event_time",
      ...ENTITIES.slice(0, 4).map(([, key]) => key),
      `${s.measure}_amount`,
      `${s.measure}_status`,
      "country",
    ].map((name, position) => [newId("c"), s.id, name, name === "event_time" ? "timestamp" : "string", position]),
  );
  await bulkInsert(
    tx,
    "data_source_column",
    [
      { name: "id", type: "text" },
      { name: "data_source_id", type: "text" },
      { name: "name", type: "text" },
      { name: "type", type: "text" },
      { name: "position", type: "int" },
    ],
    columnRows,
  );
  await bulkInsert(
    tx,
    "entity",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "description", type: "text" },
      { name: "owner", type: "text" },
      tagsColumn,
      { name: "updated_at", type: "timestamp" },
    ],
    ENTITIES.map(([name]) => [
      entityIds.get(name),
      workspaceId,
      name,
      `A ${name.replace("_", " ")}.`,
      "data-platform@acme.com",
      "core",
      daysAgo(),
    ]),
  );
  await bulkInsert(
    tx,
    "entity_join_key",
    [
      { name: "id", type: "text" },
      { name: "entity_id", type: "text" },
      { name: "name", type: "text" },
      { name: "value_type", type: "text" },
      { name: "position", type: "int" },
    ],
    ENTITIES.map(([name, key]) => [newId("k"), entityIds.get(name), key, "string", 0]),
  );
  log(`${sources.length} data sources, ${ENTITIES.length} entities`);

  await bulkInsert(
    tx,
    "feature_view",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "kind", type: "text", expression: `$::"FeatureViewKind"` },
      { name: "description", type: "text" },
      { name: "owner", type: "text" },
      { name: "team_id", type: "text" },
      tagsColumn,
      { name: "transformation", type: "text" },
      { name: "transformation_language", type: "text" },
      { name: "schedule", type: "text" },
      { name: "schedule_seconds", type: "int" },
      { name: "ttl_seconds", type: "int" },
      { name: "slide_interval", type: "text" },
      { name: "slide_interval_seconds", type: "int" },
      { name: "updated_at", type: "timestamp" },
    ],
    views.map((v) => {
      const source = sources.find((s) => s.id === v.sourceId)!;
      const transformation =
        v.kind === "batch"
          ? `SELECT ${v.entities[0]}_id, event_time,\n  ${v.features
              .slice(0, 3)
              .map((f) => `count(*) AS ${f.name}`)
              .join(",\n  ")}\nFROM ${source.location}\nGROUP BY 1, 2`
          : v.kind === "on_demand"
            ? `def transform(inputs):\n    return {"${v.features[0]?.name ?? "value"}": inputs["${v.measure}_amount"] / max(inputs["${v.measure}_avg_30d"], 1e-9)}`
            : "";
      const scheduleSeconds =
        v.schedule === "1h" ? 3600 : v.schedule === "6h" ? 21600 : v.schedule === "1d" ? 86400 : null;
      return [
        v.id,
        workspaceId,
        v.name,
        v.kind,
        `${v.measure.replace(/_/g, " ")} ${pick(QUALIFIERS)} per ${v.entities.join(" and ")}.`,
        v.owner,
        teamIds.get(v.team),
        v.tags.join(","),
        transformation,
        v.kind === "on_demand" ? "python" : "sql",
        v.schedule,
        scheduleSeconds,
        v.kind === "on_demand" ? null : 86400 * 30,
        v.kind === "stream" ? "1m" : null,
        v.kind === "stream" ? 60 : null,
        v.updatedAt,
      ];
    }),
  );
  await bulkInsert(
    tx,
    "feature_view_entity",
    [
      { name: "feature_view_id", type: "text" },
      { name: "entity_id", type: "text" },
    ],
    views.flatMap((v) => v.entities.map((e) => [v.id, entityIds.get(e)])),
  );
  await bulkInsert(
    tx,
    "feature_view_source",
    [
      { name: "feature_view_id", type: "text" },
      { name: "data_source_id", type: "text" },
    ],
    views.filter((v) => v.kind !== "on_demand").map((v) => [v.id, v.sourceId]),
  );
  const aggregationRows = views
    .filter((v) => v.kind === "stream")
    .map((v) => [
      newId("a"),
      v.id,
      pick(["count", "sum", "mean", "max"]),
      `${v.measure}_amount`,
      ["5m", "1h", "1d"].join(","),
      0,
    ]);
  await bulkInsert(
    tx,
    "aggregation",
    [
      { name: "id", type: "text" },
      { name: "feature_view_id", type: "text" },
      { name: "function", type: "text" },
      { name: "column", type: "text" },
      tagsColumnNamed("windows"),
      { name: "position", type: "int" },
    ],
    aggregationRows,
  );
  log(`${views.length} feature views`);

  for (let start = 0; start < allFeatures.length; start += 20_000) {
    const slice = allFeatures.slice(start, start + 20_000);
    await bulkInsert(
      tx,
      "feature",
      [
        { name: "id", type: "text" },
        { name: "workspace_id", type: "text" },
        { name: "feature_view_id", type: "text" },
        { name: "name", type: "text" },
        { name: "value_type", type: "text" },
        { name: "description", type: "text" },
        { name: "owner", type: "text" },
        tagsColumn,
        { name: "position", type: "int" },
        { name: "updated_at", type: "timestamp" },
      ],
      slice.map((f) => [
        f.id,
        workspaceId,
        f.view.id,
        f.name,
        f.valueType,
        f.description,
        "",
        f.tags.join(","),
        f.view.features.indexOf(f.view.features.find((x) => x.id === f.id)!),
        f.view.updatedAt,
      ]),
    );
    log(`${Math.min(start + slice.length, allFeatures.length)} / ${allFeatures.length} features`);
  }

  await bulkInsert(
    tx,
    "feature_service",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "description", type: "text" },
      { name: "owner", type: "text" },
      { name: "team_id", type: "text" },
      tagsColumn,
      { name: "latency_budget_ms", type: "int" },
      { name: "updated_at", type: "timestamp" },
    ],
    services.map((s) => [
      s.id,
      workspaceId,
      s.name,
      `Online features of the ${s.team} team's models.`,
      s.owner,
      teamIds.get(s.team),
      s.tags.join(","),
      s.budget,
      daysAgo(),
    ]),
  );
  await bulkInsert(
    tx,
    "feature_service_feature",
    [
      { name: "feature_service_id", type: "text" },
      { name: "feature_id", type: "text" },
    ],
    services.flatMap((s) => s.features.map((f) => [s.id, f.id])),
  );
  await bulkInsert(
    tx,
    "saved_dataset",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "owner", type: "text" },
      { name: "team_id", type: "text" },
      tagsColumn,
      { name: "storage", type: "text" },
      { name: "feature_service_id", type: "text" },
      { name: "updated_at", type: "timestamp" },
    ],
    datasets.map((d) => [
      d.id,
      workspaceId,
      d.name,
      d.owner,
      teamIds.get(d.team),
      "",
      `s3://acme-ml/datasets/${d.name}.parquet`,
      d.serviceId,
      daysAgo(),
    ]),
  );
  await bulkInsert(
    tx,
    "model",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "name", type: "text" },
      { name: "version", type: "text" },
      { name: "owner", type: "text" },
      { name: "team_id", type: "text" },
      tagsColumn,
      { name: "endpoint", type: "text" },
      { name: "training_dataset_id", type: "text" },
      { name: "updated_at", type: "timestamp" },
    ],
    models.map((m) => [
      m.id,
      workspaceId,
      m.name,
      String(1 + Math.floor(random() * 5)),
      m.owner,
      teamIds.get(m.team),
      "",
      `${m.name.replace(/_/g, "-")}-prod`,
      m.datasetId,
      daysAgo(),
    ]),
  );
  await bulkInsert(
    tx,
    "model_feature_service",
    [
      { name: "model_id", type: "text" },
      { name: "feature_service_id", type: "text" },
    ],
    models.flatMap((m) => m.services.map((s) => [m.id, s])),
  );
  log(`${services.length} services, ${models.length} models, ${datasets.length} saved datasets`);

  // Versions: one per feature view and service, active in dev always, staging and prod often.
  const versionRows: unknown[][] = [];
  const activeRows: unknown[][] = [];
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  for (const v of views) {
    const definition = canonicalDefinition("feature_view", {
      name: v.name,
      kind: v.kind,
      sources: v.kind === "on_demand" ? [] : [sourceName.get(v.sourceId)],
      entities: v.entities,
      ...(v.schedule ? { schedule: v.schedule } : {}),
      features: v.features.map((f) => ({
        name: f.name,
        valueType: f.valueType,
        description: f.description,
        tags: f.tags,
      })),
      owner: v.owner,
      team: v.team,
      tags: v.tags,
    });
    const versionId = newId("r");
    versionRows.push([
      versionId,
      workspaceId,
      "feature_view",
      v.id,
      v.name,
      1,
      contentHash(definition),
      JSON.stringify(definition),
      v.updatedAt,
    ]);
    activeRows.push([envIds.dev, "feature_view", v.id, versionId]);
    if (random() < 0.6) activeRows.push([envIds.staging, "feature_view", v.id, versionId]);
    if (random() < 0.4) activeRows.push([envIds.prod, "feature_view", v.id, versionId]);
  }
  for (const s of services) {
    const definition = canonicalDefinition("feature_service", {
      name: s.name,
      features: s.features.map((f) => `${f.view.name}:${f.name}`),
      latencyBudgetMs: s.budget,
      owner: s.owner,
      team: s.team,
      tags: s.tags,
    });
    const versionId = newId("r");
    versionRows.push([
      versionId,
      workspaceId,
      "feature_service",
      s.id,
      s.name,
      1,
      contentHash(definition),
      JSON.stringify(definition),
      now,
    ]);
    activeRows.push([envIds.dev, "feature_service", s.id, versionId]);
    if (random() < 0.5) activeRows.push([envIds.prod, "feature_service", s.id, versionId]);
  }
  await bulkInsert(
    tx,
    "definition_version",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      { name: "object_kind", type: "text", expression: `$::"ObjectKind"` },
      { name: "object_id", type: "text" },
      { name: "object_name", type: "text" },
      { name: "number", type: "int" },
      { name: "content_hash", type: "text" },
      { name: "definition", type: "text", expression: "$::jsonb" },
      { name: "created_at", type: "timestamp" },
    ],
    versionRows,
  );
  await bulkInsert(
    tx,
    "active_version",
    [
      { name: "environment_id", type: "text" },
      { name: "object_kind", type: "text", expression: `$::"ObjectKind"` },
      { name: "object_id", type: "text" },
      { name: "version_id", type: "text" },
    ],
    activeRows,
  );
  log(`${versionRows.length} definition versions, ${activeRows.length} active versions`);

  const [{ n }] = (await tx.query<{ n: number }>("SELECT search_rebuild($1) AS n", [workspaceId])) as [{ n: number }];
  for (const trigger of triggers)
    await tx.exec(`ALTER TABLE "${trigger.table_name}" ENABLE TRIGGER "${trigger.trigger_name}"`);
  log(`search table rebuilt: ${n} documents`);
});
await engine.query("ANALYZE");
log(`done: workspace "${SLUG}" (switch to it with the workspace menu)`);
await closeDb();
