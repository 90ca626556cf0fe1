import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { bearer } from '../support/auth';
import { planSubmission } from '../support/plan-submission';
import { CookieJar, startOidcProvider, type OidcProviderProcess } from '../support/oidc-provider';
import { bootStack, freePort, RunningStack, uniqueTaskQueue } from '../support/stack';
import {
  ApiClient,
  launchChromium,
  screenshotPath,
  seriousA11yViolations,
  signInAtProvider as signInWith,
  withEnvironment,
} from './browser-support';

/**
 * Issue 18, sign-in on the pages: in headless Chromium a local team member opens a page, is sent to the
 * sign-in page, signs in at the real OpenID provider (its login form and consent), lands back on the page
 * signed in through the HttpOnly session cookie, and signs out.
 */
jest.setTimeout(180_000);

describe('pages: sign-in through the identity provider, and by keyboard alone', () => {
  let browser: Browser;
  let stack: RunningStack;
  let provider: OidcProviderProcess;
  let base: string;
  let restoreEnvironment: (() => void) | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${base}/auth/callback`);
    restoreEnvironment = withEnvironment({ OIDC_ISSUER: provider.issuer, PUBLIC_BASE_URL: base });
    stack = await bootStack(uniqueTaskQueue('browser-oidc'));
    await stack.api.listen(port, '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await provider?.stop();
    restoreEnvironment?.();
  });

  const signInAtProvider = (page: Page, user: string) => signInWith(page, provider.issuer, base, user);

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
    await signInAtProvider(page, 'lt-hoorn');

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

  it('keyboard only: the table signs in, opens its case from the docket and records its decision', async () => {
    // A case of its own, in a throwaway municipality of West-Friesland (its docket holds this case alone).
    const municipality = `GMK${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
    await stack.api
      .get(DataSource)
      .query(
        `INSERT INTO region_municipality (municipality_code, region_id, name) VALUES ($1, 'WEST-FRIESLAND', $2)`,
        [municipality, 'Testgemeente (toetsenbord)'],
      );
    const api = new ApiClient(base);
    const caseSystem = bearer(['CASE_SYSTEM'], [municipality]);
    const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-keyboard');
    const provider = bearer(['PROVIDER'], [], 'PRV-HORIZON', 'prv-horizon-keyboard');
    const { trajectoryId } = await api.post<{ trajectoryId: string }>('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference: 'KEYBOARD-1',
      clientId: 'c-keyboard-1',
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    });
    await api.post(`/trajectories/${trajectoryId}/drafting`, localTeam);
    await api.post(`/trajectories/${trajectoryId}/lead-provider`, localTeam, {
      leadProviderId: 'PRV-HORIZON',
      chosenByFamily: true,
    });
    await api.post(`/trajectories/${trajectoryId}/plan/submit`, provider, planSubmission('PRV-HORIZON'));
    await api.post(`/trajectories/${trajectoryId}/plan/sign`, caseSystem, {
      planVersion: 1,
      party: 'CLIENT',
    });
    await api.post(`/trajectories/${trajectoryId}/plan/sign`, provider, {
      planVersion: 1,
      party: 'LEAD_PROVIDER',
    });
    const raised = await api.post<{ openEscalation: { id: string } }>(
      `/trajectories/${trajectoryId}/escalate`,
      localTeam,
      {
        trigger: 'FINANCIAL_DISPUTE',
      },
    );
    const escalationId = raised.openEscalation.id;
    const table = bearer(['BREAKTHROUGH_TABLE'], [municipality], undefined, 'chair-keyboard');

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    /** Tabs forward until the focused element satisfies `test` (the page's own tab order, nothing skipped). */
    const tabTo = async (test: string, limit = 60) => {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(test)) return;
      }
      throw new Error(`never focused: ${test}`);
    };
    await page.goto(`${base}/ui/docket`);
    await page.waitForURL(/\/ui\?next=/);
    await page.locator('#token:focus').waitFor();
    await page.keyboard.type(table.replace(/^Bearer /, ''));
    await tabTo(`document.activeElement?.id === 'sign-in-submit'`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/ui/docket`);
    await page.locator(`tr[data-escalation-id="${escalationId}"]`).waitFor();
    await tabTo(`(document.activeElement?.getAttribute('href') ?? '').startsWith('/ui/cases/')`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ui\/cases\//);
    await page.locator('#decision-form').waitFor();
    await tabTo(`document.activeElement?.id === 'f-rationaleRef'`);
    await page.keyboard.type('rationale-keyboard-1');
    await tabTo(`document.activeElement?.id === 'decide'`);
    await page.keyboard.press('Enter');
    const status = page.locator('#decision-result #trajectory-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('DECIDED');
    await page.screenshot({ path: screenshotPath('22-decided-by-keyboard'), fullPage: true });
    await context.close();
  });

  it('finance signs in at the provider, exports a month, downloads and confirms it, and reads the deviations', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(`${base}/ui/finance`);
    await page.waitForURL(/\/ui\?next=/);
    await signInAtProvider(page, 'fin-region');
    await page.waitForURL(`${base}/ui/finance`);
    await page.locator('#reconciliation-summary').waitFor();

    // A month long gone: an empty batch, so this test moves no other test's payments.
    await page.fill('#f-period', '2001-01');
    await page.click('#export');
    // The new batch heads the month's list of batches (newest first).
    const batch = page.locator('#month-batches .batch[data-new]');
    await batch.waitFor();
    expect(await page.locator('#month-batches .batch').first().getAttribute('data-new')).toBe('');
    expect(await batch.locator('.batch-rows').innerText()).toBe('0');
    expect(await batch.locator('.batch-status').getAttribute('data-status')).toBe('EXPORTED');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      batch.locator('.download-batch').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^export-2001-01-.*\.csv$/);
    await batch.locator('.confirm-batch').click();
    await batch.locator('.batch-status[data-status="CONFIRMED"]').waitFor();
    expect(await batch.locator('.batch-status').innerText()).toMatch(/^BEVESTIGD op/);
    // Reloaded, the month lists it again, confirmed: finance finds its earlier exports per month.
    const batchId = await batch.getAttribute('data-batch-id');
    await page.reload();
    await page.fill('#f-period', '2001-01');
    await page.dispatchEvent('#f-period', 'change');
    await page
      .locator(`#month-batches .batch[data-batch-id="${batchId}"] .batch-status[data-status="CONFIRMED"]`)
      .waitFor();
    await page.screenshot({ path: screenshotPath('23-finance-confirmed'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
