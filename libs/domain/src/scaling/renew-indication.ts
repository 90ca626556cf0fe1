import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { RuleViolation } from '../shared/transition-rejected';
import { payableArrangementViolations } from '../trajectory/arrangement-rules';
import { currentDecision } from '../trajectory/care-decision';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { openEscalation } from '../trajectory/escalation';
import { recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { applyNewArrangement } from './new-arrangement';

/** The local team renews the indication after reassessment (herindicatie), on the same or another arrangement. */
export interface RenewIndication extends CommandBase {
  type: 'renewIndication';
  arrangement?: ArrangementTerms;
}

function renewViolations(state: TrajectoryState, command: RenewIndication): RuleViolation[] {
  return command.arrangement === undefined
    ? []
    : payableArrangementViolations(state, command.arrangement, 'arrangement');
}

/** Renewal of the indication (herindicatie, D10): a new decision version, back to ACTIVE. */
function renew(draft: TransitionDraft, command: RenewIndication): void {
  const previous = currentDecision(draft.state);
  if (previous === undefined) return;
  const reason = draft.state.reassessment?.reason ?? null;
  const decision = applyNewArrangement(draft, {
    arrangement: command.arrangement ?? previous.arrangement,
    cause: 'RENEWAL',
    approvedBy: 'LOCAL_TEAM',
  });
  recordAudit(draft, 'INDICATION_RENEWED', command.actor, {
    reassessmentReason: reason,
    arrangementCode: decision.arrangement.code,
    tariffCents: decision.arrangement.tariffCents,
    validFrom: decision.validFrom,
    validTo: decision.validTo,
  });
}

export const renewIndication: CommandSpec<RenewIndication> = {
  // D10: the municipality reassesses.
  roles: ['LOCAL_TEAM'],
  isOpen: (state) =>
    state.status === 'REASSESSMENT' &&
    state.pendingChange === undefined &&
    openEscalation(state) === undefined,
  violations: renewViolations,
  apply: renew,
};
