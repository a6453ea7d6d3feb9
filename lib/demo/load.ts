import { randomBytes } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import type { Engine, RawTx } from "@/lib/db/engine";
import { contentHash } from "@/lib/definitions/canonical";
import {
  buildDemoCatalog,
  DEMO_ENV_NAMES,
  DEMO_PASSWORD,
  latest,
  type DemoCatalog,
  type DemoEnvName,
  type DemoObject,
} from "@/lib/demo/catalog";
import {
  DRIFTING_FEATURES,
  ERROR_INCIDENT,
  generateProfiles,
  generateRuns,
  generateServingSeries,
  HISTORY_DAYS,
  SKEWED_FEATURE,
  SLOW_SERVICE,
  SLOW_SERVICE_SINCE_DAYS,
  STALE_VIEWS,
  type DemoProfile,
  type DemoRun,
  type ServingSeries,
} from "@/lib/demo/monitoring";
import { seedDemoPromotions } from "@/lib/demo/promotions";
import { parseDuration } from "@/lib/duration";
import { formatDuration } from "@/lib/format";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ObjectKind } from "@/lib/generated/prisma/enums";
import { freshnessSlaSeconds } from "@/lib/monitoring/freshness";
import { rollupServingRangeInTx } from "@/lib/monitoring/rollups";
import { jsDistance, psi } from "@/lib/monitoring/stats";

/*
 * Loads the demo catalog of lib/demo/catalog.ts and 30 days of monitoring history. The
 * definitions go in one Prisma transaction; the monitoring history (about 400k rows) goes in
 * one raw transaction of set-based inserts, which is what keeps the seed within seconds on
 * PGlite.
 */

/** Mirrors DEFAULT_ENVIRONMENTS of lib/data/workspaces.ts, which is server-only (a test keeps them equal). */
export const DEMO_ENVIRONMENTS = [
  { name: "dev", position: 0, requiredApprovals: 0 },
  { name: "staging", position: 1, requiredApprovals: 1 },
  { name: "prod", position: 2, requiredApprovals: 2 },
] as const;

export interface SeedCounts {
  users: number;
  teams: number;
  dataSources: number;
  entities: number;
  featureViews: number;
  features: number;
  featureServices: number;
  models: number;
  savedDatasets: number;
  versions: number;
  activeVersions: number;
  runs: number;
  servingMetricRows: number;
  profiles: number;
  rules: number;
  alerts: number;
  promotionRequests: number;
}

export interface SeedSummary {
  /** "exists": the workspace was already there and nothing was written. */
  status: "created" | "exists";
  workspaceSlug: string;
  workspaceId: string | null;
  message: string;
  counts: SeedCounts;
  durationMs: number;
}

