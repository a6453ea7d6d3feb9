import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A small fixed catalog for search tests: the fraud team's login and payment features, a
 * growth team, and a second workspace whose objects must never show up in the first.
 */
export interface SearchFixture {
  workspaceId: string;
  otherWorkspaceId: string;
  ids: Record<string, string>;
  envIds: { dev: string; prod: string };
}

export async function loadSearchFixture(prisma: PrismaClient): Promise<SearchFixture> {
  const ids: Record<string, string> = {};
  const id = (name: string) => (ids[name] ??= `t_${name}`);
  const ws = "ws_search_a";
  const other = "ws_search_b";
  await prisma.workspace.createMany({
    data: [
      { id: ws, slug: "acme-search", name: "Acme" },
      { id: other, slug: "other-search", name: "Other" },
    ],
  });
  await prisma.environment.createMany({
    data: [
      { id: "env_a_dev", workspaceId: ws, name: "dev", position: 0 },
      { id: "env_a_prod", workspaceId: ws, name: "prod", position: 1 },
      { id: "env_b_dev", workspaceId: other, name: "dev", position: 0 },
    ],
  });
  await prisma.team.createMany({
    data: [
      { id: id("team_fraud"), workspaceId: ws, slug: "fraud", name: "Fraud & Risk" },
      { id: id("team_growth"), workspaceId: ws, slug: "growth", name: "Growth" },
    ],
  });
  await prisma.dataSource.createMany({
    data: [
      {
        id: id("logins"),
        workspaceId: ws,
        name: "logins",
        kind: "stream",
        platform: "kafka",
        location: "auth.logins.v2",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: ["auth"],
        description: "Login attempts from the auth service.",
      },
      {
        id: id("transactions"),
        workspaceId: ws,
        name: "transactions",
        kind: "batch",
        platform: "snowflake",
        location: "PROD.PAYMENTS.TRANSACTIONS",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: ["payments"],
        description: "Every card payment attempt.",
      },
    ],
  });
  await prisma.entity.createMany({
    data: [
      {
        id: id("user"),
        workspaceId: ws,
        name: "user",
        teamId: null,
        owner: "data-platform@acme.com",
        tags: [],
        description: "A customer account.",
      },
      {
        id: id("merchant"),
        workspaceId: ws,
        name: "merchant",
        owner: "data-platform@acme.com",
        tags: [],
        description: "A merchant accepting payments.",
      },
    ],
  });
  await prisma.featureView.createMany({
    data: [
      {
        id: id("login_activity"),
        workspaceId: ws,
        name: "login_activity",
        kind: "stream",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: ["auth", "streaming"],
        description: "Login attempts per user over sliding windows.",
        scheduleSeconds: 300,
        slideInterval: "1m",
        slideIntervalSeconds: 60,
      },
      {
        id: id("user_profile"),
        workspaceId: ws,
        name: "user_profile",
        kind: "batch",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: ["profile"],
        description: "Account facts per user.",
        transformation: "SELECT user_id, datediff('day', created_at, current_date) AS account_age_days FROM users",
        transformationLanguage: "sql",
        schedule: "1d",
        scheduleSeconds: 86400,
      },
      {
        id: id("customer_value"),
        workspaceId: ws,
        name: "customer_value",
        kind: "batch",
        teamId: id("team_growth"),
        owner: "tom.okafor@acme.com",
        tags: ["ltv"],
        description: "Customer lifetime value estimates.",
        schedule: "1d",
        scheduleSeconds: 86400,
      },
      {
        id: id("txn_amount_vs_avg"),
        workspaceId: ws,
        name: "txn_amount_vs_avg",
        kind: "on_demand",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: [],
        description: "This payment's amount over the user's 30-day average.",
        transformation: "def transform(inputs):\n    return inputs['amount'] / inputs['avg_spend_30d']",
        transformationLanguage: "python",
      },
    ],
  });
  await prisma.featureViewEntity.createMany({
    data: [
      { featureViewId: id("login_activity"), entityId: id("user") },
      { featureViewId: id("user_profile"), entityId: id("user") },
      { featureViewId: id("customer_value"), entityId: id("user") },
      { featureViewId: id("txn_amount_vs_avg"), entityId: id("merchant") },
    ],
  });
  await prisma.featureViewSource.createMany({
    data: [
      { featureViewId: id("login_activity"), dataSourceId: id("logins") },
      { featureViewId: id("user_profile"), dataSourceId: id("transactions") },
    ],
  });
  const feature = (
    name: string,
    view: string,
    valueType: string,
    position: number,
    description = "",
    tags: string[] = [],
  ) => ({
    id: id(name),
    workspaceId: ws,
    featureViewId: id(view),
    name,
    valueType,
    position,
    description,
    tags,
  });
  await prisma.feature.createMany({
    data: [
      feature("login_count_5m", "login_activity", "int64", 0, "Login attempts in the last 5 minutes."),
      feature("login_count_15m", "login_activity", "int64", 1, "Login attempts in the last 15 minutes."),
      feature(
        "failed_login_ratio_15m",
        "login_activity",
        "float64",
        2,
        "Share of failed logins in the last 15 minutes.",
      ),
      feature("account_age_days", "user_profile", "int64", 0, "Days since the account was opened."),
      feature("avg_spend_30d", "user_profile", "float64", 1, "Average daily spend over 30 days.", ["payments"]),
      feature("country", "user_profile", "string", 2, "Country of residence."),
      feature("lifetime_value", "customer_value", "float64", 0, "Predicted lifetime value in USD."),
      feature("login", "customer_value", "string", 1, "Last login method."),
      feature("txn_amount_ratio", "txn_amount_vs_avg", "float64", 0, "Amount over the 30-day average."),
    ],
  });
  await prisma.featureService.createMany({
    data: [
      {
        id: id("fraud_scoring_v3"),
        workspaceId: ws,
        name: "fraud_scoring_v3",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: ["tier-1"],
        description: "Features for the fraud detector.",
        latencyBudgetMs: 50,
      },
      {
        id: id("growth_scoring"),
        workspaceId: ws,
        name: "growth_scoring",
        teamId: id("team_growth"),
        owner: "tom.okafor@acme.com",
        tags: [],
        description: "Churn and value scoring.",
      },
    ],
  });
  await prisma.featureServiceFeature.createMany({
    data: [
      { featureServiceId: id("fraud_scoring_v3"), featureId: id("login_count_15m") },
      { featureServiceId: id("fraud_scoring_v3"), featureId: id("avg_spend_30d") },
      { featureServiceId: id("growth_scoring"), featureId: id("login_count_15m") },
      { featureServiceId: id("growth_scoring"), featureId: id("lifetime_value") },
    ],
  });
  await prisma.model.createMany({
    data: [
      {
        id: id("fraud_detector"),
        workspaceId: ws,
        name: "fraud_detector",
        version: "3",
        teamId: id("team_fraud"),
        owner: "maria.chen@acme.com",
        tags: [],
        description: "Card fraud classifier.",
      },
    ],
  });
  await prisma.modelFeatureService.createMany({
    data: [{ modelId: id("fraud_detector"), featureServiceId: id("fraud_scoring_v3") }],
  });

  // Active in prod: login_activity only (features are versioned with their view).
  await prisma.definitionVersion.create({
    data: {
      id: id("v_login_activity_1"),
      workspaceId: ws,
      objectKind: "feature_view",
      objectId: id("login_activity"),
      objectName: "login_activity",
      number: 1,
      contentHash: "h1",
      definition: {},
    },
  });
  await prisma.activeVersion.create({
    data: {
      environmentId: "env_a_prod",
      objectKind: "feature_view",
      objectId: id("login_activity"),
      versionId: id("v_login_activity_1"),
    },
  });

  // The other workspace: similar names that must never leak.
  await prisma.featureView.create({
    data: {
      id: id("other_login_activity"),
      workspaceId: other,
      name: "login_activity",
      kind: "stream",
      owner: "someone@other.com",
      tags: ["auth"],
    },
  });
  await prisma.feature.create({
    data: {
      id: id("other_login_count_5m"),
      workspaceId: other,
      featureViewId: id("other_login_activity"),
      name: "login_count_5m",
      valueType: "int64",
      position: 0,
      tags: [],
    },
  });
  await prisma.feature.create({
    data: {
      id: id("secret_login_signal"),
      workspaceId: other,
      featureViewId: id("other_login_activity"),
      name: "secret_login_signal",
      valueType: "float64",
      position: 1,
      tags: [],
    },
  });
  return { workspaceId: ws, otherWorkspaceId: other, ids, envIds: { dev: "env_a_dev", prod: "env_a_prod" } };
}

