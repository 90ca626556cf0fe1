import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { contractManagement, contractProvider } from './support/provider-register';
import { bootStack, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * The input routes of the figures no workflow holds (issue 19): K-Q4's waiting list, which a provider reports per
 * region and month, and K-C2's cooperation score from the region's survey, which contract management reports —
 * over the API with the same validation as every route; a provider reports and reads its own only.
 */
jest.setTimeout(120_000);

describe('waiting lists (K-Q4) and cooperation scores (K-C2) per provider, region and month', () => {
  let stack: RunningStack;
  let http: App;
  const provider = uniqueRef('PRV-WAIT').toUpperCase();
  const other = uniqueRef('PRV-ELSE').toUpperCase();
  const own = bearer(['PROVIDER'], [], provider, 'prv-wait-planning');
  const stranger = bearer(['PROVIDER'], [], other, 'prv-else-planning');
  const localTeam = bearer(['LOCAL_TEAM'], ['GM0405'], undefined, 'lt-hoorn-01');
  const thisMonth = new Date().toISOString().slice(0, 7);
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const put = (path: string, token: string, month: string, body: object, id = provider) =>
    request(http).put(`/providers/${id}/${path}/${month}`).set('Authorization', token).send(body);

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('monthly-reports'));
    http = stack.api.getHttpServer();
    await contractProvider(http, provider);
    await contractProvider(http, other);
  });
  afterAll(() => stack?.close());

  it('takes the provider’s waiting list, a correction that replaces it, and lists it for the local team', async () => {
    const first = await put('waiting-lists', own, lastMonth, {
      regionId: 'WEST-FRIESLAND',
      waitingClients: 12,
    }).expect(201);
    expect(first.body).toMatchObject({
      providerId: provider,
      regionId: 'WEST-FRIESLAND',
      month: lastMonth,
      waitingClients: 12,
      reportedBy: 'prv-wait-planning',
    });
    await put('waiting-lists', own, lastMonth, { regionId: 'WEST-FRIESLAND', waitingClients: 9 }).expect(200);
    await put('waiting-lists', own, thisMonth, { regionId: 'WEST-FRIESLAND', waitingClients: 4 }).expect(201);
    const listed = await request(http)
      .get(`/providers/${provider}/waiting-lists`)
      .set('Authorization', localTeam)
      .expect(200);
    expect(
      listed.body.map((r: { month: string; waitingClients: number }) => [r.month, r.waitingClients]),
    ).toEqual([
      [thisMonth, 4],
      [lastMonth, 9],
    ]);
  });

  it('takes the region’s cooperation score from contract management, kept to one decimal', async () => {
    const score = await put('cooperation-scores', contractManagement, lastMonth, {
      regionId: 'WEST-FRIESLAND',
      score: 7.44,
      respondents: 12,
    }).expect(201);
    expect(score.body).toMatchObject({
      month: lastMonth,
      score: 7.4,
      respondents: 12,
      reportedBy: 'cm-regio-1',
    });
    const listed = await request(http)
      .get(`/providers/${provider}/cooperation-scores`)
      .set('Authorization', own)
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ score: 7.4, respondents: 12 })]);
    // The provider does not grade itself.
    await put('cooperation-scores', own, lastMonth, {
      regionId: 'WEST-FRIESLAND',
      score: 10,
      respondents: 1,
    }).expect(403);
  });

  it('refuses what is not a report: field errors, an unknown region, a month to come (never a 500)', async () => {
    const bad = await put('waiting-lists', own, lastMonth, { regionId: 'west', waitingClients: -1 }).expect(
      400,
    );
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'regionId',
      'waitingClients',
    ]);
    const score = await put('cooperation-scores', contractManagement, lastMonth, {
      regionId: 'WEST-FRIESLAND',
      score: 10.5,
      respondents: 0,
    }).expect(400);
    expect(score.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['respondents', 'score']);
    await put('waiting-lists', own, lastMonth, { regionId: 'NOWHERE', waitingClients: 1 }).expect(404);
    const future = await put('waiting-lists', own, '2999-01', {
      regionId: 'WEST-FRIESLAND',
      waitingClients: 1,
    }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'month' })]);
    await put('waiting-lists', own, '2026-13', { regionId: 'WEST-FRIESLAND', waitingClients: 1 }).expect(400);
  });

  it('a provider neither reports nor reads another provider’s figures (404)', async () => {
    await put('waiting-lists', stranger, lastMonth, { regionId: 'WEST-FRIESLAND', waitingClients: 1 }).expect(
      404,
    );
    await request(http)
      .get(`/providers/${provider}/waiting-lists`)
      .set('Authorization', stranger)
      .expect(404);
    await request(http)
      .get(`/providers/${provider}/cooperation-scores`)
      .set('Authorization', stranger)
      .expect(404);
  });
});
