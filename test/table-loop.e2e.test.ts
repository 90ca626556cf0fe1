import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { contractProvider } from './support/provider-register';
import { planSubmission } from './support/plan-submission';
import { bootStack, eventually, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * The breakthrough table's loop over HTTP, tight: an escalation answers once the table's case exists, so the
 * table's immediate decision never meets a 404; a case past the table's deadline shows as OVERDUE and is on
 * the overdue worklist (domain.md §7.6, decisions.md 10).
 */
jest.setTimeout(240_000);

describe('the breakthrough table loop over HTTP', () => {
  let stack: RunningStack;
  let http: App;
  const municipality = 'GM0405';
  const provider = 'PRV-LOOP';
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-hoorn');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-hoorn-07');
  const table = bearer(['BREAKTHROUGH_TABLE'], [municipality], undefined, 'table-chair-1');
  const providerUser = bearer(['PROVIDER'], [], provider, 'prv-loop-user-1');

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('table-loop'));
    http = stack.api.getHttpServer();
    await contractProvider(http, provider);
  });
  afterAll(() => stack?.close());

  const post = (path: string, token: string, body: object = {}) =>
    request(http).post(path).set('Authorization', token).send(body);

  /** A trajectory awaiting approval; `policyOverrides` shorten its timers. */
  async function submitted(policyOverrides?: object): Promise<string> {
    const caseReference = uniqueRef('LOOP');
    const started = await post('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId: `c-${caseReference.toLowerCase()}`,
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
      ...(policyOverrides ? { policyOverrides } : {}),
    }).expect(201);
    const id = started.body.trajectoryId as string;
    await post(`/trajectories/${id}/drafting`, localTeam).expect(200);
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: provider,
      chosenByFamily: true,
    }).expect(200);
    await post(`/trajectories/${id}/plan/submit`, providerUser, planSubmission(provider)).expect(200);
    return id;
  }

  /** Runs `work` for 0..n-1 with at most `concurrency` at a time. */
  async function pool<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
    const results: T[] = new Array(n);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          results[i] = await work(i);
        }
      }),
    );
    return results;
  }

  it('an immediate table decision after escalate never answers 404 (100 tries at concurrency 10)', async () => {
    const statuses = await pool(100, 10, async () => {
      const id = await submitted();
      const escalated = await post(`/trajectories/${id}/escalate`, localTeam, {
        trigger: 'FINANCIAL_DISPUTE',
      }).expect(200);
      const decided = await post(`/escalations/${escalated.body.openEscalation.id}/decision`, table, {
        code: 'APPROVE_AS_SUBMITTED',
        rationaleRef: 'rationale-loop-1',
      });
      return decided.status;
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('a case past the table’s deadline is OVERDUE, keeps waiting, and is on the overdue worklist', async () => {
    const id = await submitted({
      breakthroughReminder: { duration: '1 second' },
      breakthroughDeadline: { duration: '2 seconds' },
    });
    const escalated = await post(`/trajectories/${id}/escalate`, localTeam, {
      trigger: 'FINANCIAL_DISPUTE',
    }).expect(200);
    const escalationId = escalated.body.openEscalation.id as string;
    const item = await eventually(async () => {
      const res = await request(http).get(`/escalations/${escalationId}`).set('Authorization', table);
      return res.status === 200 && res.body.case.status === 'OVERDUE' ? res.body : undefined;
    });
    expect(item).toMatchObject({
      status: 'OVERDUE',
      overdue: true,
      case: { status: 'OVERDUE', decisions: [] },
    });
    const overdue = await request(http).get('/worklists/overdue').set('Authorization', localTeam).expect(200);
    expect((overdue.body as { trajectoryId: string }[]).map((t) => t.trajectoryId)).toContain(id);

    // decisions.md 10: overdue is never an approval; the table still decides.
    const decided = await post(`/escalations/${escalationId}/decision`, table, {
      code: 'APPROVE_AS_SUBMITTED',
      rationaleRef: 'rationale-late-1',
    }).expect(200);
    expect(decided.body).toMatchObject({ status: 'DECIDED', decisionVersion: 1 });
  });
});
