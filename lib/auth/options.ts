import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { findOidcUser, signInWithOidc } from "@/lib/data/oidc-accounts";
import { revokeSessionsAtSignOut } from "@/lib/data/sessions";
import { authenticateWithPassword } from "@/lib/data/users";
import { env, oidcSettings, passwordLoginEnabled } from "@/lib/env";

/** next-auth's id for the identity provider: the redirect URI is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

const credentialsSchema = z.object({
  email: z.string().trim().email("Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE),
});

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Why a single sign-on was refused, as the `error` query parameter of /login. */
export const SSO_ERRORS = {
  no_email: "SsoNoEmail",
  email_unverified: "SsoEmailUnverified",
  already_linked: "SsoAlreadyLinked",
  disabled: "SsoDisabled",
} as const;

type OidcClaims = Record<string, unknown> & { sub: string; email?: string; name?: string; email_verified?: unknown };

function groupsFrom(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === "string");
  return typeof value === "string" && value ? [value] : [];
}

function passwordProvider() {
  return CredentialsProvider({
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, req) {
      const parsed = credentialsSchema.safeParse(credentials);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email address and password.");
      const result = await authenticateWithPassword(db(), {
        ...parsed.data,
        address: clientAddress(req?.headers, env().FEATURELINE_TRUSTED_PROXIES),
      });
      if (result.ok) return result.user;
      if (result.reason === "too_long") throw new Error(PASSWORD_TOO_LONG_MESSAGE);
      if (result.reason === "throttled") {
        throw new Error(
          `Too many failed sign-ins. Try again in ${Math.ceil((result.retryAfterSeconds ?? 60) / 60)} minutes.`,
        );
      }
      throw new Error("Wrong email or password.");
    },
  });
}

function oidcProvider(settings: NonNullable<ReturnType<typeof oidcSettings>>): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    // Endpoints and keys come from the issuer's discovery document.
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scopes } },
    // Claims are read from the verified ID token; PKCE, state and nonce are all checked.
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      return { id: claims.sub, name: claims.name ?? null, email: claims.email ?? null };
    },
  };
}

function buildAuthOptions(): NextAuthOptions {
  const sso = oidcSettings();
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // Without the credentials provider, next-auth refuses its callback with an error.
    providers: [...(passwordLoginEnabled() ? [passwordProvider()] : []), ...(sso ? [oidcProvider(sso)] : [])],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !sso) return true;
        const claims = (profile ?? {}) as OidcClaims;
        const result = await signInWithOidc(
          db(),
          {
            issuer: sso.issuer,
            subject: account.providerAccountId,
            email: typeof claims.email === "string" ? claims.email : null,
            // Some IdPs send "true" as a string.
            emailVerified: claims.email_verified === true || claims.email_verified === "true",
            name: typeof claims.name === "string" ? claims.name : null,
            groups: groupsFrom(claims, sso.groupsClaim),
          },
          sso.roleMap,
        );
        return result.ok ? true : `/login?error=${SSO_ERRORS[result.reason]}`;
      },
      async jwt({ token, user, account }) {
        if (account?.provider === OIDC_PROVIDER_ID && sso) {
          // The IdP's subject is not our user id: look up the account signIn just linked.
          const found = await findOidcUser(db(), sso.issuer, account.providerAccountId);
          if (found) {
            token.sub = found.id;
            token.sv = found.sessionVersion;
          }
        } else if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        (session as { sessionVersion?: unknown }).sessionVersion = token.sv;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await revokeSessionsAtSignOut(db(), token.sub, token.sv as number | undefined);
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

/**
 * Built on first use from the environment (never at import time, so `next build` needs no
 * settings). JWT sessions: no session table, only the secret (NEXTAUTH_SECRET, which
 * `npm start` generates once and keeps in the registry database when unset), plus the user's
 * session version, checked on every request (lib/session.ts).
 */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
