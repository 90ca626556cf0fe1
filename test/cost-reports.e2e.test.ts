import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { contractManagement, contractProvider } from './support/provider-register';
import { bootStack, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * K-F1's input (issue 19): a provider reports what its delivered care cost it per region and year, over the API
 * with the same validation as every route; it reports and reads its own only. Contract management may report
 * for the regions it keeps.
 */
jest.setTimeout(120_000);

describe('PUT /providers/:id/cost-reports/:year (K-F1 input)', () => {
  let stack: RunningStack;
  let http: App;
  const provider = uniqueRef('PRV-COST').toUpperCase();
  const other = uniqueRef('PRV-OTHER').toUpperCase();
  const own = bearer(['PROVIDER'], [], provider, 'prv-cost-finance');
  const stranger = bearer(['PROVIDER'], [], other, 'prv-other-finance');
  const finance = bearer(['FINANCE'], [], undefined, 'fin-region');
  const lastYear = new Date().getUTCFullYear() - 1;
  const put = (token: string, year: string | number, body: object, id = provider) =>
    request(http).put(`/providers/${id}/cost-reports/${year}`).set('Authorization', token).send(body);

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('cost-reports'));
    http = stack.api.getHttpServer();
    await contractProvider(http, provider);
    await contractProvider(http, other);
  });
  afterAll(() => stack?.close());

  it('takes the provider’s own report, then a correction that replaces it', async () => {
    const first = await put(own, lastYear, { regionId: 'WEST-FRIESLAND', costCents: 12_500_000 }).expect(201);
    expect(first.body).toMatchObject({
      providerId: provider,
      regionId: 'WEST-FRIESLAND',
      year: lastYear,
      costCents: 12_500_000,
      reportedBy: 'prv-cost-finance',
    });
    await put(own, lastYear, { regionId: 'WEST-FRIESLAND', costCents: 13_000_000 }).expect(200);
    const listed = await request(http)
      .get(`/providers/${provider}/cost-reports`)
      .set('Authorization', finance)
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ year: lastYear, costCents: 13_000_000 })]);
  });

  it('refuses what is not a report: field errors, an unknown region, a year to come (never a 500)', async () => {
    const bad = await put(own, lastYear, { regionId: 'west friesland', costCents: -1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['costCents', 'regionId']);
    await put(own, lastYear, { regionId: 'NOWHERE', costCents: 1 }).expect(404);
    const future = await put(own, lastYear + 2, { regionId: 'WEST-FRIESLAND', costCents: 1 }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    await put(own, 'twenty', { regionId: 'WEST-FRIESLAND', costCents: 1 }).expect(400);
  });

  it('a provider neither reports nor reads another provider’s cost (404); contract management may report', async () => {
    await put(stranger, lastYear, { regionId: 'WEST-FRIESLAND', costCents: 1 }).expect(404);
    await request(http).get(`/providers/${provider}/cost-reports`).set('Authorization', stranger).expect(404);
    await put(
      contractManagement,
      lastYear,
      { regionId: 'WEST-FRIESLAND', costCents: 2_000_000 },
      other,
    ).expect(201);
    const theirs = await request(http)
      .get(`/providers/${other}/cost-reports`)
      .set('Authorization', stranger)
      .expect(200);
    expect(theirs.body).toEqual([
      expect.objectContaining({ costCents: 2_000_000, reportedBy: 'cm-regio-1' }),
    ]);
  });
});
