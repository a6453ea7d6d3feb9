import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (oidc-provider, a certified implementation) on a free local
 * port, for integration and end-to-end tests: one confidential client, and people whose
 * groups a test can change between sign-ins. Its development login form accepts any password
 * for a known login.
 */
export interface TestPerson {
  email: string;
  name: string;
  emailVerified: boolean;
  groups: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, TestPerson>;
  stop(): Promise<void>;
}

export async function startTestIdentityProvider(options: {
  redirectUris: string[];
  people: Record<string, TestPerson>;
}): Promise<TestIdentityProvider> {
  const people = new Map(Object.entries(options.people));
  // The issuer needs the port, and the provider needs the issuer: listen first, route later.
  const route: { handler?: ReturnType<Provider["callback"]> } = {};
  const server: Server = createServer((request, response) => route.handler?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "featureline-test";
  const clientSecret = "featureline-test-secret-that-is-long-enough";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    cookies: { keys: ["featureline-test-cookie-key"] },
    // Claims of the granted scopes go into the ID token, as Okta, Entra ID and Keycloak do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    async findAccount(_ctx, id) {
      if (!people.has(id)) return undefined;
      return {
        accountId: id,
        // Read at each token issue, so a test can change groups between sign-ins.
        async claims() {
          const person = people.get(id)!;
          return {
            sub: id,
            email: person.email,
            email_verified: person.emailVerified,
            name: person.name,
            groups: person.groups,
          };
        },
      };
    },
    // A first-party client: grant what it asks for without a consent screen.
    async loadExistingGrant(ctx) {
      const { client, session, params, result, provider: op } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const grant =
        (grantId ? await op.Grant.find(grantId) : undefined) ??
        new op.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(params?.scope ?? "openid");
      await grant.save();
      return grant;
    },
  });
  route.handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
