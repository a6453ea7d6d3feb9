import type { RawTx } from "@/lib/db/engine";
import { bulkInsert, textColumns } from "./bulk-insert";
import type { ScaleCatalog } from "./catalog";

/** The workspace, its dev / staging / prod environments and teams; every user becomes a member. */
export async function writeWorkspace(tx: RawTx, catalog: ScaleCatalog): Promise<void> {
  const { workspace } = catalog;
  await tx.query("INSERT INTO workspace (id, slug, name, description) VALUES ($1, $2, $3, $4)", [
    workspace.id,
    workspace.slug,
    workspace.name,
    workspace.description,
  ]);
  await bulkInsert(
    tx,
    "environment",
    [
      ...textColumns("id", "workspace_id", "name"),
      { name: "position", type: "int" },
      { name: "required_approvals", type: "int" },
    ],
    catalog.environments.map((e) => [e.id, workspace.id, e.name, e.position, e.requiredApprovals]),
  );
  await bulkInsert(
    tx,
    "team",
    textColumns("id", "workspace_id", "slug", "name"),
    catalog.teams.map((team) => [team.id, workspace.id, team.slug, team.name]),
  );
  // So the UI can show the workspace: each user keeps their best role elsewhere, or views.
  await tx.query(
    `INSERT INTO workspace_member (workspace_id, user_id, role)
     SELECT $1, u.id, coalesce((SELECT max(m.role) FROM workspace_member m WHERE m.user_id = u.id), 'viewer')
     FROM app_user u`,
    [workspace.id],
  );
}

/** Team ids by slug, for the `team_id` of every owned object. */
export const teamIdsOf = (catalog: ScaleCatalog) => new Map(catalog.teams.map((team) => [team.slug, team.id]));
