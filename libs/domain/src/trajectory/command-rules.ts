import { ROLES_BY_COMMAND } from './command-access';
import {
  amendPriceViolations,
  arrangementChangeViolations,
  closureViolations,
  completionViolations,
  confirmStartViolations,
  decideChangeViolations,
  renewViolations,
  withholdViolations,
} from './care-rules';
import { evaluationViolations } from './evaluation-rules';
import {
  escalateViolations,
  exemptionViolations,
  missingSignatures,
  planVersionViolations,
  reasonViolations,
  signPlanViolations,
  submitPlanViolations,
} from './plan-rules';
import { arrangementViolations } from './arrangement-rules';
import { violation } from './rule-helpers';
import type { TrajectoryCommand } from './trajectory-command';
import type { TrajectoryState } from './trajectory-state';
import type { RuleViolation } from './transition-rejected';

function roleViolations(command: TrajectoryCommand): RuleViolation[] {
  const actor = command.actor as Partial<TrajectoryCommand['actor']> | undefined;
  if (typeof actor?.ref !== 'string' || actor.ref.trim() === '') {
    return [violation('actor.ref', 'a pseudonymous actor ref is required')];
  }
  const roles = ROLES_BY_COMMAND[command.type];
  if (roles.includes(actor.role as never)) return [];
  return [
    violation(
      'actor.role',
      `${String(actor.role)} may not ${command.type}; allowed: ${roles.join(', ')} (domain.md §3.7)`,
    ),
  ];
}

function inputViolations(state: TrajectoryState, command: TrajectoryCommand, now: Date): RuleViolation[] {
  switch (command.type) {
    case 'beginDrafting':
    case 'withdraw':
      return [];
    case 'recordPlanExemption':
      return exemptionViolations(state, command);
    case 'submitPlan':
      return submitPlanViolations(state, command, now);
    case 'signPlan':
      return signPlanViolations(state, command);
    case 'requestChanges': {
      const out = [
        ...planVersionViolations(state, command.planVersion),
        ...reasonViolations(command.reasonCode, command.commentRef),
      ];
      if (command.offeredArrangement !== undefined) {
        out.push(...arrangementViolations(state, command.offeredArrangement, 'offeredArrangement'));
      }
      return out;
    }
    case 'approvePlan':
      // R-ROLE-04: every required party has signed before the municipality approves.
      return [
        ...planVersionViolations(state, command.planVersion),
        ...missingSignatures(state).map((party) =>
          violation(
            `signatures.${party}`,
            `${party} has not signed plan v${state.plan?.version} (R-ROLE-04)`,
          ),
        ),
      ];
    case 'rejectPlan':
      return [
        ...planVersionViolations(state, command.planVersion),
        ...reasonViolations(command.reasonCode, command.commentRef),
      ];
    case 'escalate':
      return escalateViolations(state, command);
    case 'confirmStart':
      return confirmStartViolations(state, command, now);
    case 'recordEvaluation':
      return evaluationViolations(state, command.evaluation, 'evaluation', false);
    case 'requestArrangementChange':
      return arrangementChangeViolations(state, command);
    case 'decideArrangementChange':
      return decideChangeViolations(state, command);
    case 'renewIndication':
      return renewViolations(state, command);
    case 'confirmCompletion':
      return completionViolations(state, command);
    case 'reportDropout':
    case 'reportNewCareNeed':
    case 'switchProvider':
    case 'transferClient':
      return closureViolations(state, command);
    case 'withholdPayment':
      return withholdViolations(command);
    case 'amendDecisionPrice':
      return amendPriceViolations(state, command);
  }
}

/** Every domain rule the command breaks in the current state: the role first, then its input. */
export function commandViolations(
  state: TrajectoryState,
  command: TrajectoryCommand,
  now: Date,
): RuleViolation[] {
  const roles = roleViolations(command);
  return roles.length > 0 ? roles : inputViolations(state, command, now);
}
