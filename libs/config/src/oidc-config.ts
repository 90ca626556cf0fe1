/**
 * Sign-in of people on the pages with the municipality's identity provider (issue 18): OpenID Connect,
 * authorization code flow with PKCE. Without `OIDC_ISSUER` it is off and the pages keep the token paste of
 * local development.
 */
export interface OidcConfig {
  /** `OIDC_ISSUER`: the identity provider's issuer URL (its discovery document lies below it). */
  issuer?: string;
  /** `OIDC_CLIENT_ID`, and `OIDC_CLIENT_SECRET` for a confidential client (a public client uses PKCE only). */
  clientId: string;
  clientSecret?: string;
  /** `OIDC_REDIRECT_URL`: this API's callback, registered at the provider (default PUBLIC_BASE_URL/auth/callback). */
  redirectUrl: string;
  /** `OIDC_SCOPES`, space separated; must include `openid`. */
  scopes: string;
  /**
   * The ID token's claims that carry the roles, the municipalities (CBS codes), the provider id and, for a
   * resident signed in through the municipality's portal, the pseudonymous client id (`OIDC_CLIENT_CLAIM`).
   */
  claims: { roles: string; municipalities: string; providerId: string; clientId: string };
  /** `SESSION_HOURS`: a page session lasts this long, then the person signs in again. */
  sessionHours: number;
  /** `TOKEN_SIGN_IN`: the pages' token paste, for local development only (off in production by default). */
  tokenSignIn: boolean;
}
