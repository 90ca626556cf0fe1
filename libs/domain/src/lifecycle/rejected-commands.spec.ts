import { TRAJECTORY_COMMAND_TYPES, applyCommand, assertCommandAllowed } from '@app/domain';
import type { TrajectoryCommand, TrajectoryCommandType, TrajectoryState } from '@app/domain';
import {
  active,
  at,
  CASE,
  created,
  decided,
  evaluation,
  FINANCE,
  LT,
  MONTHLY,
  planDraft,
  PROVIDER,
  RECOVERY_HEAVY,
  rejection,
  run,
  submitted,
  T0,
} from '../../testing/trajectory-fixtures';

const drafting = (): TrajectoryState => run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state;
const reassessing = (): TrajectoryState =>
  applyCommand(
    active(),
    { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'REASSESS' }) },
    T0,
  ).state;
const changing = (): TrajectoryState =>
  applyCommand(
    active(),
    { type: 'requestArrangementChange', actor: PROVIDER, arrangement: RECOVERY_HEAVY, reasonCode: 'X' },
    T0,
  ).state;

/** A provider's final evaluation waiting for the local team (rules 2). */
const proposing = () =>
  applyCommand(
    active(),
    { type: 'recordEvaluation', actor: PROVIDER, evaluation: evaluation({ outcome: 'TERMINATE' }) },
    T0,
  ).state;

type Case = [TrajectoryCommandType, () => TrajectoryState, TrajectoryCommand, string];

