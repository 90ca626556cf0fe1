import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { planSubmission } from './support/plan-submission';
import { contractManagement, contractProvider } from './support/provider-register';
import { bootStack, eventually, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * Regions as data and the provider register over HTTP (issue 14): a trajectory's split follows from its
 * municipality's region and is frozen in its policy snapshot; contract management keeps the register through
 * the API; plan/submit refuses providers and arrangements that do not fit, naming the field and the rule.
 */
jest.setTimeout(240_000);

interface Region {
  regionId: string;
  paymentSplit: string;
  municipalities: { municipalityCode: string; name: string }[];
  policy: Record<string, unknown>;
}

describe('regions and the provider register over HTTP', () => {
  let stack: RunningStack;
  let http: App;
  const leeuwarden = 'GM0080';
  const hoorn = 'GM0405';
  const caseSystem = bearer(['CASE_SYSTEM'], [leeuwarden, hoorn], undefined, 'case-system-regions');
  const localTeam = bearer(['LOCAL_TEAM'], [leeuwarden, hoorn], undefined, 'lt-regions-1');
  const kompas = bearer(['PROVIDER'], [], 'PRV-KOMPAS', 'prv-kompas-user-1');

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('regions'));
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  const post = (path: string, token: string, body: object = {}) =>
    request(http).post(path).set('Authorization', token).send(body);

  /** A trajectory in DRAFTING whose family chose `leadProviderId`. */
  async function drafting(municipalityCode: string, leadProviderId: string): Promise<string> {
    const caseReference = uniqueRef('REGION');
    const started = await post('/trajectories', caseSystem, {
      municipalityCode,
      caseReference,
      clientId: `c-${caseReference.toLowerCase()}`,
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    }).expect(201);
    const id = started.body.trajectoryId as string;
    await post(`/trajectories/${id}/drafting`, localTeam).expect(200);
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId,
      chosenByFamily: true,
    }).expect(200);
    return id;
  }

  it('lists the regions with their real CBS municipalities, split and policy', async () => {
    const regions = (await request(http).get('/regions').set('Authorization', localTeam).expect(200))
      .body as Region[];
    const byId = Object.fromEntries(regions.map((r) => [r.regionId, r]));
    expect(Object.keys(byId)).toEqual(
      expect.arrayContaining(['WEST-FRIESLAND', 'FRIESLAND', 'WEST-BRABANT-WEST']),
    );
    expect(byId['WEST-FRIESLAND'].paymentSplit).toBe('WF_RECOVERY');
    // The seven CBS municipalities (tests may add throwaway ones of their own, never with a CBS code).
    const cbs = (r: Region) => r.municipalities.filter((m) => /^GM\d{4}$/.test(m.municipalityCode));
    expect(cbs(byId['WEST-FRIESLAND'])).toHaveLength(7);
    expect(byId['WEST-FRIESLAND'].municipalities).toContainEqual({ municipalityCode: hoorn, name: 'Hoorn' });
    expect(byId.FRIESLAND).toMatchObject({ paymentSplit: 'FRIESLAND_70_30' });
    expect(cbs(byId.FRIESLAND)).toHaveLength(18);
    expect(byId.FRIESLAND.municipalities).toContainEqual({
      municipalityCode: leeuwarden,
      name: 'Leeuwarden',
    });
    expect(byId['WEST-BRABANT-WEST'].municipalities.map((m) => m.municipalityCode)).toEqual(
      expect.arrayContaining(['GM0748', 'GM1674', 'GM0777']),
    );
    expect(byId['WEST-BRABANT-WEST'].policy).toMatchObject({
      regionTrajectorySplit: 'WBW_50_50',
      signaturesBeforeApproval: ['CLIENT', 'LEGAL_REPRESENTATIVE'],
    });
    await request(http).get('/regions/NOWHERE').set('Authorization', localTeam).expect(404);
  });

  it('refuses a trajectory in a municipality outside every region with 422 naming the field', async () => {
    const res = await post('/trajectories', bearer(['CASE_SYSTEM'], ['GM9998']), {
      municipalityCode: 'GM9998',
      caseReference: uniqueRef('NOREGION'),
      clientId: 'c-noregion',
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'municipalityCode' })]);
  });

  it('a Leeuwarden trajectory freezes Friesland’s split and is paid 70% at the start (R-PAY-02)', async () => {
    const id = await drafting(leeuwarden, 'PRV-KOMPAS');
    // Another region's catalogue is not this trajectory's (R-TAR-03).
    const foreign = await post(
      `/trajectories/${id}/plan/submit`,
      kompas,
      planSubmission('PRV-KOMPAS'),
    ).expect(422);
    // ...and no Frisian provider holds a West-Friesland contract.
    expect(foreign.body.errors).toEqual([
      expect.objectContaining({
        field: 'plan.arrangement.regionId',
        message: expect.stringContaining('R-TAR-03'),
      }),
      expect.objectContaining({
        field: 'plan.leadProviderId',
        message: expect.stringContaining('R-ROLE-06'),
      }),
    ]);
    // An arrangement prices one profile × intensity; the plan must name the ones it prices.
    const misfit = await post(`/trajectories/${id}/plan/submit`, kompas, {
      ...planSubmission('PRV-KOMPAS'),
      arrangementCode: 'FR-J-B-OPV-M',
      intensityCode: 'ZWAAR',
    }).expect(422);
    expect(misfit.body.errors).toEqual([
      expect.objectContaining({ field: 'plan.intensityCode', message: expect.stringContaining('R-TAR-03') }),
    ]);

    await post(`/trajectories/${id}/plan/submit`, kompas, {
      ...planSubmission('PRV-KOMPAS'),
      arrangementCode: 'FR-J-B-OPV-M',
    }).expect(200);
    await post(`/trajectories/${id}/plan/sign`, caseSystem, { planVersion: 1, party: 'CLIENT' }).expect(200);
    await post(`/trajectories/${id}/plan/sign`, kompas, { planVersion: 1, party: 'LEAD_PROVIDER' }).expect(
      200,
    );
    await post(`/trajectories/${id}/plan/approve`, localTeam, { planVersion: 1 }).expect(200);
    await post(`/trajectories/${id}/start`, kompas).expect(200);

    const state = (
      await request(http).get(`/trajectories/${id}/state`).set('Authorization', localTeam).expect(200)
    ).body;
    expect(state.policy).toMatchObject({ regionId: 'FRIESLAND', regionTrajectorySplit: 'FRIESLAND_70_30' });
    const payments = await eventually(async () => {
      const res = await request(http).get(`/trajectories/${id}/payments`).set('Authorization', localTeam);
      return res.body.items?.length === 1
        ? (res.body.items as { kind: string; amountCents: number }[])
        : undefined;
    });
    // The demo tariff of FR-J-B-OPV-M is 5,400.00: 70% at the start.
    expect(payments.map((p) => [p.kind, p.amountCents])).toEqual([['INITIAL', 378_000]]);
  });

  describe('the provider register, kept by contract management', () => {
    const provider = `PRV-REG-${Date.now().toString(36).toUpperCase()}`;
    const subcontractor = `${provider}-SUB`;

    it('validates at the edge, refuses what does not exist or collides, and scopes contract managers', async () => {
      const put = (id: string, body: object, token = contractManagement) =>
        request(http).put(`/providers/${id}`).set('Authorization', token).send(body);
      const bad = await put(provider, {}).expect(400);
      expect(JSON.stringify(bad.body.errors)).toContain('name');
      await put(provider, { name: 'Regio Test Zorg' }).expect(201);
      await put(provider, { name: 'Regio Test Zorg BV' }).expect(200);
      await put(provider, { name: 'x' }, localTeam).expect(403);

      const contract = (body: object, id = provider, token = contractManagement) =>
        request(http).post(`/providers/${id}/contracts`).set('Authorization', token).send(body);
      const valid = {
        regionId: 'WEST-FRIESLAND',
        arrangementCode: 'WF-J-B-OPV-M',
        subcontractingAllowed: false,
        validFrom: '2026-01-01',
      };
      expect((await contract({ ...valid, validFrom: '1 jan' }).expect(400)).body.errors).toEqual([
        expect.objectContaining({ field: 'validFrom' }),
      ]);
      await contract(valid, 'PRV-NOBODY').expect(404);
      const foreign = await contract({ ...valid, arrangementCode: 'FR-J-B-OPV-M' }).expect(422);
      expect(foreign.body.errors).toEqual([
        expect.objectContaining({ field: 'arrangementCode', message: expect.stringContaining('R-TAR-03') }),
      ]);
      // A contract manager for Leeuwarden does not keep West-Friesland's contracts.
      await contract(valid, provider, bearer(['CONTRACT_MANAGEMENT'], [leeuwarden])).expect(404);
      const created = await contract(valid).expect(201);
      expect(created.body).toMatchObject({ providerId: provider, validTo: null, createdBy: 'cm-regio-1' });
      expect((await contract(valid).expect(409)).body.code).toBe('CONFLICT');

      const read = await request(http).get(`/providers/${provider}`).set('Authorization', kompas).expect(200);
      expect(read.body.contracts).toHaveLength(1);
      await request(http).get('/providers/PRV-NOBODY').set('Authorization', localTeam).expect(404);
    });

    it('plan/submit refuses a frozen lead provider, an uncontracted subcontractor and subcontracting the contract forbids', async () => {
      const lead = bearer(['PROVIDER'], [], provider, 'prv-reg-user-1');
      const id = await drafting(hoorn, provider);
      const submit = (body: object) => post(`/trajectories/${id}/plan/submit`, lead, body);

      const noSubs = await submit({ ...planSubmission(provider), subcontractorIds: [subcontractor] }).expect(
        422,
      );
      expect(noSubs.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'plan.subcontractorIds',
            message: expect.stringContaining('R-ROLE-06'),
          }),
          expect.objectContaining({
            field: 'plan.subcontractorIds[0]',
            message: expect.stringContaining('P10'),
          }),
        ]),
      );

      const freeze = await request(http)
        .post(`/providers/${provider}/intake-freezes`)
        .set('Authorization', contractManagement)
        .send({ regionId: 'WEST-FRIESLAND', startsOn: '2026-01-01', reasonCode: 'UNDERPERFORMANCE' })
        .expect(201);
      const frozen = await submit(planSubmission(provider)).expect(422);
      expect(frozen.body.errors).toEqual([
        expect.objectContaining({
          field: 'plan.leadProviderId',
          message: expect.stringContaining('R-END-03'),
        }),
      ]);

      const lift = () =>
        request(http)
          .post(`/providers/${provider}/intake-freezes/${freeze.body.freezeId}/lift`)
          .set('Authorization', contractManagement)
          .send({});
      expect((await lift().expect(200)).body.liftedBy).toBe('cm-regio-1');
      await lift().expect(409);

      await contractProvider(http, subcontractor, ['WF-J-B-OPV-M']);
      // Contracted now, but the lead provider's contract still allows no subcontractors.
      await submit({ ...planSubmission(provider), subcontractorIds: [subcontractor] }).expect(422);
      const accepted = await submit(planSubmission(provider)).expect(200);
      expect(accepted.body.status).toBe('AWAITING_APPROVAL');
    });
  });
});
