import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { getCurrentDefinition, saveDefinition } from "@/lib/data/definitions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CatalogKind } from "@/lib/search/types";

/** Teams an object can be given to (the ownership form), by name. */
export async function listTeamOptions(prisma: Db, workspaceId: string) {
  return prisma.team.findMany({
    where: { workspaceId },
    select: { id: true, slug: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Changes an object's owner and team. Definition kinds get a new version (owner and team are
 * part of the definition); a feature's owner is a registry field of its own (its team is its
 * view's), so it is updated in place and audited.
 */
export async function updateOwnership(
  prisma: Db,
  input: { workspaceId: string; kind: CatalogKind; id: string; owner: string; team: string },
  actor: Actor,
): Promise<{ versionNumber: number | null }> {
  const teamRow = input.team
    ? await prisma.team.findFirst({ where: { workspaceId: input.workspaceId, slug: input.team }, select: { id: true } })
    : null;
  if (input.team && !teamRow)
    throw new AppError("unprocessable", `No team "${input.team}" in this workspace.`, {
      fields: [{ path: "team", message: "unknown team" }],
    });
  if (input.kind === "feature") {
    return prisma.$transaction(async (tx) => {
      const feature = await tx.feature.findFirst({
        where: { id: input.id, workspaceId: input.workspaceId },
        select: { id: true, name: true, owner: true },
      });
      if (!feature) throw new AppError("not_found", "No such feature in this workspace.");
      await tx.feature.update({ where: { id: feature.id }, data: { owner: input.owner } });
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: "feature.owner.change",
        objectKind: "feature",
        objectId: feature.id,
        objectName: feature.name,
        before: { owner: feature.owner },
        after: { owner: input.owner },
      });
      return { versionNumber: null };
    });
  }
  const current = await getCurrentDefinition(prisma, {
    workspaceId: input.workspaceId,
    kind: input.kind,
    objectId: input.id,
  });
  if (!current) throw new AppError("not_found", "No such object in this workspace.");
  const definition: Record<string, unknown> = {
    ...(current.definition as unknown as Record<string, unknown>),
    owner: input.owner,
  };
  if (input.team) definition.team = input.team;
  else delete definition.team;
  const saved = await saveDefinition(
    prisma,
    {
      workspaceId: input.workspaceId,
      kind: input.kind,
      objectId: current.objectId,
      definition,
      baseVersionNumber: current.version.number,
      message: `Owner ${input.owner || "(none)"}, team ${input.team || "(none)"}`,
    },
    actor,
  );
  return { versionNumber: saved.version.number };
}
