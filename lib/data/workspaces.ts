import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

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

/** A workspace slug from a name (a Feast project's, say): lower case, dashes, at most 48 characters. */
export function workspaceSlugFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "workspace";
}

/** Creates a workspace (dev -> staging -> prod) whose creator is its admin. */
export async function createWorkspaceAsAdmin(
  prisma: Db,
  input: { slug: string; name: string; description?: string },
  creatorUserId: string,
) {
  const existing = await prisma.workspace.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existing)
    throw new AppError("conflict", `A workspace "${input.slug}" exists already.`, {
      fields: [{ path: "slug", message: "Taken" }],
    });
  return prisma.workspace.create({
    data: {
      slug: input.slug,
      name: input.name,
      description: input.description ?? "",
      environments: { create: DEFAULT_ENVIRONMENTS.map((env) => ({ ...env })) },
      members: { create: { userId: creatorUserId, role: "admin" } },
    },
    select: { id: true, slug: true, name: true },
  });
}
