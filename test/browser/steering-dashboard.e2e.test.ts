import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { bearer } from '../support/auth';
import { bootStackOnOwnDatabase, freePort, RunningStack, uniqueTaskQueue } from '../support/stack';
import { seedSteeringRegion } from '../support/steering-seed';
import { ApiClient, launchChromium, screenshotPath, seriousA11yViolations } from './browser-support';

interface SteeringFigureView {
  id: string;
  region: (number | null)[];
  byProvider: { providerId: string; values: (number | null)[] }[];
}

/**
 * Issue 19 on the dashboard: the steering figures drawn as trends over the months, the region's beside the chosen
 * provider's, every bar equal to GET /monitoring/steering for the same filter, and the signals with links to the
 * trajectories behind them — on the hand-made region of test/support/steering-seed.ts.
 */
jest.setTimeout(180_000);

describe('dashboard: steering trends and signals', () => {
  let browser: Browser;
  let stack: RunningStack;
  let api: ApiClient;
  const code = `GMD${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
  const operator = bearer(['OPERATOR'], [code], undefined, 'steering-operator');
  let id: (n: number) => string;

  beforeAll(async () => {
    browser = await launchChromium();
    // Hand-made ledger rows without workflows: a database of its own (the suite-wide reconciliation never meets
    // them).
    stack = await bootStackOnOwnDatabase('steering_page', uniqueTaskQueue('browser-steering'));
    id = await seedSteeringRegion(stack.api.get(DataSource), code);
    const port = await freePort();
    await stack.api.listen(port, '127.0.0.1');
    api = new ApiClient(`http://127.0.0.1:${port}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('draws each figure per month as the API computes it, P1 beside the region, and lists the signals', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const next = `/ui/dashboard?municipality=${code}&provider=P1&from=2026-01-01&to=2026-03-31`;
    await page.goto(`${api.base}${next}`);
    await page.waitForURL(/\/ui\?next=/);
    await page.fill('#token', operator.replace(/^Bearer /, ''));
    await page.click('#sign-in-submit');
    await page.waitForURL(`${api.base}${next}`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#steering-trends svg').first().waitFor();

    const drawn = await page.$$eval('[data-steering-figure]', (nodes) =>
      nodes.map(
        (n) => [n.getAttribute('data-steering-figure') ?? '', n.getAttribute('data-value') ?? ''] as const,
      ),
    );
    const report = await api.get<{ months: string[]; figures: SteeringFigureView[] }>(
      `/monitoring/steering?municipality=${code}&from=2026-01&to=2026-03`,
      operator,
    );
    const expected = new Map<string, string>();
    for (const f of report.figures) {
      const add = (group: string, values: (number | null)[]) =>
        values.forEach((v, i) =>
          expected.set(`${f.id}.${group}[${report.months[i]}]`, v === null ? '' : String(v)),
        );
      add('region', f.region);
      for (const p of f.byProvider) add(p.providerId, p.values);
    }
    // Every bar is the API's number; the region's K-F5 and P1's beside it are both drawn.
    expect(drawn.length).toBeGreaterThan(30);
    expect(drawn.filter(([figure, value]) => expected.get(figure) !== value)).toEqual([]);
    expect(new Map(drawn).get('K-F5.region[2026-01]')).toBe('840000');
    expect(new Map(drawn).get('K-F5.P1[2026-02]')).toBe('390000');

    // The stacked client is a signal, linked to its two trajectories' timelines.
    const signal = page.locator('#steering-signals tr[data-signal="STACKED_COST"]');
    await signal.waitFor();
    for (const n of [1, 2]) {
      expect(await signal.locator(`a[href="/ui/trajectories/${id(n)}"]`).count()).toBe(1);
    }
    // K-Q6: the one municipality is the whole region here, so it does not differ from it.
    const variation = page.locator(`#steering-variation tr[data-municipality="${code}"]`);
    expect(await variation.locator('td').allTextContents()).toEqual([code, '4', '0,0%']);
    // K-Q4 is drawn with the API's 3 days in January, the months without a start have no bar.
    expect(new Map(drawn).get('K-Q4.region[2026-01]')).toBe('3');
    await page.locator('#steering-trends').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('40-dashboard-steering'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
