import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import type { GroupRoleMapping } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** One group → role rule; `fromEnvironment` rules come from FEATURELINE_OIDC_ROLE_MAP. */
export interface GroupRoleRule {
  id: string | null;
  workspaceId: string;
  groupName: string;
  role: Role;
  fromEnvironment: boolean;
}

/** The rules for one workspace: those set in the admin UI, then the environment's. */
export async function listGroupRoles(
  prisma: Db,
  workspace: { id: string; slug: string },
  envMappings: GroupRoleMapping[],
): Promise<GroupRoleRule[]> {
  const rows = await prisma.oidcGroupRole.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, groupName: true, role: true },
    orderBy: { groupName: "asc" },
  });
  return [
    ...rows.map((row) => ({ ...row, workspaceId: workspace.id, fromEnvironment: false })),
    ...envMappings
      .filter((mapping) => mapping.workspaceSlug === workspace.slug)
      .map((mapping) => ({
        id: null,
        workspaceId: workspace.id,
        groupName: mapping.group,
        role: mapping.role,
        fromEnvironment: true,
      })),
  ];
}

/** Every rule that matches one of `groups`, across workspaces (environment rules included). */
export async function rulesForGroups(
  tx: Prisma.TransactionClient | Db,
  groups: string[],
  envMappings: GroupRoleMapping[],
): Promise<{ workspaceId: string; role: Role }[]> {
  if (groups.length === 0) return [];
  const rows = await tx.oidcGroupRole.findMany({
    where: { groupName: { in: groups } },
    select: { workspaceId: true, role: true },
  });
  const fromEnv = envMappings.filter((mapping) => groups.includes(mapping.group));
  if (fromEnv.length === 0) return rows;
  // Environment rules name workspaces by slug; a slug that does not exist is ignored.
  const workspaces = await tx.workspace.findMany({
    where: { slug: { in: fromEnv.map((mapping) => mapping.workspaceSlug) } },
    select: { id: true, slug: true },
  });
  const idBySlug = new Map(workspaces.map((w) => [w.slug, w.id]));
  return [
    ...rows,
    ...fromEnv.flatMap((mapping) => {
      const workspaceId = idBySlug.get(mapping.workspaceSlug);
      return workspaceId ? [{ workspaceId, role: mapping.role }] : [];
    }),
  ];
}

export async function addGroupRole(
  prisma: Db,
  input: { workspaceId: string; groupName: string; role: Role },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.oidcGroupRole.findUnique({
      where: { workspaceId_groupName: { workspaceId: input.workspaceId, groupName: input.groupName } },
      select: { role: true },
    });
    const row = await tx.oidcGroupRole.upsert({
      where: { workspaceId_groupName: { workspaceId: input.workspaceId, groupName: input.groupName } },
      create: input,
      update: { role: input.role },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: existing ? "sso.group_role.change" : "sso.group_role.add",
      objectKind: "group_role",
      objectId: row.id,
      objectName: input.groupName,
      before: existing ?? undefined,
      after: { role: input.role },
    });
  });
}

export async function removeGroupRole(prisma: Db, input: { workspaceId: string; id: string }, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const row = await tx.oidcGroupRole.findFirst({
      where: { id: input.id, workspaceId: input.workspaceId },
      select: { id: true, groupName: true, role: true },
    });
    if (!row) throw new AppError("not_found", "No such group mapping in this workspace.");
    await tx.oidcGroupRole.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "sso.group_role.remove",
      objectKind: "group_role",
      objectId: row.id,
      objectName: row.groupName,
      before: { role: row.role },
    });
  });
}
