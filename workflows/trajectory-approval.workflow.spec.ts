import { LEAN_HISTORY, SEARCH_ATTRIBUTE_DEFINITIONS, trajectorySearchAttributes } from '@app/contracts';
import { RECEIPT_TOLERANCE_MS, trajectoryView } from '@app/domain';
import { CASE, LT, planDraft, PROVIDER, RECOVERY_LIGHT } from '../libs/domain/testing/trajectory-fixtures';
import { decodedPayloads, keysOf, stringsOf } from '../test/support/history-payloads';
import { settled } from '../test/support/settled';
import { useTrajectoryKit } from '../test/support/kit-suite';
import {
  auditTypes,
  careDecisionRows,
  escalationRow,
  ledger,
  notifications,
  trajectoryRow,
} from '../test/support/trajectory-rows';
import { eventTypes } from '../test/support/history-events';
import { uniqueRef } from '../test/support/unique-ref';
import { timeSkippingTestBed } from '../test/support/workflow-env';

jest.setTimeout(60_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'approval', 'appr');

describe('history version 3: every search attribute set at the start (issue 20)', () => {
  const attributesOf = async (t: Awaited<ReturnType<typeof suite.kit.start>>) =>
    Object.fromEntries(
      (await t.handle.describe()).typedSearchAttributes
        .getAll()
        .map((p) => [p.key.name, p.value instanceof Date ? p.value.toISOString() : p.value]),
    );
  const expectedOf = async (t: Awaited<ReturnType<typeof suite.kit.start>>) => {
    const state = await t.state();
    return Object.fromEntries(
      trajectorySearchAttributes(state, trajectoryView(state, new Date(state.createdAt)))
        .filter((p) => p.value !== null)
        .map((p) => [p.key.name, p.value instanceof Date ? p.value.toISOString() : p.value]),
    );
  };

  it('a start stamped with its receipt is created at it, starts with every attribute and upserts none', async () => {
    const receivedAt = (await suite.bed.now()).toISOString();
    const t = await suite.kit.start({ receivedAt });
    const state = await t.state();
    expect(state.createdAt).toBe(receivedAt);
    const attributes = await attributesOf(t);
    expect(attributes).toMatchObject({
      TrajectoryStatus: 'INTAKE',
      Escalated: false,
      EvaluationOverdue: false,
    });
    expect(attributes).toMatchObject(await expectedOf(t));
    expect(eventTypes(await t.history())).not.toContain('UPSERT_WORKFLOW_SEARCH_ATTRIBUTES');
    // The attributes then follow the trajectory as before: the next status is upserted.
    await t.send('beginDrafting', { actor: LT });
    expect(
      eventTypes(await t.history()).filter((e) => e === 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES'),
    ).toHaveLength(1);
    expect((await attributesOf(t)).TrajectoryStatus).toBe('DRAFTING');
  });

  it('a start whose receipt lies too far back is created when its workflow runs, and upserts the difference', async () => {
    const now = await suite.bed.now();
    const receivedAt = new Date(now.getTime() - RECEIPT_TOLERANCE_MS - 60_000).toISOString();
    const t = await suite.kit.start({ receivedAt });
    const state = await t.state();
    expect(Date.parse(state.createdAt)).toBeGreaterThanOrEqual(now.getTime());
    expect(
      eventTypes(await t.history()).filter((e) => e === 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES'),
    ).toHaveLength(1);
    expect(await attributesOf(t)).toMatchObject(await expectedOf(t));
  });

  it('version 2 runs keep their shape: created when they first run, every attribute upserted in that task', async () => {
    const t = await suite.kit.withShape({ historyVersion: LEAN_HISTORY }).start();
    await t.view();
    const events = eventTypes(await t.history());
    expect(events.filter((e) => e === 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES')).toHaveLength(1);
    expect(await attributesOf(t)).toMatchObject(await expectedOf(t));
  });
});

describe('intake (domain.md §7.4)', () => {
  it('beginDrafting moves the intake to DRAFTING, audited and in the read model', async () => {
    const t = await suite.kit.start();
    const view = await t.send('beginDrafting', { actor: LT });

    expect(view.status).toBe('DRAFTING');
    // Rules 2: the drafters' wait has its deadline (draftingDeadline, 20 working days).
    expect(view.blocking).toEqual([
      {
        party: 'DRAFTERS',
        reason: 'PLAN_BEING_DRAFTED',
        until: view.deadlines.draftingDeadline,
        overdue: false,
      },
    ]);
    expect(view.deadlines.draftingDeadline).toEqual(expect.any(String));
    expect(
      await settled(
        () => auditTypes(suite.bed.db, t.trajectoryId),
        (a) => a.length === 2,
      ),
    ).toEqual(['TRAJECTORY_STARTED', 'DRAFTING_STARTED']);
    expect(await trajectoryRow(suite.bed.db, t.trajectoryId)).toMatchObject({ status: 'DRAFTING' });
  });

  it('recordPlanExemption is accepted for a request type on the policy list and recorded with its reason', async () => {
    const t = await suite.kit.start({ requestType: 'SINGLE_CONSULTATION' });
    const view = await t.send('recordPlanExemption', { actor: LT, reasonCode: 'ONE_OFF_CONSULT' });

    expect(view.status).toBe('DRAFTING');
    const state = await t.state();
    expect(state.planRequired).toBe(false);
    expect(state.exemption).toMatchObject({
      requestType: 'SINGLE_CONSULTATION',
      reasonCode: 'ONE_OFF_CONSULT',
      recordedByRef: LT.ref,
    });
    expect(
      await settled(
        () => auditTypes(suite.bed.db, t.trajectoryId),
        (a) => a.length === 2,
      ),
    ).toEqual(['TRAJECTORY_STARTED', 'PLAN_EXEMPTION_RECORDED']);
  });

  it('recordPlanExemption is refused with 422 for a request type that needs a plan (R-PLAN-05)', async () => {
    const t = await suite.kit.start({ requestType: 'YOUTH_SUPPORT' });
    const refusal = await t.rejection('recordPlanExemption', { actor: LT, reasonCode: 'ONE_OFF_CONSULT' });

    expect(refusal.type).toBe('DOMAIN_RULE_VIOLATION');
    expect(refusal.details.currentStatus).toBe('INTAKE');
    expect(refusal.details.violations.map((v) => v.field)).toEqual(['requestType']);
    expect((await t.view()).status).toBe('INTAKE');
  });

  it('withdraw before the start closes the trajectory as WITHDRAWN_BEFORE_START, with no money', async () => {
    const t = await suite.kit.start();
    await t.send('beginDrafting', { actor: LT });
    const view = await t.send('withdraw', { actor: CASE, reasonCode: 'CLIENT_WITHDREW' });

    expect(view.status).toBe('CLOSED');
    expect(await t.closed()).toMatchObject({ status: 'CLOSED', closureReason: 'WITHDRAWN_BEFORE_START' });
    expect(await trajectoryRow(suite.bed.db, t.trajectoryId)).toMatchObject({
      status: 'CLOSED',
      closure_reason: 'WITHDRAWN_BEFORE_START',
    });
    expect(await ledger(suite.bed.db, t.trajectoryId)).toEqual([]);
    expect(eventTypes(await t.history()).pop()).toBe('WORKFLOW_EXECUTION_COMPLETED');
  });
});

describe('plan approval (domain.md §7.4)', () => {
  it('a plan is submitted, signed per party, returned with a reason code, resubmitted and approved: DECIDED with a care_decision row', async () => {
    const t = await suite.kit.start();
    await t.send('beginDrafting', { actor: LT });
    let view = await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    expect(view).toMatchObject({ status: 'AWAITING_APPROVAL', planVersion: 1, rounds: 1 });
    expect(view.missingSignatures).toEqual(['CLIENT', 'LEAD_PROVIDER']);

    view = await t.send('signPlan', { actor: CASE, planVersion: 1, party: 'CLIENT' });
    expect(view.missingSignatures).toEqual(['LEAD_PROVIDER']);
    view = await t.send('requestChanges', { actor: LT, planVersion: 1, reasonCode: 'RESULTS_UNCLEAR' });
    expect(view.status).toBe('CHANGES_REQUESTED');
    expect((await t.state()).rounds[0]).toMatchObject({
      decision: 'CHANGES_REQUESTED',
      reasonCode: 'RESULTS_UNCLEAR',
    });

    view = await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    // Signatures belong to a version (R-ROLE-04): version 2 needs both again.
    expect(view).toMatchObject({ status: 'AWAITING_APPROVAL', planVersion: 2, rounds: 2 });
    expect(view.missingSignatures).toEqual(['CLIENT', 'LEAD_PROVIDER']);
    await t.send('signPlan', { actor: CASE, planVersion: 2, party: 'CLIENT' });
    view = await t.send('signPlan', { actor: PROVIDER, planVersion: 2, party: 'LEAD_PROVIDER' });
    expect(view.missingSignatures).toEqual([]);
    view = await t.send('approvePlan', { actor: LT, planVersion: 2 });

    expect(view).toMatchObject({ status: 'DECIDED', decisionVersion: 1, leadProviderId: 'prov-horizon' });
    expect(view.deadlines.providerStartDeadline).toBeDefined();
    const decisions = await settled(
      () => careDecisionRows(suite.bed.db, t.trajectoryId),
      (rows) => rows.length === 1,
    );
    expect(decisions).toEqual([
      expect.objectContaining({
        version: 1,
        cause: 'PLAN_APPROVAL',
        arrangementCode: 'JGD-B-PROF2-MIDDEN',
        tariffCents: 900_000,
        providerId: 'prov-horizon',
        provisional: false,
      }),
    ]);
    expect(await notifications(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining([
        'CHANGES_REQUESTED→PROVIDER',
        'PLAN_FULLY_SIGNED→LOCAL_TEAM',
        'DECISION_ISSUED→PROVIDER',
      ]),
    );
    expect(await trajectoryRow(suite.bed.db, t.trajectoryId)).toMatchObject({
      status: 'DECIDED',
      round_count: 2,
    });
  });

  it('rejectPlan closes the trajectory as REJECTED and tells the case system', async () => {
    const t = await suite.kit.submitted();
    const view = await t.send('rejectPlan', { actor: LT, planVersion: 1, reasonCode: 'SEGMENT_FIT' });

    expect(view.status).toBe('CLOSED');
    expect(await t.closed()).toMatchObject({ status: 'CLOSED', closureReason: 'REJECTED' });
    expect(await notifications(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining(['PLAN_REJECTED→CASE_SYSTEM', 'TRAJECTORY_CLOSED→CASE_SYSTEM']),
    );
    expect(await careDecisionRows(suite.bed.db, t.trajectoryId)).toEqual([]);
  });

  it('the third submission returned by the local team escalates by itself with ROUND_TRIP_LIMIT (§4.5)', async () => {
    const t = await suite.kit.submitted();
    await t.send('requestChanges', { actor: LT, planVersion: 1, reasonCode: 'MISSING_INFO' });
    await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    await t.send('requestChanges', { actor: LT, planVersion: 2, reasonCode: 'MISSING_INFO' });
    await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    const view = await t.send('requestChanges', {
      actor: LT,
      planVersion: 3,
      reasonCode: 'TARIFF_OR_INTENSITY',
    });

    expect(view.status).toBe('ESCALATED');
    expect(view.openEscalation).toMatchObject({ trigger: 'ROUND_TRIP_LIMIT', context: 'PLAN' });
    const escalationId = view.openEscalation!.id;
    const table = await (await t.openTable(escalationId)).state();
    expect(table).toMatchObject({ status: 'OPEN', docket: { trigger: 'ROUND_TRIP_LIMIT', roundCount: 3 } });
    expect(await escalationRow(suite.bed.db, escalationId)).toMatchObject({
      trigger: 'ROUND_TRIP_LIMIT',
      raised_by_role: 'SYSTEM',
      round_count: 3,
      status: 'OPEN',
    });
  });
});

describe('personal data (decisions.md 11)', () => {
  it('history and search attributes carry pseudonymous ids only: the name and BSN the case system holds never reach the workflow', async () => {
    // What the municipal case system knows; the API passes the pseudonym only.
    const person = { clientId: uniqueRef('cl'), name: 'Johanna de Vries', bsn: '123456782' };
    const { t, escalationId } = await suite.kit.escalated({
      overrides: { clientId: person.clientId },
      offeredArrangement: RECOVERY_LIGHT,
    });
    const table = await t.openTable(escalationId);
    const payloads = [
      ...decodedPayloads(await t.handle.fetchHistory()),
      ...decodedPayloads(await table.handle.fetchHistory()),
    ];
    const strings = stringsOf(payloads);

    // The scan does read the payloads: the pseudonym is there (input, docket, read-model row).
    expect(strings).toContain(person.clientId);
    expect(strings.filter((s) => s.includes(person.name) || s.includes(person.bsn))).toEqual([]);
    expect(strings.filter((s) => /\b\d{9}\b/.test(s))).toEqual([]);
    const keys = keysOf(payloads);
    for (const personal of [
      'name',
      'firstName',
      'lastName',
      'bsn',
      'birthDate',
      'address',
      'email',
      'phone',
    ]) {
      expect(keys.has(personal)).toBe(false);
    }

    const { typedSearchAttributes } = await t.handle.describe();
    const attributes = Object.fromEntries(
      typedSearchAttributes.getAll().map((pair) => [pair.key.name, pair.value]),
    );
    expect(Object.keys(attributes).sort()).toEqual(
      expect.arrayContaining([
        'CareDomain',
        'CareSegment',
        'Escalated',
        'MunicipalityCode',
        'TrajectoryStatus',
      ]),
    );
    for (const [name, value] of Object.entries(attributes)) {
      // Temporal's own attribute lists the patch ids this run took (code names, never personal data).
      if (name === 'TemporalChangeVersion') {
        expect(value).toEqual(expect.arrayContaining([expect.stringMatching(/^[a-z-]+$/)]));
        continue;
      }
      expect(SEARCH_ATTRIBUTE_DEFINITIONS.map((d) => d.name)).toContain(name);
    }
    expect(attributes).toMatchObject({
      TrajectoryStatus: 'ESCALATED',
      MunicipalityCode: '0405',
      CareDomain: 'JEUGD',
      CareSegment: 'B',
      ProviderId: 'prov-horizon',
      Escalated: true,
    });
  });
});
