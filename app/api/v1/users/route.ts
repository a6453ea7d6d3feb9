// GET /api/v1/users — the workspace's members and roles.
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listWorkspaceUsers } from "@/lib/data/users";

export const GET = apiRoute({ role: "admin" }, async ({ principal }) => ({
  users: (await listWorkspaceUsers(db(), principal.workspaceId)).map(({ id, email, name, role }) => ({
    id,
    email,
    name,
    role,
  })),
}));
