import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, clientBearer } from '../support/auth';
import { startOidcProvider, type OidcProviderProcess } from '../support/oidc-provider';
import { bootStack, eventually, freePort, RunningStack, uniqueRef, uniqueTaskQueue } from '../support/stack';
import {
  ApiClient,
  launchChromium,
  screenshotPath,
  seriousA11yViolations,
  signInAtProvider,
  withEnvironment,
} from './browser-support';

/**
 * Issue 18, the people in the process on their own pages, each signed in at the real OpenID provider: the family
 * chooses its lead provider, signs the plan and answers the satisfaction question; the local team submits the
 * plan (an error of the API shown beside its field), approves it and records an evaluation; the provider signs
 * and confirms the start. One Wmo trajectory of Hoorn goes from drafting to care with an evaluation, every page
 * WCAG-checked; the family sees nobody else's trajectory on the pages either.
 */
jest.setTimeout(300_000);

interface View {
  status: string;
  leadProviderId?: string;
  missingSignatures: string[];
}

describe('pages: the family, the local team and the provider, signed in at the identity provider', () => {
  let browser: Browser;
  let stack: RunningStack;
  let provider: OidcProviderProcess;
  let base: string;
  let api: ApiClient;
  let restoreEnvironment: (() => void) | undefined;
  const municipality = 'GM0405';
  const clientId = `c-${uniqueRef('page').toLowerCase()}`;
  const familyUser = `fam-${clientId}`;
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-pages');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-pages');
  let trajectoryId: string;
  let strangersTrajectoryId: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  const view = () => api.get<View>(`/trajectories/${trajectoryId}`, localTeam);

  async function open(trajectory: string, reference: string, client: string): Promise<string> {
    const started = await api.post<{ trajectoryId: string }>('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference: uniqueRef(reference),
      clientId: client,
      domain: 'WMO',
      segment: 'B',
      complexity: 'LOW',
      requestType: trajectory,
    });
    await api.post(`/trajectories/${started.trajectoryId}/drafting`, localTeam);
    return started.trajectoryId;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${base}/auth/callback`, {
      [familyUser]: { roles: ['CLIENT'], municipalities: [municipality], client_ref: clientId },
    });
    restoreEnvironment = withEnvironment({ OIDC_ISSUER: provider.issuer, PUBLIC_BASE_URL: base });
    stack = await bootStack(uniqueTaskQueue('browser-people'));
    await stack.api.listen(port, '127.0.0.1');
    api = new ApiClient(base);
    trajectoryId = await open('SUPPORT', 'PAGES', clientId);
    strangersTrajectoryId = await open('SUPPORT', 'PAGES-OTHER', `${clientId}-neighbour`);
    // The family's page reads the read model: wait until it has the trajectory.
    const resident = clientBearer(municipality, clientId);
    await eventually(async () =>
      (await api.get(`/trajectories/${trajectoryId}`, resident).catch(() => undefined)) ? true : undefined,
    );
  }, 150_000);

  afterAll(async () => {
    // A page's call still under way is finished by the API before it closes its Temporal connection.
    for (const c of contexts) await c.close();
    await browser?.close();
    await stack?.close();
    await provider?.stop();
    restoreEnvironment?.();
  });

  /** A person's own browser, signed in at the provider through its login form (and consent), on `path`. */
  async function signedIn(user: string, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${user}: ${error.message}`));
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/ui\?next=/);
    await signInAtProvider(page, provider.issuer, base, user);
    await page.waitForURL(`${base}${path}`);
    return page;
  }

  async function checked(page: Page, screenshot: string): Promise<void> {
    await page.screenshot({ path: screenshotPath(screenshot), fullPage: true });
    // Nothing leaks from the code into the words people read.
    expect(await page.locator('#main').innerText()).not.toMatch(/\b(null|undefined|NaN)\b|\[object /);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  let family: Page;
  let team: Page;
  let lead: Page;

  it('the family signs in, sees its own plan and chooses the lead provider among the contracted ones', async () => {
    family = await signedIn(familyUser, '/ui/family');
    await family.locator(`[data-trajectory-id="${trajectoryId}"] #family-choose`).waitFor();
    expect(await family.locator('[data-trajectory-id]').count()).toBe(1);
    expect(await family.locator('#family-status').innerText()).toBe('Uw plan wordt opgesteld, samen met u.');
    await checked(family, '30-family-choose');
    await family.selectOption('#family-choose-leadProviderId', 'PRV-HORIZON');
    await family.click('#family-choose-submit');
    await family.locator('#who-does-what:has-text("Horizon Jeugd en Gezin (demo)")').waitFor();
    expect((await view()).leadProviderId).toBe('PRV-HORIZON');
  });

  it('the family sees no other trajectory on the pages: 404 for a neighbour’s timeline', async () => {
    // The professionals' timeline sends a resident to its own page, where the API's 404 shows.
    await family.goto(`${base}/ui/trajectories/${strangersTrajectoryId}`);
    await family.waitForURL(/\/ui\/family\?trajectory=/);
    await family.locator('.error:has-text("404")').waitFor();
    expect(await family.locator('#plan-results, #who-does-what').count()).toBe(0);
  });

  it('the local team submits the plan: the API’s field error shows beside its field, then it goes', async () => {
    team = await signedIn('lt-hoorn', `/ui/local-team?trajectory=${trajectoryId}`);
    await team.locator('#submit-plan').waitFor();
    await checked(team, '31-local-team-workspace');
    await team.selectOption('#submit-plan-results-0-lifeDomain', 'HOUSING');
    await team.fill('#submit-plan-results-0-targetDate', '2027-06-30');
    // Free text about a person is refused: a reference only (decisions.md 11).
    await team.fill('#submit-plan-results-0-descriptionRef', 'woont nu bij zijn oma');
    await team.selectOption('#submit-plan-results-1-lifeDomain', 'FINANCES');
    await team.selectOption('#submit-plan-arrangementCode', 'WF-W-B-ZRH-M');
    await team.click('#submit-plan-submit');
    const error = team.locator('[data-field="results.0.descriptionRef"] .field-error');
    await error.waitFor();
    expect(await team.getAttribute('#submit-plan-results-0-descriptionRef', 'aria-invalid')).toBe('true');
    expect(await team.getAttribute('#submit-plan-results-0-descriptionRef', 'aria-describedby')).toContain(
      await error.getAttribute('id'),
    );
    await checked(team, '32-local-team-field-error');
    await team.fill('#submit-plan-results-0-descriptionRef', 'doc-housing-1');
    await team.click('#submit-plan-submit');
    await team.locator('#trajectory-status[data-status="AWAITING_APPROVAL"]').waitFor();
    expect((await view()).missingSignatures).toEqual(['CLIENT', 'LEAD_PROVIDER']);
  });

  it('the family signs the plan itself', async () => {
    await family.goto(`${base}/ui/family`);
    await family.locator('#family-sign').waitFor();
    await family.locator('#plan-results li').first().waitFor();
    expect(await family.locator('#plan-results').innerText()).toContain('Wonen');
    await checked(family, '33-family-sign');
    // Who signs is the person's to say: nothing is ticked for them.
    expect(await family.isChecked('#family-sign-party-0')).toBe(false);
    await family.check('#family-sign-party-0');
    await family.click('#family-sign-submit');
    await family.locator('#family-status[data-status="AWAITING_APPROVAL"]').waitFor();
    await eventually(async () =>
      (await view()).missingSignatures.join() === 'LEAD_PROVIDER' ? true : undefined,
    );
    await family.locator('#family-sign').waitFor({ state: 'detached' });
  });

  it('the provider opens it from its own list and signs as lead provider', async () => {
    lead = await signedIn('prv-horizon', '/ui/provider');
    await lead.locator(`#my-trajectories [data-open="${trajectoryId}"]`).click();
    await lead.locator('#sign-plan').waitFor();
    await checked(lead, '34-provider-workspace');
    await lead.click('#sign-plan-submit');
    await eventually(async () => ((await view()).missingSignatures.length === 0 ? true : undefined));
  });

  it('the local team approves, the provider confirms the start, the local team records an evaluation', async () => {
    await team.goto(`${base}/ui/local-team?trajectory=${trajectoryId}`);
    await team.click('#approve-plan-submit');
    await team.locator('#trajectory-status[data-status="DECIDED"]').waitFor();

    await lead.goto(`${base}/ui/provider?trajectory=${trajectoryId}`);
    await lead.click('#confirm-start-submit');
    await lead.locator('#trajectory-status[data-status="ACTIVE"]').waitFor();
    await checked(lead, '35-provider-started');

    await team.goto(`${base}/ui/local-team?trajectory=${trajectoryId}`);
    await team.locator('#record-evaluation').waitFor();
    // Nothing is pre-chosen for the professional (a default would skew K-O2 and K-O3).
    await team.click('#record-evaluation-submit');
    await team.locator('[data-field="evaluation.resultAssessments.0.attainment"] .field-error').waitFor();
    await team.selectOption('#record-evaluation-evaluation-resultAssessments-0-attainment', 'ACHIEVED');
    await team.selectOption('#record-evaluation-evaluation-resultAssessments-1-attainment', 'PARTIAL');
    await team.selectOption('#record-evaluation-evaluation-clientSatisfaction', 'POSITIVE');
    await team.selectOption('#record-evaluation-evaluation-outcome', 'CONTINUE');
    await checked(team, '36-local-team-evaluation');
    await team.click('#record-evaluation-submit');
    await team.locator('#record-evaluation-done, #trajectory-status[data-status="ACTIVE"]').first().waitFor();
    const state = await eventually(async () => {
      const s = await api.get<{ evaluations: unknown[] }>(`/trajectories/${trajectoryId}/state`, localTeam);
      return s.evaluations.length === 1 ? s : undefined;
    });
    expect(state.evaluations).toEqual([
      expect.objectContaining({
        outcome: 'CONTINUE',
        resultAssessments: [
          { resultId: 'r1', attainment: 'ACHIEVED' },
          { resultId: 'r2', attainment: 'PARTIAL' },
        ],
      }),
    ]);
  });

  it('the family answers the satisfaction question per result, by keyboard alone; K-O3 counts it', async () => {
    await family.goto(`${base}/ui/family`);
    await family.locator('#satisfaction-evaluation-1').waitFor();
    await checked(family, '37-family-satisfaction');
    /** Tabs forward until the element with this id has the focus (the page's own tab order). */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 40; i += 1) {
        await family.keyboard.press('Tab');
        if ((await family.evaluate('document.activeElement?.id')) === id) return;
      }
      throw new Error(`never focused: ${id}`);
    };
    // A radio group is one tab stop: Space picks the first answer, the arrow keys move to the other one.
    await tabTo('satisfaction-evaluation-1-result-0-0');
    await family.keyboard.press('Space');
    await tabTo('satisfaction-evaluation-1-result-1-0');
    await family.keyboard.press('ArrowDown');
    expect(await family.isChecked('#satisfaction-evaluation-1-result-1-1')).toBe(true);
    await tabTo('satisfaction-evaluation-1-submit');
    await family.keyboard.press('Enter');
    await family.locator('.answered[data-occasion="evaluation-1"]').waitFor();
    expect(await family.locator('.answered[data-occasion="evaluation-1"]').innerText()).toContain('Bedankt');
    const answers = await api.get<{ occasions: { answers: unknown[] }[] }>(
      `/trajectories/${trajectoryId}/satisfaction`,
      localTeam,
    );
    expect(answers.occasions[0].answers).toEqual([
      { resultId: 'r1', answer: 'POSITIVE' },
      { resultId: 'r2', answer: 'NEGATIVE' },
    ]);
    const figures = await api.get<{ familySatisfaction: { overall: { answered: number; asked: number } } }>(
      `/monitoring/indicators?municipality=${municipality}`,
      localTeam,
    );
    expect(figures.familySatisfaction.overall.answered).toBeGreaterThanOrEqual(1);
    expect(figures.familySatisfaction.overall.asked).toBeGreaterThanOrEqual(
      figures.familySatisfaction.overall.answered,
    );
    await checked(family, '38-family-answered');
    expect(problems).toEqual([]);
  });
});
