import type {
  DataSourceDefinition,
  EntityDefinition,
  FeatureDefinition,
  FeatureServiceDefinition,
  FeatureViewDefinition,
  ModelDefinition,
  SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import { mulberry32 } from "@/lib/demo/random";

/*
 * The demo catalog of the `acme` workspace: a pure function of `now`, so the loader, the tests
 * and screenshots all see the same registry. Definitions are written in the canonical shape of
 * lib/definitions/schema.ts with every default filled, so their content hashes match what the
 * apply API would compute for the same document.
 */

export const DEMO_WORKSPACE = {
  slug: "acme",
  name: "Acme ML",
  description: "Acme's feature registry: fraud, ETA, pricing, growth and recommendations.",
} as const;

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = "featureline";
export const DEMO_SEED = 20_240_917;

export type DemoEnvName = "dev" | "staging" | "prod";
export const DEMO_ENV_NAMES: readonly DemoEnvName[] = ["dev", "staging", "prod"];

export interface DemoTeam {
  slug: string;
  name: string;
  description: string;
}

export interface DemoUser {
  email: string;
  name: string;
  role: "viewer" | "author" | "approver" | "admin";
  teams: string[];
}

export interface DemoVersion<T> {
  definition: T;
  message: string;
  /** Email of the demo user who saved it. */
  authorEmail: string;
  createdAt: Date;
}

export interface DemoObject<T> {
  name: string;
  /** Oldest first; version number = index + 1. */
  versions: DemoVersion<T>[];
  /** Version number active in each environment, or null when not deployed there. */
  active: Record<DemoEnvName, number | null>;
}

export interface DemoSavedDatasetDetails {
  rowCount: number;
  startAt: Date;
  endAt: Date;
}

export interface DemoCatalog {
  now: Date;
  workspace: typeof DEMO_WORKSPACE;
  teams: DemoTeam[];
  users: DemoUser[];
  dataSources: DemoObject<DataSourceDefinition>[];
  entities: DemoObject<EntityDefinition>[];
  featureViews: DemoObject<FeatureViewDefinition>[];
  featureServices: DemoObject<FeatureServiceDefinition>[];
  models: DemoObject<ModelDefinition>[];
  savedDatasets: DemoObject<SavedDatasetDefinition>[];
  savedDatasetDetails: Record<string, DemoSavedDatasetDetails>;
}

export function latest<T>(object: DemoObject<T>): T {
  return object.versions[object.versions.length - 1]!.definition;
}

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- organisation

export const DEMO_TEAMS: DemoTeam[] = [
  { slug: "fraud", name: "Fraud & Risk", description: "Payment fraud, account takeover and chargeback models." },
  { slug: "eta", name: "ETA & Dispatch", description: "Arrival-time prediction and driver dispatch." },
  { slug: "pricing", name: "Pricing", description: "Dynamic pricing, surge and price elasticity." },
  { slug: "growth", name: "Growth", description: "Lifecycle, churn, promotions and customer value." },
  { slug: "recommendations", name: "Recommendations", description: "Home feed ranking and similar items." },
];

export const DEMO_USERS: DemoUser[] = [
  {
    email: "admin@featureline.dev",
    name: "Ada Admin",
    role: "admin",
    teams: ["fraud", "eta", "pricing", "growth", "recommendations"],
  },
  { email: "approver@featureline.dev", name: "Alan Approver", role: "approver", teams: ["fraud", "pricing"] },
  {
    email: "approver2@featureline.dev",
    name: "Grace Approver",
    role: "approver",
    teams: ["eta", "growth", "recommendations"],
  },
  { email: "author@featureline.dev", name: "Arthur Author", role: "author", teams: ["fraud", "eta"] },
  {
    email: "author2@featureline.dev",
    name: "Barbara Author",
    role: "author",
    teams: ["growth", "recommendations", "pricing"],
  },
  { email: "viewer@featureline.dev", name: "Vera Viewer", role: "viewer", teams: ["recommendations"] },
];

const OWNERS: Record<string, string> = {
  fraud: "maria.chen@acme.com",
  eta: "lars.nilsson@acme.com",
  pricing: "sofia.garcia@acme.com",
  growth: "tom.okafor@acme.com",
  recommendations: "yuki.tanaka@acme.com",
  platform: "data-platform@acme.com",
};

// ---------------------------------------------------------------- data sources

type ColumnSpec = [name: string, type: string, description: string];

interface SourceSpec {
  name: string;
  kind: DataSourceDefinition["kind"];
  platform: DataSourceDefinition["platform"];
  location: string;
  eventTimestampColumn?: string;
  batchSource?: string;
  team: string;
  owner?: string;
  tags: string[];
  description: string;
  options?: Record<string, unknown>;
  columns: ColumnSpec[];
}

const SOURCE_SPECS: SourceSpec[] = [
  {
    name: "transactions",
    kind: "batch",
    platform: "snowflake",
    location: "PROD.PAYMENTS.TRANSACTIONS",
    eventTimestampColumn: "created_at",
    team: "fraud",
    tags: ["payments", "pii", "tier-1"],
    description:
      "Every card and wallet payment attempt, one row per authorization, loaded from the payments ledger every 15 minutes.",
    options: { warehouse: "FEATURES_WH", database: "PROD", schema: "PAYMENTS", createdTimestampColumn: "loaded_at" },
    columns: [
      ["transaction_id", "VARCHAR(36)", "Payment attempt id (UUID)."],
      ["user_id", "VARCHAR(24)", "Paying user."],
      ["merchant_id", "VARCHAR(24)", "Merchant receiving the payment."],
      ["card_id", "VARCHAR(36)", "Tokenised card or wallet instrument."],
      ["amount", "NUMBER(18,2)", "Amount in the transaction currency."],
      ["currency", "VARCHAR(3)", "ISO 4217 currency code."],
      ["amount_usd", "NUMBER(18,2)", "Amount converted to USD at authorization time."],
      ["mcc", "VARCHAR(4)", "Merchant category code."],
      ["channel", "VARCHAR(16)", "web, ios, android, pos or api."],
      ["country", "VARCHAR(2)", "ISO country of the card issuer."],
      ["merchant_country", "VARCHAR(2)", "ISO country of the merchant."],
      ["status", "VARCHAR(16)", "authorized, settled, declined or refunded."],
      ["is_chargeback", "BOOLEAN", "A chargeback was filed for this payment."],
      ["is_3ds", "BOOLEAN", "3-D Secure authentication succeeded."],
      ["device_id", "VARCHAR(64)", "Device fingerprint of the payer."],
      ["ip_address", "VARCHAR(45)", "Payer IP address (IPv4 or IPv6)."],
      ["created_at", "TIMESTAMP_NTZ", "Authorization time (UTC)."],
      ["loaded_at", "TIMESTAMP_NTZ", "Time the row landed in the warehouse."],
    ],
  },
  {
    name: "logins",
    kind: "stream",
    platform: "kafka",
    location: "auth.logins.v2",
    eventTimestampColumn: "event_time",
    batchSource: "logins_backfill",
    team: "fraud",
    tags: ["auth", "pii", "streaming"],
    description: "Login attempts published by the auth service, Avro encoded, 24 partitions.",
    options: {
      bootstrapServers: "kafka-prod.internal.acme.com:9092",
      format: "avro",
      schemaRegistry: "https://schema-registry.internal.acme.com",
      watermarkDelayThreshold: "5m",
    },
    columns: [
      ["login_id", "string", "Login attempt id."],
      ["user_id", "string", "User the attempt was for."],
      ["device_id", "string", "Device fingerprint."],
      ["ip_address", "string", "Client IP address."],
      ["country", "string", "Country geolocated from the IP address."],
      ["auth_method", "string", "password, otp, sso or biometric."],
      ["user_agent", "string", "Client user agent."],
      ["failed", "int", "1 when the attempt failed, else 0."],
      ["event_time", "timestamp-millis", "Attempt time (UTC)."],
    ],
  },
  {
    name: "logins_backfill",
    kind: "batch",
    platform: "s3_parquet",
    location: "s3://acme-datalake/auth/logins/v2/",
    eventTimestampColumn: "event_time",
    team: "fraud",
    tags: ["auth", "pii"],
    description: "Hourly Parquet dump of auth.logins.v2, partitioned by dt and hour; the backfill source of `logins`.",
    options: { fileFormat: "parquet", partitionColumns: ["dt", "hour"], region: "us-east-1" },
    columns: [
      ["login_id", "STRING", "Login attempt id."],
      ["user_id", "STRING", "User the attempt was for."],
      ["device_id", "STRING", "Device fingerprint."],
      ["ip_address", "STRING", "Client IP address."],
      ["country", "STRING", "Country geolocated from the IP address."],
      ["auth_method", "STRING", "password, otp, sso or biometric."],
      ["user_agent", "STRING", "Client user agent."],
      ["failed", "INT32", "1 when the attempt failed, else 0."],
      ["event_time", "TIMESTAMP", "Attempt time (UTC)."],
    ],
  },
  {
    name: "transaction_request",
    kind: "request",
    platform: "request",
    location: "",
    team: "fraud",
    tags: ["payments", "realtime"],
    description: "Fields the checkout service sends with each fraud scoring request.",
    columns: [
      ["user_id", "string", "Paying user."],
      ["card_id", "string", "Card or wallet instrument."],
      ["merchant_id", "string", "Merchant."],
      ["amount", "float64", "Amount in the transaction currency."],
      ["amount_usd", "float64", "Amount in USD."],
      ["currency", "string", "ISO 4217 currency code."],
      ["channel", "string", "web, ios, android, pos or api."],
      ["merchant_country", "string", "ISO country of the merchant."],
      ["device_id", "string", "Device fingerprint."],
      ["request_time", "timestamp", "Time of the scoring request."],
    ],
  },
  {
    name: "user_accounts",
    kind: "batch",
    platform: "snowflake",
    location: "PROD.CORE.ACCOUNTS",
    eventTimestampColumn: "updated_at",
    team: "growth",
    owner: OWNERS.platform,
    tags: ["core", "pii"],
    description: "User accounts, replicated hourly from the accounts Postgres database.",
    options: { warehouse: "FEATURES_WH", replicatedFrom: "postgres accounts.public.accounts" },
    columns: [
      ["user_id", "VARCHAR(24)", "User id."],
      ["email_domain", "VARCHAR(255)", "Domain of the sign-up email (never the address)."],
      ["country", "VARCHAR(2)", "Country of residence."],
      ["signup_channel", "VARCHAR(16)", "organic, paid_search, referral, social or partner."],
      ["kyc_status", "VARCHAR(16)", "none, pending, verified or rejected."],
      ["plan", "VARCHAR(16)", "free, plus or business."],
      ["referral_code", "VARCHAR(16)", "Referral code used at sign-up, if any."],
      ["created_at", "TIMESTAMP_NTZ", "Account creation time."],
      ["updated_at", "TIMESTAMP_NTZ", "Last change to the row."],
    ],
  },
  {
    name: "trips",
    kind: "batch",
    platform: "bigquery",
    location: "acme-prod.mobility.trips",
    eventTimestampColumn: "requested_at",
    team: "eta",
    tags: ["mobility", "tier-1"],
    description: "Completed and cancelled trips, partitioned by day of request.",
    options: { project: "acme-prod", dataset: "mobility", partitionField: "requested_at" },
    columns: [
      ["trip_id", "STRING", "Trip id."],
      ["driver_id", "STRING", "Assigned driver."],
      ["rider_id", "STRING", "Rider (a user id)."],
      ["region_id", "STRING", "Operating region of the pickup."],
      ["vehicle_type", "STRING", "economy, xl or premium."],
      ["pickup_lat", "FLOAT64", "Pickup latitude."],
      ["pickup_lng", "FLOAT64", "Pickup longitude."],
      ["dropoff_lat", "FLOAT64", "Drop-off latitude."],
      ["dropoff_lng", "FLOAT64", "Drop-off longitude."],
      ["distance_km", "FLOAT64", "Driven distance."],
      ["duration_s", "INT64", "Pickup to drop-off, seconds."],
      ["pickup_wait_s", "INT64", "Request to pickup, seconds."],
      ["fare_usd", "NUMERIC", "Fare charged, USD."],
      ["status", "STRING", "completed, cancelled_rider or cancelled_driver."],
      ["rating", "INT64", "Rider's rating of the driver (1-5), null if none."],
      ["requested_at", "TIMESTAMP", "Request time."],
      ["dropoff_at", "TIMESTAMP", "Drop-off time."],
    ],
  },
  {
    name: "driver_locations",
    kind: "stream",
    platform: "kinesis",
    location: "driver-locations-prod",
    eventTimestampColumn: "event_time",
    team: "eta",
    tags: ["mobility", "streaming", "gps"],
    description: "GPS pings from the driver app every 4 seconds while online.",
    options: { region: "eu-west-1", shards: 64, format: "json", initialPosition: "LATEST" },
    columns: [
      ["driver_id", "string", "Driver."],
      ["region_id", "string", "Region the ping falls in."],
      ["lat", "double", "Latitude."],
      ["lng", "double", "Longitude."],
      ["speed_kmh", "double", "Speed over ground."],
      ["heading", "double", "Heading in degrees."],
      ["is_available", "int", "1 when the driver is online and unassigned."],
      ["event_time", "timestamp", "Ping time (UTC)."],
    ],
  },
  {
    name: "ride_request",
    kind: "request",
    platform: "request",
    location: "",
    team: "eta",
    tags: ["mobility", "realtime"],
    description: "Fields the rider app sends when asking for an ETA or a price quote.",
    columns: [
      ["user_id", "string", "Rider."],
      ["region_id", "string", "Pickup region."],
      ["pickup_lat", "float64", "Pickup latitude."],
      ["pickup_lng", "float64", "Pickup longitude."],
      ["dropoff_lat", "float64", "Drop-off latitude."],
      ["dropoff_lng", "float64", "Drop-off longitude."],
      ["vehicle_type", "string", "economy, xl or premium."],
      ["requested_at", "timestamp", "Request time."],
    ],
  },
  {
    name: "pricing_quotes",
    kind: "batch",
    platform: "postgres",
    location: "public.price_quotes",
    eventTimestampColumn: "quoted_at",
    team: "pricing",
    tags: ["pricing"],
    description:
      "Every price quote shown to a rider and whether it was accepted (pricing service database, read replica).",
    options: { host: "pricing-replica.internal.acme.com", port: 5432, database: "pricing" },
    columns: [
      ["quote_id", "uuid", "Quote id."],
      ["user_id", "text", "Rider."],
      ["region_id", "text", "Pickup region."],
      ["vehicle_type", "text", "economy, xl or premium."],
      ["base_fare_usd", "numeric(10,2)", "Fare before surge."],
      ["surge_multiplier", "numeric(4,2)", "Surge applied (1.00 = none)."],
      ["quoted_price_usd", "numeric(10,2)", "Price shown."],
      ["demand_index", "double precision", "Requests per available driver at quote time."],
      ["supply_count", "integer", "Available drivers within 3 km."],
      ["accepted", "boolean", "The rider booked at this price."],
      ["quoted_at", "timestamptz", "Quote time."],
    ],
  },
  {
    name: "orders",
    kind: "batch",
    platform: "bigquery",
    location: "acme-prod.commerce.orders",
    eventTimestampColumn: "ordered_at",
    team: "growth",
    tags: ["commerce", "tier-1"],
    description: "Marketplace order lines, one row per product per order.",
    options: { project: "acme-prod", dataset: "commerce", partitionField: "ordered_at" },
    columns: [
      ["order_id", "STRING", "Order id."],
      ["user_id", "STRING", "Buyer."],
      ["product_id", "STRING", "Product."],
      ["merchant_id", "STRING", "Seller."],
      ["quantity", "INT64", "Units."],
      ["unit_price_usd", "NUMERIC", "Price per unit, USD."],
      ["discount_usd", "NUMERIC", "Discount applied to the line, USD."],
      ["total_usd", "NUMERIC", "Line total after discount, USD."],
      ["coupon_code", "STRING", "Coupon used, if any."],
      ["payment_method", "STRING", "card, wallet or bnpl."],
      ["status", "STRING", "placed, shipped, delivered, returned or cancelled."],
      ["ordered_at", "TIMESTAMP", "Order time."],
    ],
  },
  {
    name: "product_catalog",
    kind: "batch",
    platform: "bigquery",
    location: "acme-prod.catalog.products",
    eventTimestampColumn: "updated_at",
    team: "recommendations",
    tags: ["commerce", "catalog"],
    description: "Product catalog snapshot with a 64-dimensional title embedding.",
    options: { project: "acme-prod", dataset: "catalog" },
    columns: [
      ["product_id", "STRING", "Product."],
      ["merchant_id", "STRING", "Seller."],
      ["category", "STRING", "Top-level category."],
      ["subcategory", "STRING", "Second-level category."],
      ["brand", "STRING", "Brand."],
      ["price_usd", "NUMERIC", "Current list price, USD."],
      ["in_stock", "BOOL", "Available to order."],
      ["title_embedding", "ARRAY<FLOAT64>", "Title embedding (64 dimensions)."],
      ["created_at", "TIMESTAMP", "Listing time."],
      ["updated_at", "TIMESTAMP", "Last change."],
    ],
  },
  {
    name: "product_views",
    kind: "stream",
    platform: "pubsub",
    location: "projects/acme-prod/topics/product-views",
    eventTimestampColumn: "event_time",
    team: "recommendations",
    tags: ["commerce", "streaming", "clickstream"],
    description: "Product detail page views from web and apps.",
    options: { subscription: "projects/acme-prod/subscriptions/featureline-product-views", format: "json" },
    columns: [
      ["event_id", "string", "View event id."],
      ["user_id", "string", "Viewer (logged-in users only)."],
      ["product_id", "string", "Product viewed."],
      ["session_id", "string", "App or browser session."],
      ["category", "string", "Product category at view time."],
      ["dwell_ms", "int", "Time on the page, milliseconds."],
      ["surface", "string", "search, home, pdp or email."],
      ["event_time", "timestamp", "View time (UTC)."],
    ],
  },
];

// ---------------------------------------------------------------- entities

const ENTITY_SPECS: {
  name: string;
  joinKeys: [string, string][];
  team: string;
  description: string;
  tags: string[];
}[] = [
  {
    name: "user",
    joinKeys: [["user_id", "string"]],
    team: "growth",
    description: "A registered Acme customer (rider, buyer or payer).",
    tags: ["core"],
  },
  {
    name: "merchant",
    joinKeys: [["merchant_id", "string"]],
    team: "fraud",
    description: "A business accepting payments or selling on the marketplace.",
    tags: ["core"],
  },
  {
    name: "card",
    joinKeys: [["card_id", "string"]],
    team: "fraud",
    description: "A tokenised payment card or wallet instrument.",
    tags: ["payments"],
  },
  {
    name: "driver",
    joinKeys: [["driver_id", "string"]],
    team: "eta",
    description: "A driver on the mobility platform.",
    tags: ["mobility"],
  },
  {
    name: "product",
    joinKeys: [["product_id", "string"]],
    team: "recommendations",
    description: "A marketplace product listing.",
    tags: ["commerce"],
  },
  {
    name: "region",
    joinKeys: [["region_id", "string"]],
    team: "pricing",
    description: "An operating region (city zone) for mobility.",
    tags: ["mobility", "geo"],
  },
];

// ---------------------------------------------------------------- feature views

/** [name, valueType, expression, source columns, description, extra tags] */
type FeatureSpec = [
  name: string,
  valueType: string,
  expr: string,
  cols: string[],
  description: string,
  tags?: string[],
];

interface ViewCommon {
  name: string;
  team: string;
  entities: string[];
  sources: string[];
  description: string;
  tags: string[];
  online?: boolean;
}

interface BatchViewSpec extends ViewCommon {
  kind: "batch";
  schedule: string;
  ttl: string;
  /** Select-list expressions for the join keys, e.g. "t.user_id". */
  keys: string[];
  timestamp: string;
  /** FROM ... GROUP BY ... */
  tail: string;
  features: FeatureSpec[];
  /** A Python (PySpark) transformation instead of generated SQL. */
  python?: string;
}

interface AggregationSpec {
  function: "count" | "sum" | "mean" | "min" | "max" | "distinct_count" | "last_n";
  column: string;
  windows: string[];
  /** Feature name with `{w}` for the window. */
  feature: string;
  valueType: string;
  /** Description with `{w}` for the window in words. */
  description: string;
}

interface StreamViewSpec extends ViewCommon {
  kind: "stream";
  slideInterval: string;
  ttl: string;
  aggregations: AggregationSpec[];
}

interface OnDemandViewSpec extends ViewCommon {
  kind: "on_demand";
  inputs: string[];
  language: "python" | "typescript";
  code: string;
  features: FeatureSpec[];
}

type ViewSpec = BatchViewSpec | StreamViewSpec | OnDemandViewSpec;

const T = "PROD.PAYMENTS.TRANSACTIONS";

const VIEW_SPECS: ViewSpec[] = [
  // ------------------------------------------------ fraud
  {
    kind: "batch",
    name: "user_profile",
    team: "fraud",
    entities: ["user"],
    sources: ["user_accounts", "transactions"],
    schedule: "1d",
    ttl: "2d",
    description: "Slow-moving facts about a user: account age, country, and 30-day spending habits.",
    tags: ["fraud", "profile"],
    keys: ["a.user_id"],
    timestamp: "CURRENT_TIMESTAMP()",
    tail: `FROM PROD.CORE.ACCOUNTS a
LEFT JOIN ${T} t
  ON t.user_id = a.user_id
 AND t.created_at >= DATEADD('day', -30, CURRENT_DATE())
 AND t.status IN ('authorized', 'settled')
GROUP BY a.user_id, a.created_at, a.country, a.signup_channel, a.kyc_status, a.plan, a.email_domain`,
    features: [
      [
        "account_age_days",
        "int64",
        "DATEDIFF('day', a.created_at, CURRENT_DATE())",
        ["user_accounts.created_at"],
        "Days since the account was created.",
      ],
      [
        "country",
        "string",
        "a.country",
        ["user_accounts.country"],
        "Country of residence (ISO 3166-1 alpha-2).",
        ["pii"],
      ],
      [
        "signup_channel",
        "string",
        "a.signup_channel",
        ["user_accounts.signup_channel"],
        "Acquisition channel at sign-up.",
      ],
      [
        "kyc_verified",
        "bool",
        "a.kyc_status = 'verified'",
        ["user_accounts.kyc_status"],
        "The user passed identity verification.",
      ],
      ["plan_tier", "string", "a.plan", ["user_accounts.plan"], "Subscription plan: free, plus or business."],
      [
        "is_free_email_domain",
        "bool",
        "a.email_domain IN ('gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com')",
        ["user_accounts.email_domain"],
        "Signed up with a free email provider.",
      ],
      [
        "avg_txn_amount_30d",
        "float64",
        "AVG(t.amount_usd)",
        ["transactions.amount_usd", "transactions.created_at"],
        "Mean payment amount over the last 30 days, USD.",
      ],
      [
        "txn_count_30d",
        "int64",
        "COUNT(t.transaction_id)",
        ["transactions.transaction_id", "transactions.created_at"],
        "Payments in the last 30 days.",
      ],
      [
        "total_spend_30d",
        "float64",
        "COALESCE(SUM(t.amount_usd), 0)",
        ["transactions.amount_usd", "transactions.created_at"],
        "Total spend over the last 30 days, USD.",
      ],
      [
        "max_txn_amount_30d",
        "float64",
        "MAX(t.amount_usd)",
        ["transactions.amount_usd", "transactions.created_at"],
        "Largest single payment in the last 30 days, USD.",
      ],
      [
        "preferred_channel",
        "string",
        "MODE(t.channel)",
        ["transactions.channel"],
        "Most used payment channel over 30 days.",
      ],
      [
        "distinct_merchants_30d",
        "int64",
        "COUNT(DISTINCT t.merchant_id)",
        ["transactions.merchant_id", "transactions.created_at"],
        "Distinct merchants paid in 30 days.",
      ],
      [
        "foreign_txn_share_30d",
        "float64",
        "AVG(IFF(t.merchant_country <> a.country, 1, 0))",
        ["transactions.merchant_country", "user_accounts.country"],
        "Share of payments to merchants outside the user's country.",
      ],
      [
        "days_since_last_txn",
        "int64",
        "DATEDIFF('day', MAX(t.created_at), CURRENT_DATE())",
        ["transactions.created_at"],
        "Days since the user's last payment.",
      ],
    ],
  },
  {
    kind: "stream",
    name: "login_activity",
    team: "fraud",
    entities: ["user"],
    sources: ["logins"],
    slideInterval: "1m",
    ttl: "16d",
    description: "Login attempts per user over short and long windows, for account-takeover and card-testing signals.",
    tags: ["fraud", "ato", "velocity"],
    aggregations: [
      {
        function: "count",
        column: "login_id",
        windows: ["5m", "15m", "15d"],
        feature: "login_count_{w}",
        valueType: "int64",
        description: "Login attempts in the last {w}.",
      },
      {
        function: "sum",
        column: "failed",
        windows: ["5m", "15m", "1h"],
        feature: "failed_login_count_{w}",
        valueType: "int64",
        description: "Failed login attempts in the last {w}.",
      },
      {
        function: "distinct_count",
        column: "device_id",
        windows: ["1h", "15d"],
        feature: "distinct_devices_{w}",
        valueType: "int64",
        description: "Distinct devices used to log in over the last {w}.",
      },
      {
        function: "distinct_count",
        column: "ip_address",
        windows: ["1h"],
        feature: "distinct_ips_{w}",
        valueType: "int64",
        description: "Distinct IP addresses over the last {w}.",
      },
      {
        function: "distinct_count",
        column: "country",
        windows: ["1h", "15d"],
        feature: "distinct_login_countries_{w}",
        valueType: "int64",
        description: "Distinct login countries over the last {w}.",
      },
    ],
  },
  {
    kind: "on_demand",
    name: "txn_amount_vs_avg",
    team: "fraud",
    entities: ["user"],
    sources: ["transaction_request"],
    inputs: ["user_profile"],
    description: "This payment's amount relative to the user's 30-day average, computed at request time.",
    tags: ["fraud", "realtime"],
    language: "python",
    code: `import pandas as pd


def txn_amount_vs_avg(inputs: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame()
    avg = inputs["avg_txn_amount_30d"].fillna(0.0)
    out["txn_amount_vs_avg"] = inputs["amount_usd"] / avg.where(avg > 0, 1.0)
    out["txn_amount_minus_avg"] = inputs["amount_usd"] - avg
    out["is_large_vs_history"] = (inputs["amount_usd"] > 3 * avg) & (inputs["txn_count_30d"] >= 5)
    return out
`,
    features: [
      [
        "txn_amount_vs_avg",
        "float64",
        "",
        ["transaction_request.amount_usd", "transactions.amount_usd"],
        "This payment's USD amount divided by the user's 30-day average (1.0 when the user has no history).",
      ],
      [
        "txn_amount_minus_avg",
        "float64",
        "",
        ["transaction_request.amount_usd", "transactions.amount_usd"],
        "This payment's USD amount minus the user's 30-day average.",
      ],
      [
        "is_large_vs_history",
        "bool",
        "",
        ["transaction_request.amount_usd", "transactions.amount_usd", "transactions.transaction_id"],
        "More than three times the 30-day average, with at least five past payments.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "merchant_risk_stats",
    team: "fraud",
    entities: ["merchant"],
    sources: ["transactions"],
    schedule: "1d",
    ttl: "3d",
    description: "Merchant-level decline, refund and chargeback rates.",
    tags: ["fraud", "merchant"],
    keys: ["t.merchant_id"],
    timestamp: "MAX(t.created_at)",
    tail: `FROM ${T} t
WHERE t.created_at >= DATEADD('day', -90, CURRENT_DATE())
GROUP BY t.merchant_id`,
    features: [
      [
        "merchant_txn_count_7d",
        "int64",
        "COUNT_IF(t.created_at >= DATEADD('day', -7, CURRENT_DATE()))",
        ["transactions.transaction_id", "transactions.created_at"],
        "Payments to the merchant in the last 7 days.",
      ],
      [
        "merchant_avg_amount_30d",
        "float64",
        "AVG(IFF(t.created_at >= DATEADD('day', -30, CURRENT_DATE()), t.amount_usd, NULL))",
        ["transactions.amount_usd", "transactions.created_at"],
        "Mean payment amount at the merchant over 30 days, USD.",
      ],
      [
        "merchant_decline_rate_7d",
        "float64",
        "AVG(IFF(t.created_at >= DATEADD('day', -7, CURRENT_DATE()), IFF(t.status = 'declined', 1, 0), NULL))",
        ["transactions.status", "transactions.created_at"],
        "Share of declined payments over 7 days.",
      ],
      [
        "merchant_chargeback_rate_90d",
        "float64",
        "AVG(IFF(t.is_chargeback, 1, 0))",
        ["transactions.is_chargeback"],
        "Share of payments charged back over 90 days.",
      ],
      [
        "merchant_refund_rate_30d",
        "float64",
        "AVG(IFF(t.created_at >= DATEADD('day', -30, CURRENT_DATE()), IFF(t.status = 'refunded', 1, 0), NULL))",
        ["transactions.status", "transactions.created_at"],
        "Share of payments refunded over 30 days.",
      ],
      [
        "merchant_distinct_cards_7d",
        "int64",
        "COUNT(DISTINCT IFF(t.created_at >= DATEADD('day', -7, CURRENT_DATE()), t.card_id, NULL))",
        ["transactions.card_id", "transactions.created_at"],
        "Distinct cards used at the merchant in 7 days.",
      ],
      [
        "merchant_cross_border_share_30d",
        "float64",
        "AVG(IFF(t.country <> t.merchant_country, 1, 0))",
        ["transactions.country", "transactions.merchant_country"],
        "Share of payments with a foreign card.",
      ],
      [
        "merchant_3ds_share_30d",
        "float64",
        "AVG(IFF(t.is_3ds, 1, 0))",
        ["transactions.is_3ds"],
        "Share of payments authenticated with 3-D Secure.",
      ],
      ["merchant_mcc", "string", "ANY_VALUE(t.mcc)", ["transactions.mcc"], "Merchant category code."],
      [
        "merchant_active_days_90d",
        "int64",
        "COUNT(DISTINCT DATE(t.created_at))",
        ["transactions.created_at"],
        "Days with at least one payment in the last 90 days.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "card_velocity",
    team: "fraud",
    entities: ["card"],
    sources: ["transactions"],
    schedule: "1h",
    ttl: "6h",
    description: "How fast a card is being used: counts and amounts over the last hours and days.",
    tags: ["fraud", "velocity"],
    keys: ["t.card_id"],
    timestamp: "MAX(t.created_at)",
    tail: `FROM ${T} t
WHERE t.created_at >= DATEADD('day', -7, CURRENT_TIMESTAMP())
GROUP BY t.card_id`,
    features: [
      [
        "card_txn_count_1h",
        "int64",
        "COUNT_IF(t.created_at >= DATEADD('hour', -1, CURRENT_TIMESTAMP()))",
        ["transactions.transaction_id", "transactions.created_at"],
        "Payments with the card in the last hour.",
      ],
      [
        "card_txn_count_24h",
        "int64",
        "COUNT_IF(t.created_at >= DATEADD('hour', -24, CURRENT_TIMESTAMP()))",
        ["transactions.transaction_id", "transactions.created_at"],
        "Payments with the card in the last 24 hours.",
      ],
      [
        "card_txn_count_7d",
        "int64",
        "COUNT(*)",
        ["transactions.transaction_id", "transactions.created_at"],
        "Payments with the card in the last 7 days.",
      ],
      [
        "card_amount_sum_1h",
        "float64",
        "SUM(IFF(t.created_at >= DATEADD('hour', -1, CURRENT_TIMESTAMP()), t.amount_usd, 0))",
        ["transactions.amount_usd", "transactions.created_at"],
        "Amount paid with the card in the last hour, USD.",
      ],
      [
        "card_amount_sum_24h",
        "float64",
        "SUM(IFF(t.created_at >= DATEADD('hour', -24, CURRENT_TIMESTAMP()), t.amount_usd, 0))",
        ["transactions.amount_usd", "transactions.created_at"],
        "Amount paid with the card in the last 24 hours, USD.",
      ],
      [
        "card_distinct_merchants_24h",
        "int64",
        "COUNT(DISTINCT IFF(t.created_at >= DATEADD('hour', -24, CURRENT_TIMESTAMP()), t.merchant_id, NULL))",
        ["transactions.merchant_id", "transactions.created_at"],
        "Distinct merchants in the last 24 hours.",
      ],
      [
        "card_distinct_countries_7d",
        "int64",
        "COUNT(DISTINCT t.merchant_country)",
        ["transactions.merchant_country"],
        "Distinct merchant countries in 7 days.",
      ],
      [
        "card_decline_count_24h",
        "int64",
        "COUNT_IF(t.status = 'declined' AND t.created_at >= DATEADD('hour', -24, CURRENT_TIMESTAMP()))",
        ["transactions.status", "transactions.created_at"],
        "Declined attempts in the last 24 hours.",
      ],
      [
        "card_distinct_devices_7d",
        "int64",
        "COUNT(DISTINCT t.device_id)",
        ["transactions.device_id"],
        "Distinct devices the card was used from in 7 days.",
      ],
      [
        "card_minutes_since_last_txn",
        "int64",
        "DATEDIFF('minute', MAX(t.created_at), CURRENT_TIMESTAMP())",
        ["transactions.created_at"],
        "Minutes since the card's previous payment.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "card_profile",
    team: "fraud",
    entities: ["card"],
    sources: ["transactions"],
    schedule: "1d",
    ttl: "3d",
    description: "Long-run facts about a card: age, issuing country, typical amounts and chargebacks.",
    tags: ["fraud", "profile"],
    keys: ["t.card_id"],
    timestamp: "MAX(t.created_at)",
    tail: `FROM ${T} t
WHERE t.created_at >= DATEADD('day', -365, CURRENT_DATE())
GROUP BY t.card_id`,
    features: [
      [
        "card_age_days",
        "int64",
        "DATEDIFF('day', MIN(t.created_at), CURRENT_DATE())",
        ["transactions.created_at"],
        "Days since the card was first seen.",
      ],
      ["card_country", "string", "ANY_VALUE(t.country)", ["transactions.country"], "Issuing country."],
      [
        "card_avg_amount_90d",
        "float64",
        "AVG(IFF(t.created_at >= DATEADD('day', -90, CURRENT_DATE()), t.amount_usd, NULL))",
        ["transactions.amount_usd", "transactions.created_at"],
        "Mean payment amount over 90 days, USD.",
      ],
      [
        "card_std_amount_90d",
        "float64",
        "STDDEV(IFF(t.created_at >= DATEADD('day', -90, CURRENT_DATE()), t.amount_usd, NULL))",
        ["transactions.amount_usd", "transactions.created_at"],
        "Standard deviation of payment amounts over 90 days, USD.",
      ],
      [
        "card_chargeback_count_365d",
        "int64",
        "COUNT_IF(t.is_chargeback)",
        ["transactions.is_chargeback"],
        "Chargebacks in the last year.",
      ],
      ["card_primary_mcc", "string", "MODE(t.mcc)", ["transactions.mcc"], "Most frequent merchant category code."],
      [
        "card_3ds_share_90d",
        "float64",
        "AVG(IFF(t.is_3ds, 1, 0))",
        ["transactions.is_3ds"],
        "Share of payments authenticated with 3-D Secure.",
      ],
      [
        "card_decline_rate_90d",
        "float64",
        "AVG(IFF(t.status = 'declined', 1, 0))",
        ["transactions.status"],
        "Share of the card's attempts declined.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "user_merchant_affinity",
    team: "fraud",
    entities: ["user", "merchant"],
    sources: ["transactions"],
    schedule: "1d",
    ttl: "3d",
    description: "History between a user and a merchant; a first payment to a merchant is riskier.",
    tags: ["fraud", "relationship"],
    keys: ["t.user_id", "t.merchant_id"],
    timestamp: "MAX(t.created_at)",
    tail: `FROM ${T} t
WHERE t.created_at >= DATEADD('day', -365, CURRENT_DATE())
GROUP BY t.user_id, t.merchant_id`,
    features: [
      [
        "user_merchant_txn_count_90d",
        "int64",
        "COUNT_IF(t.created_at >= DATEADD('day', -90, CURRENT_DATE()))",
        ["transactions.transaction_id", "transactions.created_at"],
        "Payments from the user to the merchant in 90 days.",
      ],
      [
        "user_merchant_amount_sum_90d",
        "float64",
        "SUM(IFF(t.created_at >= DATEADD('day', -90, CURRENT_DATE()), t.amount_usd, 0))",
        ["transactions.amount_usd", "transactions.created_at"],
        "Amount paid by the user to the merchant in 90 days, USD.",
      ],
      [
        "user_merchant_avg_amount_365d",
        "float64",
        "AVG(t.amount_usd)",
        ["transactions.amount_usd"],
        "Mean payment from the user to the merchant over a year, USD.",
      ],
      [
        "days_since_first_user_merchant_txn",
        "int64",
        "DATEDIFF('day', MIN(t.created_at), CURRENT_DATE())",
        ["transactions.created_at"],
        "Days since the user's first payment to the merchant.",
      ],
      [
        "user_merchant_chargeback_count_365d",
        "int64",
        "COUNT_IF(t.is_chargeback)",
        ["transactions.is_chargeback"],
        "Chargebacks between the user and the merchant in a year.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "device_risk",
    team: "fraud",
    entities: ["user"],
    sources: ["logins_backfill"],
    schedule: "6h",
    ttl: "1d",
    description: "Device and network diversity over 30 days of logins (Spark SQL over the login archive).",
    tags: ["fraud", "ato", "device"],
    keys: ["l.user_id"],
    timestamp: "MAX(l.event_time)",
    tail: `FROM parquet.\`s3://acme-datalake/auth/logins/v2/\` l
WHERE l.event_time >= date_sub(current_date(), 30)
GROUP BY l.user_id`,
    features: [
      [
        "user_distinct_devices_30d",
        "int64",
        "COUNT(DISTINCT l.device_id)",
        ["logins_backfill.device_id", "logins_backfill.event_time"],
        "Distinct devices the user logged in from in 30 days.",
      ],
      [
        "user_new_device_share_30d",
        "float64",
        "AVG(CASE WHEN l.device_id NOT IN (SELECT device_id FROM known_devices k WHERE k.user_id = l.user_id) THEN 1 ELSE 0 END)",
        ["logins_backfill.device_id", "logins_backfill.user_id"],
        "Share of logins from a device first seen in the window.",
      ],
      [
        "user_distinct_ips_30d",
        "int64",
        "COUNT(DISTINCT l.ip_address)",
        ["logins_backfill.ip_address"],
        "Distinct IP addresses in 30 days.",
      ],
      [
        "user_login_country_count_30d",
        "int64",
        "COUNT(DISTINCT l.country)",
        ["logins_backfill.country"],
        "Distinct login countries in 30 days.",
      ],
      [
        "user_failed_login_rate_30d",
        "float64",
        "AVG(l.failed)",
        ["logins_backfill.failed"],
        "Share of failed login attempts over 30 days.",
      ],
      [
        "user_sso_login_share_30d",
        "float64",
        "AVG(CASE WHEN l.auth_method = 'sso' THEN 1 ELSE 0 END)",
        ["logins_backfill.auth_method"],
        "Share of logins through single sign-on.",
      ],
      [
        "user_primary_auth_method",
        "string",
        "mode(l.auth_method)",
        ["logins_backfill.auth_method"],
        "Most used authentication method.",
      ],
      [
        "user_mobile_login_share_30d",
        "float64",
        "AVG(CASE WHEN l.user_agent RLIKE '(iPhone|Android)' THEN 1 ELSE 0 END)",
        ["logins_backfill.user_agent"],
        "Share of logins from mobile user agents.",
      ],
    ],
  },
  {
    kind: "on_demand",
    name: "txn_request_context",
    team: "fraud",
    entities: ["card"],
    sources: ["transaction_request"],
    inputs: ["card_profile", "card_velocity"],
    description: "Request-time comparisons of this payment with the card's history.",
    tags: ["fraud", "realtime"],
    language: "python",
    code: `import pandas as pd


def txn_request_context(inputs: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame()
    avg = inputs["card_avg_amount_90d"].where(inputs["card_avg_amount_90d"] > 0, 1.0)
    out["amount_vs_card_avg"] = inputs["amount_usd"] / avg
    out["is_cross_border"] = inputs["merchant_country"] != inputs["card_country"]
    hourly = inputs["card_txn_count_24h"].clip(lower=1) / 24.0
    out["card_velocity_ratio_1h_24h"] = inputs["card_txn_count_1h"] / hourly
    return out
`,
    features: [
      [
        "amount_vs_card_avg",
        "float64",
        "",
        ["transaction_request.amount_usd", "transactions.amount_usd"],
        "This payment's amount divided by the card's 90-day average.",
      ],
      [
        "is_cross_border",
        "bool",
        "",
        ["transaction_request.merchant_country", "transactions.country"],
        "The merchant is outside the card's issuing country.",
      ],
      [
        "card_velocity_ratio_1h_24h",
        "float64",
        "",
        ["transactions.transaction_id", "transactions.created_at"],
        "Last hour's payments relative to the card's hourly rate over 24 hours.",
      ],
    ],
  },
  {
    kind: "on_demand",
    name: "login_risk_signals",
    team: "fraud",
    entities: ["user"],
    sources: [],
    inputs: ["login_activity"],
    description: "Bursts of login attempts compared with the user's normal rate.",
    tags: ["fraud", "ato", "realtime"],
    language: "python",
    code: `import pandas as pd


def login_risk_signals(inputs: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame()
    # 15 days = 4320 five-minute slots: the user's typical attempts per 5 minutes.
    typical = (inputs["login_count_15d"] / 4320.0).clip(lower=0.01)
    out["login_burst_ratio"] = inputs["login_count_5m"] / typical
    out["failed_login_share_15m"] = inputs["failed_login_count_15m"] / inputs["login_count_15m"].clip(lower=1)
    return out
`,
    features: [
      [
        "login_burst_ratio",
        "float64",
        "",
        ["logins.login_id", "logins.event_time"],
        "Login attempts in the last 5 minutes over the user's typical 5-minute rate (15 days).",
      ],
      [
        "failed_login_share_15m",
        "float64",
        "",
        ["logins.failed", "logins.login_id"],
        "Share of the last 15 minutes' attempts that failed.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "chargeback_history",
    team: "fraud",
    entities: ["user"],
    sources: ["transactions"],
    schedule: "1d",
    ttl: "3d",
    description: "A user's chargebacks and refunds over the last year.",
    tags: ["fraud", "chargeback"],
    keys: ["t.user_id"],
    timestamp: "MAX(t.created_at)",
    tail: `FROM ${T} t
WHERE t.created_at >= DATEADD('day', -365, CURRENT_DATE())
GROUP BY t.user_id`,
    features: [
      [
        "user_chargeback_count_365d",
        "int64",
        "COUNT_IF(t.is_chargeback)",
        ["transactions.is_chargeback"],
        "Chargebacks filed on the user's payments in a year.",
      ],
      [
        "user_chargeback_amount_365d",
        "float64",
        "SUM(IFF(t.is_chargeback, t.amount_usd, 0))",
        ["transactions.is_chargeback", "transactions.amount_usd"],
        "Amount charged back in a year, USD.",
      ],
      [
        "user_refund_count_90d",
        "int64",
        "COUNT_IF(t.status = 'refunded' AND t.created_at >= DATEADD('day', -90, CURRENT_DATE()))",
        ["transactions.status", "transactions.created_at"],
        "Refunded payments in 90 days.",
      ],
      [
        "days_since_last_chargeback",
        "int64",
        "DATEDIFF('day', MAX(IFF(t.is_chargeback, t.created_at, NULL)), CURRENT_DATE())",
        ["transactions.is_chargeback", "transactions.created_at"],
        "Days since the most recent chargeback (null if none).",
      ],
      [
        "user_decline_rate_90d",
        "float64",
        "AVG(IFF(t.status = 'declined', 1, 0))",
        ["transactions.status"],
        "Share of the user's attempts declined.",
      ],
      [
        "user_chargeback_rate_365d",
        "float64",
        "AVG(IFF(t.is_chargeback, 1, 0))",
        ["transactions.is_chargeback"],
        "Share of the user's payments charged back in a year.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "user_device_graph",
    team: "fraud",
    entities: ["user"],
    sources: ["transactions"],
    schedule: "1d",
    ttl: "3d",
    description: "Experimental: how many other users share the user's devices and networks (fraud rings).",
    tags: ["fraud", "graph", "experimental"],
    keys: ["t.user_id"],
    timestamp: "MAX(t.created_at)",
    tail: `FROM ${T} t
JOIN ${T} o ON o.device_id = t.device_id AND o.user_id <> t.user_id
WHERE t.created_at >= DATEADD('day', -30, CURRENT_DATE())
GROUP BY t.user_id`,
    features: [
      [
        "users_sharing_device_30d",
        "int64",
        "COUNT(DISTINCT o.user_id)",
        ["transactions.device_id", "transactions.user_id"],
        "Other users who paid from one of the user's devices in 30 days.",
      ],
      [
        "users_sharing_ip_7d",
        "int64",
        "COUNT(DISTINCT IFF(o.ip_address = t.ip_address AND o.created_at >= DATEADD('day', -7, CURRENT_DATE()), o.user_id, NULL))",
        ["transactions.ip_address", "transactions.user_id"],
        "Other users who paid from the user's IP addresses in 7 days.",
      ],
      [
        "shared_device_chargeback_count_30d",
        "int64",
        "COUNT_IF(o.is_chargeback)",
        ["transactions.device_id", "transactions.is_chargeback"],
        "Chargebacks on payments from devices the user shares.",
      ],
    ],
  },

  // ------------------------------------------------ eta
  {
    kind: "batch",
    name: "driver_trip_stats",
    team: "eta",
    entities: ["driver"],
    sources: ["trips"],
    schedule: "1d",
    ttl: "3d",
    description: "A driver's recent trips: volume, speed, cancellations and tenure.",
    tags: ["eta", "driver"],
    keys: ["t.driver_id"],
    timestamp: "MAX(t.requested_at)",
    tail: `FROM \`acme-prod.mobility.trips\` t
WHERE t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
GROUP BY t.driver_id`,
    features: [
      [
        "driver_trips_completed_30d",
        "int64",
        "COUNTIF(t.status = 'completed' AND t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY))",
        ["trips.status", "trips.requested_at"],
        "Completed trips in 30 days.",
      ],
      [
        "driver_avg_trip_duration_min_30d",
        "float64",
        "AVG(IF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), t.duration_s / 60.0, NULL))",
        ["trips.duration_s", "trips.requested_at"],
        "Mean trip duration over 30 days, minutes.",
      ],
      [
        "driver_avg_speed_kmh_30d",
        "float64",
        "SAFE_DIVIDE(SUM(t.distance_km), SUM(t.duration_s) / 3600.0)",
        ["trips.distance_km", "trips.duration_s"],
        "Average driving speed on trips, km/h.",
      ],
      [
        "driver_cancel_rate_30d",
        "float64",
        "AVG(IF(t.status = 'cancelled_driver', 1, 0))",
        ["trips.status"],
        "Share of assigned trips the driver cancelled.",
      ],
      [
        "driver_avg_pickup_wait_min_30d",
        "float64",
        "AVG(t.pickup_wait_s / 60.0)",
        ["trips.pickup_wait_s"],
        "Mean time from request to pickup, minutes.",
      ],
      [
        "driver_tenure_days",
        "int64",
        "DATE_DIFF(CURRENT_DATE(), DATE(MIN(t.requested_at)), DAY)",
        ["trips.requested_at"],
        "Days since the driver's first trip in the window.",
      ],
      [
        "driver_active_days_7d",
        "int64",
        "COUNT(DISTINCT IF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY), DATE(t.requested_at), NULL))",
        ["trips.requested_at"],
        "Days with at least one trip in the last week.",
      ],
      ["driver_avg_distance_km_30d", "float64", "AVG(t.distance_km)", ["trips.distance_km"], "Mean trip distance, km."],
      [
        "driver_primary_vehicle_type",
        "string",
        "APPROX_TOP_COUNT(t.vehicle_type, 1)[OFFSET(0)].value",
        ["trips.vehicle_type"],
        "Vehicle type of most of the driver's trips.",
      ],
      [
        "driver_night_trip_share_30d",
        "float64",
        "AVG(IF(EXTRACT(HOUR FROM t.requested_at) BETWEEN 0 AND 5, 1, 0))",
        ["trips.requested_at"],
        "Share of trips requested between midnight and 6 am.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "region_traffic_stats",
    team: "eta",
    entities: ["region"],
    sources: ["trips"],
    schedule: "1h",
    ttl: "3h",
    description: "Hourly traffic conditions per region derived from completed trips.",
    tags: ["eta", "traffic", "geo"],
    keys: ["t.region_id"],
    timestamp: "MAX(t.dropoff_at)",
    tail: `FROM \`acme-prod.mobility.trips\` t
WHERE t.status = 'completed'
  AND t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
GROUP BY t.region_id`,
    features: [
      [
        "region_avg_trip_speed_kmh_1h",
        "float64",
        "SAFE_DIVIDE(SUM(IF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR), t.distance_km, 0)), SUM(IF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR), t.duration_s, 0)) / 3600.0)",
        ["trips.distance_km", "trips.duration_s", "trips.requested_at"],
        "Average trip speed in the region over the last hour, km/h.",
      ],
      [
        "region_avg_pickup_wait_min_1h",
        "float64",
        "AVG(IF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR), t.pickup_wait_s / 60.0, NULL))",
        ["trips.pickup_wait_s", "trips.requested_at"],
        "Mean pickup wait over the last hour, minutes.",
      ],
      [
        "region_trip_count_1h",
        "int64",
        "COUNTIF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR))",
        ["trips.trip_id", "trips.requested_at"],
        "Completed trips in the last hour.",
      ],
      [
        "region_avg_duration_min_24h",
        "float64",
        "AVG(t.duration_s / 60.0)",
        ["trips.duration_s"],
        "Mean trip duration over 24 hours, minutes.",
      ],
      [
        "region_p90_duration_min_24h",
        "float64",
        "APPROX_QUANTILES(t.duration_s / 60.0, 10)[OFFSET(9)]",
        ["trips.duration_s"],
        "90th percentile trip duration over 24 hours, minutes.",
      ],
      [
        "region_avg_distance_km_24h",
        "float64",
        "AVG(t.distance_km)",
        ["trips.distance_km"],
        "Mean trip distance over 24 hours, km.",
      ],
      ["region_trip_count_24h", "int64", "COUNT(*)", ["trips.trip_id"], "Completed trips over 24 hours."],
    ],
  },
  {
    kind: "stream",
    name: "driver_location_stats",
    team: "eta",
    entities: ["driver"],
    sources: ["driver_locations"],
    slideInterval: "1m",
    ttl: "2h",
    description: "Live driver movement and availability from GPS pings.",
    tags: ["eta", "driver", "gps", "velocity"],
    aggregations: [
      {
        function: "mean",
        column: "speed_kmh",
        windows: ["5m", "15m"],
        feature: "driver_avg_speed_kmh_{w}",
        valueType: "float64",
        description: "Mean GPS speed over the last {w}, km/h.",
      },
      {
        function: "max",
        column: "speed_kmh",
        windows: ["15m"],
        feature: "driver_max_speed_kmh_{w}",
        valueType: "float64",
        description: "Highest GPS speed over the last {w}, km/h.",
      },
      {
        function: "count",
        column: "driver_id",
        windows: ["5m", "1h"],
        feature: "driver_ping_count_{w}",
        valueType: "int64",
        description: "GPS pings received in the last {w}.",
      },
      {
        function: "mean",
        column: "is_available",
        windows: ["15m", "1h"],
        feature: "driver_availability_share_{w}",
        valueType: "float64",
        description: "Share of pings in the last {w} with the driver available.",
      },
    ],
  },
  {
    kind: "stream",
    name: "region_supply_stream",
    team: "eta",
    entities: ["region"],
    sources: ["driver_locations"],
    slideInterval: "1m",
    ttl: "1h",
    description: "Live driver supply per region.",
    tags: ["eta", "pricing", "supply", "geo"],
    aggregations: [
      {
        function: "distinct_count",
        column: "driver_id",
        windows: ["5m", "15m", "1h"],
        feature: "region_active_drivers_{w}",
        valueType: "int64",
        description: "Drivers sending pings in the region over the last {w}.",
      },
      {
        function: "mean",
        column: "is_available",
        windows: ["5m"],
        feature: "region_available_share_{w}",
        valueType: "float64",
        description: "Share of the region's pings with the driver available, last {w}.",
      },
      {
        function: "mean",
        column: "speed_kmh",
        windows: ["15m"],
        feature: "region_avg_speed_kmh_{w}",
        valueType: "float64",
        description: "Mean driver speed in the region over the last {w}, km/h.",
      },
    ],
  },
  {
    kind: "on_demand",
    name: "eta_request_features",
    team: "eta",
    entities: ["region"],
    sources: ["ride_request"],
    inputs: ["region_traffic_stats", "region_supply_stream"],
    description: "Trip geometry and time-of-week from the request, adjusted by live traffic.",
    tags: ["eta", "realtime", "geo"],
    language: "python",
    code: `import numpy as np
import pandas as pd

EARTH_RADIUS_KM = 6371.0
AIRPORT_ZONES = {"sfo-airport", "jfk-airport", "lhr-airport"}


def eta_request_features(inputs: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame()
    lat1, lng1 = np.radians(inputs["pickup_lat"]), np.radians(inputs["pickup_lng"])
    lat2, lng2 = np.radians(inputs["dropoff_lat"]), np.radians(inputs["dropoff_lng"])
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    out["haversine_km"] = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
    out["estimated_eta_min_naive"] = out["haversine_km"] / 28.0 * 60
    speed = inputs["region_avg_trip_speed_kmh_1h"].fillna(inputs["region_avg_speed_kmh_15m"]).clip(lower=5)
    out["traffic_adjusted_eta_min"] = out["haversine_km"] * 1.3 / speed * 60
    ts = pd.to_datetime(inputs["requested_at"])
    out["pickup_hour_of_week"] = ts.dt.dayofweek * 24 + ts.dt.hour
    out["is_airport_pickup"] = inputs["region_id"].isin(AIRPORT_ZONES)
    return out
`,
    features: [
      [
        "haversine_km",
        "float64",
        "",
        ["ride_request.pickup_lat", "ride_request.pickup_lng", "ride_request.dropoff_lat", "ride_request.dropoff_lng"],
        "Great-circle distance from pickup to drop-off, km.",
      ],
      [
        "estimated_eta_min_naive",
        "float64",
        "",
        ["ride_request.pickup_lat", "ride_request.pickup_lng", "ride_request.dropoff_lat", "ride_request.dropoff_lng"],
        "Distance at a city-wide 28 km/h, minutes.",
      ],
      [
        "traffic_adjusted_eta_min",
        "float64",
        "",
        [
          "ride_request.pickup_lat",
          "ride_request.dropoff_lat",
          "trips.distance_km",
          "trips.duration_s",
          "driver_locations.speed_kmh",
        ],
        "Distance at the region's live speed, with a 1.3 road factor, minutes.",
      ],
      [
        "pickup_hour_of_week",
        "int64",
        "",
        ["ride_request.requested_at"],
        "Hour of the week of the request (0 = Monday 00:00 UTC).",
      ],
      ["is_airport_pickup", "bool", "", ["ride_request.region_id"], "Pickup is in an airport zone."],
    ],
  },
  {
    kind: "batch",
    name: "rider_trip_stats",
    team: "eta",
    entities: ["user"],
    sources: ["trips"],
    schedule: "1d",
    ttl: "3d",
    description: "A rider's trip habits: frequency, cancellations, fares and preferred vehicle.",
    tags: ["eta", "rider"],
    keys: ["t.rider_id AS user_id"],
    timestamp: "MAX(t.requested_at)",
    tail: `FROM \`acme-prod.mobility.trips\` t
WHERE t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)
GROUP BY t.rider_id`,
    features: [
      [
        "rider_trips_30d",
        "int64",
        "COUNTIF(t.status = 'completed')",
        ["trips.status", "trips.rider_id"],
        "Completed trips as a rider in 30 days.",
      ],
      [
        "rider_cancel_rate_30d",
        "float64",
        "AVG(IF(t.status = 'cancelled_rider', 1, 0))",
        ["trips.status"],
        "Share of requests the rider cancelled.",
      ],
      ["rider_avg_fare_usd_30d", "float64", "AVG(t.fare_usd)", ["trips.fare_usd"], "Mean fare paid, USD."],
      ["rider_avg_distance_km_30d", "float64", "AVG(t.distance_km)", ["trips.distance_km"], "Mean trip distance, km."],
      [
        "rider_preferred_vehicle_type",
        "string",
        "APPROX_TOP_COUNT(t.vehicle_type, 1)[OFFSET(0)].value",
        ["trips.vehicle_type"],
        "Most requested vehicle type.",
      ],
      [
        "rider_avg_rating_given_30d",
        "float64",
        "AVG(t.rating)",
        ["trips.rating"],
        "Mean rating the rider gave drivers.",
      ],
      [
        "rider_distinct_regions_30d",
        "int64",
        "COUNT(DISTINCT t.region_id)",
        ["trips.region_id"],
        "Distinct pickup regions in 30 days.",
      ],
      [
        "rider_weekend_trip_share_30d",
        "float64",
        "AVG(IF(EXTRACT(DAYOFWEEK FROM t.requested_at) IN (1, 7), 1, 0))",
        ["trips.requested_at"],
        "Share of trips on weekends.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "driver_rating_stats",
    team: "eta",
    entities: ["driver"],
    sources: ["trips"],
    schedule: "6h",
    ttl: "1d",
    description: "Ratings riders gave the driver over 30 and 90 days.",
    tags: ["eta", "driver", "quality"],
    keys: ["t.driver_id"],
    timestamp: "MAX(t.dropoff_at)",
    tail: `FROM \`acme-prod.mobility.trips\` t
WHERE t.rating IS NOT NULL
  AND t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
GROUP BY t.driver_id`,
    features: [
      [
        "driver_rating_avg_30d",
        "float64",
        "AVG(IF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), t.rating, NULL))",
        ["trips.rating", "trips.requested_at"],
        "Mean rating over 30 days (1-5).",
      ],
      ["driver_rating_avg_90d", "float64", "AVG(t.rating)", ["trips.rating"], "Mean rating over 90 days (1-5)."],
      [
        "driver_rating_count_30d",
        "int64",
        "COUNTIF(t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY))",
        ["trips.rating", "trips.requested_at"],
        "Ratings received in 30 days.",
      ],
      [
        "driver_low_rating_share_30d",
        "float64",
        "AVG(IF(t.rating <= 2, 1, 0))",
        ["trips.rating"],
        "Share of ratings of 1 or 2 stars.",
      ],
      [
        "driver_five_star_share_30d",
        "float64",
        "AVG(IF(t.rating = 5, 1, 0))",
        ["trips.rating"],
        "Share of five-star ratings.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "route_segment_speeds",
    team: "eta",
    entities: ["region"],
    sources: ["trips"],
    schedule: "1h",
    ttl: "3h",
    description: "Work in progress: speed distribution per region from trip segments, for the next ETA model.",
    tags: ["eta", "traffic", "experimental"],
    keys: ["t.region_id"],
    timestamp: "MAX(t.dropoff_at)",
    tail: `FROM \`acme-prod.mobility.trips\` t
WHERE t.status = 'completed'
  AND t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)
GROUP BY t.region_id`,
    features: [
      [
        "region_segment_speed_p50_1h",
        "float64",
        "APPROX_QUANTILES(SAFE_DIVIDE(t.distance_km, t.duration_s / 3600.0), 2)[OFFSET(1)]",
        ["trips.distance_km", "trips.duration_s"],
        "Median trip speed in the last hour, km/h.",
      ],
      [
        "region_segment_speed_p10_1h",
        "float64",
        "APPROX_QUANTILES(SAFE_DIVIDE(t.distance_km, t.duration_s / 3600.0), 10)[OFFSET(1)]",
        ["trips.distance_km", "trips.duration_s"],
        "10th percentile trip speed in the last hour, km/h.",
      ],
      [
        "region_congestion_index_1h",
        "float64",
        "SAFE_DIVIDE(30.0, AVG(SAFE_DIVIDE(t.distance_km, t.duration_s / 3600.0)))",
        ["trips.distance_km", "trips.duration_s"],
        "Free-flow speed (30 km/h) over the observed mean speed.",
      ],
    ],
  },

  // ------------------------------------------------ pricing
  {
    kind: "batch",
    name: "region_demand_stats",
    team: "pricing",
    entities: ["region"],
    sources: ["pricing_quotes"],
    schedule: "30m",
    ttl: "2h",
    description: "Demand, acceptance and surge per region over the last half hour.",
    tags: ["pricing", "demand", "geo"],
    keys: ["q.region_id"],
    timestamp: "MAX(q.quoted_at)",
    tail: `FROM public.price_quotes q
WHERE q.quoted_at >= now() - interval '7 days'
GROUP BY q.region_id`,
    features: [
      [
        "region_quote_count_30m",
        "int64",
        "COUNT(*) FILTER (WHERE q.quoted_at >= now() - interval '30 minutes')",
        ["pricing_quotes.quote_id", "pricing_quotes.quoted_at"],
        "Quotes shown in the region in the last 30 minutes.",
      ],
      [
        "region_acceptance_rate_30m",
        "float64",
        "AVG(q.accepted::int) FILTER (WHERE q.quoted_at >= now() - interval '30 minutes')",
        ["pricing_quotes.accepted", "pricing_quotes.quoted_at"],
        "Share of quotes accepted in the last 30 minutes.",
      ],
      [
        "region_avg_surge_30m",
        "float64",
        "AVG(q.surge_multiplier) FILTER (WHERE q.quoted_at >= now() - interval '30 minutes')",
        ["pricing_quotes.surge_multiplier", "pricing_quotes.quoted_at"],
        "Mean surge multiplier in the last 30 minutes.",
      ],
      [
        "region_avg_demand_index_30m",
        "float64",
        "AVG(q.demand_index) FILTER (WHERE q.quoted_at >= now() - interval '30 minutes')",
        ["pricing_quotes.demand_index", "pricing_quotes.quoted_at"],
        "Mean requests per available driver in the last 30 minutes.",
      ],
      [
        "region_avg_supply_30m",
        "float64",
        "AVG(q.supply_count) FILTER (WHERE q.quoted_at >= now() - interval '30 minutes')",
        ["pricing_quotes.supply_count", "pricing_quotes.quoted_at"],
        "Mean available drivers near quotes in the last 30 minutes.",
      ],
      [
        "region_quote_count_same_slot_7d",
        "float64",
        "COUNT(*) FILTER (WHERE extract(dow FROM q.quoted_at) = extract(dow FROM now()) AND extract(hour FROM q.quoted_at) = extract(hour FROM now())) / 1.0",
        ["pricing_quotes.quote_id", "pricing_quotes.quoted_at"],
        "Quotes in the same weekday and hour a week ago.",
      ],
      [
        "region_avg_base_fare_usd_30m",
        "float64",
        "AVG(q.base_fare_usd) FILTER (WHERE q.quoted_at >= now() - interval '30 minutes')",
        ["pricing_quotes.base_fare_usd", "pricing_quotes.quoted_at"],
        "Mean base fare quoted in the last 30 minutes, USD.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "user_price_sensitivity",
    team: "pricing",
    entities: ["user"],
    sources: ["pricing_quotes"],
    schedule: "1d",
    ttl: "3d",
    description: "How a rider reacts to prices and surge.",
    tags: ["pricing", "elasticity"],
    keys: ["q.user_id"],
    timestamp: "MAX(q.quoted_at)",
    tail: `FROM public.price_quotes q
WHERE q.quoted_at >= now() - interval '90 days'
GROUP BY q.user_id`,
    features: [
      [
        "user_quote_count_30d",
        "int64",
        "COUNT(*) FILTER (WHERE q.quoted_at >= now() - interval '30 days')",
        ["pricing_quotes.quote_id", "pricing_quotes.quoted_at"],
        "Quotes the rider saw in 30 days.",
      ],
      [
        "user_acceptance_rate_30d",
        "float64",
        "AVG(q.accepted::int) FILTER (WHERE q.quoted_at >= now() - interval '30 days')",
        ["pricing_quotes.accepted", "pricing_quotes.quoted_at"],
        "Share of quotes the rider accepted in 30 days.",
      ],
      [
        "user_accept_rate_under_surge_30d",
        "float64",
        "AVG(q.accepted::int) FILTER (WHERE q.surge_multiplier > 1.2 AND q.quoted_at >= now() - interval '30 days')",
        ["pricing_quotes.accepted", "pricing_quotes.surge_multiplier"],
        "Acceptance rate of quotes with surge above 1.2.",
      ],
      [
        "user_avg_quoted_price_30d",
        "float64",
        "AVG(q.quoted_price_usd) FILTER (WHERE q.quoted_at >= now() - interval '30 days')",
        ["pricing_quotes.quoted_price_usd", "pricing_quotes.quoted_at"],
        "Mean quoted price, USD.",
      ],
      [
        "user_max_accepted_surge_90d",
        "float64",
        "MAX(q.surge_multiplier) FILTER (WHERE q.accepted)",
        ["pricing_quotes.surge_multiplier", "pricing_quotes.accepted"],
        "Highest surge the rider accepted in 90 days.",
      ],
      [
        "user_avg_accepted_price_90d",
        "float64",
        "AVG(q.quoted_price_usd) FILTER (WHERE q.accepted)",
        ["pricing_quotes.quoted_price_usd", "pricing_quotes.accepted"],
        "Mean accepted price over 90 days, USD.",
      ],
      [
        "user_premium_quote_share_90d",
        "float64",
        "AVG((q.vehicle_type = 'premium')::int)",
        ["pricing_quotes.vehicle_type"],
        "Share of quotes for premium vehicles.",
      ],
    ],
  },
  {
    kind: "on_demand",
    name: "realtime_pricing_context",
    team: "pricing",
    entities: ["region", "user"],
    sources: ["ride_request"],
    inputs: ["region_demand_stats", "region_supply_stream", "user_price_sensitivity"],
    description: "Live demand/supply balance and the rider's surge tolerance at quote time.",
    tags: ["pricing", "realtime"],
    language: "python",
    code: `import pandas as pd

PEAK_HOURS = {7, 8, 9, 17, 18, 19}


def realtime_pricing_context(inputs: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame()
    supply = inputs["region_active_drivers_5m"].clip(lower=1)
    out["demand_supply_ratio"] = inputs["region_quote_count_30m"] / 6.0 / supply
    out["suggested_surge_multiplier"] = (1.0 + 0.25 * (out["demand_supply_ratio"] - 1.0)).clip(1.0, 3.0)
    tolerance = inputs["user_max_accepted_surge_90d"].fillna(1.0)
    out["user_surge_tolerance_gap"] = tolerance - out["suggested_surge_multiplier"]
    out["is_peak_hour"] = pd.to_datetime(inputs["requested_at"]).dt.hour.isin(PEAK_HOURS)
    return out
`,
    features: [
      [
        "demand_supply_ratio",
        "float64",
        "",
        ["pricing_quotes.quote_id", "driver_locations.driver_id"],
        "Quotes per 5 minutes over active drivers in the region.",
      ],
      [
        "suggested_surge_multiplier",
        "float64",
        "",
        ["pricing_quotes.quote_id", "driver_locations.driver_id"],
        "Surge implied by the demand/supply ratio, between 1.0 and 3.0.",
      ],
      [
        "user_surge_tolerance_gap",
        "float64",
        "",
        ["pricing_quotes.surge_multiplier", "pricing_quotes.accepted"],
        "Highest surge the rider accepted minus the suggested surge.",
      ],
      ["is_peak_hour", "bool", "", ["ride_request.requested_at"], "Requested during a commuting peak."],
    ],
  },
  {
    kind: "batch",
    name: "vehicle_type_mix",
    team: "pricing",
    entities: ["region"],
    sources: ["trips"],
    schedule: "1d",
    ttl: "3d",
    description: "The mix of vehicle types and their fares per region over a week.",
    tags: ["pricing", "supply", "geo"],
    keys: ["t.region_id"],
    timestamp: "MAX(t.requested_at)",
    tail: `FROM \`acme-prod.mobility.trips\` t
WHERE t.status = 'completed'
  AND t.requested_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)
GROUP BY t.region_id`,
    features: [
      [
        "region_share_economy_7d",
        "float64",
        "AVG(IF(t.vehicle_type = 'economy', 1, 0))",
        ["trips.vehicle_type"],
        "Share of economy trips.",
      ],
      [
        "region_share_xl_7d",
        "float64",
        "AVG(IF(t.vehicle_type = 'xl', 1, 0))",
        ["trips.vehicle_type"],
        "Share of XL trips.",
      ],
      [
        "region_share_premium_7d",
        "float64",
        "AVG(IF(t.vehicle_type = 'premium', 1, 0))",
        ["trips.vehicle_type"],
        "Share of premium trips.",
      ],
      [
        "region_avg_fare_economy_7d",
        "float64",
        "AVG(IF(t.vehicle_type = 'economy', t.fare_usd, NULL))",
        ["trips.fare_usd", "trips.vehicle_type"],
        "Mean economy fare, USD.",
      ],
      [
        "region_avg_fare_xl_7d",
        "float64",
        "AVG(IF(t.vehicle_type = 'xl', t.fare_usd, NULL))",
        ["trips.fare_usd", "trips.vehicle_type"],
        "Mean XL fare, USD.",
      ],
      [
        "region_avg_fare_premium_7d",
        "float64",
        "AVG(IF(t.vehicle_type = 'premium', t.fare_usd, NULL))",
        ["trips.fare_usd", "trips.vehicle_type"],
        "Mean premium fare, USD.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "surge_forecast",
    team: "pricing",
    entities: ["region"],
    sources: ["pricing_quotes"],
    schedule: "30m",
    ttl: "1h",
    description: "Draft: naive seasonal forecast of demand and surge for the next half hour.",
    tags: ["pricing", "forecast", "experimental"],
    keys: ["q.region_id"],
    timestamp: "MAX(q.quoted_at)",
    tail: `FROM public.price_quotes q
WHERE q.quoted_at >= now() - interval '7 days'
  AND extract(dow FROM q.quoted_at) = extract(dow FROM now())
GROUP BY q.region_id`,
    features: [
      [
        "region_forecast_demand_30m",
        "float64",
        "AVG(q.demand_index)",
        ["pricing_quotes.demand_index", "pricing_quotes.quoted_at"],
        "Forecast demand index for the next 30 minutes.",
      ],
      [
        "region_forecast_surge_30m",
        "float64",
        "AVG(q.surge_multiplier)",
        ["pricing_quotes.surge_multiplier", "pricing_quotes.quoted_at"],
        "Forecast surge multiplier for the next 30 minutes.",
      ],
      [
        "region_forecast_supply_30m",
        "float64",
        "AVG(q.supply_count)",
        ["pricing_quotes.supply_count", "pricing_quotes.quoted_at"],
        "Forecast available drivers for the next 30 minutes.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "price_elasticity_stats",
    team: "pricing",
    entities: ["region"],
    sources: ["pricing_quotes"],
    schedule: "1d",
    ttl: "3d",
    description: "Acceptance as a function of surge per region, fitted daily over 30 days.",
    tags: ["pricing", "elasticity", "geo"],
    keys: ["q.region_id"],
    timestamp: "MAX(q.quoted_at)",
    tail: `FROM public.price_quotes q
WHERE q.quoted_at >= now() - interval '30 days'
GROUP BY q.region_id`,
    features: [
      [
        "region_price_elasticity_30d",
        "float64",
        "regr_slope(q.accepted::int, ln(q.surge_multiplier))",
        ["pricing_quotes.accepted", "pricing_quotes.surge_multiplier"],
        "Slope of acceptance over log surge (negative: riders decline as surge rises).",
      ],
      [
        "region_acceptance_curve_30d",
        "array<float64>",
        "array_agg(q.accepted::int ORDER BY q.surge_multiplier)",
        ["pricing_quotes.accepted", "pricing_quotes.surge_multiplier"],
        "Acceptance rate per surge bucket 1.0, 1.2, ... 3.0.",
      ],
      [
        "region_median_price_30d",
        "float64",
        "(percentile_cont(0.5) WITHIN GROUP (ORDER BY q.quoted_price_usd))",
        ["pricing_quotes.quoted_price_usd"],
        "Median quoted price, USD.",
      ],
      [
        "region_quote_count_30d",
        "int64",
        "COUNT(*)",
        ["pricing_quotes.quote_id"],
        "Quotes in the region over 30 days.",
      ],
    ],
  },

  // ------------------------------------------------ growth
  {
    kind: "batch",
    name: "user_engagement",
    team: "growth",
    entities: ["user"],
    sources: ["orders", "product_catalog"],
    schedule: "1d",
    ttl: "3d",
    description: "Marketplace engagement: orders, spend, coupons and breadth over 30 and 90 days.",
    tags: ["growth", "engagement"],
    keys: ["o.user_id"],
    timestamp: "MAX(o.ordered_at)",
    tail: `FROM \`acme-prod.commerce.orders\` o
JOIN \`acme-prod.catalog.products\` p USING (product_id)
WHERE o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
  AND o.status <> 'cancelled'
GROUP BY o.user_id`,
    features: [
      [
        "user_orders_30d",
        "int64",
        "COUNT(DISTINCT IF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), o.order_id, NULL))",
        ["orders.order_id", "orders.ordered_at"],
        "Orders placed in 30 days.",
      ],
      [
        "user_orders_90d",
        "int64",
        "COUNT(DISTINCT o.order_id)",
        ["orders.order_id", "orders.ordered_at"],
        "Orders placed in 90 days.",
      ],
      [
        "user_gmv_usd_30d",
        "float64",
        "SUM(IF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), o.total_usd, 0))",
        ["orders.total_usd", "orders.ordered_at"],
        "Gross merchandise value in 30 days, USD.",
      ],
      [
        "user_gmv_usd_90d",
        "float64",
        "SUM(o.total_usd)",
        ["orders.total_usd"],
        "Gross merchandise value in 90 days, USD.",
      ],
      [
        "user_avg_order_value_90d",
        "float64",
        "SAFE_DIVIDE(SUM(o.total_usd), COUNT(DISTINCT o.order_id))",
        ["orders.total_usd", "orders.order_id"],
        "Mean order value over 90 days, USD.",
      ],
      [
        "days_since_last_order",
        "int64",
        "DATE_DIFF(CURRENT_DATE(), DATE(MAX(o.ordered_at)), DAY)",
        ["orders.ordered_at"],
        "Days since the user's last order.",
      ],
      [
        "user_coupon_usage_rate_90d",
        "float64",
        "AVG(IF(o.coupon_code IS NOT NULL, 1, 0))",
        ["orders.coupon_code"],
        "Share of order lines with a coupon.",
      ],
      [
        "user_discount_usd_90d",
        "float64",
        "SUM(o.discount_usd)",
        ["orders.discount_usd"],
        "Discounts received over 90 days, USD.",
      ],
      [
        "user_distinct_categories_90d",
        "int64",
        "COUNT(DISTINCT p.category)",
        ["product_catalog.category", "orders.product_id"],
        "Distinct product categories bought in 90 days.",
      ],
      [
        "user_distinct_merchants_90d",
        "int64",
        "COUNT(DISTINCT o.merchant_id)",
        ["orders.merchant_id"],
        "Distinct sellers bought from in 90 days.",
      ],
      [
        "user_return_rate_90d",
        "float64",
        "AVG(IF(o.status = 'returned', 1, 0))",
        ["orders.status"],
        "Share of order lines returned.",
      ],
      ["user_units_90d", "int64", "SUM(o.quantity)", ["orders.quantity"], "Units bought in 90 days."],
    ],
  },
  {
    kind: "batch",
    name: "user_lifecycle",
    team: "growth",
    entities: ["user"],
    sources: ["user_accounts", "orders"],
    schedule: "1d",
    ttl: "3d",
    description: "Lifecycle stage, cohort and tenure for targeting and churn models.",
    tags: ["growth", "lifecycle"],
    keys: ["a.user_id"],
    timestamp: "CURRENT_TIMESTAMP()",
    tail: `FROM PROD.CORE.ACCOUNTS a
LEFT JOIN PROD.COMMERCE.ORDERS_REPLICA o ON o.user_id = a.user_id
GROUP BY a.user_id, a.created_at, a.plan, a.referral_code, a.signup_channel`,
    features: [
      [
        "signup_cohort_month",
        "string",
        "TO_CHAR(a.created_at, 'YYYY-MM')",
        ["user_accounts.created_at"],
        "Month the account was created.",
      ],
      [
        "lifecycle_stage",
        "string",
        "CASE WHEN MAX(o.ordered_at) IS NULL THEN 'new' WHEN MAX(o.ordered_at) >= DATEADD('day', -30, CURRENT_DATE()) THEN 'active' WHEN MAX(o.ordered_at) >= DATEADD('day', -90, CURRENT_DATE()) THEN 'at_risk' WHEN MAX(o.ordered_at) >= DATEADD('day', -365, CURRENT_DATE()) THEN 'dormant' ELSE 'churned' END",
        ["orders.ordered_at"],
        "new, active, at_risk, dormant or churned, from order recency.",
      ],
      [
        "tenure_days",
        "int64",
        "DATEDIFF('day', a.created_at, CURRENT_DATE())",
        ["user_accounts.created_at"],
        "Days since sign-up.",
      ],
      [
        "has_referral",
        "bool",
        "a.referral_code IS NOT NULL",
        ["user_accounts.referral_code"],
        "Signed up with a referral code.",
      ],
      ["is_paid_plan", "bool", "a.plan IN ('plus', 'business')", ["user_accounts.plan"], "On a paid plan."],
      [
        "acquisition_channel",
        "string",
        "a.signup_channel",
        ["user_accounts.signup_channel"],
        "Acquisition channel at sign-up.",
      ],
      [
        "first_order_days_after_signup",
        "int64",
        "DATEDIFF('day', a.created_at, MIN(o.ordered_at))",
        ["user_accounts.created_at", "orders.ordered_at"],
        "Days between sign-up and first order (null if none).",
      ],
    ],
  },
  {
    kind: "batch",
    name: "churn_signals",
    team: "growth",
    entities: ["user"],
    sources: ["orders", "logins_backfill"],
    schedule: "1d",
    ttl: "3d",
    description: "Trends in ordering and logging in that precede churn (PySpark job).",
    tags: ["growth", "churn"],
    keys: [],
    timestamp: "",
    tail: "",
    python: `from pyspark.sql import DataFrame, functions as F


def churn_signals(orders: DataFrame, logins: DataFrame) -> DataFrame:
    now = F.current_timestamp()
    recent = F.col("ordered_at") >= F.expr("current_timestamp() - INTERVAL 45 DAYS")
    order_stats = orders.groupBy("user_id").agg(
        (F.sum(F.when(recent, 1).otherwise(0)) / F.greatest(F.sum(F.when(~recent, 1).otherwise(0)), F.lit(1))).alias("order_frequency_trend_90d"),
        (F.sum(F.when(recent, F.col("total_usd")).otherwise(0)) / F.greatest(F.sum(F.when(~recent, F.col("total_usd")).otherwise(0)), F.lit(1.0))).alias("spend_trend_90d"),
    )
    login_stats = logins.where(F.col("failed") == 0).groupBy("user_id").agg(
        F.countDistinct(F.to_date("event_time")).alias("login_days_30d"),
        F.datediff(now, F.max("event_time")).alias("days_since_last_login"),
        F.avg(F.col("failed")).alias("login_failure_rate_30d"),
    )
    return (
        order_stats.join(login_stats, "user_id", "full_outer")
        .withColumn("is_declining", (F.col("order_frequency_trend_90d") < 0.5) & (F.col("login_days_30d") < 4))
        .withColumn("event_timestamp", now)
    )
`,
    features: [
      [
        "order_frequency_trend_90d",
        "float64",
        "",
        ["orders.order_id", "orders.ordered_at"],
        "Orders in the last 45 days over the 45 days before (below 1: slowing down).",
      ],
      [
        "spend_trend_90d",
        "float64",
        "",
        ["orders.total_usd", "orders.ordered_at"],
        "Spend in the last 45 days over the 45 days before.",
      ],
      [
        "login_days_30d",
        "int64",
        "",
        ["logins_backfill.event_time", "logins_backfill.failed"],
        "Days with a successful login in 30 days.",
      ],
      ["days_since_last_login", "int64", "", ["logins_backfill.event_time"], "Days since the last successful login."],
      ["login_failure_rate_30d", "float64", "", ["logins_backfill.failed"], "Share of failed logins over 30 days."],
      [
        "is_declining",
        "bool",
        "",
        ["orders.ordered_at", "logins_backfill.event_time"],
        "Ordering halved and fewer than 4 login days: a churn warning sign.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "user_ltv_estimates",
    team: "growth",
    entities: ["user"],
    sources: ["orders"],
    schedule: "1d",
    ttl: "3d",
    description: "Lifetime order history used to bucket customers by value.",
    tags: ["growth", "ltv"],
    keys: ["o.user_id"],
    timestamp: "MAX(o.ordered_at)",
    tail: `FROM \`acme-prod.commerce.orders\` o
WHERE o.status NOT IN ('cancelled', 'returned')
GROUP BY o.user_id`,
    features: [
      [
        "user_lifetime_gmv_usd",
        "float64",
        "SUM(o.total_usd)",
        ["orders.total_usd"],
        "Lifetime gross merchandise value, USD.",
      ],
      ["user_lifetime_orders", "int64", "COUNT(DISTINCT o.order_id)", ["orders.order_id"], "Lifetime orders."],
      [
        "user_first_order_days_ago",
        "int64",
        "DATE_DIFF(CURRENT_DATE(), DATE(MIN(o.ordered_at)), DAY)",
        ["orders.ordered_at"],
        "Days since the first order.",
      ],
      [
        "user_avg_days_between_orders",
        "float64",
        "SAFE_DIVIDE(DATE_DIFF(DATE(MAX(o.ordered_at)), DATE(MIN(o.ordered_at)), DAY), COUNT(DISTINCT o.order_id) - 1)",
        ["orders.ordered_at", "orders.order_id"],
        "Mean days between consecutive orders.",
      ],
      [
        "user_ltv_bucket",
        "string",
        "CASE WHEN SUM(o.total_usd) >= 2000 THEN 'platinum' WHEN SUM(o.total_usd) >= 500 THEN 'gold' WHEN SUM(o.total_usd) >= 100 THEN 'silver' ELSE 'bronze' END",
        ["orders.total_usd"],
        "bronze, silver, gold or platinum by lifetime GMV.",
      ],
      [
        "user_max_order_value_usd",
        "float64",
        "MAX(o.total_usd)",
        ["orders.total_usd"],
        "Largest single order line, USD.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "merchant_growth_stats",
    team: "growth",
    entities: ["merchant"],
    sources: ["orders"],
    schedule: "1d",
    ttl: "3d",
    description: "Seller performance on the marketplace.",
    tags: ["growth", "merchant"],
    keys: ["o.merchant_id"],
    timestamp: "MAX(o.ordered_at)",
    tail: `FROM \`acme-prod.commerce.orders\` o
WHERE o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
GROUP BY o.merchant_id`,
    features: [
      [
        "merchant_orders_30d",
        "int64",
        "COUNT(DISTINCT IF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), o.order_id, NULL))",
        ["orders.order_id", "orders.ordered_at"],
        "Orders received in 30 days.",
      ],
      [
        "merchant_gmv_usd_30d",
        "float64",
        "SUM(IF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), o.total_usd, 0))",
        ["orders.total_usd", "orders.ordered_at"],
        "Gross merchandise value in 30 days, USD.",
      ],
      [
        "merchant_repeat_buyer_rate_90d",
        "float64",
        "SAFE_DIVIDE(COUNT(DISTINCT o.user_id) - COUNT(DISTINCT IF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY), o.user_id, NULL)), COUNT(DISTINCT o.user_id))",
        ["orders.user_id", "orders.ordered_at"],
        "Share of buyers who also bought in the earlier 60 days.",
      ],
      [
        "merchant_avg_discount_usd_30d",
        "float64",
        "AVG(o.discount_usd)",
        ["orders.discount_usd"],
        "Mean discount per order line, USD.",
      ],
      [
        "merchant_return_rate_90d",
        "float64",
        "AVG(IF(o.status = 'returned', 1, 0))",
        ["orders.status"],
        "Share of order lines returned.",
      ],
      [
        "merchant_distinct_products_90d",
        "int64",
        "COUNT(DISTINCT o.product_id)",
        ["orders.product_id"],
        "Distinct products sold in 90 days.",
      ],
      ["merchant_buyers_90d", "int64", "COUNT(DISTINCT o.user_id)", ["orders.user_id"], "Distinct buyers in 90 days."],
      [
        "merchant_coupon_share_30d",
        "float64",
        "AVG(IF(o.coupon_code IS NOT NULL, 1, 0))",
        ["orders.coupon_code"],
        "Share of order lines bought with a coupon.",
      ],
    ],
  },
  {
    kind: "on_demand",
    name: "promo_eligibility",
    team: "growth",
    entities: ["user"],
    sources: [],
    inputs: ["user_engagement", "user_lifecycle"],
    description: "Whether and how strongly to target a user with a promotion (TypeScript, runs in the edge service).",
    tags: ["growth", "promotions", "realtime"],
    language: "typescript",
    code: `type Inputs = {
  lifecycle_stage: string;
  user_orders_90d: number;
  user_coupon_usage_rate_90d: number;
  user_avg_order_value_90d: number | null;
};

export function promoEligibility(inputs: Inputs) {
  const atRisk = inputs.lifecycle_stage === "at_risk" || inputs.lifecycle_stage === "dormant";
  const couponHunter = inputs.user_coupon_usage_rate_90d > 0.6;
  const tier = atRisk ? (inputs.user_orders_90d >= 3 ? "winback_high" : "winback") : inputs.lifecycle_stage === "new" ? "welcome" : "none";
  return {
    is_promo_eligible: tier !== "none" && !couponHunter,
    promo_tier: tier,
    expected_discount_usd: tier === "none" ? 0 : Math.min(20, 0.15 * (inputs.user_avg_order_value_90d ?? 30)),
  };
}
`,
    features: [
      [
        "is_promo_eligible",
        "bool",
        "",
        ["orders.ordered_at", "orders.coupon_code"],
        "The user may receive a promotion now.",
      ],
      ["promo_tier", "string", "", ["orders.ordered_at", "orders.order_id"], "welcome, winback, winback_high or none."],
      [
        "expected_discount_usd",
        "float64",
        "",
        ["orders.total_usd", "orders.order_id"],
        "Discount to offer, capped at 20 USD.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "payment_method_mix",
    team: "growth",
    entities: ["user"],
    sources: ["orders"],
    schedule: "1d",
    ttl: "3d",
    description: "How a user pays on the marketplace.",
    tags: ["growth", "payments"],
    keys: ["o.user_id"],
    timestamp: "MAX(o.ordered_at)",
    tail: `FROM \`acme-prod.commerce.orders\` o
WHERE o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
GROUP BY o.user_id`,
    features: [
      [
        "user_card_share_90d",
        "float64",
        "AVG(IF(o.payment_method = 'card', 1, 0))",
        ["orders.payment_method"],
        "Share of orders paid by card.",
      ],
      [
        "user_wallet_share_90d",
        "float64",
        "AVG(IF(o.payment_method = 'wallet', 1, 0))",
        ["orders.payment_method"],
        "Share of orders paid with a wallet.",
      ],
      [
        "user_bnpl_share_90d",
        "float64",
        "AVG(IF(o.payment_method = 'bnpl', 1, 0))",
        ["orders.payment_method"],
        "Share of orders paid with buy-now-pay-later.",
      ],
      [
        "user_primary_payment_method",
        "string",
        "APPROX_TOP_COUNT(o.payment_method, 1)[OFFSET(0)].value",
        ["orders.payment_method"],
        "Most used payment method.",
      ],
    ],
  },

  // ------------------------------------------------ recommendations
  {
    kind: "batch",
    name: "product_popularity",
    team: "recommendations",
    entities: ["product"],
    sources: ["orders", "product_catalog"],
    schedule: "1d",
    ttl: "2d",
    description: "Sales and price facts per product for ranking and cold-start.",
    tags: ["recommendations", "popularity"],
    keys: ["p.product_id"],
    timestamp: "MAX(p.updated_at)",
    tail: `FROM \`acme-prod.catalog.products\` p
LEFT JOIN \`acme-prod.commerce.orders\` o
  ON o.product_id = p.product_id
 AND o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)
GROUP BY p.product_id, p.price_usd, p.in_stock`,
    features: [
      [
        "product_orders_1d",
        "int64",
        "COUNTIF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 DAY))",
        ["orders.order_id", "orders.ordered_at"],
        "Orders of the product in the last day.",
      ],
      [
        "product_orders_7d",
        "int64",
        "COUNTIF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY))",
        ["orders.order_id", "orders.ordered_at"],
        "Orders of the product in 7 days.",
      ],
      [
        "product_orders_30d",
        "int64",
        "COUNT(o.order_id)",
        ["orders.order_id", "orders.ordered_at"],
        "Orders of the product in 30 days.",
      ],
      [
        "product_gmv_usd_7d",
        "float64",
        "SUM(IF(o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY), o.total_usd, 0))",
        ["orders.total_usd", "orders.ordered_at"],
        "Product GMV in 7 days, USD.",
      ],
      [
        "product_unique_buyers_30d",
        "int64",
        "COUNT(DISTINCT o.user_id)",
        ["orders.user_id"],
        "Distinct buyers in 30 days.",
      ],
      ["product_price_usd", "float64", "p.price_usd", ["product_catalog.price_usd"], "Current list price, USD."],
      ["product_in_stock", "bool", "p.in_stock", ["product_catalog.in_stock"], "Available to order."],
      [
        "product_avg_units_per_order_30d",
        "float64",
        "AVG(o.quantity)",
        ["orders.quantity"],
        "Mean units per order line.",
      ],
      [
        "product_discount_share_30d",
        "float64",
        "SAFE_DIVIDE(SUM(o.discount_usd), SUM(o.unit_price_usd * o.quantity))",
        ["orders.discount_usd", "orders.unit_price_usd", "orders.quantity"],
        "Discounts as a share of list value sold.",
      ],
    ],
  },
  {
    kind: "stream",
    name: "product_view_counts",
    team: "recommendations",
    entities: ["product"],
    sources: ["product_views"],
    slideInterval: "5m",
    ttl: "8d",
    description: "Live popularity of a product from page views.",
    tags: ["recommendations", "popularity", "clickstream"],
    aggregations: [
      {
        function: "count",
        column: "event_id",
        windows: ["1h", "1d", "7d"],
        feature: "product_views_{w}",
        valueType: "int64",
        description: "Page views of the product in the last {w}.",
      },
      {
        function: "distinct_count",
        column: "user_id",
        windows: ["1h", "1d"],
        feature: "product_unique_viewers_{w}",
        valueType: "int64",
        description: "Distinct viewers of the product in the last {w}.",
      },
      {
        function: "mean",
        column: "dwell_ms",
        windows: ["1d"],
        feature: "product_avg_dwell_ms_{w}",
        valueType: "float64",
        description: "Mean time on the product page over the last {w}, ms.",
      },
    ],
  },
  {
    kind: "stream",
    name: "user_session_activity",
    team: "recommendations",
    entities: ["user"],
    sources: ["product_views"],
    slideInterval: "1m",
    ttl: "2d",
    description: "What the user is browsing right now.",
    tags: ["recommendations", "session", "clickstream"],
    aggregations: [
      {
        function: "count",
        column: "event_id",
        windows: ["30m", "1d"],
        feature: "user_product_views_{w}",
        valueType: "int64",
        description: "Product pages the user viewed in the last {w}.",
      },
      {
        function: "distinct_count",
        column: "product_id",
        windows: ["30m", "1d"],
        feature: "user_distinct_products_{w}",
        valueType: "int64",
        description: "Distinct products viewed in the last {w}.",
      },
      {
        function: "distinct_count",
        column: "category",
        windows: ["1d"],
        feature: "user_distinct_categories_viewed_{w}",
        valueType: "int64",
        description: "Distinct categories viewed in the last {w}.",
      },
      {
        function: "last_n",
        column: "product_id",
        windows: ["1h"],
        feature: "user_last_viewed_products_{w}",
        valueType: "array<string>",
        description: "The last 10 products viewed within {w}, newest first.",
      },
      {
        function: "mean",
        column: "dwell_ms",
        windows: ["30m"],
        feature: "user_avg_dwell_ms_{w}",
        valueType: "float64",
        description: "Mean time per product page over the last {w}, ms.",
      },
    ],
  },
  {
    kind: "batch",
    name: "product_embeddings",
    team: "recommendations",
    entities: ["product"],
    sources: ["product_catalog"],
    schedule: "1d",
    ttl: "7d",
    description: "Content features of a product: title embedding, category, brand and age.",
    tags: ["recommendations", "content", "embedding"],
    keys: ["p.product_id"],
    timestamp: "p.updated_at",
    tail: `FROM \`acme-prod.catalog.products\` p
WHERE p.updated_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 2 DAY)`,
    features: [
      [
        "product_title_embedding",
        "embedding<64>",
        "p.title_embedding",
        ["product_catalog.title_embedding"],
        "64-dimensional title embedding.",
      ],
      ["product_category", "string", "p.category", ["product_catalog.category"], "Top-level category."],
      ["product_subcategory", "string", "p.subcategory", ["product_catalog.subcategory"], "Second-level category."],
      ["product_brand", "string", "p.brand", ["product_catalog.brand"], "Brand."],
      [
        "product_age_days",
        "int64",
        "DATE_DIFF(CURRENT_DATE(), DATE(p.created_at), DAY)",
        ["product_catalog.created_at"],
        "Days since listing.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "category_affinity",
    team: "recommendations",
    entities: ["user"],
    sources: ["orders", "product_catalog"],
    schedule: "1d",
    ttl: "3d",
    description: "Which categories and brands a user buys.",
    tags: ["recommendations", "affinity"],
    keys: ["o.user_id"],
    timestamp: "MAX(o.ordered_at)",
    tail: `FROM \`acme-prod.commerce.orders\` o
JOIN \`acme-prod.catalog.products\` p USING (product_id)
WHERE o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
GROUP BY o.user_id`,
    features: [
      [
        "user_top_category",
        "string",
        "APPROX_TOP_COUNT(p.category, 1)[OFFSET(0)].value",
        ["product_catalog.category", "orders.product_id"],
        "Category the user bought most in 90 days.",
      ],
      [
        "user_category_affinity_vector",
        "array<float64>",
        "ARRAY(SELECT COUNTIF(p.category = c) / COUNT(*) FROM UNNEST(['electronics', 'home', 'fashion', 'beauty', 'sports', 'toys', 'grocery', 'books']) c)",
        ["product_catalog.category", "orders.product_id"],
        "Share of purchases per top-level category (fixed order of 8).",
      ],
      [
        "user_category_entropy_90d",
        "float64",
        "`acme-prod.udf.entropy`(ARRAY_AGG(p.category))",
        ["product_catalog.category"],
        "Entropy of the user's category mix (0 = one category).",
      ],
      [
        "user_top_brand",
        "string",
        "APPROX_TOP_COUNT(p.brand, 1)[OFFSET(0)].value",
        ["product_catalog.brand"],
        "Brand the user bought most.",
      ],
      [
        "user_brand_loyalty_90d",
        "float64",
        "SAFE_DIVIDE(APPROX_TOP_COUNT(p.brand, 1)[OFFSET(0)].count, COUNT(*))",
        ["product_catalog.brand"],
        "Share of purchases from the top brand.",
      ],
      [
        "user_avg_price_point_90d",
        "float64",
        "AVG(p.price_usd)",
        ["product_catalog.price_usd"],
        "Mean list price of products bought, USD.",
      ],
    ],
  },
  {
    kind: "batch",
    name: "product_merchant_quality",
    team: "recommendations",
    entities: ["product"],
    sources: ["orders", "product_catalog"],
    schedule: "1d",
    ttl: "3d",
    description: "Return and discount behaviour of a product relative to its category.",
    tags: ["recommendations", "quality"],
    keys: ["p.product_id"],
    timestamp: "MAX(o.ordered_at)",
    tail: `FROM \`acme-prod.catalog.products\` p
JOIN \`acme-prod.commerce.orders\` o USING (product_id)
WHERE o.ordered_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)
GROUP BY p.product_id, p.price_usd, p.category`,
    features: [
      [
        "product_return_rate_90d",
        "float64",
        "AVG(IF(o.status = 'returned', 1, 0))",
        ["orders.status"],
        "Share of order lines returned.",
      ],
      [
        "product_cancel_rate_90d",
        "float64",
        "AVG(IF(o.status = 'cancelled', 1, 0))",
        ["orders.status"],
        "Share of order lines cancelled.",
      ],
      [
        "product_repeat_buyer_rate_90d",
        "float64",
        "SAFE_DIVIDE(COUNT(o.order_id) - COUNT(DISTINCT o.user_id), COUNT(DISTINCT o.user_id))",
        ["orders.order_id", "orders.user_id"],
        "Repeat purchases per buyer beyond the first.",
      ],
      [
        "product_price_vs_avg_paid",
        "float64",
        "SAFE_DIVIDE(p.price_usd, AVG(o.unit_price_usd))",
        ["product_catalog.price_usd", "orders.unit_price_usd"],
        "List price over the mean price actually paid in 90 days.",
      ],
    ],
  },
  {
    kind: "on_demand",
    name: "rec_candidate_scores",
    team: "recommendations",
    entities: ["user", "product"],
    sources: [],
    inputs: ["product_view_counts", "user_session_activity", "category_affinity", "product_embeddings"],
    description: "Cheap per-candidate signals computed while ranking the home feed.",
    tags: ["recommendations", "ranking", "realtime"],
    language: "python",
    code: `import numpy as np
import pandas as pd


def rec_candidate_scores(inputs: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame()
    out["trending_score"] = np.log1p(inputs["product_views_1h"]) - np.log1p(inputs["product_views_1d"] / 24.0)
    out["user_category_match"] = inputs["product_category"] == inputs["user_top_category"]
    out["recently_viewed"] = [
        product in (viewed or []) for product, viewed in zip(inputs["product_id"], inputs["user_last_viewed_products_1h"])
    ]
    return out
`,
    features: [
      [
        "trending_score",
        "float64",
        "",
        ["product_views.event_id", "product_views.event_time"],
        "Log views in the last hour minus the log hourly rate of the day.",
      ],
      [
        "user_category_match",
        "bool",
        "",
        ["product_catalog.category", "orders.product_id"],
        "The candidate is in the user's top category.",
      ],
      [
        "recently_viewed",
        "bool",
        "",
        ["product_views.product_id", "product_views.user_id"],
        "The user viewed the candidate in the last hour.",
      ],
    ],
  },
];

// ---------------------------------------------------------------- services, models, datasets

interface ServiceSpec {
  name: string;
  team: string;
  budget: number;
  description: string;
  tags: string[];
  /** "view:feature" or "view:*" for all of a view's features. */
  features: string[];
}

const SERVICE_SPECS: ServiceSpec[] = [
  {
    name: "fraud_scoring_v3",
    team: "fraud",
    budget: 50,
    description: "Features for real-time payment fraud scoring at checkout.",
    tags: ["fraud", "tier-1", "realtime"],
    features: [
      "user_profile:account_age_days",
      "user_profile:country",
      "user_profile:kyc_verified",
      "user_profile:avg_txn_amount_30d",
      "user_profile:txn_count_30d",
      "user_profile:preferred_channel",
      "user_profile:distinct_merchants_30d",
      "user_profile:foreign_txn_share_30d",
      "login_activity:login_count_5m",
      "login_activity:login_count_15m",
      "login_activity:login_count_15d",
      "login_activity:failed_login_count_15m",
      "login_activity:distinct_devices_1h",
      "txn_amount_vs_avg:txn_amount_vs_avg",
      "txn_amount_vs_avg:is_large_vs_history",
      "merchant_risk_stats:merchant_chargeback_rate_90d",
      "merchant_risk_stats:merchant_decline_rate_7d",
      "merchant_risk_stats:merchant_cross_border_share_30d",
      "card_velocity:card_txn_count_1h",
      "card_velocity:card_txn_count_24h",
      "card_velocity:card_amount_sum_24h",
      "card_velocity:card_distinct_merchants_24h",
      "card_profile:card_age_days",
      "card_profile:card_chargeback_count_365d",
      "user_merchant_affinity:user_merchant_txn_count_90d",
      "txn_request_context:amount_vs_card_avg",
      "txn_request_context:is_cross_border",
      "chargeback_history:user_chargeback_count_365d",
    ],
  },
  {
    name: "account_takeover_v1",
    team: "fraud",
    budget: 40,
    description: "Login-time features for the account takeover classifier.",
    tags: ["fraud", "ato", "realtime"],
    features: [
      "login_activity:*",
      "login_risk_signals:*",
      "device_risk:user_distinct_devices_30d",
      "device_risk:user_new_device_share_30d",
      "device_risk:user_login_country_count_30d",
      "device_risk:user_failed_login_rate_30d",
      "user_profile:account_age_days",
      "user_profile:country",
    ],
  },
  {
    name: "eta_realtime",
    team: "eta",
    budget: 30,
    description: "Features for the rider-facing ETA prediction on every request.",
    tags: ["eta", "tier-1", "realtime"],
    features: [
      "eta_request_features:*",
      "region_traffic_stats:region_avg_trip_speed_kmh_1h",
      "region_traffic_stats:region_avg_pickup_wait_min_1h",
      "region_traffic_stats:region_p90_duration_min_24h",
      "region_supply_stream:region_active_drivers_5m",
      "region_supply_stream:region_avg_speed_kmh_15m",
      "driver_location_stats:driver_avg_speed_kmh_5m",
      "driver_location_stats:driver_availability_share_15m",
      "driver_trip_stats:driver_avg_trip_duration_min_30d",
      "driver_trip_stats:driver_avg_speed_kmh_30d",
      "driver_trip_stats:driver_avg_pickup_wait_min_30d",
    ],
  },
  {
    name: "eta_dispatch",
    team: "eta",
    budget: 80,
    description: "Features for ranking candidate drivers when dispatching a trip.",
    tags: ["eta", "dispatch"],
    features: [
      "driver_trip_stats:driver_trips_completed_30d",
      "driver_trip_stats:driver_cancel_rate_30d",
      "driver_trip_stats:driver_tenure_days",
      "driver_trip_stats:driver_avg_pickup_wait_min_30d",
      "driver_rating_stats:driver_rating_avg_30d",
      "driver_rating_stats:driver_low_rating_share_30d",
      "driver_location_stats:driver_avg_speed_kmh_5m",
      "driver_location_stats:driver_availability_share_15m",
      "driver_location_stats:driver_ping_count_5m",
      "rider_trip_stats:rider_cancel_rate_30d",
      "rider_trip_stats:rider_preferred_vehicle_type",
      "eta_request_features:haversine_km",
    ],
  },
  {
    name: "dynamic_pricing_v2",
    team: "pricing",
    budget: 40,
    description: "Features for surge pricing at quote time; reuses ETA supply and traffic features.",
    tags: ["pricing", "tier-1", "realtime"],
    features: [
      "realtime_pricing_context:*",
      "region_demand_stats:region_quote_count_30m",
      "region_demand_stats:region_acceptance_rate_30m",
      "region_demand_stats:region_avg_surge_30m",
      "region_demand_stats:region_avg_demand_index_30m",
      "region_supply_stream:region_active_drivers_5m",
      "region_supply_stream:region_available_share_5m",
      "region_traffic_stats:region_avg_trip_speed_kmh_1h",
      "user_price_sensitivity:user_acceptance_rate_30d",
      "user_price_sensitivity:user_accept_rate_under_surge_30d",
      "user_price_sensitivity:user_max_accepted_surge_90d",
      "eta_request_features:haversine_km",
      "eta_request_features:traffic_adjusted_eta_min",
      "vehicle_type_mix:region_share_premium_7d",
      "price_elasticity_stats:region_price_elasticity_30d",
    ],
  },
  {
    name: "growth_churn_scoring",
    team: "growth",
    budget: 200,
    description: "Features for the nightly and on-open churn score; reuses fraud and ETA user features.",
    tags: ["growth", "churn"],
    features: [
      "user_engagement:user_orders_30d",
      "user_engagement:user_orders_90d",
      "user_engagement:user_gmv_usd_90d",
      "user_engagement:days_since_last_order",
      "user_engagement:user_coupon_usage_rate_90d",
      "user_engagement:user_return_rate_90d",
      "user_lifecycle:lifecycle_stage",
      "user_lifecycle:tenure_days",
      "user_lifecycle:is_paid_plan",
      "churn_signals:*",
      "user_ltv_estimates:user_ltv_bucket",
      "user_ltv_estimates:user_avg_days_between_orders",
      "user_profile:txn_count_30d",
      "user_profile:days_since_last_txn",
      "rider_trip_stats:rider_trips_30d",
      "payment_method_mix:user_primary_payment_method",
    ],
  },
  {
    name: "recs_homefeed_v4",
    team: "recommendations",
    budget: 60,
    description: "User and candidate features for home feed ranking.",
    tags: ["recommendations", "tier-1", "ranking"],
    features: [
      "user_session_activity:user_product_views_30m",
      "user_session_activity:user_distinct_products_30m",
      "user_session_activity:user_distinct_categories_viewed_1d",
      "user_session_activity:user_last_viewed_products_1h",
      "category_affinity:user_top_category",
      "category_affinity:user_category_affinity_vector",
      "category_affinity:user_avg_price_point_90d",
      "product_view_counts:product_views_1h",
      "product_view_counts:product_views_1d",
      "product_view_counts:product_unique_viewers_1d",
      "product_popularity:product_orders_7d",
      "product_popularity:product_price_usd",
      "product_popularity:product_in_stock",
      "product_embeddings:product_category",
      "product_embeddings:product_title_embedding",
      "rec_candidate_scores:*",
      "user_engagement:user_orders_30d",
      "user_lifecycle:lifecycle_stage",
    ],
  },
  {
    name: "recs_similar_items",
    team: "recommendations",
    budget: 45,
    description: "Product-to-product features for the similar items carousel.",
    tags: ["recommendations", "content"],
    features: [
      "product_embeddings:*",
      "product_popularity:product_orders_30d",
      "product_popularity:product_price_usd",
      "product_popularity:product_in_stock",
      "product_view_counts:product_views_7d",
      "product_view_counts:product_avg_dwell_ms_1d",
      "product_merchant_quality:product_return_rate_90d",
      "product_merchant_quality:product_price_vs_avg_paid",
    ],
  },
];

interface ModelSpec {
  name: string;
  version: string;
  team: string;
  services: string[];
  trainingDataset?: string;
  endpoint: string;
  description: string;
  tags: string[];
}

const MODEL_SPECS: ModelSpec[] = [
  {
    name: "fraud_detector",
    version: "3",
    team: "fraud",
    services: ["fraud_scoring_v3"],
    trainingDataset: "fraud_detector_v3_training",
    endpoint: "sagemaker:fraud-detector-v3-prod",
    description: "Gradient-boosted payment fraud classifier scoring every checkout.",
    tags: ["fraud", "xgboost", "tier-1"],
  },
  {
    name: "chargeback_predictor",
    version: "2",
    team: "fraud",
    services: ["fraud_scoring_v3"],
    endpoint: "sagemaker:chargeback-predictor-v2",
    description: "Predicts the chance a settled payment is charged back within 120 days.",
    tags: ["fraud", "lightgbm"],
  },
  {
    name: "ato_classifier",
    version: "1",
    team: "fraud",
    services: ["account_takeover_v1"],
    endpoint: "seldon:ato-classifier",
    description: "Account takeover risk at login; above 0.8 forces step-up authentication.",
    tags: ["fraud", "ato"],
  },
  {
    name: "eta_predictor",
    version: "7",
    team: "eta",
    services: ["eta_realtime"],
    trainingDataset: "eta_predictor_training",
    endpoint: "vertex:eta-predictor-v7",
    description: "Predicts pickup-to-drop-off minutes shown to riders.",
    tags: ["eta", "tier-1", "dnn"],
  },
  {
    name: "dispatch_ranker",
    version: "2",
    team: "eta",
    services: ["eta_dispatch"],
    endpoint: "vertex:dispatch-ranker-v2",
    description: "Ranks candidate drivers for a trip request.",
    tags: ["eta", "ranking"],
  },
  {
    name: "surge_pricer",
    version: "4",
    team: "pricing",
    services: ["dynamic_pricing_v2"],
    endpoint: "sagemaker:surge-pricer-v4",
    description: "Chooses the surge multiplier for a quote.",
    tags: ["pricing", "tier-1"],
  },
  {
    name: "price_elasticity",
    version: "1",
    team: "pricing",
    services: ["dynamic_pricing_v2"],
    endpoint: "sagemaker:price-elasticity-v1",
    description: "Estimates the acceptance probability of a quoted price.",
    tags: ["pricing", "elasticity"],
  },
  {
    name: "churn_model",
    version: "5",
    team: "growth",
    services: ["growth_churn_scoring"],
    trainingDataset: "churn_model_training",
    endpoint: "batch:churn-model-nightly",
    description: "90-day churn probability for lifecycle campaigns.",
    tags: ["growth", "churn"],
  },
  {
    name: "homefeed_ranker",
    version: "12",
    team: "recommendations",
    services: ["recs_homefeed_v4"],
    trainingDataset: "homefeed_ranker_training",
    endpoint: "triton:homefeed-ranker-v12",
    description: "Ranks home feed candidates by predicted click and purchase.",
    tags: ["recommendations", "ranking", "tier-1"],
  },
  {
    name: "similar_items_two_tower",
    version: "3",
    team: "recommendations",
    services: ["recs_similar_items", "recs_homefeed_v4"],
    endpoint: "triton:similar-items-v3",
    description: "Two-tower retrieval model for similar items and home feed candidates.",
    tags: ["recommendations", "retrieval"],
  },
];

interface DatasetSpec {
  name: string;
  team: string;
  service: string;
  storage: string;
  description: string;
  tags: string[];
  rowCount: number;
  /** Days before now. */
  startDaysAgo: number;
  endDaysAgo: number;
}

const DATASET_SPECS: DatasetSpec[] = [
  {
    name: "fraud_detector_v3_training",
    team: "fraud",
    service: "fraud_scoring_v3",
    storage: "s3://acme-ml-datasets/fraud/fraud_detector_v3/training.parquet",
    description: "Point-in-time training set for fraud_detector v3: 120 days of labelled checkouts.",
    tags: ["fraud", "training"],
    rowCount: 48_213_944,
    startDaysAgo: 150,
    endDaysAgo: 30,
  },
  {
    name: "eta_predictor_training",
    team: "eta",
    service: "eta_realtime",
    storage: "gs://acme-ml-datasets/eta/eta_predictor_v7/train/",
    description: "Completed trips with point-in-time features, 60 days.",
    tags: ["eta", "training"],
    rowCount: 112_540_310,
    startDaysAgo: 95,
    endDaysAgo: 35,
  },
  {
    name: "churn_model_training",
    team: "growth",
    service: "growth_churn_scoring",
    storage: "gs://acme-ml-datasets/growth/churn_v5/train.parquet",
    description: "Monthly user snapshots labelled with 90-day churn.",
    tags: ["growth", "training"],
    rowCount: 9_884_120,
    startDaysAgo: 400,
    endDaysAgo: 60,
  },
  {
    name: "homefeed_ranker_training",
    team: "recommendations",
    service: "recs_homefeed_v4",
    storage: "gs://acme-ml-datasets/recs/homefeed_v12/impressions/",
    description: "Home feed impressions with clicks and purchases, 28 days.",
    tags: ["recommendations", "training"],
    rowCount: 310_772_005,
    startDaysAgo: 50,
    endDaysAgo: 22,
  },
];

// ---------------------------------------------------------------- rollout and history

/** Views with an earlier version: what changed, and where each version is active. */
interface RevisionSpec {
  /** Turns the latest definition into the earlier (v1) one. */
  previous: (latest: FeatureViewDefinition) => FeatureViewDefinition;
  message: string;
  active: Record<DemoEnvName, number | null>;
  daysAgo: number;
}

const REVISIONS: Record<string, RevisionSpec> = {
  user_profile: {
    // v2 counts only authorized and settled payments; v1 also averaged declined attempts.
    previous: (view) => ({
      ...view,
      transformation: {
        language: "sql",
        code: view.transformation!.code.replace("\n AND t.status IN ('authorized', 'settled')", ""),
      },
    }),
    message: "Exclude declined and refunded payments from the 30-day spend features",
    active: { dev: 2, staging: 1, prod: 1 },
    daysAgo: 2,
  },
  driver_trip_stats: {
    previous: (view) => ({
      ...view,
      features: view.features.filter((feature) => feature.name !== "driver_night_trip_share_30d"),
      transformation: {
        language: "sql",
        code: view.transformation!.code.replace(
          /,\n {2}AVG\(IF\(EXTRACT\(HOUR[^\n]*AS driver_night_trip_share_30d/,
          "",
        ),
      },
    }),
    message: "Add driver_night_trip_share_30d for the night-time ETA correction",
    active: { dev: 2, staging: 2, prod: 1 },
    daysAgo: 5,
  },
  merchant_risk_stats: {
    previous: (view) => ({
      ...view,
      features: view.features.filter((feature) => feature.name !== "merchant_refund_rate_30d"),
      transformation: {
        language: "sql",
        code: view.transformation!.code.replace(
          /,\n {2}AVG\(IFF\(t\.created_at >= DATEADD\('day', -30, CURRENT_DATE\(\)\), IFF\(t\.status = 'refunded'[^\n]*AS merchant_refund_rate_30d/,
          "",
        ),
      },
    }),
    message: "Add merchant_refund_rate_30d",
    active: { dev: 2, staging: 2, prod: 2 },
    daysAgo: 19,
  },
  product_popularity: {
    previous: (view) => ({ ...view, ttl: "1d", schedule: "1d" }),
    message: "Raise TTL to 2d so a late daily run does not empty the online store",
    // v2 reaches prod through a demo promotion request (lib/demo/promotions.ts).
    active: { dev: 2, staging: 2, prod: 1 },
    daysAgo: 11,
  },
  login_activity: {
    previous: (view) => ({
      ...view,
      aggregations: view.aggregations.filter((aggregation) => aggregation.column !== "country"),
      features: view.features.filter((feature) => !feature.name.startsWith("distinct_login_countries_")),
    }),
    message: "Count distinct login countries over 1h and 15d",
    active: { dev: 2, staging: 2, prod: 2 },
    daysAgo: 24,
  },
};

const DEV_ONLY_VIEWS = new Set(["user_device_graph", "route_segment_speeds", "surge_forecast"]);

// ---------------------------------------------------------------- building

const WINDOW_WORDS: Record<string, string> = {
  "1m": "minute",
  "5m": "5 minutes",
  "15m": "15 minutes",
  "30m": "30 minutes",
  "1h": "hour",
  "1d": "day",
  "7d": "7 days",
  "15d": "15 days",
};

function windowWords(window: string): string {
  return WINDOW_WORDS[window] ?? window;
}

function featureTags(name: string, valueType: string, extra: string[] = []): string[] {
  const tags = new Set(extra);
  if (/(amount|spend|gmv|fare|price|discount|usd)/.test(name)) tags.add("monetary");
  if (/_(5m|15m|30m|1h|24h)$/.test(name)) tags.add("realtime");
  if (/(rate|share|ratio)/.test(name)) tags.add("ratio");
  if (valueType.startsWith("embedding") || valueType.startsWith("array")) tags.add("vector");
  return [...tags].sort();
}

function toFeature(spec: FeatureSpec): FeatureDefinition {
  const [name, valueType, , cols, description, tags] = spec;
  return { name, valueType, description, tags: featureTags(name, valueType, tags), sourceColumns: [...cols] };
}

function batchSql(spec: BatchViewSpec): string {
  const items = [
    ...spec.keys,
    ...spec.features.map(([name, , expr]) => `${expr} AS ${name}`),
    `${spec.timestamp} AS event_timestamp`,
  ];
  return `SELECT\n  ${items.join(",\n  ")}\n${spec.tail}\n`;
}

function buildView(spec: ViewSpec): FeatureViewDefinition {
  const common = {
    name: spec.name,
    sources: [...spec.sources],
    entities: [...spec.entities],
    online: spec.online ?? true,
    offline: true,
    description: spec.description,
    owner: OWNERS[spec.team]!,
    team: spec.team,
    tags: [...spec.tags],
  };
  if (spec.kind === "batch") {
    return {
      ...common,
      kind: "batch",
      inputs: [],
      transformation: spec.python
        ? { language: "python", code: spec.python }
        : { language: "sql", code: batchSql(spec) },
      schedule: spec.schedule,
      ttl: spec.ttl,
      aggregations: [],
      features: spec.features.map(toFeature),
    };
  }
  if (spec.kind === "stream") {
    const source = spec.sources[0]!;
    const features: FeatureDefinition[] = [];
    for (const aggregation of spec.aggregations) {
      for (const window of aggregation.windows) {
        const name = aggregation.feature.replace("{w}", window);
        const sourceColumns = [`${source}.${aggregation.column}`];
        features.push({
          name,
          valueType: aggregation.valueType,
          description: aggregation.description.replace("{w}", windowWords(window)),
          tags: featureTags(name, aggregation.valueType, ["streaming"]),
          sourceColumns,
        });
      }
    }
    return {
      ...common,
      kind: "stream",
      inputs: [],
      ttl: spec.ttl,
      slideInterval: spec.slideInterval,
      // Checkpoints land every 15 minutes; the default (twice the slide interval) would page on every one.
      freshnessSla: "30m",
      aggregations: spec.aggregations.map((aggregation) => ({
        function: aggregation.function,
        column: aggregation.column,
        windows: [...aggregation.windows],
        slideInterval: spec.slideInterval,
      })),
      features,
    };
  }
  return {
    ...common,
    kind: "on_demand",
    inputs: [...spec.inputs],
    transformation: { language: spec.language, code: spec.code },
    aggregations: [],
    features: spec.features.map(toFeature),
  };
}

function expandServiceFeatures(spec: ServiceSpec, views: Map<string, FeatureViewDefinition>): string[] {
  const refs: string[] = [];
  for (const ref of spec.features) {
    const [viewName, featureName] = ref.split(":") as [string, string];
    if (featureName === "*") {
      const view = views.get(viewName);
      if (!view) throw new Error(`Service ${spec.name} references unknown view ${viewName}`);
      for (const feature of view.features) refs.push(`${viewName}:${feature.name}`);
    } else {
      refs.push(ref);
    }
  }
  return refs;
}

const EVERYWHERE: Record<DemoEnvName, number | null> = { dev: 1, staging: 1, prod: 1 };

/**
 * The whole demo catalog for `now`. Deterministic: the same `now` always gives the same
 * catalog (no Math.random, no clock).
 */
export function buildDemoCatalog(now: Date): DemoCatalog {
  const random = mulberry32(DEMO_SEED);
  const nowMs = now.getTime();
  // Initial definitions were written 60-90 days ago, a few minutes apart.
  const initialAt = (index: number) =>
    new Date(nowMs - 90 * DAY_MS + index * 47 * 60_000 + Math.floor(random() * 600_000));
  let order = 0;
  const authorFor = (team: string) =>
    team === "growth" || team === "recommendations" || team === "pricing"
      ? "author2@featureline.dev"
      : "author@featureline.dev";

  function single<T extends { team?: string }>(name: string, definition: T, active = EVERYWHERE): DemoObject<T> {
    return {
      name,
      versions: [
        {
          definition,
          message: "Initial definition",
          authorEmail: authorFor(definition.team ?? ""),
          createdAt: initialAt(order++),
        },
      ],
      active: { ...active },
    };
  }

  const dataSources = SOURCE_SPECS.map((spec) => {
    const definition: DataSourceDefinition = {
      name: spec.name,
      kind: spec.kind,
      platform: spec.platform,
      location: spec.location,
      ...(spec.eventTimestampColumn ? { eventTimestampColumn: spec.eventTimestampColumn } : {}),
      ...(spec.batchSource ? { batchSource: spec.batchSource } : {}),
      columns: spec.columns.map(([name, type, description]) => ({ name, type, description })),
      description: spec.description,
      owner: spec.owner ?? OWNERS[spec.team]!,
      team: spec.team,
      tags: [...spec.tags],
      options: { ...(spec.options ?? {}) },
    };
    return single(spec.name, definition);
  });

  const entities = ENTITY_SPECS.map((spec) =>
    single(spec.name, {
      name: spec.name,
      joinKeys: spec.joinKeys.map(([name, valueType]) => ({ name, valueType })),
      description: spec.description,
      owner: OWNERS[spec.team]!,
      team: spec.team,
      tags: [...spec.tags],
    } satisfies EntityDefinition),
  );

  const viewMap = new Map<string, FeatureViewDefinition>();
  const featureViews = VIEW_SPECS.map((spec) => {
    const definition = buildView(spec);
    viewMap.set(spec.name, definition);
    const revision = REVISIONS[spec.name];
    if (revision) {
      const first = single(spec.name, revision.previous(definition));
      first.versions.push({
        definition,
        message: revision.message,
        authorEmail: spec.team === "eta" ? "author@featureline.dev" : authorFor(spec.team),
        createdAt: new Date(nowMs - revision.daysAgo * DAY_MS - Math.floor(random() * 3_600_000)),
      });
      first.active = { ...revision.active };
      return first;
    }
    return single(
      spec.name,
      definition,
      DEV_ONLY_VIEWS.has(spec.name) ? { dev: 1, staging: null, prod: null } : EVERYWHERE,
    );
  });
  // Dev-only views are recent work.
  for (const view of featureViews) {
    if (DEV_ONLY_VIEWS.has(view.name))
      view.versions[0]!.createdAt = new Date(
        nowMs - (1 + Math.floor(random() * 6)) * DAY_MS - Math.floor(random() * 3_600_000),
      );
  }

  const featureServices = SERVICE_SPECS.map((spec) =>
    single(spec.name, {
      name: spec.name,
      features: expandServiceFeatures(spec, viewMap),
      latencyBudgetMs: spec.budget,
      description: spec.description,
      owner: OWNERS[spec.team]!,
      team: spec.team,
      tags: [...spec.tags],
    } satisfies FeatureServiceDefinition),
  );
  const serviceFeatures = new Map(featureServices.map((service) => [service.name, latest(service).features]));

  const savedDatasetDetails: Record<string, DemoSavedDatasetDetails> = {};
  const savedDatasets = DATASET_SPECS.map((spec) => {
    savedDatasetDetails[spec.name] = {
      rowCount: spec.rowCount,
      startAt: new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - spec.startDaysAgo * DAY_MS,
      ),
      endAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - spec.endDaysAgo * DAY_MS),
    };
    return single(spec.name, {
      name: spec.name,
      featureService: spec.service,
      features: [...(serviceFeatures.get(spec.service) ?? [])],
      storage: spec.storage,
      description: spec.description,
      owner: OWNERS[spec.team]!,
      team: spec.team,
      tags: [...spec.tags],
    } satisfies SavedDatasetDefinition);
  });

  const models = MODEL_SPECS.map((spec) =>
    single(spec.name, {
      name: spec.name,
      version: spec.version,
      featureServices: [...spec.services],
      ...(spec.trainingDataset ? { trainingDataset: spec.trainingDataset } : {}),
      endpoint: spec.endpoint,
      description: spec.description,
      owner: OWNERS[spec.team]!,
      team: spec.team,
      tags: [...spec.tags],
    } satisfies ModelDefinition),
  );

  return {
    now: new Date(nowMs),
    workspace: DEMO_WORKSPACE,
    teams: DEMO_TEAMS.map((team) => ({ ...team })),
    users: DEMO_USERS.map((user) => ({ ...user, teams: [...user.teams] })),
    dataSources,
    entities,
    featureViews,
    featureServices,
    models,
    savedDatasets,
    savedDatasetDetails,
  };
}
