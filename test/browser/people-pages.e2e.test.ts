import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { indicatorFigures, type MonitoringIndicators } from '@app/domain';
import { bearer } from '../support/auth';
import { bootStack, freePort, RunningStack, uniqueTaskQueue } from '../support/stack';
import { ApiClient, launchChromium, screenshotPath, seriousA11yViolations } from './browser-support';
import { seedTrajectories, tokensFor, type Seeded } from './seed-trajectories';

/**
 * The pages for people in headless Chromium against the real stack (API listening on a free port, worker,
 * Temporal dev server, PostgreSQL): sign in with a token, the breakthrough table's docket, a case and its
 * decision form, the trajectory moving on in its timeline, and the dashboard drawing the API's own figures.
 */
describe('pages for people in headless Chromium', () => {
  let stack: RunningStack;
  let api: ApiClient;
  let browser: Browser;
  let seeded: Seeded;
  const municipality = `GMB${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
  const tokens = tokensFor(municipality, 'PRV-BROWSER');
  const raw = (auth: string) => auth.replace(/^Bearer /, '');

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await bootStack(uniqueTaskQueue('browser'));
    // A throwaway municipality of its own, so the dashboard's figures are this run's alone; it belongs to
    // West-Friesland like the demo's municipalities (regions are data: POST /trajectories needs a region).
    await stack.api
      .get(DataSource)
      .query(
        `INSERT INTO region_municipality (municipality_code, region_id, name) VALUES ($1, 'WEST-FRIESLAND', $2)`,
        [municipality, 'Testgemeente (browser)'],
      );
    const port = await freePort();
    await stack.api.listen(port, '127.0.0.1');
    api = new ApiClient(`http://127.0.0.1:${port}`);
    seeded = await seedTrajectories(api, municipality);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** A fresh browser context (empty sessionStorage) that records script errors and CSP violations. */
  async function openPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text()))
        problems.push(msg.text());
    });
    return { context, page, problems };
  }

  async function signIn(page: Page, auth: string, next: string): Promise<void> {
    await page.goto(`${api.base}${next}`);
    await page.waitForURL(/\/ui\?next=/);
    await page.fill('#token', raw(auth));
    await page.click('#sign-in-submit');
    await page.waitForURL(`${api.base}${next}`);
  }

  it('the table opens its docket, opens the case, records a decision, and the trajectory moves on to DECIDED', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(`${api.base}/ui`);
    await page.screenshot({ path: screenshotPath('01-sign-in'), fullPage: true });
    await signIn(page, tokens.table, '/ui/docket');

    const row = page.locator(`tr[data-escalation-id="${seeded.escalationId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/FINANCIAL_DISPUTE/);
    expect(await row.innerText()).toMatch(/WF-J-B-OPV-M/);
    // Dutch first: the shell and the docket speak Dutch, dates the Dutch way; English is one click away.
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('#docket-summary').innerText()).toMatch(/^1 open zaak, 0 te laat\./);
    expect(await page.locator('#sign-out').innerText()).toBe('Uitloggen');
    await page.screenshot({ path: screenshotPath('02-docket'), fullPage: true });
    await page.click('#language-switch');
    await page.locator('html[lang="en"]').waitFor();
    await row.waitFor();
    expect(await page.locator('#docket-summary').innerText()).toMatch(/^1 open case, 0 overdue\./);
    await page.screenshot({ path: screenshotPath('02-docket-en'), fullPage: true });
    await page.click('#language-switch');
    await page.locator('html[lang="nl"]').waitFor();
    await row.waitFor();

    await row.locator('a.case-link').click();
    await page.waitForURL(/\/ui\/cases\//);
    await page.locator('#decision-form').waitFor();
    expect(await page.locator('tr[data-round="1"]').innerText()).toMatch(/ESCALATED/);
    await page.screenshot({ path: screenshotPath('03-case-before-decision'), fullPage: true });

    await page.selectOption('#f-code', 'APPROVE_AS_SUBMITTED');
    await page.fill('#f-rationaleRef', 'rationale-browser-1');
    await page.click('#decide');
    const status = page.locator('#decision-result #trajectory-status');
    await status.waitFor({ timeout: 20_000 });
    expect(await status.getAttribute('data-status')).toBe('DECIDED');
    await page.locator('#case-status').getByText('DECIDED').waitFor();
    await page.screenshot({ path: screenshotPath('04-case-after-decision'), fullPage: true });

    await page.click('#timeline-link');
    await page.waitForURL(/\/ui\/trajectories\//);
    const timelineStatus = page.locator('#trajectory-status');
    await timelineStatus.waitFor();
    expect(await timelineStatus.getAttribute('data-status')).toBe('DECIDED');
    await page.locator('tr[data-event="BREAKTHROUGH_DECIDED"]').first().waitFor();
    expect(await page.locator('#timeline-chart circle.marker').count()).toBeGreaterThan(5);
    const { uiUrl, namespace } = loadConfig().temporal;
    expect(await page.locator('#temporal-link').getAttribute('href')).toBe(
      `${uiUrl.replace(/\/+$/, '')}/namespaces/${namespace}/workflows/${seeded.escalated}`,
    );
    await page.screenshot({ path: screenshotPath('05-timeline-decided'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a trajectory timeline shows its stages, evaluations, scaling decision and payments with who acted', async () => {
    const { context, page, problems } = await openPage();
    await signIn(page, tokens.localTeam, `/ui/trajectories/${seeded.completed}`);
    await page.locator('#trajectory-status[data-status="CLOSED"]').waitFor();
    for (const type of ['PLAN_SUBMITTED', 'PLAN_APPROVED', 'CARE_STARTED', 'EVALUATION_RECORDED']) {
      await page.locator(`tr[data-event="${type}"]`).first().waitFor();
    }
    expect(await page.locator('tr[data-event="ARRANGEMENT_CHANGE_APPROVED"]').count()).toBe(1);
    expect(await page.locator('tr[data-lane="payment"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('tr[data-event="PLAN_APPROVED"]').innerText()).toMatch(/lt-browser-01/);
    await page.screenshot({ path: screenshotPath('06-timeline-completed'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the dashboard draws SVG charts whose numbers equal GET /monitoring/indicators for the same filter', async () => {
    const { context, page, problems } = await openPage();
    await signIn(page, tokens.localTeam, `/ui/dashboard?municipality=${municipality}`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#chart-dropoutRate svg').waitFor();

    const figures = await page.$$eval('[data-figure]', (nodes) =>
      nodes.map((n) => [n.getAttribute('data-figure') ?? '', n.getAttribute('data-value') ?? ''] as const),
    );
    const fromApi = await api.get<MonitoringIndicators>(
      `/monitoring/indicators?municipality=${municipality}`,
      tokens.localTeam,
    );
    const expected = new Map(
      indicatorFigures(fromApi).map((f) => [f.figure, f.value === null ? '' : String(f.value)]),
    );
    expect(figures.length).toBeGreaterThan(40);
    expect(figures.filter(([figure, value]) => expected.get(figure) !== value)).toEqual([]);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(11);
    expect(await page.locator('svg.chart g.bar rect').count()).toBeGreaterThan(20);

    // What the seed implies: two closures (one dropout), one re-entry, one scale-up, one escalation decided.
    expect(fromApi.outcomes.overall).toMatchObject({ closed: 2, dropouts: 1, dropoutRate: 0.5 });
    expect(fromApi.outcomes.overall.clientSatisfaction).toBe(1);
    expect(fromApi.reentry.overall).toMatchObject({ closures: 2, reentries: 1, rate: 0.5 });
    expect(fromApi.scaling).toMatchObject({ up: 1, down: 0 });
    expect(fromApi.roundTrips.distribution).toEqual([
      { roundTrips: 0, plans: 2 },
      { roundTrips: 1, plans: 1 },
    ]);
    expect(fromApi.escalations.byTrigger).toEqual([
      expect.objectContaining({ trigger: 'FINANCIAL_DISPUTE', raised: 1, decided: 1 }),
    ]);
    expect(fromApi.escalations.byDecision).toEqual([{ code: 'APPROVE_AS_SUBMITTED', decisions: 1 }]);
    const shown = new Map(figures);
    expect(shown.get('outcomes.overall.dropoutRate')).toBe('0.5');
    expect(shown.get('reentry.byProvider[PRV-BROWSER].rate')).toBe('0.5');
    await page.screenshot({ path: screenshotPath('07-dashboard'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    const apiCsv = await api.get<string>(
      `/monitoring/indicators.csv?municipality=${municipality}`,
      tokens.localTeam,
    );
    const unstamped = (text: string) => text.replace(/^filter,,generatedAt,.*\r\n/m, '');
    expect(unstamped(csv)).toBe(unstamped(apiCsv));
    expect(csv).toContain('outcomes,,overall.dropoutRate,0.5\r\n');
    expect(csv).toContain(`filter,,municipality,${municipality}\r\n`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('every page passes an automated WCAG 2.1 AA check (axe-core): no serious or critical violation', async () => {
    const { context, page } = await openPage();
    const found: Record<string, unknown> = {};
    await page.goto(`${api.base}/ui`);
    await page.waitForSelector('#sign-in');
    found['/ui'] = await seriousA11yViolations(page);
    const pages: [string, string, string][] = [
      [tokens.table, '/ui/docket', '#main table, #main .empty, #main p'],
      [tokens.table, `/ui/cases/${encodeURIComponent(seeded.escalationId)}`, '#main h1'],
      [tokens.localTeam, `/ui/trajectories/${seeded.completed}`, '#main h1'],
      [tokens.localTeam, `/ui/dashboard?municipality=${municipality}`, '#main svg'],
    ];
    for (const [auth, path, ready] of pages) {
      await signIn(page, auth, path);
      await page.waitForSelector(ready);
      found[path] = await seriousA11yViolations(page);
      await page.evaluate('sessionStorage.clear()');
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => (v as unknown[]).length > 0))).toEqual(
      {},
    );
    await context.close();
  });

  it('serves the pages with a strict self-only CSP; the figures need a token, follow the period and the tenant', async () => {
    for (const path of ['/ui', '/ui/docket', '/ui/dashboard', '/ui/assets/dashboard.js']) {
      const res = await fetch(`${api.base}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe|\*|https?:/);
    }
    expect((await fetch(`${api.base}/monitoring/indicators`)).status).toBe(401);
    const q = `/monitoring/indicators?municipality=${municipality}`;
    const past = await api.get<MonitoringIndicators>(`${q}&from=2001-01-01&to=2001-12-31`, tokens.localTeam);
    expect(past.outcomes.overall.closed).toBe(0);
    expect(past.period).toEqual({ from: '2001-01-01T00:00:00.000Z', to: '2002-01-01T00:00:00.000Z' });
    await expect(api.get(`${q}&from=2026-02-01&to=2026-01-01`, tokens.localTeam)).rejects.toThrow(/→ 400/);
    const elsewhere = await api.get<MonitoringIndicators>(q, bearer(['LOCAL_TEAM'], ['GM9999']));
    expect(elsewhere.trajectories).toBe(0);
    expect((await fetch(`${api.base}/ui/assets/..%2Fweb.controller.ts`)).status).toBe(404);
  });
});
