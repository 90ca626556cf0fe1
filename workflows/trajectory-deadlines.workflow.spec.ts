import { addWorkingDays, localIsoDate, policyHolidays, resolvePolicyDeadline } from '@app/domain';
import { LT, planDraft, policy, PROVIDER, TABLE } from '../libs/domain/testing/trajectory-fixtures';
import { eventTypes } from '../test/support/history-events';
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
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * The timers of domain.md §4.5 / §7.5 that end in the breakthrough table: the local team's approval
 * deadline, the table's own reminder and deadline, and the provider's start deadline. All in working days
 * on the region's calendar, so the server clock is skipped past real weekends and holidays.
 */
jest.setTimeout(90_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'deadlines', 'ddl');

/** The default policy's calendar: the national holidays by rule, no days of the region's own. */
const HOLIDAYS = policyHolidays(policy());
const DAY_MS = 86_400_000;

function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

describe('approval deadline (§4.5: 10 working days per plan version)', () => {
  it('escalates APPROVAL_SLA_EXCEEDED after 10 working days, not after 10 calendar days', async () => {
    const t = await suite.kit.submitted();
    await suite.kit.signAll(t);
    const { plan, approvalClock } = await t.state();
    const deadline = approvalClock!.deadlineAt;
    expect(deadline).toBe(addWorkingDays(new Date(plan!.submittedAt), 10, HOLIDAYS).toISOString());

    // Ten working days always span at least two weekends.
    await suite.bed.sleepUntil(plusDays(plan!.submittedAt, 10));
    expect((await t.view()).status).toBe('AWAITING_APPROVAL');

    await suite.bed.sleepUntil(deadline);
    const view = await t.until((v) => v.status === 'ESCALATED');
    expect(view.openEscalation).toMatchObject({ trigger: 'APPROVAL_SLA_EXCEEDED', context: 'PLAN' });
    const row = await settled(
      () => escalationRow(suite.bed.db, view.openEscalation!.id),
      (r) => r !== undefined,
    );
    expect(row).toMatchObject({ trigger: 'APPROVAL_SLA_EXCEEDED', raised_by_role: 'SYSTEM', status: 'OPEN' });
    expect((row!.raised_at as Date).toISOString() >= deadline).toBe(true);
    expect(eventTypes(await t.history())).toContain('TIMER_FIRED');
  });

  it('a holiday inside the window moves the deadline one working day later', async () => {
    // A region's own holiday three working days ahead (holidays are policy data, decisions.md 2).
    const holiday = localIsoDate(addWorkingDays(await suite.bed.now(), 3, HOLIDAYS));
    const t = await suite.kit.submitted({ policy: policy({ holidays: [holiday] }) });
    await suite.kit.signAll(t);
    const { plan, approvalClock } = await t.state();
    const submittedAt = new Date(plan!.submittedAt);
    const withoutHoliday = addWorkingDays(submittedAt, 10, HOLIDAYS).toISOString();
    expect(approvalClock!.deadlineAt).toBe(addWorkingDays(submittedAt, 11, HOLIDAYS).toISOString());

    await suite.bed.sleepUntil(withoutHoliday);
    expect((await t.view()).status).toBe('AWAITING_APPROVAL');

    await suite.bed.sleepUntil(approvalClock!.deadlineAt);
    expect(await t.until((v) => v.status === 'ESCALATED')).toMatchObject({
      openEscalation: { trigger: 'APPROVAL_SLA_EXCEEDED' },
    });
  });
});

