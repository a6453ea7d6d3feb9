import type { Metadata } from "next";
import { RoleSelect } from "@/components/admin/role-select";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/lib/db";
import { listWorkspaceUsers } from "@/lib/data/users";
import { formatDateTime } from "@/lib/format";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  const { workspace, user: me } = await requireRole("admin");
  const users = await listWorkspaceUsers(db(), workspace.id);
  return (
    <>
      <p className="mb-4 text-sm text-slate-600">
        Viewers read; authors create and edit definitions and request promotions; approvers also review promotions;
        admins also manage users, teams and tokens. Add people with{" "}
        <code className="rounded bg-slate-100 px-1">npm run user:create</code>.
      </p>
      <Table
        caption="Workspace members"
        head={
          <>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Member since</Th>
            <Th>Role</Th>
          </>
        }
      >
        {users.map((user) => (
          <tr key={user.id} data-testid={`user-row-${user.email}`}>
            <Td className="font-medium">{user.name}</Td>
            <Td>{user.email}</Td>
            <Td className="text-slate-500">{formatDateTime(user.memberSince)}</Td>
            <Td>
              <RoleSelect
                userId={user.id}
                role={user.role}
                disabled={user.id === me.id}
                label={`Role of ${user.email}`}
              />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
