import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { eventually, freePort } from './stack';

const ROOT = resolve(__dirname, '..', '..');

/** The project's OpenID provider (scripts/oidc-provider.mjs) on loopback, as `npm start` runs it. */
export interface OidcProviderProcess {
  issuer: string;
  stop(): Promise<void>;
}

/** The claims of an extra account of the provider (scripts/oidc-provider.mjs OIDC_EXTRA_USERS). */
export interface OidcTestUser {
  roles: string[];
  municipalities: string[];
  provider_id?: string;
  client_ref?: string;
}

export async function startOidcProvider(
  redirectUri: string,
  extraUsers: Record<string, OidcTestUser> = {},
): Promise<OidcProviderProcess> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'scripts/oidc-provider.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      OIDC_PROVIDER_PORT: String(port),
      OIDC_REDIRECT_URIS: redirectUri,
      OIDC_EXTRA_USERS: JSON.stringify(extraUsers),
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await eventually(async () => {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => undefined);
    return res?.ok ? true : undefined;
  }, 20_000);
  return {
    issuer,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser's cookie jar for one host, enough for the sign-in's redirects (name=value, no attributes). */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  store(url: string, res: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).host) ?? new Map();
    return [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }

  /** A request as the browser sends it: this host's cookies, no automatic redirects. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(url, res);
    return res;
  }
}

/**
 * Signs a user in through the provider's development login form and consent, from the API's /auth/login to
 * its callback, the way a browser follows the redirects. Returns the API's final redirect.
 */
export async function signInThroughProvider(
  jar: CookieJar,
  apiBase: string,
  user: string,
  next = '/ui/dashboard',
): Promise<Response> {
  let res = await jar.fetch(`${apiBase}/auth/login?next=${encodeURIComponent(next)}`);
  let url = new URL(res.headers.get('location')!, apiBase).toString();
  for (let hop = 0; hop < 12; hop += 1) {
    if (url.startsWith(`${apiBase}/auth/callback`)) return jar.fetch(url);
    res = await jar.fetch(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).toString();
      continue;
    }
    // An interaction page: the login form, then the consent form.
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on ${url}: ${html.slice(0, 200)}`);
    const form = /name="login"/.test(html)
      ? new URLSearchParams({ prompt: 'login', login: user, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' });
    res = await jar.fetch(new URL(action, url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    url = new URL(res.headers.get('location')!, url).toString();
  }
  throw new Error('the sign-in did not reach the callback');
}
