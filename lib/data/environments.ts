import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { pickEnvironment, type EnvironmentChoice } from "@/lib/environments";
import { AppError } from "@/lib/errors";
import type { EnvironmentInput, EnvironmentUpdate } from "@/lib/validations/promotions";

/*
 * Admin configuration of a workspace's environments: their order (the promotion chain), the
 * approvals each needs as a promotion target and whether poor health in the source blocks a
 * promotion into it. Every change is audited.
 */

const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

export interface EnvironmentSettings {
  id: string;
  name: string;
  position: number;
  requiredApprovals: number;
  blockOnHealth: boolean;
  activeObjects: number;
}

/** The environment a request is about, by the one rule of lib/environments.ts (URL, switcher, prod). */
export async function resolveEnvironment(
  prisma: Db,
  options: { workspaceId: string } & EnvironmentChoice,
): Promise<{ id: string; name: string }> {
  const environments = await prisma.environment.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  return pickEnvironment(environments, options);
}

export async function listEnvironmentSettings(prisma: Db, workspaceId: string): Promise<EnvironmentSettings[]> {
  const environments = await prisma.environment.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, requiredApprovals: true, blockOnHealth: true },
  });
  const counts = await prisma.activeVersion.groupBy({
    by: ["environmentId"],
    where: { environmentId: { in: environments.map((environment) => environment.id) } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((row) => [row.environmentId, row._count._all]));
  return environments.map((environment) => ({ ...environment, activeObjects: countOf.get(environment.id) ?? 0 }));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function findEnvironment(tx: Tx, workspaceId: string, name: string) {
  const environment = await tx.environment.findUnique({
    where: { workspaceId_name: { workspaceId, name } },
    select: { id: true, name: true, position: true, requiredApprovals: true, blockOnHealth: true },
  });
  if (!environment) throw new AppError("not_found", `No environment named ${name} in this workspace.`);
  return environment;
}

/** Writes positions 0..n-1 in the given order; a detour through negatives keeps them unique. */
async function writeOrder(tx: Tx, ids: readonly string[]) {
  for (const [index, id] of ids.entries()) {
    await tx.environment.update({ where: { id }, data: { position: -1 - index } });
  }
  for (const [index, id] of ids.entries()) {
    await tx.environment.update({ where: { id }, data: { position: index } });
  }
}

export async function addEnvironment(prisma: Db, input: EnvironmentInput & { workspaceId: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.environment.findMany({
      where: { workspaceId: input.workspaceId },
      select: { name: true, position: true },
    });
    if (existing.some((environment) => environment.name === input.name)) {
      throw new AppError("conflict", `An environment named ${input.name} already exists.`);
    }
    const position = existing.reduce((max, environment) => Math.max(max, environment.position + 1), 0);
    const created = await tx.environment.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        position,
        requiredApprovals: input.requiredApprovals,
        blockOnHealth: input.blockOnHealth,
      },
      select: { id: true, name: true, position: true, requiredApprovals: true, blockOnHealth: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "environment.create",
      objectKind: "environment",
      objectId: created.id,
      objectName: created.name,
      after: created,
    });
    return { ...created, activeObjects: 0 };
  }, TX_OPTIONS);
}

export async function updateEnvironment(
  prisma: Db,
  input: EnvironmentUpdate & { workspaceId: string; name: string },
  actor: Actor,
) {
  return prisma.$transaction(async (tx) => {
    const environment = await findEnvironment(tx, input.workspaceId, input.name);
    const data: { requiredApprovals?: number; blockOnHealth?: boolean } = {};
    if (input.requiredApprovals !== undefined) data.requiredApprovals = input.requiredApprovals;
    if (input.blockOnHealth !== undefined) data.blockOnHealth = input.blockOnHealth;
    if (Object.keys(data).length > 0) await tx.environment.update({ where: { id: environment.id }, data });
    if (input.position !== undefined && input.position !== environment.position) {
      const ordered = await tx.environment.findMany({
        where: { workspaceId: input.workspaceId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      if (input.position >= ordered.length) {
        throw new AppError(
          "unprocessable",
          `Position ${input.position} is past the end; there are ${ordered.length} environments.`,
          {
            fields: [{ path: "position", message: `At most ${ordered.length - 1}` }],
          },
        );
      }
      const ids = ordered.map((row) => row.id).filter((id) => id !== environment.id);
      ids.splice(input.position, 0, environment.id);
      await writeOrder(tx, ids);
    }
    const after = await findEnvironment(tx, input.workspaceId, input.name);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "environment.update",
      objectKind: "environment",
      objectId: environment.id,
      objectName: environment.name,
      before: environment,
      after,
    });
    return after;
  }, TX_OPTIONS);
}

/** Removes an environment nothing is active in and no promotion request names. */
export async function removeEnvironment(prisma: Db, input: { workspaceId: string; name: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const environment = await findEnvironment(tx, input.workspaceId, input.name);
    const [active, requests, total] = await Promise.all([
      tx.activeVersion.count({ where: { environmentId: environment.id } }),
      tx.promotionRequest.count({
        where: { OR: [{ sourceEnvironmentId: environment.id }, { targetEnvironmentId: environment.id }] },
      }),
      tx.environment.count({ where: { workspaceId: input.workspaceId } }),
    ]);
    if (total <= 1) throw new AppError("conflict", "A workspace needs at least one environment.");
    if (active > 0) {
      throw new AppError(
        "conflict",
        `${active} definition${active === 1 ? " is" : "s are"} active in ${environment.name}; it cannot be removed.`,
      );
    }
    if (requests > 0) {
      throw new AppError(
        "conflict",
        `${environment.name} appears in ${requests} promotion request${requests === 1 ? "" : "s"}; it cannot be removed.`,
      );
    }
    await tx.environment.delete({ where: { id: environment.id } });
    const rest = await tx.environment.findMany({
      where: { workspaceId: input.workspaceId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    await writeOrder(
      tx,
      rest.map((row) => row.id),
    );
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "environment.delete",
      objectKind: "environment",
      objectId: environment.id,
      objectName: environment.name,
      before: environment,
    });
  }, TX_OPTIONS);
}
