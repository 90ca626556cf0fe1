import { resolvePolicyDeadline } from '@app/domain';
import {
  LT,
  planDraft,
  policy,
  PROVIDER,
  RECOVERY,
  RECOVERY_HEAVY,
  RECOVERY_LIGHT,
  TABLE,
} from '../libs/domain/testing/trajectory-fixtures';
import { closedStatus } from '../test/support/closed-status';
import { eventTypes } from '../test/support/history-events';
import { settled } from '../test/support/settled';
import { useTrajectoryKit } from '../test/support/kit-suite';
import { careDecisionRows, escalationRow, ledger, notifications } from '../test/support/trajectory-rows';
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * Every decision of the breakthrough table (domain.md §4.4, decisions.md 3), recorded through the child
 * workflow's `recordDecision` update and returned to the trajectory by signal (§7.6).
 */
jest.setTimeout(60_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'table', 'tbl');

/** §4.3: a named chair with a recorded rationale (a reference: the text lives in PostgreSQL). */
const CHAIR = { decidedBy: TABLE, rationaleRef: 'rationale-17', memberRefs: ['member-a', 'member-b'] };

/** A plan escalated by the local team with its counter-offer (€6,000 against the asked €9,000). */
async function atTheTable(plan = planDraft()) {
  const { t, escalationId } = await suite.kit.escalated({ plan, offeredArrangement: RECOVERY_LIGHT });
  return { t, escalationId, table: await t.openTable(escalationId) };
}

