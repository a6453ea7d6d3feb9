import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireWorkspace } from "@/lib/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { user } = await requireWorkspace();
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email}`} />
      <Card title="Password">
        {user.hasPassword ? (
          <>
            <p className="mb-3 text-sm text-slate-600">
              {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters; a long passphrase is best. Changing it ends
              every session you have, on every device.
            </p>
            <ChangePasswordForm action={changePasswordAction} maxLength={MAX_PASSWORD_LENGTH} />
          </>
        ) : (
          <p className="text-sm text-slate-600">
            You sign in through your company&apos;s identity provider; your password is managed there.
          </p>
        )}
      </Card>
    </>
  );
}
