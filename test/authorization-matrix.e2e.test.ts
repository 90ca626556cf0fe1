import request from 'supertest';
import type { App } from 'supertest/types';
import { ROLES, STAFF_ROLES, type Role } from '@app/contracts';
import { bearer, clientBearer } from './support/auth';
import { contractProvider } from './support/provider-register';
import { bootStack, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';
import { planSubmission } from './support/plan-submission';

/**
 * The authorization matrix, generated from ONE table: every route the API serves must have a rule here (a new
 * endpoint without one fails the first test), every role outside a rule gets 403, every role inside it is let
 * through, and no route answers data of another municipality or provider (404 or nothing of ours in a list).
 */
type Scope = 'trajectory' | 'escalation' | 'list' | 'global';
interface Rule {
  roles: Role[] | 'PUBLIC';
  scope: Scope;
}

const ALL: Role[] = [...ROLES];
/** Every role but the resident's: the feeds and lists built for professionals. */
const STAFF: Role[] = [...STAFF_ROLES];
const CHAIN_READERS: Role[] = [
  'CASE_SYSTEM',
  'PROVIDER',
  'LOCAL_TEAM',
  'FINANCE',
  'OPERATOR',
  'CONTRACT_MANAGEMENT',
];
const RULES: Record<string, Rule> = {
  'GET /health': { roles: 'PUBLIC', scope: 'global' },
  'GET /health/live': { roles: 'PUBLIC', scope: 'global' },
  'GET /health/delivery': { roles: 'PUBLIC', scope: 'global' },
  'GET /metrics': { roles: 'PUBLIC', scope: 'global' },
  'POST /trajectories': { roles: ['CASE_SYSTEM'], scope: 'global' },
  'GET /trajectories': { roles: ALL, scope: 'list' },
  'GET /trajectories/{trajectoryId}': { roles: ALL, scope: 'trajectory' },
  'GET /trajectories/{trajectoryId}/state': { roles: STAFF, scope: 'trajectory' },
  'GET /trajectories/{trajectoryId}/audit': { roles: STAFF, scope: 'trajectory' },
  'GET /trajectories/{trajectoryId}/family': {
    roles: ['CLIENT', 'LOCAL_TEAM', 'CASE_SYSTEM', 'OPERATOR'],
    scope: 'trajectory',
  },
  'GET /trajectories/{trajectoryId}/payments': {
    roles: ['FINANCE', 'OPERATOR', 'LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/drafting': { roles: ['LOCAL_TEAM', 'CASE_SYSTEM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/plan-exemption': { roles: ['LOCAL_TEAM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/withdraw': { roles: ['LOCAL_TEAM', 'CASE_SYSTEM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/lead-provider': {
    roles: ['LOCAL_TEAM', 'CASE_SYSTEM', 'CLIENT'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/plan/submit': {
    roles: ['LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/plan/sign': {
    roles: ['CASE_SYSTEM', 'LOCAL_TEAM', 'PROVIDER', 'CLIENT'],
    scope: 'trajectory',
  },
  'GET /trajectories/{trajectoryId}/satisfaction': {
    roles: ['CLIENT', 'LOCAL_TEAM', 'CASE_SYSTEM', 'OPERATOR'],
    scope: 'trajectory',
  },
  'PUT /trajectories/{trajectoryId}/satisfaction/{occasion}': { roles: ['CLIENT'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/plan/request-changes': { roles: ['LOCAL_TEAM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/plan/approve': { roles: ['LOCAL_TEAM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/plan/reject': { roles: ['LOCAL_TEAM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/escalate': { roles: ['LOCAL_TEAM', 'PROVIDER'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/start': { roles: ['PROVIDER'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/evaluations': { roles: ['LOCAL_TEAM', 'PROVIDER'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/evaluations/proposal/decision': {
    roles: ['LOCAL_TEAM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/arrangement-changes': {
    roles: ['LOCAL_TEAM', 'PROVIDER'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/arrangement-changes/decision': {
    roles: ['LOCAL_TEAM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/indication/renew': { roles: ['LOCAL_TEAM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/completion': { roles: ['LOCAL_TEAM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/dropout': {
    roles: ['LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/new-care-need': {
    roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/provider-switch': {
    roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
    scope: 'trajectory',
  },
  'POST /trajectories/{trajectoryId}/transfer': { roles: ['LOCAL_TEAM', 'CASE_SYSTEM'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/payments/withhold': { roles: ['FINANCE'], scope: 'trajectory' },
  'POST /trajectories/{trajectoryId}/decision/price-correction': { roles: ['FINANCE'], scope: 'trajectory' },
  'GET /escalations': { roles: ['BREAKTHROUGH_TABLE', 'LOCAL_TEAM', 'OPERATOR', 'PROVIDER'], scope: 'list' },
  'GET /escalations/{escalationId}': {
    roles: ['BREAKTHROUGH_TABLE', 'LOCAL_TEAM', 'OPERATOR', 'PROVIDER'],
    scope: 'escalation',
  },
  'POST /escalations/{escalationId}/assign': { roles: ['BREAKTHROUGH_TABLE'], scope: 'escalation' },
  'POST /escalations/{escalationId}/decision': { roles: ['BREAKTHROUGH_TABLE'], scope: 'escalation' },
  'GET /worklists/to-approve': { roles: ['LOCAL_TEAM', 'OPERATOR'], scope: 'list' },
  'GET /worklists/breakthrough-table': { roles: ['BREAKTHROUGH_TABLE', 'OPERATOR'], scope: 'list' },
  'GET /worklists/overdue': {
    roles: ['LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'OPERATOR', 'PROVIDER'],
    scope: 'list',
  },
  'GET /worklists/my-trajectories': { roles: ['PROVIDER'], scope: 'list' },
  'GET /worklists/statutory-deadlines': { roles: ['LOCAL_TEAM', 'CASE_SYSTEM', 'OPERATOR'], scope: 'list' },
  'GET /worklists/incidents': { roles: ['OPERATOR'], scope: 'list' },
  'POST /trajectories/{trajectoryId}/incident/retry': { roles: ['OPERATOR'], scope: 'trajectory' },
  'POST /escalations/{escalationId}/incident/retry': { roles: ['OPERATOR'], scope: 'escalation' },
  'GET /events': { roles: STAFF, scope: 'list' },
  'GET /events/types': { roles: STAFF, scope: 'global' },
  'GET /events/asyncapi': { roles: STAFF, scope: 'global' },
  'POST /webhooks/subscriptions': { roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'], scope: 'global' },
  'GET /webhooks/subscriptions': { roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'], scope: 'list' },
  'GET /webhooks/subscriptions/{subscriptionId}': {
    roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'],
    scope: 'global',
  },
  'PATCH /webhooks/subscriptions/{subscriptionId}': {
    roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'],
    scope: 'global',
  },
  'POST /webhooks/subscriptions/{subscriptionId}/secret': {
    roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'],
    scope: 'global',
  },
  'DELETE /webhooks/subscriptions/{subscriptionId}': {
    roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'],
    scope: 'global',
  },
  'GET /webhooks/dead-letters': { roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'], scope: 'list' },
  'POST /webhooks/subscriptions/{subscriptionId}/replay': {
    roles: ['CASE_SYSTEM', 'PROVIDER', 'OPERATOR'],
    scope: 'global',
  },
  'POST /mail/contacts': { roles: ['CONTRACT_MANAGEMENT', 'PROVIDER', 'OPERATOR'], scope: 'global' },
  'GET /mail/contacts': { roles: ['CONTRACT_MANAGEMENT', 'PROVIDER', 'OPERATOR'], scope: 'list' },
  'DELETE /mail/contacts/{contactId}': {
    roles: ['CONTRACT_MANAGEMENT', 'PROVIDER', 'OPERATOR'],
    scope: 'global',
  },
  'POST /mail/digests': { roles: ['OPERATOR'], scope: 'global' },
  'GET /auth/options': { roles: 'PUBLIC', scope: 'global' },
  'GET /auth/login': { roles: 'PUBLIC', scope: 'global' },
  'GET /auth/callback': { roles: 'PUBLIC', scope: 'global' },
  'GET /auth/session': { roles: 'PUBLIC', scope: 'global' },
  'POST /auth/logout': { roles: 'PUBLIC', scope: 'global' },
  'POST /chain/messages': { roles: ['CASE_SYSTEM', 'PROVIDER'], scope: 'global' },
  'GET /chain/messages': { roles: CHAIN_READERS, scope: 'list' },
  'GET /chain/messages/{id}': { roles: CHAIN_READERS, scope: 'global' },
  'GET /chain/messages/{id}/xml': { roles: CHAIN_READERS, scope: 'global' },
  'POST /chain/messages/{id}/complete': { roles: ['CASE_SYSTEM'], scope: 'global' },
  'GET /arrangements': { roles: STAFF, scope: 'global' },
  'GET /regions': { roles: STAFF, scope: 'global' },
  'GET /regions/{regionId}': { roles: STAFF, scope: 'global' },
  'GET /providers': { roles: STAFF, scope: 'global' },
  'GET /providers/{providerId}': { roles: STAFF, scope: 'global' },
  'PUT /providers/{providerId}': { roles: ['CONTRACT_MANAGEMENT'], scope: 'global' },
  'GET /providers/{providerId}/cost-reports': {
    roles: ['PROVIDER', 'CONTRACT_MANAGEMENT', 'FINANCE', 'OPERATOR'],
    scope: 'global',
  },
  'PUT /providers/{providerId}/cost-reports/{year}': {
    roles: ['PROVIDER', 'CONTRACT_MANAGEMENT'],
    scope: 'global',
  },
  'GET /providers/{providerId}/waiting-lists': {
    roles: ['PROVIDER', 'CONTRACT_MANAGEMENT', 'LOCAL_TEAM', 'OPERATOR'],
    scope: 'global',
  },
  'PUT /providers/{providerId}/waiting-lists/{month}': {
    roles: ['PROVIDER', 'CONTRACT_MANAGEMENT'],
    scope: 'global',
  },
  'GET /providers/{providerId}/cooperation-scores': {
    roles: ['PROVIDER', 'CONTRACT_MANAGEMENT', 'OPERATOR'],
    scope: 'global',
  },
  'PUT /providers/{providerId}/cooperation-scores/{month}': {
    roles: ['CONTRACT_MANAGEMENT'],
    scope: 'global',
  },
  'POST /providers/{providerId}/contracts': { roles: ['CONTRACT_MANAGEMENT'], scope: 'global' },
  'POST /providers/{providerId}/contracts/{contractId}/end': {
    roles: ['CONTRACT_MANAGEMENT'],
    scope: 'global',
  },
  'POST /providers/{providerId}/intake-freezes': { roles: ['CONTRACT_MANAGEMENT'], scope: 'global' },
  'POST /providers/{providerId}/intake-freezes/{freezeId}/lift': {
    roles: ['CONTRACT_MANAGEMENT'],
    scope: 'global',
  },
  'GET /arrangements/{code}': { roles: STAFF, scope: 'global' },
  'GET /payments': { roles: ['FINANCE', 'OPERATOR', 'LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'], scope: 'list' },
  'POST /payments/{idempotencyKey}/withhold': { roles: ['FINANCE'], scope: 'global' },
  'POST /payments/exports': { roles: ['FINANCE'], scope: 'global' },
  'GET /payments/exports': { roles: ['FINANCE', 'OPERATOR'], scope: 'global' },
  'GET /payments/exports/{batchId}': { roles: ['FINANCE', 'OPERATOR'], scope: 'global' },
  'POST /payments/exports/{batchId}/confirm': { roles: ['FINANCE'], scope: 'global' },
  'GET /reconciliation': { roles: ['FINANCE', 'OPERATOR'], scope: 'list' },
  'GET /monitoring/indicators': {
    roles: ['OPERATOR', 'FINANCE', 'LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'PROVIDER'],
    scope: 'list',
  },
  'GET /monitoring/indicators.csv': {
    roles: ['OPERATOR', 'FINANCE', 'LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'PROVIDER'],
    scope: 'list',
  },
  'GET /monitoring/steering': {
    roles: ['OPERATOR', 'FINANCE', 'LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'PROVIDER'],
    scope: 'list',
  },
  'GET /monitoring/steering.csv': {
    roles: ['OPERATOR', 'FINANCE', 'LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'PROVIDER'],
    scope: 'list',
  },
  'GET /ui': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/docket': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/cases/{escalationId}': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/trajectories/{trajectoryId}': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/dashboard': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/finance': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/local-team': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/provider': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/family': { roles: 'PUBLIC', scope: 'global' },
  'GET /ui/assets/{file}': { roles: 'PUBLIC', scope: 'global' },
  'POST /codec/encode': { roles: ['OPERATOR'], scope: 'global' },
  'POST /codec/decode': { roles: ['OPERATOR'], scope: 'global' },
  'POST /codec/session': { roles: ['OPERATOR'], scope: 'global' },
  'DELETE /codec/session': { roles: 'PUBLIC', scope: 'global' },
};

const OWN = 'GM0405';
const OTHER = 'GM9999';
const MATRIX_CLIENT = 'c-matrix-1';
const LEAD = 'PRV-MATRIX';

/**
 * Own: the trajectory's municipality (FINANCE and OPERATOR region-wide), its client for CLIENT; other: another
 * municipality, another client.
 */
function tokenFor(role: Role, own: boolean): string {
  if (role === 'CLIENT') return clientBearer(OWN, own ? MATRIX_CLIENT : 'c-matrix-someone-else');
  if (role === 'PROVIDER') return bearer(['PROVIDER'], [], own ? LEAD : 'PRV-SOMEONE-ELSE');
  if (own && (role === 'FINANCE' || role === 'OPERATOR')) return bearer([role], []);
  return bearer([role], [own ? OWN : OTHER]);
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('authorization matrix: every route × role × own/other municipality', () => {
  let stack: RunningStack;
  let http: App;
  let trajectoryId: string;
  let routes: string[];

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('matrix'));
    http = stack.api.getHttpServer();
    await contractProvider(http, LEAD);
    const caseReference = uniqueRef('MATRIX');
    const caseSystem = bearer(['CASE_SYSTEM'], [OWN]);
    const localTeam = bearer(['LOCAL_TEAM'], [OWN]);
    trajectoryId = (
      await request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .send({
          municipalityCode: OWN,
          caseReference,
          clientId: MATRIX_CLIENT,
          domain: 'JEUGD',
          segment: 'B',
          complexity: 'LOW',
          requestType: 'SUPPORT',
        })
        .expect(201)
    ).body.trajectoryId;
    await request(http)
      .post(`/trajectories/${trajectoryId}/drafting`)
      .set('Authorization', localTeam)
      .expect(200);
    await request(http)
      .post(`/trajectories/${trajectoryId}/lead-provider`)
      .set('Authorization', localTeam)
      .send({ leadProviderId: LEAD, chosenByFamily: true })
      .expect(200);
    await request(http)
      .post(`/trajectories/${trajectoryId}/plan/submit`)
      .set('Authorization', tokenFor('PROVIDER', true))
      .send(planSubmission(LEAD))
      .expect(200);
    const router = (stack.api.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router;
    routes = router.stack
      .filter((l) => l.route && !l.route.path.startsWith('/docs'))
      .flatMap((l) =>
        Object.keys(l.route!.methods).map(
          (m) => `${m.toUpperCase()} ${l.route!.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
        ),
      );
  });
  afterAll(() => stack?.close());

  function concrete(route: string): { method: 'get' | 'post' | 'put'; path: string } {
    const [method, template] = route.split(' ');
    const path = template
      .replace('{trajectoryId}', trajectoryId)
      .replace('{escalationId}', `${trajectoryId}-esc-1`)
      .replace('{idempotencyKey}', `${trajectoryId}:INITIAL:1`)
      .replace('{batchId}', '00000000-0000-0000-0000-000000000000')
      .replace('{code}', 'WF-J-B-OPV-M')
      .replace('{regionId}', 'WEST-FRIESLAND')
      .replace('{providerId}', LEAD)
      .replace('{contractId}', '0')
      .replace('{freezeId}', '0')
      .replace('{occasion}', 'evaluation-1')
      .replace('{year}', '2025')
      .replace('{month}', '2025-01');
    return { method: method.toLowerCase() as 'get' | 'post' | 'put', path };
  }

  const call = (route: string, token?: string) => {
    const { method, path } = concrete(route);
    const req = request(http)[method](path);
    if (token) req.set('Authorization', token);
    // The chain's messages are XML (a JSON body there is 415 for everyone, before authentication).
    if (route === 'POST /chain/messages')
      return req.set('Content-Type', 'application/xml').send('<Bericht/>');
    return method === 'get' ? req : req.send({});
  };

  it('has a rule for every route the API serves, and no rule for a route that does not exist', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('refuses every route without credentials except the public ones (401)', async () => {
    for (const route of routes) {
      const res = await call(route);
      if (RULES[route].roles === 'PUBLIC') expect([route, res.status]).not.toEqual([route, 401]);
      else expect([route, res.status, res.body.code]).toEqual([route, 401, 'UNAUTHENTICATED']);
    }
  });

  it('lets exactly the named roles through and answers 403 to every other role', async () => {
    for (const route of routes) {
      const rule = RULES[route];
      if (rule.roles === 'PUBLIC') continue;
      for (const role of ROLES) {
        const res = await call(route, tokenFor(role, true));
        if (rule.roles.includes(role)) expect([route, role, res.status]).not.toEqual([route, role, 403]);
        else expect([route, role, res.status]).toEqual([route, role, 403]);
        expect(res.status).not.toBe(500);
      }
    }
  });

  /** Bodies no caller should send: not JSON, not an object, wrong types everywhere, far too long. */
  const MALFORMED: { contentType: string; body: string }[] = [
    { contentType: 'application/json', body: '{' },
    { contentType: 'application/json', body: 'null' },
    { contentType: 'application/json', body: '[1, 2]' },
    { contentType: 'application/json', body: '"text"' },
    { contentType: 'text/plain', body: 'planVersion=1' },
    {
      contentType: 'application/json',
      // A prototype key first (JSON.stringify would drop it from an object literal).
      body: `{"__proto__":{"admin":true},${JSON.stringify({
        planVersion: 'one',
        party: 7,
        reasonCode: ['OTHER'],
        decision: { code: 'APPROVE' },
        evaluation: 'COMPLETE',
        plan: [],
        results: {},
        leadProviderId: { id: 'x' },
        chosenByFamily: 'yes',
        regionId: 12,
        arrangementCode: null,
        validFrom: '2026-02-30',
        name: 'x'.repeat(50_000),
      }).slice(1)}`,
    },
  ];

  it('never answers 500 to a malformed body on any route that takes one, whoever may call it', async () => {
    let sent = 0;
    for (const route of routes) {
      const rule = RULES[route];
      const { method, path } = concrete(route);
      if (method === 'get' || rule.roles === 'PUBLIC') continue;
      for (const role of rule.roles) {
        for (const { contentType, body } of MALFORMED) {
          const send = request(http)[method](path);
          const res = await send
            .set('Authorization', tokenFor(role, true))
            .set('Content-Type', contentType)
            .send(body);
          sent += 1;
          expect([route, role, body.slice(0, 20), res.status < 500]).toEqual([
            route,
            role,
            body.slice(0, 20),
            true,
          ]);
          expect(res.body.code).toEqual(expect.any(String));
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
  });

  it("never answers another municipality's or provider's trajectory: 404, or lists without it", async () => {
    await expectNothingOfOurs(routes, (role) => tokenFor(role, false));
  });

  it('a provider token that also names the municipality reads nothing it does not lead', async () => {
    const otherProvider = bearer(['PROVIDER'], [OWN], 'PRV-SOMEONE-ELSE');
    const withoutProviderId = bearer(['PROVIDER'], [OWN]);
    for (const token of [otherProvider, withoutProviderId]) {
      await expectNothingOfOurs(
        routes.filter((route) => RULES[route].roles !== 'PUBLIC' && RULES[route].roles.includes('PROVIDER')),
        () => token,
      );
    }
  });

  /** Every scoped route, for every role it allows, answers 404 or a list without the suite's trajectory. */
  async function expectNothingOfOurs(scoped: string[], token: (role: Role) => string): Promise<void> {
    let checked = 0;
    for (const route of scoped) {
      const rule = RULES[route];
      if (rule.roles === 'PUBLIC' || rule.scope === 'global') continue;
      for (const role of rule.roles) {
        checked += 1;
        const res = await call(route, token(role));
        if (rule.scope === 'list') {
          expect([route, role, JSON.stringify(res.body).includes(trajectoryId)]).toEqual([
            route,
            role,
            false,
          ]);
        } else {
          // 404 as for an unknown id; or 400 when the (empty) body is refused first, which reveals nothing.
          expect([route, role, [400, 404].includes(res.status)]).toEqual([route, role, true]);
          expect(JSON.stringify(res.body)).not.toMatch(/"status":"(AWAITING_APPROVAL|DRAFTING)"/);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  }
});
