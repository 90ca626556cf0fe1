import { bootStack, freePort, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';
import {
  CookieJar,
  signInThroughProvider,
  startOidcProvider,
  type OidcProviderProcess,
} from './support/oidc-provider';

/**
 * Issue 18, sign-in: people sign in on the pages through a real OpenID Connect provider (the project's
 * scripts/oidc-provider.mjs, the certified `oidc-provider` library) with the authorization code flow and
 * PKCE; the session is an HttpOnly cookie; changes made with it need its CSRF token and our origin; sign-out
 * ends it everywhere. No mocked token endpoint: the ID token is signed by the provider and verified here.
 */
jest.setTimeout(120_000);

describe('sign-in with OpenID Connect', () => {
  let stack: RunningStack;
  let provider: OidcProviderProcess;
  let apiBase: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    const port = await freePort();
    apiBase = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${apiBase}/auth/callback`);
    const env = {
      OIDC_ISSUER: provider.issuer,
      PUBLIC_BASE_URL: apiBase,
      OIDC_CLIENT_ID: 'perspective-plan',
    };
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    stack = await bootStack(uniqueTaskQueue('oidc'));
    await stack.api.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await stack?.close();
    await provider?.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('offers the identity provider on the sign-in page', async () => {
    const res = await fetch(`${apiBase}/auth/options`);
    expect((await res.json()) as unknown).toEqual({ oidc: true, tokenSignIn: true });
  });

  it('signs a local team member in (code + PKCE), with roles and municipality from the ID token, in an HttpOnly cookie', async () => {
    const jar = new CookieJar();
    const done = await signInThroughProvider(jar, apiBase, 'lt-hoorn', '/ui/docket');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/ui/docket');
    const setCookie = done.headers.getSetCookie().find((c) => c.startsWith('pp_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const session = await jar.fetch(`${apiBase}/auth/session`);
    expect(session.status).toBe(200);
    const who = (await session.json()) as { csrfToken: string; subject: string };
    expect(who).toMatchObject({
      signedIn: true,
      subject: 'lt-hoorn',
      roles: ['LOCAL_TEAM'],
      municipalities: ['GM0405'],
    });
    expect(who.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The session reads what a LOCAL_TEAM token reads …
    expect((await jar.fetch(`${apiBase}/worklists/to-approve`)).status).toBe(200);
    // … and may change things only with the CSRF token, from our own origin.
    const path = `${apiBase}/trajectories/${encodeURIComponent(`trajectory-GM0405-${uniqueRef('NONE')}`)}/drafting`;
    const bare = await jar.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { code: string }).code).toBe('CSRF_REJECTED');
    const foreign = await jar.fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': who.csrfToken,
        origin: 'https://evil.example',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const allowed = await jar.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': who.csrfToken, origin: apiBase },
      body: '{}',
    });
    expect(allowed.status).toBe(404); // past authentication and CSRF: the trajectory does not exist

    // Sign-out ends the session here and names the provider's sign-out page.
    const refused = await jar.fetch(`${apiBase}/auth/logout`, { method: 'POST' });
    expect(refused.status).toBe(403);
    const out = await jar.fetch(`${apiBase}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': who.csrfToken },
    });
    expect(out.status).toBe(200);
    expect(((await out.json()) as { logoutUrl: string }).logoutUrl).toContain(
      `${provider.issuer}/session/end`,
    );
    expect((await (await jar.fetch(`${apiBase}/auth/session`)).json()) as unknown).toEqual({
      signedIn: false,
    });
    expect((await jar.fetch(`${apiBase}/worklists/to-approve`)).status).toBe(401);
  });

  it('gives a provider its provider id from the configured claim, and keeps it out of other providers’ data', async () => {
    const jar = new CookieJar();
    await signInThroughProvider(jar, apiBase, 'prv-horizon');
    const who = (await (await jar.fetch(`${apiBase}/auth/session`)).json()) as Record<string, unknown>;
    expect(who).toMatchObject({ roles: ['PROVIDER'], providerId: 'PRV-HORIZON' });
    expect((await jar.fetch(`${apiBase}/worklists/to-approve`)).status).toBe(403);
  });

  it('refuses a callback that is not this browser’s sign-in, and a sign-in used twice', async () => {
    const jar = new CookieJar();
    const done = await signInThroughProvider(jar, apiBase, 'fin-hoorn');
    expect(done.headers.get('location')).toBe('/ui/dashboard');
    // Another browser (no pp_login cookie) presenting a callback URL: refused.
    const stranger = new CookieJar();
    const login = await stranger.fetch(`${apiBase}/auth/login`);
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const injected = await new CookieJar().fetch(`${apiBase}/auth/callback?code=abc&state=${state}`);
    expect(injected.headers.get('location')).toBe('/ui?signin=failed');
    expect(
      injected.headers.getSetCookie().some((c) => c.startsWith('pp_session=') && !/pp_session=;/.test(c)),
    ).toBe(false);
    // The right browser with a forged code: the provider refuses it.
    const forged = await stranger.fetch(`${apiBase}/auth/callback?code=forged&state=${state}`);
    expect(forged.headers.get('location')).toBe('/ui?signin=failed');
    // The same state again: the sign-in was used up.
    const again = await stranger.fetch(`${apiBase}/auth/callback?code=forged&state=${state}`);
    expect(again.headers.get('location')).toBe('/ui?signin=failed');
  });

  it('never returns to a page outside the product after sign-in (no open redirect)', async () => {
    const jar = new CookieJar();
    const done = await signInThroughProvider(jar, apiBase, 'lt-hoorn', 'https://evil.example/phish');
    expect(done.headers.get('location')).toBe('/ui');
  });
});
