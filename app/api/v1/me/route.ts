// GET /api/v1/me — the caller, its workspace roles and token scopes.
import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ principal }) => {
  if (principal.kind === "token") {
    return {
      kind: "token",
      token: { id: principal.tokenId, name: principal.name, scopes: principal.scopes },
      workspace: { id: principal.workspaceId, slug: principal.workspaceSlug },
      workspaces: [],
    };
  }
  return {
    kind: "user",
    user: { id: principal.userId, email: principal.email, name: principal.name },
    workspace: { id: principal.workspaceId, slug: principal.workspaceSlug },
    workspaces: principal.memberships.map((m) => ({ id: m.workspaceId, slug: m.workspaceSlug, role: m.role })),
  };
});