describe('table deadline (§4.5: reminder at 5, deadline at 10 working days; decisions.md 10)', () => {
  it('an overdue table case reminds, tells contract management and keeps waiting: never an approval', async () => {
    const { t, escalationId } = await suite.kit.escalated();
    const table = await t.openTable(escalationId);
    const { reminderAt, deadlineAt } = await table.state();

    await suite.bed.sleepUntil(reminderAt);
    expect(
      await settled(
        () => table.state(),
        (s) => s.reminderSent,
      ),
    ).toMatchObject({
      reminderSent: true,
      overdue: false,
    });

    await suite.bed.sleepUntil(plusDays(deadlineAt, 30));
    expect(
      await settled(
        () => table.state(),
        (s) => s.overdue,
      ),
    ).toMatchObject({
      status: 'OVERDUE',
      reminderSent: true,
      overdue: true,
      decisions: [],
    });
    const view = await t.view();
    expect(view).toMatchObject({ status: 'ESCALATED', openEscalation: { id: escalationId, overdue: true } });
    expect(view.decisionVersion).toBeUndefined();
    expect((await t.state()).decisions).toEqual([]);
    expect(await notifications(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining(['TABLE_REMINDER→BREAKTHROUGH_TABLE', 'TABLE_OVERDUE→CONTRACT_MANAGEMENT']),
    );
    expect(await escalationRow(suite.bed.db, escalationId)).toMatchObject({
      status: 'OPEN',
      reminder_sent: true,
      overdue: true,
      decision_code: null,
    });
    expect(await auditTypes(suite.bed.db, t.trajectoryId, escalationId)).toEqual([
      'CASE_OPENED',
      'TABLE_REMINDER',
      'TABLE_OVERDUE',
    ]);
    expect(await careDecisionRows(suite.bed.db, t.trajectoryId)).toEqual([]);
  });
});

describe('provider start deadline (§4.5: 10 working days after the decision)', () => {
  async function notStarting() {
    const t = await suite.kit.decided();
    const { providerStartDeadlineAt, decisions } = await t.state();
    expect(providerStartDeadlineAt).toBe(
      addWorkingDays(new Date(decisions[0].decisionDate), 10, HOLIDAYS).toISOString(),
    );
    await suite.bed.sleepUntil(providerStartDeadlineAt!);
    const view = await t.until((v) => v.status === 'ESCALATED');
    expect(view.openEscalation).toMatchObject({ trigger: 'PROVIDER_NOT_STARTING', context: 'START' });
    return { t, escalationId: view.openEscalation!.id, deadline: providerStartDeadlineAt! };
  }

  it('escalates PROVIDER_NOT_STARTING; the table’s decision returns the trajectory to DECIDED with a new start clock', async () => {
    const { t, escalationId, deadline } = await notStarting();
    expect(await escalationRow(suite.bed.db, escalationId)).toMatchObject({
      raised_by_role: 'SYSTEM',
      context: 'START',
    });

    const table = await t.openTable(escalationId);
    await table.decide({ code: 'APPROVE_AS_SUBMITTED', decidedBy: TABLE, rationaleRef: 'rationale-3' });
    const view = await t.until((v) => v.status === 'DECIDED');
    // The decision stands (version 1); the provider gets a fresh 10 working days.
    expect(view).toMatchObject({ status: 'DECIDED', decisionVersion: 1 });
    expect(view.deadlines.providerStartDeadline! > deadline).toBe(true);

    expect((await t.send('confirmStart', { actor: PROVIDER })).status).toBe('ACTIVE');
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 1,
      ),
    ).toEqual(['INITIAL:600000:SCHEDULED']);
  });

  it('a provider that starts while the table has the case withdraws it', async () => {
    const { t, escalationId } = await notStarting();
    const table = await t.openTable(escalationId);

    expect((await t.send('confirmStart', { actor: PROVIDER })).status).toBe('ACTIVE');
    expect(await table.closed()).toMatchObject({ status: 'WITHDRAWN' });
    expect((await t.state()).escalations[0]).toMatchObject({ id: escalationId, status: 'WITHDRAWN' });
  });
});

