import {
  ESCALATION_TRIGGERS,
  SYSTEM_ONLY_TRIGGERS,
  TRIGGERS_BY_CONTEXT,
} from '../breakthrough/escalation-trigger';
import type { EscalationContext } from '../breakthrough/escalation-trigger';
import { isPlanExemptRequestType } from '../policy';
import type { ActorRole } from './actor';
import { arrangementViolations } from './arrangement-rules';
import { CHANGE_REASON_CODES, SIGNATURE_PARTIES } from './perspective-plan';
import type { ChangeReasonCode, PlanDraft, PlanResult, SignatureParty } from './perspective-plan';
import { canonicalInstant } from './policy-time';
import { duplicates, isNonEmptyString, requireText, violation } from './rule-helpers';
import type { CommandOf } from './trajectory-command';
import type { TrajectoryState } from './trajectory-state';
import { isInCare } from './trajectory-status';
import type { RuleViolation } from './transition-rejected';

function resultViolations(results: unknown, planRequired: boolean): RuleViolation[] {
  if (!Array.isArray(results)) return [violation('plan.results', 'results must be a list')];
  const out: RuleViolation[] = [];
  // R-PLAN-02: "worden altijd van te voren resultaten opgesteld"; an exempt request needs none (R-PLAN-05).
  if (planRequired && results.length === 0) {
    out.push(violation('plan.results', 'at least one result is required'));
  }
  (results as Partial<PlanResult>[]).forEach((r, i) => {
    const at = `plan.results[${i}]`;
    if (!isNonEmptyString(r?.id)) out.push(violation(`${at}.id`, 'result id is required'));
    // R-PLAN-01 / §7.2 PlanResult: a life domain, or a result area (model B).
    if (!isNonEmptyString(r?.lifeDomain) && !isNonEmptyString(r?.resultAreaCode)) {
      out.push(violation(at, 'a life domain or a result area is required'));
    }
    if (r?.subResultCode !== undefined && !isNonEmptyString(r?.resultAreaCode)) {
      out.push(violation(`${at}.subResultCode`, 'a sub-result needs its result area'));
    }
    if (typeof r?.smart !== 'boolean') out.push(violation(`${at}.smart`, 'smart must be true or false'));
    if (r?.targetDate !== undefined && canonicalInstant(r.targetDate) === undefined) {
      out.push(violation(`${at}.targetDate`, 'not an ISO-8601 date'));
    }
  });
  const ids = (results as Partial<PlanResult>[]).map((r) => r?.id).filter(isNonEmptyString);
  for (const id of duplicates(ids)) out.push(violation('plan.results', `result id ${id} appears twice`));
  return out;
}

function signatureListViolations(required: unknown, planRequired: boolean): RuleViolation[] {
  if (!Array.isArray(required)) return [violation('plan.requiredSignatures', 'must be a list')];
  const out: RuleViolation[] = [];
  for (const party of required) {
    if (!SIGNATURE_PARTIES.includes(party as SignatureParty)) {
      out.push(violation('plan.requiredSignatures', `unknown party ${String(party)}`));
    }
  }
  for (const party of duplicates(required as string[])) {
    out.push(violation('plan.requiredSignatures', `${party} listed twice`));
  }
  if (planRequired) {
    // R-PLAN-04: the plan is the resident's; R-ROLE-04: everyone involved signs, the lead provider included.
    if (!required.includes('CLIENT') && !required.includes('LEGAL_REPRESENTATIVE')) {
      out.push(
        violation('plan.requiredSignatures', 'the client or a legal representative must sign (R-PLAN-04)'),
      );
    }
    if (!required.includes('LEAD_PROVIDER')) {
      out.push(violation('plan.requiredSignatures', 'the lead provider must sign (R-ROLE-04)'));
    }
  }
  return out;
}

function intensityViolations(state: TrajectoryState, plan: Partial<PlanDraft>): RuleViolation[] {
  // R-ROLE-02 (C3): Jeugd, the provider proposes the intensity; Wmo, the municipality sets it.
  const allowed = state.domain === 'JEUGD' ? ['PROVIDER'] : ['MUNICIPALITY', 'LOCAL_TEAM'];
  if (allowed.includes(plan.intensityProposedBy as string)) return [];
  return [
    violation(
      'plan.intensityProposedBy',
      state.domain === 'JEUGD'
        ? 'in youth care the provider proposes the intensity (R-ROLE-02)'
        : 'in Wmo support the municipality sets the intensity (R-ROLE-02)',
    ),
  ];
}

