import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { LoginForm } from "@/components/auth/login-form";
import { SsoButton } from "@/components/auth/sso-button";
import { OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { oidcSettings, passwordLoginEnabled } from "@/lib/env";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const sso = oidcSettings();
  const passwordLogin = passwordLoginEnabled();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-50 to-brand-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <svg aria-hidden viewBox="0 0 32 32" className="h-8 w-8">
            <rect width="32" height="32" rx="7" fill="#1f5ad6" />
            <path
              d="M8 22 L14 12 L19 18 L24 9"
              stroke="#fff"
              strokeWidth="3"
              fill="none"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="text-xl font-semibold tracking-tight">Featureline</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
          <p className="mb-5 text-sm text-slate-600">Find, trust and ship ML features.</p>
          {params.changed ? (
            <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              Password changed. Sign in with the new one.
            </p>
          ) : null}
          {sso ? <SsoButton providerId={OIDC_PROVIDER_ID} name={sso.name} callbackUrl={callbackUrl} /> : null}
          {sso && passwordLogin ? (
            <p className="my-4 text-center text-xs uppercase tracking-wide text-slate-400">or</p>
          ) : null}
          {passwordLogin ? (
            <LoginForm
              callbackUrl={callbackUrl}
              initialError={params.error ? signInErrorMessage(params.error) : undefined}
            />
          ) : params.error ? (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {signInErrorMessage(params.error)}
            </p>
          ) : null}
        </div>
      </div>
    </main>
  );
}

/** Only same-site paths, so the login page cannot be used to redirect elsewhere. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

/** next-auth's error codes (and ours, from the sign-in callback) in words. */
function signInErrorMessage(code: string): string {
  switch (code) {
    case "SsoEmailUnverified":
      return "An account with your email address already exists, and your identity provider has not verified that address. Ask a Featureline admin to link your account.";
    case "SsoAlreadyLinked":
      return "An account with your email address is already linked to another identity. Ask a Featureline admin.";
    case "SsoNoEmail":
      return "Your identity provider did not send an email address. Ask your IdP admin to release the email claim to Featureline.";
    case "SsoDisabled":
      return "Your Featureline account is disabled. Ask a Featureline admin.";
    case "CredentialsSignin":
      return "Wrong email or password.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
    case "OAuthAccountNotLinked":
      return "Single sign-on failed. Try again; if it keeps failing, ask an admin to check the single sign-on settings.";
    default:
      return "Sign-in failed. Try again.";
  }
}
