// GET /api/v1/users — the workspace's members and roles.
import { apiRoute } from "@/lib/api/handler";
import { listWorkspaceUsers } from "@/lib/server/users";

export const GET = apiRoute({ role: "admin" }, async ({ principal }) => ({
  users: (await listWorkspaceUsers(principal.workspaceId)).map(({ id, email, name, role }) => ({
    id,
    email,
    name,
    role,
  })),
}));
