import type { BreakthroughDecision } from '../breakthrough/breakthrough-decision';
import { breakthroughDecisionViolations } from '../breakthrough/breakthrough-decision-rules';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import { payableArrangementViolations } from '../trajectory/arrangement-rules';
import {
  decidePlanCase,
  decideScalingCase,
  decideStartCase,
  settleProvisionalStart,
} from './breakthrough-outcome';
import { allowedActions } from '../lifecycle/command-access';
import type { Escalation } from '../trajectory/escalation';
import { closeDraft, notify, openDraft, recordAudit } from '../trajectory/transition-draft';
import type { Transition, TrajectoryState } from '../trajectory/trajectory-state';
import { TransitionRejected } from '../shared/transition-rejected';
import type { RuleViolation } from '../shared/transition-rejected';

const ACTION = 'applyBreakthroughDecision';

/** An arrangement the table names, when it names one, is valid and payable under the running policy. */
function payable(
  state: TrajectoryState,
  terms: ArrangementTerms | undefined,
  field: string,
): RuleViolation[] {
  return terms === undefined ? [] : payableArrangementViolations(state, terms, field);
}

/** Trajectory-specific checks on top of the table's own rules (breakthroughDecisionViolations). */
function stateViolations(
  state: TrajectoryState,
  escalation: Escalation,
  d: BreakthroughDecision,
): RuleViolation[] {
  switch (d.code) {
    case 'APPROVE_WITH_ARRANGEMENT':
      return payable(state, d.arrangement, 'decision.arrangement');
    case 'RECLASSIFY': {
      const out: RuleViolation[] = [];
      if (
        (d.segment ?? state.segment) === state.segment &&
        (d.complexity ?? state.complexity) === state.complexity
      ) {
        out.push({
          field: 'decision.segment',
          message: 'a reclassification changes the segment or the complexity',
        });
      }
      // The arrangement must fit the new class.
      const reclassified = { ...state, segment: d.segment ?? state.segment };
      return [...out, ...payable(reclassified, d.arrangement, 'decision.arrangement')];
    }
    case 'ASSIGN_OTHER_PROVIDER':
      return d.leadProviderId === state.leadProviderId
        ? [{ field: 'decision.leadProviderId', message: 'the other provider is the current one' }]
        : [];
    case 'AUTHORISE_PROVISIONAL_START':
      return payable(state, d.offeredArrangement, 'decision.offeredArrangement');
    case 'APPROVE_AS_SUBMITTED':
      return escalation.status === 'PROVISIONAL'
        ? payable(state, escalation.askedArrangement, 'askedArrangement')
        : [];
    default:
      return [];
  }
}

function findOpen(state: TrajectoryState, escalationId: string): Escalation | undefined {
  return state.escalations.find(
    (e) => e.id === escalationId && (e.status === 'OPEN' || e.status === 'PROVISIONAL'),
  );
}

/**
 * The validator for a table decision: INVALID_TRANSITION (409) when no such open case exists,
 * DOMAIN_RULE_VIOLATION (422) when the decision breaks a rule of §4.3/§4.4 or does not fit the case.
 */
export function assertBreakthroughDecisionAllowed(
  state: TrajectoryState,
  escalationId: string,
  decision: BreakthroughDecision,
  now: Date,
): void {
  const reject = (code: TransitionRejected['code'], violations: RuleViolation[]) =>
    new TransitionRejected({
      code,
      action: ACTION,
      currentStatus: state.status,
      allowedActions: allowedActions(state),
      violations,
    });
  const escalation = findOpen(state, escalationId);
  if (escalation === undefined || state.status === 'CLOSED') {
    throw reject('INVALID_TRANSITION', [
      { field: 'escalationId', message: `no open escalation ${escalationId}` },
    ]);
  }
  const generic = breakthroughDecisionViolations(decision, {
    context: escalation.context,
    status: escalation.status === 'PROVISIONAL' ? 'PROVISIONAL' : 'OPEN',
    hasOfferedArrangement: escalation.offeredArrangement !== undefined,
    now,
  });
  const violations = generic.length > 0 ? generic : stateViolations(state, escalation, decision);
  if (violations.length > 0) throw reject('DOMAIN_RULE_VIOLATION', violations);
}

/**
 * Applies the breakthrough table's decision (domain.md §4.4, decisions.md 3) and returns the trajectory
 * where §7.4 says: a plan case to DECIDED, CHANGES_REQUESTED or CLOSED; a start case to DECIDED; a
 * scaling case to ACTIVE. AUTHORISE_PROVISIONAL_START keeps the case open until the table settles it.
 */
export function applyBreakthroughDecision(
  state: TrajectoryState,
  escalationId: string,
  decision: BreakthroughDecision,
  now: Date,
): Transition {
  assertBreakthroughDecisionAllowed(state, escalationId, decision, now);
  const draft = openDraft(state, now);
  const escalation = draft.state.escalations.find((e) => e.id === escalationId)!;
  const settling = escalation.status === 'PROVISIONAL';
  escalation.decisions.push({
    code: decision.code,
    decidedAt: draft.at,
    chairRef: decision.decidedBy.ref,
    rationaleRef: decision.rationaleRef,
  });
  escalation.status = 'DECIDED';
  escalation.endedAt = draft.at;
  const versionBefore = draft.state.decisions.length;

  if (settling) settleProvisionalStart(draft, escalation, decision);
  else if (escalation.context === 'PLAN') decidePlanCase(draft, escalation, decision);
  else if (escalation.context === 'START') decideStartCase(draft, escalation, decision);
  else decideScalingCase(draft, decision);

  // keepOpenForSettlement may have reopened the case as PROVISIONAL.
  if ((escalation.status as Escalation['status']) === 'PROVISIONAL') delete escalation.endedAt;
  const issued = draft.state.decisions.length > versionBefore ? draft.state.decisions.length : null;
  recordAudit(draft, 'BREAKTHROUGH_DECIDED', decision.decidedBy, {
    escalationId,
    code: decision.code,
    context: escalation.context,
    settlesProvisionalStart: settling,
    rationaleRef: decision.rationaleRef,
    memberRefs: decision.memberRefs ?? [],
    issuedDecisionVersion: issued,
    resultingStatus: draft.state.status,
    // The family's consent to another provider is attested by the table that decides (R-ROLE-05).
    attestations: decision.code === 'ASSIGN_OTHER_PROVIDER' ? ['FAMILY_CONSENT'] : [],
  });
  notify(draft, 'BREAKTHROUGH_DECIDED', 'LOCAL_TEAM', { escalationId, code: decision.code });
  return closeDraft(draft);
}
