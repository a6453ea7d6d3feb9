import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A small registry for the lineage integration tests, with readable ids: the fraud team's
 * sources, views and model, a cycle of three on-demand views (a <- c <- b <- a), and an
 * unused request source. Everything is active in dev; prod lacks `login_activity`.
 */
export async function insertLineageRegistry(prisma: PrismaClient, workspaceId: string, prefix = "") {
  const id = (name: string) => `${prefix}${name}`;
  const teams = await Promise.all(
    ["fraud", "platform"].map((slug) =>
      prisma.team.create({ data: { id: id(`team_${slug}`), workspaceId, slug, name: `Team ${slug}` } }),
    ),
  );
  const [fraud, platform] = teams.map((team) => team.id) as [string, string];

  const source = (name: string, kind: "batch" | "stream" | "request", batchSource?: string) =>
    prisma.dataSource.create({
      data: {
        id: id(name),
        workspaceId,
        name,
        kind,
        platform: kind === "stream" ? "kafka" : "snowflake",
        owner: "data@acme.io",
        teamId: platform,
        batchSourceId: batchSource ? id(batchSource) : null,
      },
    });
  await source("txn", "batch");
  await source("logins_s3", "batch");
  await source("logins", "stream", "logins_s3");
  await source("req", "request");
  const column = (name: string, sourceName: string, position: number) =>
    prisma.dataSourceColumn.create({
      data: {
        id: id(name),
        dataSourceId: id(sourceName),
        name: name.split("_").slice(1).join("_"),
        type: "string",
        position,
      },
    });
  await column("txn_amount", "txn", 0);
  await column("txn_user", "txn", 1);
  await column("logins_user", "logins", 0);
  await column("req_amount", "req", 0);
  await prisma.entity.create({ data: { id: id("user"), workspaceId, name: "user", teamId: platform } });

  const view = async (
    name: string,
    kind: "batch" | "stream" | "on_demand",
    links: { sources?: string[]; entities?: string[]; inputs?: string[] },
  ) => {
    await prisma.featureView.create({
      data: {
        id: id(name),
        workspaceId,
        name,
        kind,
        owner: `${name}@acme.io`,
        teamId: fraud,
        schedule: kind === "batch" ? "1d" : null,
        scheduleSeconds: kind === "batch" ? 86_400 : null,
        slideIntervalSeconds: kind === "stream" ? 300 : null,
        sources: { create: (links.sources ?? []).map((s) => ({ dataSourceId: id(s) })) },
        entities: { create: (links.entities ?? []).map((e) => ({ entityId: id(e) })) },
      },
    });
  };
  await view("user_profile", "batch", { sources: ["txn"], entities: ["user"] });
  await view("login_activity", "stream", { sources: ["logins"], entities: ["user"] });
  await view("txn_vs_avg", "on_demand", { sources: ["req"] });
  await view("odv_a", "on_demand", {});
  await view("odv_b", "on_demand", {});
  await view("odv_c", "on_demand", {});
  const inputs: [string, string][] = [
    ["txn_vs_avg", "user_profile"],
    ["odv_a", "odv_c"],
    ["odv_b", "odv_a"],
    ["odv_c", "odv_b"],
  ];
  for (const [consumer, input] of inputs) {
    await prisma.featureViewInput.create({ data: { featureViewId: id(consumer), inputFeatureViewId: id(input) } });
  }

  const feature = (name: string, viewName: string, columns: string[], position = 0) =>
    prisma.feature.create({
      data: {
        id: id(name),
        workspaceId,
        featureViewId: id(viewName),
        name,
        valueType: "float64",
        position,
        sourceColumns: { create: columns.map((c) => ({ columnId: id(c) })) },
      },
    });
  await feature("avg_spend", "user_profile", ["txn_amount"], 0);
  await feature("country", "user_profile", [], 1);
  await feature("login_count", "login_activity", ["logins_user"]);
  await feature("amount_ratio", "txn_vs_avg", ["req_amount"]);
  await feature("a_score", "odv_a", []);
  await feature("b_score", "odv_b", []);
  await feature("c_score", "odv_c", []);

  const service = (name: string, features: string[]) =>
    prisma.featureService.create({
      data: {
        id: id(name),
        workspaceId,
        name,
        owner: "scoring@acme.io",
        teamId: fraud,
        latencyBudgetMs: 50,
        features: { create: features.map((f) => ({ featureId: id(f) })) },
      },
    });
  await service("fraud_scoring", ["avg_spend", "login_count", "amount_ratio"]);
  await service("cycle_service", ["a_score"]);
  // Features by reference ("view:feature"), as Feast saves them; one names a feature that does not exist.
  await prisma.savedDataset.create({
    data: {
      id: id("training"),
      workspaceId,
      name: "training",
      teamId: fraud,
      featureServiceId: id("fraud_scoring"),
      featureRefs: ["user_profile:avg_spend", "login_activity:login_count", "user_profile:gone"],
    },
  });
  await prisma.model.create({
    data: {
      id: id("fraud_detector"),
      workspaceId,
      name: "fraud_detector",
      owner: "ml@acme.io",
      teamId: fraud,
      trainingDatasetId: id("training"),
      services: { create: [{ featureServiceId: id("fraud_scoring") }] },
    },
  });

  // Versions and pins: every object active in dev; prod lacks login_activity.
  const environments = await prisma.environment.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  const objects: [
    kind: "data_source" | "entity" | "feature_view" | "feature_service" | "model" | "saved_dataset",
    name: string,
  ][] = [
    ["data_source", "txn"],
    ["data_source", "logins_s3"],
    ["data_source", "logins"],
    ["data_source", "req"],
    ["entity", "user"],
    ["feature_view", "user_profile"],
    ["feature_view", "login_activity"],
    ["feature_view", "txn_vs_avg"],
    ["feature_view", "odv_a"],
    ["feature_view", "odv_b"],
    ["feature_view", "odv_c"],
    ["feature_service", "fraud_scoring"],
    ["feature_service", "cycle_service"],
    ["saved_dataset", "training"],
    ["model", "fraud_detector"],
  ];
  for (const [kind, name] of objects) {
    const version = await prisma.definitionVersion.create({
      data: {
        workspaceId,
        objectKind: kind,
        objectId: id(name),
        objectName: name,
        number: 1,
        contentHash: `${kind}:${name}`,
        definition: { name },
      },
    });
    for (const environment of environments) {
      if (environment.name === "prod" && name === "login_activity") continue;
      await prisma.activeVersion.create({
        data: { environmentId: environment.id, objectKind: kind, objectId: id(name), versionId: version.id },
      });
    }
  }
  const envId = (name: string) => environments.find((e) => e.name === name)!.id;
  return { id, teams: { fraud, platform }, environments: { dev: envId("dev"), prod: envId("prod") } };
}
