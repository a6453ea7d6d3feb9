import { contentHash } from "@/lib/definitions/canonical";
import { DEMO_ENV_NAMES, type DemoCatalog, type DemoEnvName, type DemoObject } from "@/lib/demo/catalog";
import type { DemoProfile, DemoRun, ServingSeries } from "@/lib/demo/monitoring";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ObjectKind } from "@/lib/generated/prisma/enums";
import { DEMO_ENVIRONMENTS, emptyCounts, newId, type LoadedIds } from "@/lib/demo/ids";
import { buildRulesAndAlerts } from "@/lib/demo/rules-and-alerts";
import { writeRegistryObjects } from "@/lib/demo/write-objects";

export async function writeDefinitions(
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

      const { sourceIds, entityIds, viewIds, featureIds, serviceIds, datasetIds, modelIds } =
        await writeRegistryObjects(tx, catalog, { workspaceId, teamId, counts });

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
