import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RuleKind } from "@/lib/generated/prisma/enums";

export type RuleObjectKind = "feature_view" | "feature_service" | "feature";

/** What a rule of each kind watches. */
export function ruleObjectKind(kind: RuleKind): RuleObjectKind {
  return kind === "freshness" ? "feature_view" : kind === "statistic" ? "feature" : "feature_service";
}

/** Resolves the name a person picked (a feature as `view:feature`) to its id, or a field error. */
export async function resolveRuleObject(
  tx: Prisma.TransactionClient | Db,
  workspaceId: string,
  objectKind: RuleObjectKind,
  name: string,
): Promise<string> {
  let found: { id: string } | null;
  if (objectKind === "feature") {
    const [view, feature] = name.includes(":") ? name.split(":", 2) : ["", name];
    found = await tx.feature.findFirst({
      where: { workspaceId, name: feature, ...(view ? { featureView: { name: view } } : {}) },
      select: { id: true },
    });
  } else if (objectKind === "feature_view") {
    found = await tx.featureView.findFirst({ where: { workspaceId, name }, select: { id: true } });
  } else {
    found = await tx.featureService.findFirst({ where: { workspaceId, name }, select: { id: true } });
  }
  if (!found)
    throw new AppError("unprocessable", `No ${objectKind.replace("_", " ")} named “${name}” in this workspace.`, {
      fields: [{ path: "object", message: `No ${objectKind.replace("_", " ")} named “${name}”` }],
    });
  return found.id;
}

/** Objects a rule can watch whose name contains `query` (case-insensitive), for the rule editor's picker. */
export async function searchRuleObjects(
  prisma: Db,
  options: { workspaceId: string; kind: RuleObjectKind; query: string; limit?: number },
): Promise<{ id: string; name: string }[]> {
  const take = Math.min(options.limit ?? 20, 50);
  const contains = { contains: options.query.trim(), mode: "insensitive" as const };
  if (options.kind === "feature") {
    const [view, feature] = options.query.includes(":") ? options.query.split(":", 2) : [null, options.query];
    const rows = await prisma.feature.findMany({
      where: {
        workspaceId: options.workspaceId,
        ...(view !== null
          ? { featureView: { name: { equals: view.trim() } }, name: { contains: feature!.trim(), mode: "insensitive" } }
          : { OR: [{ name: contains }, { featureView: { name: contains } }] }),
      },
      select: { id: true, name: true, featureView: { select: { name: true } } },
      orderBy: [{ featureView: { name: "asc" } }, { name: "asc" }],
      take,
    });
    return rows.map((row) => ({ id: row.id, name: `${row.featureView.name}:${row.name}` }));
  }
  const where = { workspaceId: options.workspaceId, name: contains };
  const select = { id: true, name: true } as const;
  return options.kind === "feature_view"
    ? prisma.featureView.findMany({ where, select, orderBy: { name: "asc" }, take })
    : prisma.featureService.findMany({ where, select, orderBy: { name: "asc" }, take });
}
