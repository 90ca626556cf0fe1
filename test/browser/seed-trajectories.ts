import { bearer } from '../support/auth';
import { eventually } from '../support/stack';
import type { ApiClient } from './browser-support';
import { contractManagement } from '../support/provider-register';
import { planSubmission } from '../support/plan-submission';

/**
 * Trajectories of one throwaway municipality, driven over HTTP, so that the docket, the case, the timelines and
 * the dashboard have something real to show: one escalated (the browser test decides it), one that goes back
 * once and drops out, one scaled up and completed, and a new start of that client (a re-entry).
 */
export interface Seeded {
  municipality: string;
  provider: string;
  escalated: string;
  escalationId: string;
  droppedOut: string;
  completed: string;
  reentry: string;
}

export function tokensFor(municipality: string, provider: string) {
  return {
    caseSystem: bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-browser'),
    localTeam: bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-browser-01'),
    providerUser: bearer(['PROVIDER'], [], provider, 'prv-browser-user-1'),
    table: bearer(['BREAKTHROUGH_TABLE'], [municipality], undefined, 'table-chair-browser'),
  };
}

const evaluation = (outcome: string, attainment = 'ACHIEVED') => ({
  resultAssessments: [
    { resultId: 'r1', attainment },
    { resultId: 'r2', attainment: 'ACHIEVED' },
  ],
  clientSatisfaction: 'POSITIVE',
  outcome,
});

export async function seedTrajectories(api: ApiClient, municipality: string): Promise<Seeded> {
  const provider = 'PRV-BROWSER';
  const t = tokensFor(municipality, provider);
  const plan = planSubmission(provider);
  // Contract management puts the provider in the register for the plan's arrangements (plan/submit checks it).
  await api.call('PUT', `/providers/${provider}`, contractManagement, { name: 'Browser Jeugd (test)' });
  for (const arrangementCode of ['WF-J-B-OPV-M', 'WF-J-B-OPV-Z']) {
    await api
      .post(`/providers/${provider}/contracts`, contractManagement, {
        regionId: 'WEST-FRIESLAND',
        arrangementCode,
        subcontractingAllowed: true,
        validFrom: '2026-01-01',
      })
      // A contract from an earlier run on the same database stands (409: it overlaps).
      .catch((error: Error) => {
        if (!error.message.includes('→ 409')) throw error;
      });
  }
  const open = async (caseReference: string, clientId: string) => {
    const { trajectoryId } = await api.post<{ trajectoryId: string }>('/trajectories', t.caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId,
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    });
    await api.post(`/trajectories/${trajectoryId}/drafting`, t.localTeam);
    await api.post(`/trajectories/${trajectoryId}/lead-provider`, t.localTeam, {
      leadProviderId: provider,
      chosenByFamily: true,
    });
    return trajectoryId;
  };
  const submitSigned = async (id: string, planVersion: number) => {
    await api.post(`/trajectories/${id}/plan/submit`, t.providerUser, plan);
    await api.post(`/trajectories/${id}/plan/sign`, t.caseSystem, { planVersion, party: 'CLIENT' });
    await api.post(`/trajectories/${id}/plan/sign`, t.providerUser, { planVersion, party: 'LEAD_PROVIDER' });
  };

  // 1. A financial dispute at the breakthrough table: the browser test records the decision.
  const escalated = await open('BRW-ESC', 'c-brw-1');
  await submitSigned(escalated, 1);
  const raised = await api.post<{ openEscalation: { id: string } }>(
    `/trajectories/${escalated}/escalate`,
    t.localTeam,
    { trigger: 'FINANCIAL_DISPUTE' },
  );

  // 2. Sent back once, approved, started, then the client drops out.
  const droppedOut = await open('BRW-DROP', 'c-brw-2');
  await api.post(`/trajectories/${droppedOut}/plan/submit`, t.providerUser, plan);
  await api.post(`/trajectories/${droppedOut}/plan/request-changes`, t.localTeam, {
    planVersion: 1,
    reasonCode: 'RESULTS_UNCLEAR',
  });
  await submitSigned(droppedOut, 2);
  await api.post(`/trajectories/${droppedOut}/plan/approve`, t.localTeam, { planVersion: 2 });
  await api.post(`/trajectories/${droppedOut}/start`, t.providerUser);
  await api.post(`/trajectories/${droppedOut}/dropout`, t.localTeam, { reasonCode: 'CLIENT_STOPPED' });

  // 3. Approved, started, scaled up after an interim evaluation, completed per plan.
  const completed = await open('BRW-DONE', 'c-brw-3');
  await submitSigned(completed, 1);
  await api.post(`/trajectories/${completed}/plan/approve`, t.localTeam, { planVersion: 1 });
  await api.post(`/trajectories/${completed}/start`, t.providerUser);
  await api.post(`/trajectories/${completed}/evaluations`, t.localTeam, {
    evaluation: evaluation('SCALE_UP', 'PARTIAL'),
  });
  const change = await api.post<{ pendingChange: { id: string } }>(
    `/trajectories/${completed}/arrangement-changes`,
    t.localTeam,
    { arrangementCode: 'WF-J-B-OPV-Z', reasonCode: 'RESULTS_NOT_ACHIEVED' },
  );
  await api.post(`/trajectories/${completed}/arrangement-changes/decision`, t.localTeam, {
    changeId: change.pendingChange.id,
    decision: 'APPROVE',
  });
  await api.post(`/trajectories/${completed}/completion`, t.localTeam, {
    finalEvaluation: evaluation('COMPLETE'),
  });

  // 4. The same client starts again in the same domain: a re-entry (decisions.md 9).
  const reentry = await open('BRW-AGAIN', 'c-brw-3');

  // The read model is written by the worker after each transition: wait until it shows all of it.
  await eventually(async () => {
    const closed = await api.get<{ items: unknown[] }>(
      `/trajectories?municipality=${municipality}&status=CLOSED`,
      t.localTeam,
    );
    const docket = await api.get<{ escalationId: string }[]>('/escalations', t.table);
    const finals = await api.get<{ items: { kind: string }[] }>(
      `/trajectories/${completed}/payments`,
      t.localTeam,
    );
    return closed.items.length === 2 &&
      docket.some((e) => e.escalationId === raised.openEscalation.id) &&
      finals.items.some((p) => p.kind === 'FINAL')
      ? true
      : undefined;
  }, 30_000);

  return {
    municipality,
    provider,
    escalated,
    escalationId: raised.openEscalation.id,
    droppedOut,
    completed,
    reentry,
  };
}
