#!/usr/bin/env node
// A real OpenID Connect provider on loopback for `npm start` and `npm test` (issue 18): the certified
// `oidc-provider` library with its development login form, standing in for the municipality's own identity
// provider (Entra ID, Keycloak …). Authorization code flow with PKCE; the users below carry the claims the API
// maps to roles, municipalities and a provider (OIDC_*_CLAIM). Never for production: any password signs in.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PROVIDER_PORT ?? 4010);
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? 'http://127.0.0.1:3000/auth/callback').split(',');
const clientId = process.env.OIDC_CLIENT_ID ?? 'perspective-plan';

/** Pseudonymous staff accounts of the demo region (no names: the sign-in shows the id only). */
const USERS = {
  'lt-hoorn': { roles: ['LOCAL_TEAM'], municipalities: ['GM0405'] },
  'cs-hoorn': { roles: ['CASE_SYSTEM'], municipalities: ['GM0405'] },
  'table-hoorn': { roles: ['BREAKTHROUGH_TABLE'], municipalities: ['GM0405'] },
  'fin-hoorn': { roles: ['FINANCE'], municipalities: ['GM0405'] },
  'fin-region': { roles: ['FINANCE'], municipalities: [] },
  'cm-region': { roles: ['CONTRACT_MANAGEMENT'], municipalities: [] },
  'prv-horizon': { roles: ['PROVIDER'], municipalities: [], provider_id: 'PRV-HORIZON' },
  operator: { roles: ['OPERATOR'], municipalities: [] },
  // A resident of Hoorn as the municipality's portal signs them in: the pseudonymous client id, never a BSN.
  'fam-hoorn': { roles: ['CLIENT'], municipalities: ['GM0405'], client_ref: 'c-demo-hoorn-1' },
  // Tests add their own accounts (a resident of a trajectory they create) without editing this file.
  ...JSON.parse(process.env.OIDC_EXTRA_USERS ?? '{}'),
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      // A public client: the code is bound to the API's PKCE verifier, no secret to keep.
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      redirect_uris: redirectUris,
      post_logout_redirect_uris: redirectUris.map((u) => new URL('/ui', u).toString()),
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'perspective'],
  claims: { openid: ['sub'], perspective: ['roles', 'municipalities', 'provider_id', 'client_ref'] },
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...user }) };
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: [process.env.OIDC_PROVIDER_COOKIE_KEY ?? 'local-development-only'] },
  ttl: {
    Session: 3600,
    Grant: 3600,
    IdToken: 600,
    AccessToken: 600,
    AuthorizationCode: 60,
    Interaction: 600,
  },
});
provider.proxy = false;

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `[oidc] OpenID provider ${issuer} (client ${clientId}; users: ${Object.keys(USERS).join(', ')})\n`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
