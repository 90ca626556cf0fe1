import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Screenshots of the runs: kept as test artifacts (test/artifacts is git-ignored). */
export const ARTIFACTS = resolve(__dirname, '..', 'artifacts', 'browser');

/** The flags this machine needs (polyglot.md): no sandbox as root, no background network, nothing to sync. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). `scripts/test.mjs` finds or installs
 * it and passes CHROMIUM_PATH; without it this throws, so the browser tests fail rather than skip. Playwright
 * gives every launch a fresh, empty user-data-dir.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: run the tests with \`npm test\` (it installs Debian's chromium) or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}

export function screenshotPath(name: string): string {
  return resolve(ARTIFACTS, `${name}.png`);
}

/** A small HTTP client of the API under test (the same bearer tokens the pages use). */
export class ApiClient {
  constructor(readonly base: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    auth: string,
    body?: object,
  ): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const data = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return data as T;
  }

  get<T = Record<string, unknown>>(path: string, auth: string): Promise<T> {
    return this.call<T>('GET', path, auth);
  }

  post<T = Record<string, unknown>>(path: string, auth: string, body: object = {}): Promise<T> {
    return this.call<T>('POST', path, auth, body);
  }
}

/** One WCAG violation as axe-core reports it, short enough for an assertion message. */
export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (Deque's WCAG checker) on the page as it stands, for WCAG 2.0/2.1 A and AA, and returns the
 * violations of impact "serious" or "critical". The script is evaluated over the DevTools protocol, so the
 * pages keep their self-only Content-Security-Policy.
 */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

/**
 * From the sign-in page through the OpenID provider's own pages: "Inloggen", its login form, then its consent
 * when it asks for one, until the browser is back on the API at `base`.
 */
export async function signInAtProvider(
  page: Page,
  issuer: string,
  base: string,
  user: string,
): Promise<void> {
  await page.click('#oidc-sign-in-link');
  await page.waitForURL(new RegExp(`^${issuer}/interaction/`));
  await page.fill('input[name="login"]', user);
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  await page.waitForURL(
    (url) => url.toString().startsWith(`${base}/`) || /\/interaction\//.test(url.toString()),
  );
  if (page.url().startsWith(issuer)) await page.click('button[type="submit"]');
}

/** Sets environment variables for the stack a suite boots; the returned function puts the old values back. */
export function withEnvironment(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
