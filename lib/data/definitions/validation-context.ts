import "server-only";
import type { Db } from "@/lib/db";
import { DEFINITION_KINDS, type DataSourceDefinition, type DefinitionKind } from "@/lib/definitions/schema";
import { existingNamesOf, loadState } from "./registry-state";

/**
 * What the registry holds, for validation as you type in the browser (validateObject is pure):
 * names per kind, "view:feature", "source.column", source kinds, entity join keys, team slugs.
 */
export interface ValidationContextData {
  names: Record<DefinitionKind, string[]>;
  features: string[];
  columns: string[];
  dataSourceKinds: Record<string, DataSourceDefinition["kind"]>;
  entityJoinKeys: Record<string, string[]>;
  teams: string[];
}

export async function getValidationContext(prisma: Db, workspaceId: string): Promise<ValidationContextData> {
  const [state, teams] = await Promise.all([
    loadState(prisma, workspaceId),
    prisma.team.findMany({ where: { workspaceId }, select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  const existing = existingNamesOf(state);
  const names = {} as Record<DefinitionKind, string[]>;
  for (const kind of DEFINITION_KINDS) names[kind] = [...state[kind].keys()].sort();
  return {
    names,
    features: [...(existing.feature ?? [])],
    columns: [...(existing.column ?? [])],
    dataSourceKinds: { ...existing.dataSourceKinds },
    entityJoinKeys: Object.fromEntries(
      Object.entries(existing.entityJoinKeys ?? {}).map(([name, keys]) => [name, [...keys]]),
    ),
    teams: teams.map((team) => team.slug),
  };
}