describe('every wait for a person has a deadline (rules 2; issue "no plan stalls")', () => {
  it('missing signatures escalate with MISSING_SIGNATURES after the signature deadline', async () => {
    const t = await suite.kit.submitted();
    const { plan } = await t.state();
    const view0 = await t.view();
    const signBy = addWorkingDays(new Date(plan!.submittedAt), 5, HOLIDAYS).toISOString();
    expect(view0.deadlines.signatureDeadline).toBe(signBy);
    expect(view0.blocking).toContainEqual(
      expect.objectContaining({ party: 'LEAD_PROVIDER', reason: 'SIGNATURE_MISSING', until: signBy }),
    );

    await suite.bed.sleepUntil(signBy);
    const view = await t.until((v) => v.status === 'ESCALATED');
    expect(view.openEscalation).toMatchObject({ trigger: 'MISSING_SIGNATURES', context: 'PLAN' });
    expect(await notifications(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining(['DEADLINE_APPROACHING→DRAFTERS', 'ESCALATED→BREAKTHROUGH_TABLE']),
    );
    const types = await auditTypes(suite.bed.db, t.trajectoryId);
    expect(types.indexOf('REMINDER_SENT')).toBeLessThan(types.indexOf('ESCALATED'));
  });

  it('an unanswered return escalates after the resubmission deadline', async () => {
    const t = await suite.kit.submitted();
    await suite.kit.signAll(t);
    const returned = await t.send('requestChanges', {
      actor: { role: 'LOCAL_TEAM', ref: 'lt-worker-7' },
      planVersion: 1,
      reasonCode: 'RESULTS_UNCLEAR',
    });
    expect(returned.status).toBe('CHANGES_REQUESTED');
    const resubmitBy = returned.deadlines.resubmissionDeadline!;
    const { rounds } = await t.state();
    expect(resubmitBy).toBe(addWorkingDays(new Date(rounds[0].decidedAt!), 10, HOLIDAYS).toISOString());

    await suite.bed.sleepUntil(resubmitBy);
    const view = await t.until((v) => v.status === 'ESCALATED');
    expect(view.openEscalation).toMatchObject({ trigger: 'APPROVAL_SLA_EXCEEDED', context: 'PLAN' });
    expect((await t.state()).escalations[0]).toMatchObject({ fromStatus: 'CHANGES_REQUESTED' });
  });
});

describe('statutory clocks (Wmo 2015 art. 2.3.2 / 2.3.5, Awb art. 4:13)', () => {
  it('a youth-care application undecided after 8 weeks: a reminder a working week before, then a notice, never a decision', async () => {
    const t = await suite.kit.start();
    await t.send('beginDrafting', { actor: LT });
    const { createdAt } = await t.state();
    const deadline = resolvePolicyDeadline(policy(), new Date(createdAt), { calendarDays: 56 }).toISOString();
    const view0 = await t.view();
    expect(view0.statutoryClocks).toEqual([
      {
        kind: 'JEUGD_DECISION',
        law: 'Awb art. 4:13 lid 2',
        startedAt: createdAt,
        deadlineAt: deadline,
        lapsed: false,
      },
    ]);
    expect(view0.deadlines.statutoryDeadline).toBe(deadline);
    const attributes = async () =>
      Object.fromEntries(
        (await t.handle.describe()).typedSearchAttributes.getAll().map((p) => [p.key.name, p.value]),
      );
    expect((await attributes()).StatutoryDeadline).toEqual(new Date(deadline));
    expect(
      await settled(
        () => trajectoryRow(suite.bed.db, t.trajectoryId),
        (r) => r?.statutory_clock === 'JEUGD_DECISION',
      ),
    ).toMatchObject({ statutory_deadline: new Date(deadline) });

    await suite.bed.sleepUntil(deadline);
    const lapsed = await t.until((v) => v.statutoryClocks[0]?.lapsed === true);
    expect(lapsed.status).toBe('DRAFTING');
    const statutory: { type: string; at: Date }[] = await settled(
      () =>
        suite.bed.db.query(
          `SELECT type, at FROM audit_event WHERE trajectory_id = $1 AND details->>'wait' = 'JEUGD_DECISION'
           ORDER BY seq`,
          [t.trajectoryId],
        ),
      (rows: unknown[]) => rows.length >= 2,
    );
    expect(statutory.map((r) => r.type)).toEqual(['REMINDER_SENT', 'WAIT_OVERDUE']);
    const remindBy = addWorkingDays(new Date(deadline), -5, HOLIDAYS);
    expect(statutory[0].at.getTime()).toBeGreaterThanOrEqual(remindBy.getTime());
    expect(statutory[0].at.toISOString() < deadline).toBe(true);
    expect(statutory[1].at.toISOString() >= deadline).toBe(true);
    expect(await notifications(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining(['DEADLINE_APPROACHING→LOCAL_TEAM', 'WAIT_OVERDUE→LOCAL_TEAM']),
    );

    // The decision stops the clock: it is off the worklist and the search attribute is cleared.
    await t.send('chooseLeadProvider', { actor: LT, leadProviderId: 'prov-horizon', chosenByFamily: true });
    await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    await suite.kit.signAll(t);
    const decided = await t.send('approvePlan', { actor: LT, planVersion: 1 });
    expect(decided.statutoryClocks[0]).toMatchObject({ stoppedAt: expect.any(String), lapsed: true });
    expect(decided.deadlines.statutoryDeadline).toBeUndefined();
    expect((await attributes()).StatutoryDeadline).toBeUndefined();
  });
});
