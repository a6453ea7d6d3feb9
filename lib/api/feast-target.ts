import "server-only";
import { authorize, type ApiPrincipal } from "@/lib/api/principal";
import type { Db } from "@/lib/db";
import { createWorkspaceAsAdmin, workspaceSlugFor } from "@/lib/data/workspaces";
import { roleAtLeast } from "@/lib/data/users";
import { AppError } from "@/lib/errors";

/*
 * Which workspace a Feast import writes to: the caller's current one, another one they author
 * in (`workspace=<slug>`), or one named after the Feast project (`newWorkspace=true`, created
 * by an admin when it does not exist yet).
 */
export async function feastImportWorkspace(
  prisma: Db,
  principal: ApiPrincipal,
  options: { workspace?: string; newWorkspace?: boolean; project?: string; dryRun?: boolean },
): Promise<{ id: string; slug: string; created?: boolean }> {
  const current = { id: principal.workspaceId, slug: principal.workspaceSlug };
  if (!options.workspace && !options.newWorkspace) return current;
  if (principal.kind !== "user") {
    throw new AppError("forbidden", "An API token imports into its own workspace only.");
  }
  const slug = options.workspace ?? workspaceSlugFor(options.project ?? "");
  const membership = principal.memberships.find((candidate) => candidate.workspaceSlug === slug);
  if (membership) {
    if (!roleAtLeast(membership.role, "author")) {
      throw new AppError("forbidden", `This needs the author role in workspace ${slug}.`);
    }
    return { id: membership.workspaceId, slug };
  }
  if (!options.newWorkspace) throw new AppError("not_found", `You are not a member of a workspace "${slug}".`);
  if (!options.project) {
    throw new AppError("unprocessable", "The registry names no Feast project to name a new workspace after.", {
      fields: [{ path: "newWorkspace", message: "No project in the registry" }],
    });
  }
  authorize(principal, { role: "admin" });
  // A plan for a workspace that does not exist yet is planned against an empty one: creates nothing.
  if (options.dryRun) return { id: "", slug, created: true };
  const created = await createWorkspaceAsAdmin(prisma, { slug, name: options.project }, principal.userId);
  return { id: created.id, slug: created.slug, created: true };
}
