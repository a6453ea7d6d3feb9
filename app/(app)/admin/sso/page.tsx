import type { Metadata } from "next";
import { RoleField } from "@/components/admin/role-options";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { listGroupRoles } from "@/lib/server/group-roles";
import { env, oidcSettings, passwordLoginEnabled } from "@/lib/env";
import { requireRole } from "@/lib/session";
import { addGroupRoleAction, removeGroupRoleAction } from "./actions";

export const metadata: Metadata = { title: "Single sign-on · Admin" };

export default async function AdminSsoPage() {
  const { workspace } = await requireRole("admin");
  const sso = oidcSettings();
  const rules = await listGroupRoles(workspace, sso?.roleMap ?? []);
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-4">
        <p className="text-sm text-slate-600" data-testid="sso-status">
          {sso ? (
            <>
              Sign-in through <strong>{sso.name}</strong> ({sso.issuer}), groups read from the{" "}
              <code className="rounded bg-slate-100 px-1">{sso.groupsClaim}</code> claim. Password sign-in is{" "}
              {passwordLoginEnabled() ? "on" : "off"}. Redirect URI:{" "}
              <code className="rounded bg-slate-100 px-1">{`${env().NEXTAUTH_URL ?? ""}/api/auth/callback/${OIDC_PROVIDER_ID}`}</code>
              .
            </>
          ) : (
            <>
              Single sign-on is not configured: set FEATURELINE_OIDC_ISSUER, FEATURELINE_OIDC_CLIENT_ID and
              FEATURELINE_OIDC_CLIENT_SECRET (see docs/sso.md). Rules below apply once it is.
            </>
          )}
        </p>
        <p className="text-sm text-slate-600">
          At every sign-in, a member of a listed group gets that role in {workspace.name} (the highest if several
          match). Someone who leaves every listed group loses the membership at their next sign-in, and their sessions
          end. Roles set by hand on the Members page are kept as set.
        </p>
        {rules.length === 0 ? (
          <EmptyState title="No group mappings yet">
            Map a group of your identity provider to a role so its members get access when they first sign in.
          </EmptyState>
        ) : (
          <Table
            caption="Groups and the role they grant"
            head={
              <>
                <Th>Group</Th>
                <Th>Role</Th>
                <Th />
              </>
            }
          >
            {rules.map((rule) => (
              <tr key={`${rule.fromEnvironment}-${rule.groupName}`} data-testid={`group-row-${rule.groupName}`}>
                <Td className="font-medium">{rule.groupName}</Td>
                <Td>{rule.role}</Td>
                <Td>
                  {rule.id ? (
                    <ActionForm
                      action={removeGroupRoleAction}
                      submitLabel="Remove"
                      variant="danger"
                      confirmMessage={`Stop granting ${rule.role} to members of ${rule.groupName}?`}
                    >
                      <input type="hidden" name="id" value={rule.id} />
                    </ActionForm>
                  ) : (
                    <Badge title="Set by FEATURELINE_OIDC_ROLE_MAP; change it there">from the environment</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </div>
      <Card title="Map a group">
        <ActionForm action={addGroupRoleAction} submitLabel="Save mapping" className="space-y-3">
          <div>
            <label htmlFor="group-name" className="mb-1 block text-sm font-medium">
              Group
            </label>
            <input
              id="group-name"
              name="groupName"
              required
              placeholder="e.g. ml-platform-admins"
              className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            />
          </div>
          <RoleField id="group-role" />
        </ActionForm>
      </Card>
    </div>
  );
}
