import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { listWorkspaceAdmins } from "@/lib/server/members";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "No workspace yet" };

/** Where someone lands who is signed in but belongs to no workspace: says whom to ask. */
export default async function NoWorkspacePage() {
  await connection();
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.memberships.length > 0) redirect("/");
  const admins = await listWorkspaceAdmins();
  return (
    <main className="mx-auto max-w-lg px-4 py-24">
      <h1 className="text-xl font-semibold">You have no access to a workspace yet</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are signed in as <strong>{user.email}</strong>, but none of your groups at your identity provider is mapped
        to a Featureline workspace, and nobody has invited you.
      </p>
      <h2 className="mt-6 text-sm font-semibold">Whom to ask</h2>
      {admins.length > 0 ? (
        <>
          <p className="mt-1 text-sm text-slate-600">
            A workspace admin can invite you by email, or map one of your groups to a role (Admin → Single sign-on):
          </p>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Workspace admins">
            {admins.map((admin) => (
              <li key={`${admin.workspace}-${admin.email}`}>
                {admin.name} &lt;
                <a className="text-brand-700 underline" href={`mailto:${admin.email}`}>
                  {admin.email}
                </a>
                &gt; · admin of {admin.workspace}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600">
          No workspace has an admin yet: ask whoever runs Featureline to create one with{" "}
          <code className="rounded bg-slate-100 px-1">npm run user:create -- --role admin</code>.
        </p>
      )}
      <p className="mt-2 text-sm text-slate-600">Once you have access, sign in again.</p>
      <div className="mt-6">
        <SignOutButton />
      </div>
    </main>
  );
}
