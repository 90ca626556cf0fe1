import type { Browser } from 'playwright-core';
import { CookieJar, startOidcProvider, type OidcProviderProcess } from '../support/oidc-provider';
import { bootStack, freePort, RunningStack, uniqueTaskQueue } from '../support/stack';
import { launchChromium, screenshotPath, seriousA11yViolations } from './browser-support';

/**
 * Issue 18, sign-in on the pages: in headless Chromium a local team member opens a page, is sent to the
 * sign-in page, signs in at the real OpenID provider (its login form and consent), lands back on the page
 * signed in through the HttpOnly session cookie, and signs out.
 */
jest.setTimeout(180_000);

describe('pages: sign-in through the identity provider', () => {
  let browser: Browser;
  let stack: RunningStack;
  let provider: OidcProviderProcess;
  let base: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${base}/auth/callback`);
    for (const [name, value] of Object.entries({ OIDC_ISSUER: provider.issuer, PUBLIC_BASE_URL: base })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    stack = await bootStack(uniqueTaskQueue('browser-oidc'));
    await stack.api.listen(port, '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await provider?.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('a local team member signs in at the provider, lands on the docket signed in, and signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

    await page.goto(`${base}/ui/docket`);
    await page.waitForURL(/\/ui\?next=/);
    await page.waitForSelector('#oidc-sign-in-link');
    await page.screenshot({ path: screenshotPath('20-sign-in-provider'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.click('#oidc-sign-in-link');

    // The provider's own pages: the login form, then the consent.
    await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
    await page.fill('input[name="login"]', 'lt-hoorn');
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    await page.waitForURL(
      (url) => url.toString().startsWith(`${base}/`) || /\/interaction\//.test(url.toString()),
    );
    if (page.url().startsWith(provider.issuer)) await page.click('button[type="submit"]');

    await page.waitForURL(`${base}/ui/docket`);
    await page.waitForSelector('#who:has-text("lt-hoorn")');
    await page.screenshot({ path: screenshotPath('21-signed-in-through-provider'), fullPage: true });
    // The session is an HttpOnly cookie: the page's script cannot read it.
    expect(await page.evaluate('document.cookie')).not.toContain('pp_session');
    const cookies = await context.cookies(base);
    expect(cookies.find((c) => c.name === 'pp_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.click('#sign-out');
    await page.waitForURL((url) => !url.toString().startsWith(`${base}/ui/docket`));
    const jar = new CookieJar();
    const after = await jar.fetch(`${base}/auth/session`, {
      headers: { cookie: (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(((await after.json()) as { signedIn: boolean }).signedIn).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
