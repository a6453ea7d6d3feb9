import "server-only";
import type { Db } from "@/lib/db";

export const DEFAULT_ENVIRONMENTS = [
  { name: "dev", position: 0, requiredApprovals: 0 },
  { name: "staging", position: 1, requiredApprovals: 1 },
  { name: "prod", position: 2, requiredApprovals: 2 },
] as const;

/** Creates a workspace with the default dev -> staging -> prod chain. */
export async function createWorkspace(prisma: Db, input: { slug: string; name: string; description?: string }) {
  return prisma.workspace.create({
    data: {
      slug: input.slug,
      name: input.name,
      description: input.description ?? "",
      environments: { create: DEFAULT_ENVIRONMENTS.map((env) => ({ ...env })) },
    },
    select: { id: true, slug: true, name: true },
  });
}

export async function getWorkspaceBySlug(prisma: Db, slug: string) {
  return prisma.workspace.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}

export async function getFirstWorkspace(prisma: Db) {
  return prisma.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, slug: true, name: true } });
}

export async function listEnvironments(prisma: Db, workspaceId: string) {
  return prisma.environment.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, requiredApprovals: true },
  });
}