export function submitPlanViolations(
  state: TrajectoryState,
  command: CommandOf<'submitPlan'>,
  now: Date,
): RuleViolation[] {
  const plan = command.plan as Partial<PlanDraft> | undefined;
  if (typeof plan !== 'object' || plan === null) return [violation('plan', 'a plan is required')];
  const out = resultViolations(plan.results, state.planRequired);
  // R-PLAN-01: the chosen profile and intensity.
  requireText(out, 'plan.profileCode', plan.profileCode, 'a support profile is required (R-PLAN-01)');
  requireText(out, 'plan.intensityCode', plan.intensityCode, 'an intensity is required (R-PLAN-01)');
  out.push(...intensityViolations(state, plan));
  out.push(...arrangementViolations(state, plan.arrangement, 'plan.arrangement'));
  requireText(out, 'plan.leadProviderId', plan.leadProviderId, 'a lead provider is required (R-ROLE-06)');
  if (plan.leadProviderChosenByFamily !== true) {
    out.push(
      violation('plan.leadProviderChosenByFamily', 'the family chooses the lead provider (R-ROLE-05)'),
    );
  }
  if (command.leadProviderIntakeFrozen === true) {
    out.push(
      violation('plan.leadProviderId', 'the lead provider is under a client intake freeze (R-END-03)'),
    );
  }
  if (!Array.isArray(plan.subcontractorIds) || !plan.subcontractorIds.every(isNonEmptyString)) {
    out.push(violation('plan.subcontractorIds', 'declare subcontractors as a list of provider ids (P10)'));
  } else {
    if (plan.subcontractorIds.includes(plan.leadProviderId as string)) {
      out.push(violation('plan.subcontractorIds', 'the lead provider cannot be its own subcontractor'));
    }
    for (const id of duplicates(plan.subcontractorIds)) {
      out.push(violation('plan.subcontractorIds', `${id} declared twice`));
    }
  }
  out.push(...signatureListViolations(plan.requiredSignatures, state.planRequired));
  if (plan.plannedEndAt !== undefined) {
    const end = canonicalInstant(plan.plannedEndAt);
    if (end === undefined) out.push(violation('plan.plannedEndAt', 'not an ISO-8601 instant'));
    else if (end <= now.toISOString()) {
      out.push(violation('plan.plannedEndAt', 'the planned end lies in the past'));
    }
  }
  return out;
}

export function planVersionViolations(state: TrajectoryState, planVersion: unknown): RuleViolation[] {
  if (planVersion === state.plan?.version) return [];
  return [violation('planVersion', `the current plan version is ${state.plan?.version ?? 'none'}`)];
}

/** Which actor may put which signature on the plan (R-ROLE-04; the case system records the client's). */
const SIGNERS: Readonly<Record<SignatureParty, readonly ActorRole[]>> = {
  CLIENT: ['CASE_SYSTEM', 'LOCAL_TEAM'],
  LEGAL_REPRESENTATIVE: ['CASE_SYSTEM', 'LOCAL_TEAM'],
  LEAD_PROVIDER: ['PROVIDER'],
  LOCAL_TEAM: ['LOCAL_TEAM'],
};

export function signPlanViolations(state: TrajectoryState, command: CommandOf<'signPlan'>): RuleViolation[] {
  const out = planVersionViolations(state, command.planVersion);
  const plan = state.plan;
  if (plan === undefined) return out;
  if (!plan.requiredSignatures.includes(command.party)) {
    out.push(violation('party', `${String(command.party)} is not among the required signatures`));
  } else if (plan.signatures.some((s) => s.party === command.party)) {
    out.push(violation('party', `${command.party} has already signed version ${plan.version}`));
  } else if (!SIGNERS[command.party].includes(command.actor.role)) {
    out.push(violation('actor.role', `a ${command.actor.role} cannot sign as ${command.party}`));
  }
  return out;
}

export function missingSignatures(state: TrajectoryState): SignatureParty[] {
  const plan = state.plan;
  if (plan === undefined) return [];
  return plan.requiredSignatures.filter((party) => !plan.signatures.some((s) => s.party === party));
}

/** A reason code from §7.2 ApprovalRound; OTHER needs a written comment (its reference). */
export function reasonViolations(
  reasonCode: unknown,
  commentRef: unknown,
  field = 'reasonCode',
): RuleViolation[] {
  if (!CHANGE_REASON_CODES.includes(reasonCode as ChangeReasonCode)) {
    return [violation(field, `a reason code is required: ${CHANGE_REASON_CODES.join(', ')}`)];
  }
  if (reasonCode === 'OTHER' && !isNonEmptyString(commentRef)) {
    return [violation('commentRef', 'reason OTHER needs a written rationale')];
  }
  return [];
}

export function exemptionViolations(
  state: TrajectoryState,
  command: CommandOf<'recordPlanExemption'>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  // R-PLAN-05, decisions.md 6: only the configured request types need no plan.
  if (!isPlanExemptRequestType(state.policy, state.requestType)) {
    out.push(
      violation('requestType', `request type ${state.requestType} is not exempt from a plan (R-PLAN-05)`),
    );
  }
  requireText(
    out,
    'reasonCode',
    command.reasonCode,
    'an exemption is recorded with its reason (decisions.md 6)',
  );
  return out;
}

/** The context an escalation raised now would have (domain.md §7.4). */
export function escalationContextOf(state: TrajectoryState): EscalationContext {
  if (state.status === 'DECIDED') return 'START';
  return isInCare(state.status) ? 'SCALING' : 'PLAN';
}

export function escalateViolations(state: TrajectoryState, command: CommandOf<'escalate'>): RuleViolation[] {
  const out: RuleViolation[] = [];
  const context = escalationContextOf(state);
  if (!ESCALATION_TRIGGERS.includes(command.trigger)) {
    out.push(violation('trigger', `a trigger from domain.md §4.2 is required`));
  } else if (!TRIGGERS_BY_CONTEXT[context].includes(command.trigger)) {
    out.push(violation('trigger', `${command.trigger} does not apply to a ${context} escalation`));
  } else if (SYSTEM_ONLY_TRIGGERS.includes(command.trigger) && command.actor.role !== 'SYSTEM') {
    out.push(violation('trigger', `${command.trigger} is raised by the system's own timers and counters`));
  }
  if (command.offeredArrangement !== undefined) {
    out.push(...arrangementViolations(state, command.offeredArrangement, 'offeredArrangement'));
  }
  return out;
}