/** One refused-by-state (409) case per command. */
const INVALID: Case[] = [
  ['beginDrafting', drafting, { type: 'beginDrafting', actor: LT }, 'DRAFTING'],
  [
    'recordPlanExemption',
    submitted,
    { type: 'recordPlanExemption', actor: LT, reasonCode: 'X' },
    'AWAITING_APPROVAL',
  ],
  ['withdraw', decided, { type: 'withdraw', actor: CASE }, 'DECIDED'],
  [
    'chooseLeadProvider',
    decided,
    { type: 'chooseLeadProvider', actor: LT, leadProviderId: 'prov-x', chosenByFamily: true },
    'DECIDED',
  ],
  ['submitPlan', decided, { type: 'submitPlan', actor: PROVIDER, plan: planDraft() }, 'DECIDED'],
  ['signPlan', drafting, { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' }, 'DRAFTING'],
  [
    'requestChanges',
    decided,
    { type: 'requestChanges', actor: LT, planVersion: 1, reasonCode: 'OTHER' },
    'DECIDED',
  ],
  ['approvePlan', active, { type: 'approvePlan', actor: LT, planVersion: 1 }, 'ACTIVE'],
  ['rejectPlan', created, { type: 'rejectPlan', actor: LT, planVersion: 1, reasonCode: 'OTHER' }, 'INTAKE'],
  ['escalate', active, { type: 'escalate', actor: LT, trigger: 'FINANCIAL_DISPUTE' }, 'ACTIVE'],
  ['confirmStart', active, { type: 'confirmStart', actor: PROVIDER }, 'ACTIVE'],
  ['recordEvaluation', decided, { type: 'recordEvaluation', actor: LT, evaluation: evaluation() }, 'DECIDED'],
  [
    'decideEvaluationProposal',
    active,
    { type: 'decideEvaluationProposal', actor: LT, decision: 'CONFIRM' },
    'ACTIVE',
  ],
  [
    'requestArrangementChange',
    decided,
    { type: 'requestArrangementChange', actor: PROVIDER, arrangement: RECOVERY_HEAVY, reasonCode: 'X' },
    'DECIDED',
  ],
  [
    'decideArrangementChange',
    active,
    { type: 'decideArrangementChange', actor: LT, changeId: 'c', decision: 'APPROVE' },
    'ACTIVE',
  ],
  ['renewIndication', active, { type: 'renewIndication', actor: LT }, 'ACTIVE'],
  [
    'confirmCompletion',
    decided,
    { type: 'confirmCompletion', actor: LT, finalEvaluation: evaluation({ outcome: 'COMPLETE' }) },
    'DECIDED',
  ],
  ['reportDropout', decided, { type: 'reportDropout', actor: LT, reasonCode: 'X' }, 'DECIDED'],
  [
    'reportNewCareNeed',
    submitted,
    { type: 'reportNewCareNeed', actor: LT, successorCaseReference: 'C', oldPlanCompleted: false },
    'AWAITING_APPROVAL',
  ],
  [
    'switchProvider',
    decided,
    {
      type: 'switchProvider',
      actor: LT,
      newLeadProviderId: 'p',
      chosenByFamily: true,
      successorCaseReference: 'C',
    },
    'DECIDED',
  ],
  [
    'transferClient',
    created,
    {
      type: 'transferClient',
      actor: LT,
      newLeadProviderId: 'p',
      reasonCode: 'X',
      successorCaseReference: 'C',
    },
    'INTAKE',
  ],
  ['withholdPayment', decided, { type: 'withholdPayment', actor: FINANCE, reasonRef: 'm' }, 'DECIDED'],
  [
    'amendDecisionPrice',
    submitted,
    { type: 'amendDecisionPrice', actor: FINANCE, tariffCents: 1, providerAgreed: true, reasonRef: 'm' },
    'AWAITING_APPROVAL',
  ],
];

/** One refused-by-rule (422) case per command: allowed in the state, but the input breaks a rule. */
const VIOLATING: Case[] = [
  ['beginDrafting', created, { type: 'beginDrafting', actor: PROVIDER }, 'actor.role'],
  [
    'recordPlanExemption',
    created,
    { type: 'recordPlanExemption', actor: LT, reasonCode: 'X' },
    'requestType',
  ],
  ['withdraw', created, { type: 'withdraw', actor: PROVIDER }, 'actor.role'],
  [
    'chooseLeadProvider',
    drafting,
    { type: 'chooseLeadProvider', actor: LT, leadProviderId: 'prov-x', chosenByFamily: false },
    'chosenByFamily',
  ],
  [
    'submitPlan',
    drafting,
    { type: 'submitPlan', actor: PROVIDER, plan: planDraft({ results: [] }) },
    'plan.results',
  ],
  ['signPlan', submitted, { type: 'signPlan', actor: LT, planVersion: 1, party: 'LOCAL_TEAM' }, 'party'],
  [
    'requestChanges',
    submitted,
    { type: 'requestChanges', actor: PROVIDER, planVersion: 1, reasonCode: 'OTHER' },
    'actor.role',
  ],
  ['approvePlan', submitted, { type: 'approvePlan', actor: LT, planVersion: 1 }, 'signatures.CLIENT'],
  [
    'rejectPlan',
    submitted,
    { type: 'rejectPlan', actor: LT, planVersion: 1, reasonCode: 'NOPE' as never },
    'reasonCode',
  ],
  ['escalate', submitted, { type: 'escalate', actor: FINANCE, trigger: 'FINANCIAL_DISPUTE' }, 'actor.role'],
  ['confirmStart', decided, { type: 'confirmStart', actor: CASE }, 'actor.role'],
  [
    'recordEvaluation',
    active,
    { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ resultAssessments: [] }) },
    'evaluation.resultAssessments',
  ],
  [
    'decideEvaluationProposal',
    proposing,
    { type: 'decideEvaluationProposal', actor: LT, decision: 'REJECT' },
    'reasonCode',
  ],
  [
    'requestArrangementChange',
    active,
    { type: 'requestArrangementChange', actor: PROVIDER, arrangement: MONTHLY, reasonCode: 'X' },
    'arrangement.pricingBasis',
  ],
  [
    'decideArrangementChange',
    changing,
    { type: 'decideArrangementChange', actor: LT, changeId: 'traj-0417-chg-1', decision: 'REJECT' },
    'reasonCode',
  ],
  [
    'renewIndication',
    reassessing,
    { type: 'renewIndication', actor: LT, arrangement: MONTHLY },
    'arrangement.pricingBasis',
  ],
  [
    'confirmCompletion',
    active,
    { type: 'confirmCompletion', actor: LT, finalEvaluation: evaluation() },
    'finalEvaluation.outcome',
  ],
  ['reportDropout', active, { type: 'reportDropout', actor: LT, reasonCode: '' }, 'reasonCode'],
  [
    'reportNewCareNeed',
    active,
    { type: 'reportNewCareNeed', actor: LT, successorCaseReference: '', oldPlanCompleted: false },
    'successorCaseReference',
  ],
  [
    'switchProvider',
    active,
    {
      type: 'switchProvider',
      actor: PROVIDER,
      newLeadProviderId: 'p',
      chosenByFamily: true,
      successorCaseReference: 'C',
    },
    'actor.role',
  ],
  [
    'transferClient',
    active,
    {
      type: 'transferClient',
      actor: LT,
      newLeadProviderId: 'p',
      reasonCode: '',
      successorCaseReference: 'C',
    },
    'reasonCode',
  ],
  ['withholdPayment', active, { type: 'withholdPayment', actor: FINANCE, reasonRef: ' ' }, 'reasonRef'],
  [
    'amendDecisionPrice',
    active,
    { type: 'amendDecisionPrice', actor: FINANCE, tariffCents: -5, providerAgreed: true, reasonRef: 'm' },
    'tariffCents',
  ],
];

