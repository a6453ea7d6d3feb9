import type { Metadata } from "next";
import { RoleField } from "@/components/admin/role-options";
import { RoleSelect } from "@/components/admin/role-select";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listMembersAndInvites } from "@/lib/server/members";
import { formatDateTime } from "@/lib/format";
import { requireRole } from "@/lib/session";
import { cancelInviteAction, inviteMemberAction, removeMemberAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Members · Admin" };

export default async function AdminUsersPage() {
  const { workspace, user: me } = await requireRole("admin");
  const { members, invites } = await listMembersAndInvites(workspace.id);
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        <p className="text-sm text-slate-600">
          Viewers read; authors create and edit definitions and request promotions; approvers also review promotions;
          admins also manage members, teams and tokens. Removing someone, or lowering their role, ends their sessions;
          an admin&apos;s API tokens die with the admin role.
        </p>
        <Table
          caption="Workspace members"
          head={
            <>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Member since</Th>
              <Th>Role</Th>
              <Th />
            </>
          }
        >
          {members.map((member) => (
            <tr key={member.id} data-testid={`user-row-${member.email}`}>
              <Td className="font-medium">
                {member.name}{" "}
                {member.source === "groups" ? (
                  <Badge tone="info" title="Granted by the identity provider's groups, checked at every sign-in">
                    SSO group
                  </Badge>
                ) : null}
              </Td>
              <Td>{member.email}</Td>
              <Td className="text-slate-500">{formatDateTime(member.memberSince)}</Td>
              <Td>
                <RoleSelect
                  userId={member.id}
                  role={member.role}
                  disabled={member.id === me.id}
                  label={`Role of ${member.email}`}
                />
              </Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <ActionForm
                    action={signOutEverywhereAction}
                    submitLabel="Sign out everywhere"
                    pendingLabel="Signing out…"
                    variant="secondary"
                    confirmMessage={`End every session of ${member.email}?`}
                  >
                    <input type="hidden" name="userId" value={member.id} />
                  </ActionForm>
                  {member.id === me.id ? null : (
                    <ActionForm
                      action={removeMemberAction}
                      submitLabel="Remove"
                      pendingLabel="Removing…"
                      variant="danger"
                      confirmMessage={`Remove ${member.email} from ${workspace.name}?`}
                    >
                      <input type="hidden" name="userId" value={member.id} />
                    </ActionForm>
                  )}
                </div>
              </Td>
            </tr>
          ))}
        </Table>
        {invites.length > 0 ? (
          <Table
            caption="Invitations waiting for a first sign-in"
            head={
              <>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Invited</Th>
                <Th />
              </>
            }
          >
            {invites.map((invite) => (
              <tr key={invite.id} data-testid={`invite-row-${invite.email}`}>
                <Td>{invite.email}</Td>
                <Td>{invite.role}</Td>
                <Td className="text-slate-500">{formatDateTime(invite.createdAt)}</Td>
                <Td>
                  <ActionForm action={cancelInviteAction} submitLabel="Cancel invitation" variant="secondary">
                    <input type="hidden" name="inviteId" value={invite.id} />
                  </ActionForm>
                </Td>
              </tr>
            ))}
          </Table>
        ) : null}
      </div>
      <Card title="Invite someone">
        <ActionForm action={inviteMemberAction} submitLabel="Invite" pendingLabel="Inviting…" className="space-y-3">
          <p className="text-sm text-slate-600">
            Someone who already has an account joins at once; anyone else joins when they first sign in with single
            sign-on and a verified email address.
          </p>
          <div>
            <label htmlFor="invite-email" className="mb-1 block text-sm font-medium">
              Email
            </label>
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            />
          </div>
          <RoleField id="invite-role" />
        </ActionForm>
      </Card>
    </div>
  );
}
