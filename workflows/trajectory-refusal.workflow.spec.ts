import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { LT, PROVIDER, RECOVERY_LIGHT, TABLE } from '../libs/domain/testing/trajectory-fixtures';
import { acceptedUpdates, eventTypes } from '../test/support/history-events';
import { settled } from '../test/support/settled';
import { useTrajectoryKit } from '../test/support/kit-suite';
import { devServerTestBed } from '../test/support/workflow-env';

/**
 * A refused command never enters history (domain.md §7.4: "Update with a validator"). Proven on the real
 * dev server: the Java time-skipping server records a workflow task for every validator run, a real server
 * drops it. No timers are involved, so nothing here needs time skipping.
 */
jest.setTimeout(60_000);

const suite = useTrajectoryKit(devServerTestBed, 'refusal', 'refu');

describe('a refused update', () => {
  it('leaves the history unchanged: 409 INVALID_TRANSITION and 422 DOMAIN_RULE_VIOLATION with status, actions and violations', async () => {
    const t = await suite.kit.submitted();
    const before = await t.history();

    const conflict = await t.rejection('confirmStart', { actor: PROVIDER });
    expect(conflict.error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(conflict.error.cause).toBeInstanceOf(ApplicationFailure);
    expect(conflict.type).toBe('INVALID_TRANSITION');
    expect(conflict.details).toMatchObject({
      code: 'INVALID_TRANSITION',
      action: 'confirmStart',
      currentStatus: 'AWAITING_APPROVAL',
      violations: [{ field: 'status', message: expect.stringContaining('confirmStart') }],
    });
    expect(conflict.details.allowedActions).toEqual(
      expect.arrayContaining(['signPlan', 'requestChanges', 'approvePlan', 'rejectPlan', 'escalate']),
    );

    // R-ROLE-04: the local team approves only after every required party has signed.
    const invalid = await t.rejection('approvePlan', { actor: LT, planVersion: 1 });
    expect(invalid.error.cause).toBeInstanceOf(ApplicationFailure);
    expect(invalid.type).toBe('DOMAIN_RULE_VIOLATION');
    expect(invalid.details).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      currentStatus: 'AWAITING_APPROVAL',
    });
    expect(invalid.details.violations.map((v) => v.field)).toEqual([
      'signatures.CLIENT',
      'signatures.LEAD_PROVIDER',
    ]);

    const after = await t.history();
    expect(after).toHaveLength(before.length);
    expect(acceptedUpdates(after)).toEqual(['beginDrafting', 'submitPlan']);
    expect((await t.view()).status).toBe('AWAITING_APPROVAL');
  });

  it('at the breakthrough table leaves the case history unchanged: 422 without the family consent (§4.4)', async () => {
    const { t, escalationId } = await suite.kit.escalated({ offeredArrangement: RECOVERY_LIGHT });
    const table = t.table(escalationId);
    // The case is at rest once its first work is done: the audit write, then the reminder timer.
    const before = await settled(
      async () => eventTypes((await table.handle.fetchHistory().catch(() => undefined))?.events ?? []),
      (events) => events.includes('TIMER_STARTED'),
    );

    const refusal = await table.rejection({
      code: 'ASSIGN_OTHER_PROVIDER',
      decidedBy: TABLE,
      rationaleRef: 'rationale-9',
      leadProviderId: 'prov-other',
      familyConsent: false,
    });

    expect(refusal.type).toBe('DOMAIN_RULE_VIOLATION');
    expect(refusal.details).toMatchObject({ currentStatus: 'OPEN' });
    expect(refusal.details.violations.map((v) => v.field)).toEqual(['decision.familyConsent']);
    expect((await table.handle.fetchHistory()).events ?? []).toHaveLength(before.length);
    expect((await table.state()).status).toBe('OPEN');
  });
});