/**
 * Health in prod: login_activity last materialised 2 hours before `now` (SLA 2 minutes) -> stale;
 * user_profile 1 hour before (SLA 2 days) -> fresh; an open PSI alert on failed_login_ratio_15m.
 */
export async function addHealthSignals(prisma: PrismaClient, fixture: SearchFixture, now: Date): Promise<void> {
  await prisma.materializationRun.createMany({
    data: [
      {
        workspaceId: fixture.workspaceId,
        featureViewId: fixture.ids.login_activity!,
        environmentId: fixture.envIds.prod,
        status: "success",
        startedAt: new Date(now.getTime() - 7_300_000),
        endedAt: new Date(now.getTime() - 7_200_000),
        watermark: new Date(now.getTime() - 7_200_000),
      },
      {
        workspaceId: fixture.workspaceId,
        featureViewId: fixture.ids.user_profile!,
        environmentId: fixture.envIds.prod,
        status: "success",
        startedAt: new Date(now.getTime() - 3_700_000),
        endedAt: new Date(now.getTime() - 3_600_000),
        watermark: new Date(now.getTime() - 3_600_000),
      },
    ],
  });
  const rule = await prisma.alertRule.create({
    data: {
      workspaceId: fixture.workspaceId,
      name: "psi",
      kind: "statistic",
      objectKind: "feature",
      statistic: "psi",
      threshold: 0.25,
    },
  });
  await prisma.alert.create({
    data: {
      workspaceId: fixture.workspaceId,
      ruleId: rule.id,
      objectKind: "feature",
      objectId: fixture.ids.failed_login_ratio_15m!,
      environmentId: fixture.envIds.prod,
      severity: "warning",
      message: "PSI 0.3",
      startedAt: now,
    },
  });
}