describe('every command has a 409 and a 422 path', () => {
  it('the tables cover all command types', () => {
    expect(INVALID.map((c) => c[0])).toEqual(TRAJECTORY_COMMAND_TYPES);
    expect(VIOLATING.map((c) => c[0])).toEqual(TRAJECTORY_COMMAND_TYPES);
  });

  it.each(INVALID)('%s refused by the state → INVALID_TRANSITION', (_type, build, command, status) => {
    const state = build();
    const error = rejection(() => assertCommandAllowed(state, command, T0));
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: status });
    expect(error.allowedActions).toEqual(expect.any(Array));
    expect(error.allowedActions).not.toContain(command.type);
    // applyCommand refuses the same way.
    expect(rejection(() => applyCommand(state, command, T0)).code).toBe('INVALID_TRANSITION');
  });

  it.each(VIOLATING)('%s breaking a rule → DOMAIN_RULE_VIOLATION', (_type, build, command, field) => {
    const state = build();
    const error = rejection(() => assertCommandAllowed(state, command, T0));
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.currentStatus).toBe(state.status);
    expect(error.allowedActions).toContain(command.type);
    expect(error.violations.map((v) => v.field)).toContain(field);
  });
});

describe('decideArrangementChange from REASSESSMENT (domain.md §7.4 REASSESSMENT row)', () => {
  it('approves the new arrangement as the renewal: ACTIVE, decision v2 with a fresh validity', () => {
    const now = at('2026-07-01T08:00:00.000Z');
    const reassess = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'REASSESS' }) },
      now,
    ).state;
    const { state } = run(
      reassess,
      [
        {
          type: 'requestArrangementChange',
          actor: LT,
          arrangement: RECOVERY_HEAVY,
          reasonCode: 'REINDICATION',
        },
        { type: 'decideArrangementChange', actor: LT, changeId: 'traj-0417-chg-1', decision: 'APPROVE' },
      ],
      now,
    );
    expect(state.status).toBe('ACTIVE');
    expect(state.decisions[1]).toMatchObject({
      version: 2,
      validFrom: now.toISOString(),
      validTo: '2027-07-01T08:00:00.000Z',
    });
    expect(state.care.nextEvaluationAt).toBe('2026-10-01T08:00:00.000Z');
  });
});
