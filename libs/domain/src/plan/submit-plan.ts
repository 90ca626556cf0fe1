import { canonicalInstant, deadlineFrom } from '../shared/policy-time';
import { duplicates, isNonEmptyString, requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { arrangementViolations } from '../trajectory/arrangement-rules';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { SIGNATURE_PARTIES } from '../trajectory/perspective-plan';
import type {
  IntensityProposer,
  PlanDraft,
  PlanResult,
  SignatureParty,
} from '../trajectory/perspective-plan';
import type { ActorRole } from '../shared/actor';
import { rulesOf } from '../trajectory/rules-version';
import type { ProviderRegisterFacts } from './provider-register-facts';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';

/** The drafters submit a plan version for approval (domain.md §2.2 step 4): → AWAITING_APPROVAL. */
export interface SubmitPlan extends CommandBase {
  type: 'submitPlan';
  plan: PlanDraft;
  /**
   * The provider register's standing of the lead provider and the subcontractors, filled in by the API
   * (never by the caller). Absent in commands from before the register and in tests of other rules.
   */
  register?: ProviderRegisterFacts;
}

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

/** Rules 2: who proposed the intensity is who submits the version, not what the body says (issue 14). */
export function intensityProposerOf(role: ActorRole): IntensityProposer {
  if (role === 'PROVIDER') return 'PROVIDER';
  return role === 'LOCAL_TEAM' ? 'LOCAL_TEAM' : 'MUNICIPALITY';
}

function intensityViolations(
  state: TrajectoryState,
  command: SubmitPlan,
  plan: Partial<PlanDraft>,
): RuleViolation[] {
  // R-ROLE-02 (C3): Jeugd, the provider proposes the intensity; Wmo, the municipality sets it.
  const allowed = state.domain === 'JEUGD' ? ['PROVIDER'] : ['MUNICIPALITY', 'LOCAL_TEAM'];
  const rules2 = rulesOf(state) === 2;
  const proposer = rules2 ? intensityProposerOf(command.actor.role) : plan.intensityProposedBy;
  if (allowed.includes(proposer as string)) return [];
  const why =
    state.domain === 'JEUGD'
      ? 'in youth care the provider proposes the intensity (R-ROLE-02)'
      : 'in Wmo support the municipality sets the intensity (R-ROLE-02)';
  return rules2
    ? [
        violation(
          'actor.role',
          `${why}: ${state.domain === 'JEUGD' ? 'the lead provider submits the version' : 'the local team or the case system submits the version'}`,
        ),
      ]
    : [violation('plan.intensityProposedBy', why)];
}

/**
 * R-ROLE-05: the family chooses the lead provider. A choice recorded earlier (chooseLeadProvider) binds the
 * plan; without one, the submitter attests the family's choice in the plan.
 */
function leadProviderChoiceViolations(state: TrajectoryState, plan: Partial<PlanDraft>): RuleViolation[] {
  const chosen = state.leadProviderChoice?.providerId;
  if (chosen !== undefined && plan.leadProviderId !== chosen) {
    return [
      violation(
        'plan.leadProviderId',
        `the family chose ${chosen} as lead provider; record another choice first (R-ROLE-05)`,
      ),
    ];
  }
  if (chosen === undefined && plan.leadProviderChosenByFamily !== true) {
    return [violation('plan.leadProviderChosenByFamily', 'the family chooses the lead provider (R-ROLE-05)')];
  }
  return [];
}

/** R-TAR-03: an arrangement prices one profile × intensity; the plan must name the ones it prices. */
function arrangementFitViolations(plan: Partial<PlanDraft>): RuleViolation[] {
  const terms = plan.arrangement;
  if (typeof terms !== 'object' || terms === null) return [];
  const out: RuleViolation[] = [];
  if (terms.profileCode !== undefined && terms.profileCode !== plan.profileCode) {
    out.push(
      violation(
        'plan.profileCode',
        `arrangement ${terms.code} prices profile ${terms.profileCode}, the plan names ${String(plan.profileCode)} (R-TAR-03)`,
      ),
    );
  }
  if (terms.intensityCode !== undefined && terms.intensityCode !== plan.intensityCode) {
    out.push(
      violation(
        'plan.intensityCode',
        `arrangement ${terms.code} prices intensity ${terms.intensityCode}, the plan names ${String(plan.intensityCode)} (R-TAR-03)`,
      ),
    );
  }
  return out;
}

/**
 * The plan against the contracts: the lead provider and every subcontractor hold a contract for the
 * arrangement in the region (R-ROLE-06, P10: "an unknown provider cannot appear"), none is under a client
 * intake freeze (R-END-03), and subcontractors only where the lead provider's contract allows them.
 */
function registerViolations(plan: Partial<PlanDraft>, register: ProviderRegisterFacts): RuleViolation[] {
  const out: RuleViolation[] = [];
  const where = `${register.arrangementCode} in ${register.regionId}`;
  const check = (
    field: string,
    id: string,
    rule: string,
  ): ProviderRegisterFacts['providers'][string] | undefined => {
    const standing = register.providers[id];
    if (standing === undefined || !standing.contracted) {
      out.push(violation(field, `${id} holds no contract for ${where} (${rule})`));
    }
    if (standing?.intakeFreeze !== undefined) {
      out.push(
        violation(
          field,
          `${id} is under a client intake freeze since ${standing.intakeFreeze.since} (${standing.intakeFreeze.reasonCode}) (R-END-03)`,
        ),
      );
    }
    return standing;
  };
  const lead = isNonEmptyString(plan.leadProviderId)
    ? check('plan.leadProviderId', plan.leadProviderId, 'R-ROLE-06')
    : undefined;
  const subs = Array.isArray(plan.subcontractorIds) ? plan.subcontractorIds.filter(isNonEmptyString) : [];
  if (subs.length > 0 && lead?.contracted === true && !lead.subcontractingAllowed) {
    out.push(
      violation(
        'plan.subcontractorIds',
        `the lead provider's contract for ${where} does not allow subcontracting (R-ROLE-06)`,
      ),
    );
  }
  subs.forEach((id, i) => check(`plan.subcontractorIds[${i}]`, id, 'P10'));
  return out;
}

function submitPlanViolations(state: TrajectoryState, command: SubmitPlan, now: Date): RuleViolation[] {
  const plan = command.plan as Partial<PlanDraft> | undefined;
  if (typeof plan !== 'object' || plan === null) return [violation('plan', 'a plan is required')];
  const out = resultViolations(plan.results, state.planRequired);
  // R-PLAN-01: the chosen profile and intensity.
  requireText(out, 'plan.profileCode', plan.profileCode, 'a support profile is required (R-PLAN-01)');
  requireText(out, 'plan.intensityCode', plan.intensityCode, 'an intensity is required (R-PLAN-01)');
  out.push(...intensityViolations(state, command, plan));
  out.push(...arrangementViolations(state, plan.arrangement, 'plan.arrangement'));
  requireText(out, 'plan.leadProviderId', plan.leadProviderId, 'a lead provider is required (R-ROLE-06)');
  out.push(...leadProviderChoiceViolations(state, plan));
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
  out.push(...arrangementFitViolations(plan));
  if (command.register !== undefined) out.push(...registerViolations(plan, command.register));
  if (plan.plannedEndAt !== undefined) {
    const end = canonicalInstant(plan.plannedEndAt);
    if (end === undefined) out.push(violation('plan.plannedEndAt', 'not an ISO-8601 instant'));
    else if (end <= now.toISOString()) {
      out.push(violation('plan.plannedEndAt', 'the planned end lies in the past'));
    }
  }
  return out;
}

/** A new plan version; the approval clock starts (domain.md §4.5: 10 working days) and round++. */
function submit(draft: TransitionDraft, command: SubmitPlan): void {
  const state = draft.state;
  const version = (state.plan?.version ?? 0) + 1;
  const p = command.plan;
  state.plan = {
    results: p.results.map((r) => ({ ...r })),
    profileCode: p.profileCode,
    intensityCode: p.intensityCode,
    intensityProposedBy:
      rulesOf(state) === 2 ? intensityProposerOf(command.actor.role) : p.intensityProposedBy,
    arrangement: { ...p.arrangement },
    leadProviderId: p.leadProviderId,
    leadProviderChosenByFamily:
      p.leadProviderChosenByFamily === true || state.leadProviderChoice?.providerId === p.leadProviderId,
    subcontractorIds: [...p.subcontractorIds],
    requiredSignatures: [...p.requiredSignatures],
    ...(p.plannedEndAt !== undefined ? { plannedEndAt: new Date(p.plannedEndAt).toISOString() } : {}),
    version,
    status: 'SUBMITTED',
    submittedAt: draft.at,
    submittedByRef: command.actor.ref,
    // Signatures belong to a version: a new version needs them again (R-ROLE-04).
    signatures: [],
  };
  state.leadProviderId = p.leadProviderId;
  state.firstSubmittedAt = state.firstSubmittedAt ?? draft.at;
  state.rounds.push({
    planVersion: version,
    round: state.rounds.length + 1,
    submittedByRef: command.actor.ref,
    submittedAt: draft.at,
  });
  state.approvalClock = {
    planVersion: version,
    startedAt: draft.at,
    deadlineAt: deadlineFrom(state.policy, draft.now, state.policy.approvalDeadline),
  };
  delete state.resubmissionDeadlineAt;
  state.status = 'AWAITING_APPROVAL';
  recordAudit(draft, 'PLAN_SUBMITTED', command.actor, {
    round: state.rounds.length,
    arrangementCode: p.arrangement.code,
    tariffCents: p.arrangement.tariffCents,
    approvalDeadline: state.approvalClock.deadlineAt,
    resultCount: p.results.length,
    intensityProposedBy: state.plan.intensityProposedBy ?? null,
    // What only people outside the system can know, attested by this actor (issue 14: facts, not flags).
    attestations: p.leadProviderChosenByFamily === true ? ['LEAD_PROVIDER_CHOSEN_BY_FAMILY'] : [],
  });
  notify(draft, 'PLAN_SUBMITTED', 'LOCAL_TEAM', { planVersion: String(version) });
}

export const submitPlan: CommandSpec<SubmitPlan> = {
  // R-PLAN-04: drafted by the resident, supported by the local team and/or the provider.
  roles: ['LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
  isOpen: (state) => state.status === 'DRAFTING' || state.status === 'CHANGES_REQUESTED',
  violations: submitPlanViolations,
  apply: submit,
};
