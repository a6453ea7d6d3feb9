import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createUser } from "@/lib/data/users";
import { createWorkspace } from "@/lib/data/workspaces";

/**
 * A small fraud catalog for the monitoring tests: one batch view, one stream view, an
 * on-demand view, a service with a 50 ms budget used by a model trained on a saved dataset.
 */
export async function createMonitoringFixture(prisma: PrismaClient, slug = "fraud") {
  const workspace = await createWorkspace(prisma, { slug, name: "Fraud" });
  const workspaceId = workspace.id;
  const environments = await prisma.environment.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  const envId = (name: string) => environments.find((env) => env.name === name)!.id;
  const author = await createUser(prisma, {
    email: `author@${slug}.test`,
    password: "author pass",
    role: "author",
    workspaceId,
  });
  const viewer = await createUser(prisma, {
    email: `viewer@${slug}.test`,
    password: "viewer pass",
    role: "viewer",
    workspaceId,
  });
  const userProfile = await prisma.featureView.create({
    data: { workspaceId, name: "user_profile", kind: "batch", schedule: "1d", scheduleSeconds: 86_400, owner: "fraud" },
  });
  const loginActivity = await prisma.featureView.create({
    data: { workspaceId, name: "login_activity", kind: "stream", slideInterval: "5m", slideIntervalSeconds: 300 },
  });
  const txnVsAvg = await prisma.featureView.create({
    data: { workspaceId, name: "txn_amount_vs_avg", kind: "on_demand", transformationLanguage: "python" },
  });
  const feature = (featureViewId: string, name: string, valueType: string, position: number) =>
    prisma.feature.create({ data: { workspaceId, featureViewId, name, valueType, position } });
  const accountAge = await feature(userProfile.id, "account_age_days", "int64", 0);
  const country = await feature(userProfile.id, "country", "string", 1);
  const logins15m = await feature(loginActivity.id, "login_count_15m", "int64", 0);
  const amountRatio = await feature(txnVsAvg.id, "txn_amount_vs_avg", "float64", 0);
  const service = await prisma.featureService.create({
    data: {
      workspaceId,
      name: "fraud_scoring_v3",
      latencyBudgetMs: 50,
      features: { create: [accountAge, country, logins15m, amountRatio].map((f) => ({ featureId: f.id })) },
    },
  });
  const dataset = await prisma.savedDataset.create({
    data: { workspaceId, name: "fraud_training_2024q4", featureServiceId: service.id },
  });
  const model = await prisma.model.create({
    data: {
      workspaceId,
      name: "fraud_detector",
      version: "3",
      trainingDatasetId: dataset.id,
      services: { create: [{ featureServiceId: service.id }] },
    },
  });
  return {
    workspaceId,
    envId,
    prodId: envId("prod"),
    authorId: author.id,
    viewerId: viewer.id,
    views: { userProfile, loginActivity, txnVsAvg },
    features: { accountAge, country, logins15m, amountRatio },
    service,
    dataset,
    model,
  };
}

export type MonitoringFixture = Awaited<ReturnType<typeof createMonitoringFixture>>;