describe('the breakthrough table (domain.md §4, §7.6)', () => {
  it('a local team escalating with a trigger code opens the case breakthrough-<escalationId> and pauses the approval clock', async () => {
    const { t, escalationId, table } = await atTheTable();
    const view = await t.view();

    expect(view).toMatchObject({ status: 'ESCALATED', subFlags: { escalated: true } });
    expect(view.openEscalation).toMatchObject({
      trigger: 'FINANCIAL_DISPUTE',
      context: 'PLAN',
      status: 'OPEN',
    });
    expect(view.deadlines.approvalClockPausedAt).toBeDefined();
    expect(await table.state()).toMatchObject({
      status: 'OPEN',
      deadlineAt: view.openEscalation!.deadlineAt,
      docket: {
        trigger: 'FINANCIAL_DISPUTE',
        raisedBy: LT,
        roundCount: 1,
        askedArrangement: { code: RECOVERY.code },
        offeredArrangement: { code: RECOVERY_LIGHT.code },
      },
    });
    expect(eventTypes(await t.history())).toEqual(
      expect.arrayContaining([
        'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
        'CHILD_WORKFLOW_EXECUTION_STARTED',
      ]),
    );

    await table.assign('table-chair-1', ['member-a']);
    const row = await settled(
      () => escalationRow(suite.bed.db, escalationId),
      (r) => r?.chair_ref === 'table-chair-1',
    );
    expect(row).toMatchObject({
      trigger: 'FINANCIAL_DISPUTE',
      raised_by_role: 'LOCAL_TEAM',
      status: 'OPEN',
      asked_arrangement: RECOVERY.code,
      offered_arrangement: RECOVERY_LIGHT.code,
      chair_ref: 'table-chair-1',
    });
    expect(await notifications(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining(['ESCALATED→BREAKTHROUGH_TABLE', 'CASE_OPENED→BREAKTHROUGH_TABLE']),
    );
  });

  it('APPROVE_AS_SUBMITTED replaces the local team’s approval: DECIDED on the asked arrangement, case closed', async () => {
    const { t, escalationId, table } = await atTheTable();
    expect(await table.decide({ code: 'APPROVE_AS_SUBMITTED', ...CHAIR })).toMatchObject({
      status: 'DECIDED',
    });

    const view = await t.until((v) => v.status === 'DECIDED');
    expect(view).toMatchObject({ status: 'DECIDED', decisionVersion: 1, subFlags: { escalated: false } });
    const state = await t.state();
    expect(state.plan).toMatchObject({ status: 'APPROVED', approvedBy: 'BREAKTHROUGH_TABLE' });
    expect(state.decisions[0]).toMatchObject({ cause: 'BREAKTHROUGH', approvedBy: 'BREAKTHROUGH_TABLE' });
    expect(
      await settled(
        () => careDecisionRows(suite.bed.db, t.trajectoryId),
        (r) => r.length > 0,
      ),
    ).toEqual([
      expect.objectContaining({ version: 1, cause: 'BREAKTHROUGH', arrangementCode: RECOVERY.code }),
    ]);
    expect(await escalationRow(suite.bed.db, escalationId)).toMatchObject({
      status: 'DECIDED',
      decision_code: 'APPROVE_AS_SUBMITTED',
      decided_by: TABLE.ref,
      rationale_ref: 'rationale-17',
    });
    expect(await closedStatus(table.handle)).toBe('COMPLETED');
  });

  it('APPROVE_WITH_ARRANGEMENT decides on the profile, intensity and tariff the table sets', async () => {
    const { t, table } = await atTheTable();
    await table.decide({
      code: 'APPROVE_WITH_ARRANGEMENT',
      ...CHAIR,
      arrangement: RECOVERY_HEAVY,
      intensityCode: 'ZWAAR',
    });

    expect(await t.until((v) => v.status === 'DECIDED')).toMatchObject({
      status: 'DECIDED',
      decisionVersion: 1,
    });
    expect((await t.state()).decisions[0]).toMatchObject({
      arrangement: { code: RECOVERY_HEAVY.code, tariffCents: 1_200_000 },
      intensityCode: 'ZWAAR',
    });
    expect(
      await settled(
        () => careDecisionRows(suite.bed.db, t.trajectoryId),
        (r) => r.length > 0,
      ),
    ).toEqual([expect.objectContaining({ arrangementCode: RECOVERY_HEAVY.code, tariffCents: 1_200_000 })]);
  });

  it('RETURN_WITH_INSTRUCTIONS sends the plan back with the table’s deadline; a resubmission starts a new round', async () => {
    const { t, table } = await atTheTable();
    const resubmitBy = new Date((await suite.bed.now()).getTime() + 20 * 86_400_000).toISOString();
    await table.decide({
      code: 'RETURN_WITH_INSTRUCTIONS',
      ...CHAIR,
      instructionCodes: ['ADD_RESULTS'],
      resubmitBy,
    });

    const view = await t.until((v) => v.status === 'CHANGES_REQUESTED');
    expect(view.status).toBe('CHANGES_REQUESTED');
    expect(view.deadlines.resubmissionDeadline).toBe(resubmitBy);
    expect(view.openEscalation).toBeUndefined();

    const resubmitted = await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    expect(resubmitted).toMatchObject({ status: 'AWAITING_APPROVAL', planVersion: 2, rounds: 2 });
    expect(resubmitted.deadlines.approvalClockPausedAt).toBeUndefined();
  });

  it('REJECT closes the trajectory as REJECTED without a decision', async () => {
    const { t, escalationId, table } = await atTheTable();
    await table.decide({ code: 'REJECT', ...CHAIR });

    expect(await t.closed()).toMatchObject({ status: 'CLOSED', closureReason: 'REJECTED' });
    expect(await careDecisionRows(suite.bed.db, t.trajectoryId)).toEqual([]);
    expect(await escalationRow(suite.bed.db, escalationId)).toMatchObject({
      decision_code: 'REJECT',
      status: 'DECIDED',
    });
  });

  it('AUTHORISE_PROVISIONAL_START starts care on the offered arrangement and pays its initial tranche; the settlement adds an ADJUSTMENT', async () => {
    const { t, escalationId, table } = await atTheTable();
    expect(await table.decide({ code: 'AUTHORISE_PROVISIONAL_START', ...CHAIR })).toMatchObject({
      status: 'PROVISIONAL',
    });
    let view = await t.until((v) => v.status === 'DECIDED');
    expect(view).toMatchObject({ status: 'DECIDED', subFlags: { provisionalStart: true } });
    expect(view.openEscalation).toMatchObject({ id: escalationId, status: 'PROVISIONAL' });

    // decisions.md 3: care starts on the local team's offer, €6,000, and the initial 2/3 is paid on it.
    view = await t.send('confirmStart', { actor: PROVIDER });
    expect(view.status).toBe('ACTIVE');
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 1,
      ),
    ).toEqual(['INITIAL:400000:SCHEDULED']);

    // The table settles on the asked €9,000: the difference is an adjustment under the scaling rule (§7.8).
    await table.decide({ code: 'APPROVE_AS_SUBMITTED', ...CHAIR });
    view = await t.until((v) => v.decisionVersion === 2);
    expect(view).toMatchObject({ status: 'ACTIVE', subFlags: { provisionalStart: false, escalated: false } });
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 2,
      ),
    ).toEqual(['INITIAL:400000:SCHEDULED', 'ADJUSTMENT:200000:SCHEDULED']);
    expect(await careDecisionRows(suite.bed.db, t.trajectoryId)).toEqual([
      expect.objectContaining({
        version: 1,
        cause: 'PROVISIONAL_START',
        provisional: true,
        tariffCents: 600_000,
      }),
      expect.objectContaining({
        version: 2,
        cause: 'BREAKTHROUGH',
        provisional: false,
        tariffCents: 900_000,
      }),
    ]);
    expect(await closedStatus(table.handle)).toBe('COMPLETED');
  });

  it('RECLASSIFY to high complexity decides for a year whatever the plan’s end (R-TIME-02)', async () => {
    const plannedEndAt = new Date((await suite.bed.now()).getTime() + 120 * 86_400_000).toISOString();
    const { t, table } = await atTheTable(planDraft({ plannedEndAt }));
    await table.decide({ code: 'RECLASSIFY', ...CHAIR, complexity: 'HIGH', arrangement: RECOVERY });

    expect(await t.until((v) => v.status === 'DECIDED')).toMatchObject({ status: 'DECIDED' });
    const state = await t.state();
    expect(state.complexity).toBe('HIGH');
    const decision = state.decisions[0];
    expect(decision.complexity).toBe('HIGH');
    expect(decision.validTo).toBe(
      resolvePolicyDeadline(policy(), new Date(decision.validFrom), { months: 12 }).toISOString(),
    );
  });

  it('ASSIGN_OTHER_PROVIDER with the family’s consent decides for the other provider and tells it (§4.4)', async () => {
    const { t, table } = await atTheTable();
    await table.decide({
      code: 'ASSIGN_OTHER_PROVIDER',
      ...CHAIR,
      leadProviderId: 'prov-elders',
      familyConsent: true,
    });

    const view = await t.until((v) => v.status === 'DECIDED');
    expect(view).toMatchObject({ status: 'DECIDED', leadProviderId: 'prov-elders' });
    expect((await t.state()).decisions[0]).toMatchObject({
      cause: 'PROVIDER_REASSIGNMENT',
      providerId: 'prov-elders',
    });
    expect(
      await settled(
        () => careDecisionRows(suite.bed.db, t.trajectoryId),
        (r) => r.length > 0,
      ),
    ).toEqual([expect.objectContaining({ providerId: 'prov-elders', cause: 'PROVIDER_REASSIGNMENT' })]);
    const { typedSearchAttributes } = await t.handle.describe();
    expect(typedSearchAttributes.getAll().find((p) => p.key.name === 'ProviderId')?.value).toBe(
      'prov-elders',
    );
  });
});
