import "server-only";
import type { Tx } from "@/lib/data/definition-rows";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";

/*
 * Apply and the Feast sync write the registry head and dev only. An object active in a later
 * environment (staging, prod) serves traffic there: removing it happens only through a
 * promotion, never as a side effect of a prune.
 */

export interface ActiveBeyondDev {
  kind: DefinitionKind;
  name: string;
  /** The environments past dev where a version of it is active, in chain order. */
  environments: string[];
}

/** Of `objects`, those with an active version in any environment after the first (dev). */
export async function findObjectsActiveBeyondDev(
  tx: Tx,
  workspaceId: string,
  objects: Array<{ kind: DefinitionKind; name: string; objectId: string }>,
): Promise<ActiveBeyondDev[]> {
  if (objects.length === 0) return [];
  const environments = await tx.environment.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  const later = environments.slice(1);
  if (later.length === 0) return [];
  const active = await tx.activeVersion.findMany({
    where: { environmentId: { in: later.map((e) => e.id) }, objectId: { in: objects.map((o) => o.objectId) } },
    select: { environmentId: true, objectKind: true, objectId: true },
  });
  const order = new Map(later.map((environment, index) => [environment.id, index]));
  const names = new Map(later.map((environment) => [environment.id, environment.name]));
  return objects.flatMap((object) => {
    const where = active
      .filter((row) => row.objectId === object.objectId && row.objectKind === object.kind)
      .sort((a, b) => order.get(a.environmentId)! - order.get(b.environmentId)!)
      .map((row) => names.get(row.environmentId)!);
    return where.length > 0 ? [{ kind: object.kind, name: object.name, environments: where }] : [];
  });
}

/** 409 naming every object a prune may not remove, and where each is active. */
export function pruneRefusedError(refused: ActiveBeyondDev[]): AppError {
  const listed = refused.map((object) => `${object.kind} "${object.name}" (${object.environments.join(", ")})`);
  return new AppError(
    "conflict",
    `Prune refused: ${listed.join(", ")} ${refused.length === 1 ? "is" : "are"} active beyond dev. ` +
      "Apply writes dev only; take them out of later environments through a promotion, or keep them in the document.",
    { details: { pruneRefused: refused } },
  );
}