export interface SeedDemoOptions {
  now?: Date;
  /** The demo's promotion requests (lib/demo/promotions.ts); off for tests that number their own. */
  promotions?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

const SERVING_CHUNK = 20_000;
const STAGING_SERVICES = ["fraud_scoring_v3", "eta_realtime"];
const STEPS = [
  "catalog",
  "users",
  "definitions",
  "runs",
  "serving metrics",
  "serving rollups",
  "profiles",
  "promotions",
] as const;

export function emptyCounts(): SeedCounts {
  return {
    users: 0,
    teams: 0,
    dataSources: 0,
    entities: 0,
    featureViews: 0,
    features: 0,
    featureServices: 0,
    models: 0,
    savedDatasets: 0,
    versions: 0,
    activeVersions: 0,
    runs: 0,
    servingMetricRows: 0,
    profiles: 0,
    rules: 0,
    alerts: 0,
    promotionRequests: 0,
  };
}

export async function seedDemo(
  prisma: PrismaClient,
  engine: Engine,
  options: SeedDemoOptions = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const progress = (step: (typeof STEPS)[number], detail?: string) =>
    options.onProgress?.(detail ? `${step} (${detail})` : step, STEPS.indexOf(step), STEPS.length);

  const catalog = buildDemoCatalog(now);
  const existing = await prisma.workspace.findUnique({ where: { slug: catalog.workspace.slug }, select: { id: true } });
  if (existing) {
    return {
      status: "exists",
      workspaceSlug: catalog.workspace.slug,
      workspaceId: existing.id,
      message: `Workspace "${catalog.workspace.slug}" already exists; the demo catalog was not loaded again.`,
      counts: emptyCounts(),
      durationMs: Math.round(performance.now() - started),
    };
  }
  progress("catalog");
  const runs = generateRuns(catalog, now);
  const prodSeries = generateServingSeries(catalog, now, "prod", HISTORY_DAYS);
  const stagingSeries = generateServingSeries(catalog, now, "staging", 1, STAGING_SERVICES);
  const profiles = generateProfiles(catalog, now);

  progress("users");
  // Password hashing is deliberately slow: hash the shared demo password once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  progress("definitions");
  const ids = await writeDefinitions(prisma, catalog, { now, passwordHash, runs, prodSeries, profiles });

  const counts = ids.counts;
  await engine.transaction(async (tx) => {
    progress("runs");
    counts.runs = await insertRuns(tx, ids, runs);
    const series = [...prodSeries, ...stagingSeries];
    let written = 0;
    for (const [index, item] of series.entries()) {
      progress("serving metrics", `${item.env}/${item.service}, ${index + 1} of ${series.length}`);
      written += await insertServingSeries(tx, ids, item);
    }
    progress("serving rollups");
    const rollups = await rollupServingRangeInTx(tx, {
      from: new Date(Math.min(...series.map((item) => item.startMs))),
      to: new Date(Math.max(...series.map((item) => item.startMs + item.requests.length * 60_000))),
      workspaceId: ids.workspaceId,
    });
    written += rollups.hourly + rollups.daily;
    counts.servingMetricRows = written;
    progress("profiles");
    counts.profiles = await insertProfiles(tx, ids, profiles);
  });
  progress("promotions");
  if (options.promotions ?? true) {
    counts.promotionRequests = await seedDemoPromotions(prisma, { workspaceId: ids.workspaceId, now });
  }
  options.onProgress?.("done", STEPS.length, STEPS.length);

  return {
    status: "created",
    workspaceSlug: catalog.workspace.slug,
    workspaceId: ids.workspaceId,
    message: `Loaded the demo workspace "${catalog.workspace.slug}".`,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------- ids

let idCounter = 0;
/** cuid-shaped ids made here, so related rows can be written with createMany in one pass. */
function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const count = idCounter.toString(36).padStart(4, "0");
  const random = [...randomBytes(11)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${time}${count}${random}`;
}

interface LoadedIds {
  workspaceId: string;
  envIds: Record<DemoEnvName, string>;
  viewIds: Map<string, string>;
  serviceIds: Map<string, string>;
  featureIds: Map<string, string>;
  datasetIds: Map<string, string>;
  counts: SeedCounts;
}

// ---------------------------------------------------------------- definitions

async function writeDefinitions(
  prisma: PrismaClient,
  catalog: DemoCatalog,
  context: { now: Date; passwordHash: string; runs: DemoRun[]; prodSeries: ServingSeries[]; profiles: DemoProfile[] },
): Promise<LoadedIds> {
  const { now, passwordHash } = context;
  const nowMs = now.getTime();
  const counts = emptyCounts();
  const workspaceId = newId();
  const envIds = { dev: newId(), staging: newId(), prod: newId() } satisfies Record<DemoEnvName, string>;
  const teamIds = new Map(catalog.teams.map((team) => [team.slug, newId()]));
  const teamId = (slug: string | undefined) => (slug ? (teamIds.get(slug) ?? null) : null);
  const createdAt = new Date(nowMs - 120 * 86_400_000);

  return prisma.$transaction(
    async (tx) => {
      // Users are global: reuse accounts that already exist (their passwords stay as they are).
      const emails = catalog.users.map((user) => user.email);
      const found = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
      const userIds = new Map(found.map((user) => [user.email, user.id]));
      const newUsers = catalog.users.filter((user) => !userIds.has(user.email));
      for (const user of newUsers) userIds.set(user.email, newId());
      await tx.user.createMany({
        data: newUsers.map((user) => ({
          id: userIds.get(user.email)!,
          email: user.email,
          name: user.name,
          passwordHash,
          createdAt,
        })),
      });
      counts.users = newUsers.length;
      const userId = (email: string) => userIds.get(email)!;
      const adminId = userId("admin@featureline.dev");

      await tx.workspace.create({
        data: {
          id: workspaceId,
          slug: catalog.workspace.slug,
          name: catalog.workspace.name,
          description: catalog.workspace.description,
          createdAt,
        },
      });
      await tx.environment.createMany({
        data: DEMO_ENVIRONMENTS.map((env) => ({
          id: envIds[env.name],
          workspaceId,
          name: env.name,
          position: env.position,
          requiredApprovals: env.requiredApprovals,
          createdAt,
        })),
      });
      await tx.team.createMany({
        data: catalog.teams.map((team) => ({
          id: teamIds.get(team.slug)!,
          workspaceId,
          slug: team.slug,
          name: team.name,
          description: team.description,
          createdAt,
        })),
      });
      counts.teams = catalog.teams.length;
      await tx.workspaceMember.createMany({
        data: catalog.users.map((user) => ({ workspaceId, userId: userId(user.email), role: user.role, createdAt })),
      });
      await tx.teamMember.createMany({
        data: catalog.users.flatMap((user) =>
          user.teams.map((slug) => ({ teamId: teamIds.get(slug)!, userId: userId(user.email) })),
        ),
      });

      // ---- data sources and columns
      const sourceIds = new Map(catalog.dataSources.map((object) => [object.name, newId()]));
      const columnIds = new Map<string, string>();
      const columnRows: Prisma.DataSourceColumnCreateManyInput[] = [];
      await tx.dataSource.createMany({
        data: catalog.dataSources.map((object) => {
          const source = latest(object);
          source.columns.forEach((column, position) => {
            const id = newId();
            columnIds.set(`${source.name}.${column.name}`, id);
            columnRows.push({
              id,
              dataSourceId: sourceIds.get(source.name)!,
              name: column.name,
              type: column.type,
              description: column.description,
              position,
            });
          });
          return {
            id: sourceIds.get(source.name)!,
            workspaceId,
            name: source.name,
            kind: source.kind,
            platform: source.platform,
            location: source.location,
            eventTimestampColumn: source.eventTimestampColumn ?? null,
            batchSourceId: source.batchSource ? (sourceIds.get(source.batchSource) ?? null) : null,
            description: source.description,
            owner: source.owner,
            teamId: teamId(source.team),
            tags: source.tags,
            options: source.options as Prisma.InputJsonValue,
            ...timestamps(object),
          };
        }),
      });
      await tx.dataSourceColumn.createMany({ data: columnRows });
      counts.dataSources = catalog.dataSources.length;

      // ---- entities
      const entityIds = new Map(catalog.entities.map((object) => [object.name, newId()]));
      await tx.entity.createMany({
        data: catalog.entities.map((object) => {
          const entity = latest(object);
          return {
            id: entityIds.get(entity.name)!,
            workspaceId,
            name: entity.name,
            description: entity.description,
            owner: entity.owner,
            teamId: teamId(entity.team),
            tags: entity.tags,
            ...timestamps(object),
          };
        }),
      });
      await tx.entityJoinKey.createMany({
        data: catalog.entities.flatMap((object) =>
          latest(object).joinKeys.map((key, position) => ({
            id: newId(),
            entityId: entityIds.get(object.name)!,
            name: key.name,
            valueType: key.valueType,
            position,
          })),
        ),
      });
      counts.entities = catalog.entities.length;

      // ---- feature views, their links, aggregations and features
      const viewIds = new Map(catalog.featureViews.map((object) => [object.name, newId()]));
      const featureIds = new Map<string, string>();
      const featureRows: Prisma.FeatureCreateManyInput[] = [];
      const lineageRows: Prisma.FeatureSourceColumnCreateManyInput[] = [];
      const aggregationRows: Prisma.AggregationCreateManyInput[] = [];
      const viewSourceRows: Prisma.FeatureViewSourceCreateManyInput[] = [];
      const viewEntityRows: Prisma.FeatureViewEntityCreateManyInput[] = [];
      const viewInputRows: Prisma.FeatureViewInputCreateManyInput[] = [];
      const viewRows = catalog.featureViews.map((object) => {
        const view = latest(object);
        const viewId = viewIds.get(view.name)!;
        const times = timestamps(object);
        for (const source of view.sources)
          viewSourceRows.push({ featureViewId: viewId, dataSourceId: sourceIds.get(source)! });
        for (const entity of view.entities)
          viewEntityRows.push({ featureViewId: viewId, entityId: entityIds.get(entity)! });
        for (const input of view.inputs)
          viewInputRows.push({ featureViewId: viewId, inputFeatureViewId: viewIds.get(input)! });
        view.aggregations.forEach((aggregation, position) =>
          aggregationRows.push({
            id: newId(),
            featureViewId: viewId,
            function: aggregation.function,
            column: aggregation.column,
            windows: aggregation.windows,
            slideInterval: aggregation.slideInterval ?? null,
            position,
          }),
        );
        view.features.forEach((feature, position) => {
          const id = newId();
          featureIds.set(`${view.name}:${feature.name}`, id);
          featureRows.push({
            id,
            workspaceId,
            featureViewId: viewId,
            name: feature.name,
            valueType: feature.valueType,
            description: feature.description,
            owner: view.owner,
            tags: feature.tags,
            position,
            ...times,
          });
          for (const ref of feature.sourceColumns) {
            const columnId = columnIds.get(ref);
            if (!columnId) throw new Error(`Feature ${view.name}:${feature.name} names unknown source column ${ref}`);
            lineageRows.push({ featureId: id, columnId });
          }
        });
        return {
          id: viewId,
          workspaceId,
          name: view.name,
          kind: view.kind,
          description: view.description,
          owner: view.owner,
          teamId: teamId(view.team),
          tags: view.tags,
          transformation: view.transformation?.code ?? "",
          transformationLanguage: view.transformation?.language ?? "sql",
          schedule: view.schedule ?? null,
          scheduleSeconds: view.schedule ? parseDuration(view.schedule) : null,
          ttlSeconds: view.ttl ? parseDuration(view.ttl) : null,
          slideInterval: view.slideInterval ?? null,
          slideIntervalSeconds: view.slideInterval ? parseDuration(view.slideInterval) : null,
          freshnessSlaSeconds: view.freshnessSla ? parseDuration(view.freshnessSla) : null,
          online: view.online,
          offline: view.offline,
          ...times,
        };
      });
      await tx.featureView.createMany({ data: viewRows });
      await tx.featureViewSource.createMany({ data: viewSourceRows });
      await tx.featureViewEntity.createMany({ data: viewEntityRows });
      await tx.featureViewInput.createMany({ data: viewInputRows });
      await tx.aggregation.createMany({ data: aggregationRows });
      await tx.feature.createMany({ data: featureRows });
      await tx.featureSourceColumn.createMany({ data: lineageRows, skipDuplicates: true });
      counts.featureViews = catalog.featureViews.length;
      counts.features = featureRows.length;

      // ---- services, datasets, models
      const serviceIds = new Map(catalog.featureServices.map((object) => [object.name, newId()]));
      await tx.featureService.createMany({
        data: catalog.featureServices.map((object) => {
          const service = latest(object);
          return {
            id: serviceIds.get(service.name)!,
            workspaceId,
            name: service.name,
            description: service.description,
            owner: service.owner,
            teamId: teamId(service.team),
            tags: service.tags,
            latencyBudgetMs: service.latencyBudgetMs,
            ...timestamps(object),
          };
        }),
      });
      await tx.featureServiceFeature.createMany({
        data: catalog.featureServices.flatMap((object) =>
          latest(object).features.map((ref) => {
            const featureId = featureIds.get(ref);
            if (!featureId) throw new Error(`Feature service ${object.name} references unknown feature ${ref}`);
            return { featureServiceId: serviceIds.get(object.name)!, featureId };
          }),
        ),
      });
      counts.featureServices = catalog.featureServices.length;

      const datasetIds = new Map(catalog.savedDatasets.map((object) => [object.name, newId()]));
      await tx.savedDataset.createMany({
        data: catalog.savedDatasets.map((object) => {
          const dataset = latest(object);
          const details = catalog.savedDatasetDetails[dataset.name]!;
          return {
            id: datasetIds.get(dataset.name)!,
            workspaceId,
            name: dataset.name,
            description: dataset.description,
            owner: dataset.owner,
            teamId: teamId(dataset.team),
            tags: dataset.tags,
            storage: dataset.storage,
            featureServiceId: dataset.featureService ? (serviceIds.get(dataset.featureService) ?? null) : null,
            featureRefs: dataset.features,
            rowCount: BigInt(details.rowCount),
            startAt: details.startAt,
            endAt: details.endAt,
            ...timestamps(object),
          };
        }),
      });
      counts.savedDatasets = catalog.savedDatasets.length;

      const modelIds = new Map(catalog.models.map((object) => [object.name, newId()]));
      await tx.model.createMany({
        data: catalog.models.map((object) => {
          const model = latest(object);
          return {
            id: modelIds.get(model.name)!,
            workspaceId,
            name: model.name,
            version: model.version,
            description: model.description,
            owner: model.owner,
            teamId: teamId(model.team),
            tags: model.tags,
            endpoint: model.endpoint,
            trainingDatasetId: model.trainingDataset ? (datasetIds.get(model.trainingDataset) ?? null) : null,
            ...timestamps(object),
          };
        }),
      });
      await tx.modelFeatureService.createMany({
        data: catalog.models.flatMap((object) =>
          latest(object).featureServices.map((service) => ({
            modelId: modelIds.get(object.name)!,
            featureServiceId: serviceIds.get(service)!,
          })),
        ),
      });
      counts.models = catalog.models.length;

      // ---- versions, active versions, audit
      const versionRows: Prisma.DefinitionVersionCreateManyInput[] = [];
      const activeRows: Prisma.ActiveVersionCreateManyInput[] = [];
      const approverIds = [userId("approver@featureline.dev"), userId("approver2@featureline.dev")];
      const kinds: [ObjectKind, DemoObject<{ name: string }>[], Map<string, string>][] = [
        ["data_source", catalog.dataSources, sourceIds],
        ["entity", catalog.entities, entityIds],
        ["feature_view", catalog.featureViews, viewIds],
        ["feature_service", catalog.featureServices, serviceIds],
        ["saved_dataset", catalog.savedDatasets, datasetIds],
        ["model", catalog.models, modelIds],
      ];
      for (const [kind, objects, objectIds] of kinds) {
        for (const object of objects) {
          const objectId = objectIds.get(object.name)!;
          const versionIds = object.versions.map((version, index) => {
            const id = newId();
            versionRows.push({
              id,
              workspaceId,
              objectKind: kind,
              objectId,
              objectName: object.name,
              number: index + 1,
              contentHash: contentHash(version.definition),
              definition: version.definition as unknown as Prisma.InputJsonValue,
              message: version.message,
              authorId: userId(version.authorEmail),
              createdAt: version.createdAt,
            });
            return id;
          });
          DEMO_ENV_NAMES.forEach((env, position) => {
            const number = object.active[env];
            if (number === null) return;
            const version = object.versions[number - 1]!;
            // Promoted a day per environment after it was written, never in the future.
            const activatedAt = new Date(
              Math.min(
                nowMs - 3_600_000 * (3 - position),
                version.createdAt.getTime() + position * 86_400_000 + 3_600_000,
              ),
            );
            activeRows.push({
              environmentId: envIds[env],
              objectKind: kind,
              objectId,
              versionId: versionIds[number - 1]!,
              activatedAt,
              activatedById: position === 0 ? userId(version.authorEmail) : approverIds[position - 1]!,
            });
          });
        }
      }
      await tx.definitionVersion.createMany({ data: versionRows });
      await tx.activeVersion.createMany({ data: activeRows });
      counts.versions = versionRows.length;
      counts.activeVersions = activeRows.length;

      await tx.auditLog.createMany({
        data: [
          {
            workspaceId,
            actorUserId: adminId,
            action: "workspace.create",
            objectKind: "workspace",
            objectId: workspaceId,
            objectName: catalog.workspace.slug,
            after: { name: catalog.workspace.name, environments: DEMO_ENVIRONMENTS.map((env) => env.name) },
            createdAt: now,
          },
          {
            workspaceId,
            actorUserId: adminId,
            action: "seed.create",
            objectKind: "user",
            after: { emails: catalog.users.map((user) => user.email), created: newUsers.length },
            createdAt: now,
          },
          ...kinds.map(([kind, objects]) => ({
            workspaceId,
            actorUserId: adminId,
            action: "seed.create",
            objectKind: kind,
            after: { count: objects.length, names: objects.map((object) => object.name) },
            createdAt: now,
          })),
        ],
      });

      // ---- rules and alerts
      const ids: LoadedIds = { workspaceId, envIds, viewIds, serviceIds, featureIds, datasetIds, counts };
      const { rules, alerts } = buildRulesAndAlerts(catalog, ids, context, {
        ackUserId: approverIds[1]!,
      });
      await tx.alertRule.createMany({ data: rules });
      await tx.alert.createMany({ data: alerts });
      counts.rules = rules.length;
      counts.alerts = alerts.length;
      return ids;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function timestamps(object: DemoObject<unknown>): { createdAt: Date; updatedAt: Date } {
  return {
    createdAt: object.versions[0]!.createdAt,
    updatedAt: object.versions[object.versions.length - 1]!.createdAt,
  };
}

// ---------------------------------------------------------------- rules and alerts

function buildRulesAndAlerts(
  catalog: DemoCatalog,
  ids: LoadedIds,
  context: { now: Date; runs: DemoRun[]; prodSeries: ServingSeries[]; profiles: DemoProfile[] },
  options: { ackUserId: string },
): { rules: Prisma.AlertRuleCreateManyInput[]; alerts: Prisma.AlertCreateManyInput[] } {
  const { now, runs, prodSeries, profiles } = context;
  const nowMs = now.getTime();
  const workspaceId = ids.workspaceId;
  const prod = ids.envIds.prod;
  const ruleCreatedAt = new Date(nowMs - 60 * 86_400_000);
  const rule = (
    name: string,
    kind: Prisma.AlertRuleCreateManyInput["kind"],
    objectKind: ObjectKind,
    extra: Partial<Prisma.AlertRuleCreateManyInput> = {},
  ) => ({
    id: newId(),
    workspaceId,
    name,
    kind,
    objectKind,
    objectId: null,
    enabled: true,
    createdAt: ruleCreatedAt,
    ...extra,
  });
  const freshness = rule("Feature view freshness within SLA", "freshness", "feature_view");
  const latency = rule("Serving p99 within latency budget", "latency_p99", "feature_service");
  const errors = rule("Serving error rate below 1%", "error_rate", "feature_service", { threshold: 0.01 });
  const drift = rule("Feature drift against the training profile (PSI)", "statistic", "feature", {
    statistic: "psi",
    threshold: 0.25,
  });
  const skew = rule("Training/serving skew (Jensen-Shannon distance)", "statistic", "feature", {
    statistic: "jsDistance",
    threshold: 0.2,
  });
  const alerts: Prisma.AlertCreateManyInput[] = [];

  // Stale views: staleness of the newest successful watermark against the SLA.
  for (const name of STALE_VIEWS) {
    const view = latest(catalog.featureViews.find((object) => object.name === name)!);
    const sla = freshnessSlaSeconds({
      kind: view.kind,
      scheduleSeconds: view.schedule,
      slideIntervalSeconds: view.slideInterval,
      freshnessSlaSeconds: view.freshnessSla,
    })!;
    const watermark = Math.max(
      ...runs
        .filter((run) => run.view === name && run.env === "prod" && run.status === "success")
        .map((run) => run.watermark!),
    );
    const staleness = (nowMs - watermark) / 1000;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: freshness.id,
      objectKind: "feature_view",
      objectId: ids.viewIds.get(name)!,
      environmentId: prod,
      severity: name === "merchant_risk_stats" ? "critical" : "warning",
      message: `${name} is ${formatDuration(Math.round(staleness / 3600) * 3600)} stale (SLA ${formatDuration(sla)})`,
      value: Math.round(staleness),
      threshold: sla,
      startedAt: new Date(watermark + sla * 1000),
      ...(name === "driver_rating_stats"
        ? { acknowledgedAt: new Date(nowMs - 5 * 3_600_000), acknowledgedById: options.ackUserId }
        : {}),
    });
  }

  // The slow service: p99 of the last 24 hours (request-weighted) against its budget.
  const slow = prodSeries.find((series) => series.service === SLOW_SERVICE);
  const slowService = catalog.featureServices.find((object) => object.name === SLOW_SERVICE);
  if (slow && slowService) {
    const budget = latest(slowService).latencyBudgetMs;
    const from = slow.requests.length - 1440;
    let weighted = 0;
    let requests = 0;
    let crossedAt: number | null = null;
    for (let i = 0; i < slow.requests.length; i++) {
      if (i >= from) {
        weighted += slow.p99[i]! * slow.requests[i]!;
        requests += slow.requests[i]!;
      }
    }
    // First hour after the regression began whose mean p99 broke the budget.
    const regression = nowMs - SLOW_SERVICE_SINCE_DAYS * 86_400_000;
    for (
      let start = Math.max(0, Math.floor((regression - slow.startMs) / 60_000));
      start + 60 <= slow.requests.length && crossedAt === null;
      start += 60
    ) {
      let w = 0;
      let r = 0;
      for (let i = start; i < start + 60; i++) {
        w += slow.p99[i]! * slow.requests[i]!;
        r += slow.requests[i]!;
      }
      if (r > 0 && w / r > budget!) crossedAt = slow.startMs + (start + 60) * 60_000;
    }
    const p99 = Math.round((weighted / Math.max(requests, 1)) * 10) / 10;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: latency.id,
      objectKind: "feature_service",
      objectId: ids.serviceIds.get(SLOW_SERVICE)!,
      environmentId: prod,
      severity: "critical",
      message: `${SLOW_SERVICE} p99 is ${p99} ms over the last 24 hours (budget ${budget} ms)`,
      value: p99,
      threshold: budget,
      startedAt: new Date(crossedAt ?? regression),
    });
  }

  // A resolved error-rate incident.
  const incidentStart = Math.floor((nowMs - ERROR_INCIDENT.daysAgo * 86_400_000) / 60_000) * 60_000;
  alerts.push({
    id: newId(),
    workspaceId,
    ruleId: errors.id,
    objectKind: "feature_service",
    objectId: ids.serviceIds.get(ERROR_INCIDENT.service)!,
    environmentId: prod,
    severity: "critical",
    message: `${ERROR_INCIDENT.service} error rate ${(ERROR_INCIDENT.errorRate * 100).toFixed(1)}% (threshold 1%): online store timeouts`,
    value: ERROR_INCIDENT.errorRate,
    threshold: 0.01,
    startedAt: new Date(incidentStart),
    endedAt: new Date(incidentStart + ERROR_INCIDENT.minutes * 60_000),
    resolution: "cleared",
    acknowledgedAt: new Date(incidentStart + 6 * 60_000),
    acknowledgedById: options.ackUserId,
  });

  // Drift: the latest online day against the fraud model's training baseline.
  const daily = (ref: string, source: "offline" | "online") =>
    profiles
      .filter((profile) => profile.feature === ref && profile.source === source && !profile.savedDataset)
      .sort((a, b) => a.windowStart - b.windowStart);
  for (const ref of DRIFTING_FEATURES) {
    const baseline = profiles.find(
      (profile) => profile.feature === ref && profile.savedDataset === "fraud_detector_v3_training",
    );
    const online = daily(ref, "online");
    const current = online[online.length - 1];
    if (!baseline || !current) continue;
    const value = psi(baseline.counts, current.counts);
    const firstBreach = online.find((profile) => psi(baseline.counts, profile.counts) > 0.25) ?? current;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: drift.id,
      objectKind: "feature",
      objectId: ids.featureIds.get(ref)!,
      environmentId: prod,
      severity: ref.endsWith("preferred_channel") ? "warning" : "critical",
      message: `${ref} drifted from the fraud_detector v3 training profile: PSI ${value.toFixed(2)} (alert above 0.25)`,
      value: Math.round(value * 1e4) / 1e4,
      threshold: 0.25,
      startedAt: new Date(firstBreach.windowEnd),
    });
  }

  // Skew: offline against online of the same (latest) day.
  const offline = daily(SKEWED_FEATURE, "offline");
  const online = daily(SKEWED_FEATURE, "online");
  const lastOffline = offline[offline.length - 1];
  const lastOnline = online[online.length - 1];
  if (lastOffline && lastOnline) {
    const value = jsDistance(lastOffline.counts, lastOnline.counts);
    const firstBreach =
      online.find((profile, index) => jsDistance(offline[index]!.counts, profile.counts) > 0.2) ?? lastOnline;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: skew.id,
      objectKind: "feature",
      objectId: ids.featureIds.get(SKEWED_FEATURE)!,
      environmentId: prod,
      severity: "warning",
      message: `${SKEWED_FEATURE}: online values disagree with offline ones (JS distance ${value.toFixed(2)}, alert above 0.2)`,
      value: Math.round(value * 1e4) / 1e4,
      threshold: 0.2,
      startedAt: new Date(firstBreach.windowEnd),
    });
  }
  return { rules: [freshness, latency, errors, drift, skew], alerts };
}

// ---------------------------------------------------------------- bulk monitoring inserts

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function insertRuns(tx: RawTx, ids: LoadedIds, runs: DemoRun[]): Promise<number> {
  for (let offset = 0; offset < runs.length; offset += SERVING_CHUNK) {
    const chunk = runs.slice(offset, offset + SERVING_CHUNK);
    await tx.query(
      `INSERT INTO materialization_run
         (id, workspace_id, feature_view_id, environment_id, status, started_at, ended_at, rows_written, watermark, compute_seconds, cost)
       SELECT u.id, $1, u.view_id, u.env_id, u.status::"RunStatus", u.started_at::timestamp(3), u.ended_at::timestamp(3),
              u.rows_written, u.watermark::timestamp(3), u.compute_seconds, u.cost
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[], $9::text[], $10::float8[], $11::float8[])
           AS u(id, view_id, env_id, status, started_at, ended_at, rows_written, watermark, compute_seconds, cost)`,
      [
        ids.workspaceId,
        chunk.map(() => newId()),
        chunk.map((run) => ids.viewIds.get(run.view)!),
        chunk.map((run) => ids.envIds[run.env]),
        chunk.map((run) => run.status),
        chunk.map((run) => iso(run.startedAt)),
        chunk.map((run) => iso(run.endedAt)),
        chunk.map((run) => run.rowsWritten),
        chunk.map((run) => iso(run.watermark)),
        chunk.map((run) => run.computeSeconds),
        chunk.map((run) => run.cost),
      ],
    );
  }
  return runs.length;
}

async function insertServingSeries(tx: RawTx, ids: LoadedIds, series: ServingSeries): Promise<number> {
  const total = series.requests.length;
  for (let offset = 0; offset < total; offset += SERVING_CHUNK) {
    const end = Math.min(total, offset + SERVING_CHUNK);
    const minutes: number[] = [];
    for (let i = offset; i < end; i++) minutes.push(i);
    await tx.query(
      `INSERT INTO serving_metric
         (workspace_id, feature_service_id, environment_id, bucket_start, bucket_seconds,
          request_count, error_count, latency_p50_ms, latency_p95_ms, latency_p99_ms)
       SELECT $1, $2, $3, $4::timestamp(3) + make_interval(mins => u.m), 60, u.r, u.e, u.p50, u.p95, u.p99
         FROM unnest($5::int[], $6::int[], $7::int[], $8::float8[], $9::float8[], $10::float8[]) AS u(m, r, e, p50, p95, p99)`,
      [
        ids.workspaceId,
        ids.serviceIds.get(series.service)!,
        ids.envIds[series.env],
        iso(series.startMs),
        minutes,
        series.requests.slice(offset, end),
        series.errors.slice(offset, end),
        series.p50.slice(offset, end),
        series.p95.slice(offset, end),
        series.p99.slice(offset, end),
      ],
    );
  }
  return total;
}

function pgArray(values: (number | string)[], quote: boolean): string {
  return `{${values.map((value) => (quote ? `"${String(value).replace(/["\\]/g, "\\$&")}"` : String(value))).join(",")}}`;
}

async function insertProfiles(tx: RawTx, ids: LoadedIds, profiles: DemoProfile[]): Promise<number> {
  const chunkSize = 5_000;
  for (let offset = 0; offset < profiles.length; offset += chunkSize) {
    const chunk = profiles.slice(offset, offset + chunkSize);
    await tx.query(
      `INSERT INTO feature_profile
         (id, workspace_id, feature_id, environment_id, source, window_start, window_end, bin_edges, categories, counts,
          count, null_count, mean, std, min, max, quantiles, saved_dataset_id)
       SELECT u.id, $1, u.feature_id, u.env_id, u.source::"ProfileSource", u.window_start::timestamp(3), u.window_end::timestamp(3),
              u.bin_edges::float8[], u.categories::text[], u.counts::float8[], u.count, u.null_count,
              u.mean, u.std, u.min, u.max, u.quantiles::jsonb, u.saved_dataset_id
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                     $11::int8[], $12::int8[], $13::float8[], $14::float8[], $15::float8[], $16::float8[], $17::text[], $18::text[])
           AS u(id, feature_id, env_id, source, window_start, window_end, bin_edges, categories, counts,
                count, null_count, mean, std, min, max, quantiles, saved_dataset_id)`,
      [
        ids.workspaceId,
        chunk.map(() => newId()),
        chunk.map((profile) => ids.featureIds.get(profile.feature)!),
        chunk.map((profile) => ids.envIds[profile.env]),
        chunk.map((profile) => profile.source),
        chunk.map((profile) => iso(profile.windowStart)),
        chunk.map((profile) => iso(profile.windowEnd)),
        chunk.map((profile) => pgArray(profile.binEdges, false)),
        chunk.map((profile) => pgArray(profile.categories, true)),
        chunk.map((profile) => pgArray(profile.counts, false)),
        chunk.map((profile) => profile.count),
        chunk.map((profile) => profile.nullCount),
        chunk.map((profile) => profile.mean),
        chunk.map((profile) => profile.std),
        chunk.map((profile) => profile.min),
        chunk.map((profile) => profile.max),
        chunk.map((profile) => (profile.quantiles ? JSON.stringify(profile.quantiles) : null)),
        chunk.map((profile) => (profile.savedDataset ? ids.datasetIds.get(profile.savedDataset)! : null)),
      ],
    );
  }
  return profiles.length;
}
