import { issueDecision, startProviderClock } from './decision-issuing';
import { raiseEscalation } from './escalation-raising';
import { closeTrajectory } from './closing';
import { escalationContextOf, missingSignatures } from './plan-rules';
import { deadlineFrom } from './policy-time';
import { SYSTEM_ACTOR } from './actor';
import type { CommandOf } from './trajectory-command';
import { notify, recordAudit } from './transition-draft';
import type { TransitionDraft } from './transition-draft';

export function beginDrafting(draft: TransitionDraft, command: CommandOf<'beginDrafting'>): void {
  draft.state.status = 'DRAFTING';
  recordAudit(draft, 'DRAFTING_STARTED', command.actor);
}

/** R-PLAN-05, decisions.md 6: no plan needed; the exemption is recorded with its reason and audited. */
export function recordPlanExemption(draft: TransitionDraft, command: CommandOf<'recordPlanExemption'>): void {
  const state = draft.state;
  state.status = 'DRAFTING';
  state.planRequired = false;
  state.exemption = {
    requestType: state.requestType,
    reasonCode: command.reasonCode,
    recordedAt: draft.at,
    recordedByRef: command.actor.ref,
  };
  recordAudit(draft, 'PLAN_EXEMPTION_RECORDED', command.actor, {
    requestType: state.requestType,
    reasonCode: command.reasonCode,
  });
}

export function withdraw(draft: TransitionDraft, command: CommandOf<'withdraw'>): void {
  closeTrajectory(draft, 'WITHDRAWN_BEFORE_START', command.actor, {
    details: { reasonCode: command.reasonCode ?? null },
  });
}

/** A new plan version; the approval clock starts (domain.md §4.5: 10 working days) and round++. */
export function submitPlan(draft: TransitionDraft, command: CommandOf<'submitPlan'>): void {
  const state = draft.state;
  const version = (state.plan?.version ?? 0) + 1;
  const p = command.plan;
  state.plan = {
    results: p.results.map((r) => ({ ...r })),
    profileCode: p.profileCode,
    intensityCode: p.intensityCode,
    intensityProposedBy: p.intensityProposedBy,
    arrangement: { ...p.arrangement },
    leadProviderId: p.leadProviderId,
    leadProviderChosenByFamily: p.leadProviderChosenByFamily,
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
  });
  notify(draft, 'PLAN_SUBMITTED', 'LOCAL_TEAM', { planVersion: String(version) });
}

export function signPlan(draft: TransitionDraft, command: CommandOf<'signPlan'>): void {
  const plan = draft.state.plan;
  if (plan === undefined) return;
  plan.signatures.push({ party: command.party, actorRef: command.actor.ref, signedAt: draft.at });
  recordAudit(draft, 'PLAN_SIGNED', command.actor, { party: command.party });
  if (missingSignatures(draft.state).length === 0) {
    notify(draft, 'PLAN_FULLY_SIGNED', 'LOCAL_TEAM', { planVersion: String(plan.version) });
  }
}

function closeRound(
  draft: TransitionDraft,
  decision: 'APPROVED' | 'CHANGES_REQUESTED' | 'REJECTED',
  actorRef: string,
  reasonCode?: CommandOf<'requestChanges'>['reasonCode'],
  commentRef?: string,
): void {
  const round = draft.state.rounds[draft.state.rounds.length - 1];
  if (round === undefined) return;
  round.decision = decision;
  round.decidedByRef = actorRef;
  round.decidedAt = draft.at;
  if (reasonCode !== undefined) round.reasonCode = reasonCode;
  if (commentRef !== undefined) round.commentRef = commentRef;
}

/** Submissions since the table last handled the plan: after its instructions the count starts afresh. */
function roundsSinceLastPlanEscalation(draft: TransitionDraft): number {
  const since = draft.state.escalations
    .filter((e) => e.context === 'PLAN')
    .reduce<string>((latest, e) => (e.raisedAt > latest ? e.raisedAt : latest), '');
  return draft.state.rounds.filter((r) => r.submittedAt > since).length;
}

/**
 * Back to the drafters ("heen en weer", [001:L165]). At the round-trip limit (domain.md §4.5: 3
 * submissions) the system escalates ROUND_TRIP_LIMIT in the same transition.
 */
export function requestChanges(draft: TransitionDraft, command: CommandOf<'requestChanges'>): void {
  const state = draft.state;
  closeRound(draft, 'CHANGES_REQUESTED', command.actor.ref, command.reasonCode, command.commentRef);
  if (state.plan) state.plan.status = 'CHANGES_REQUESTED';
  if (command.offeredArrangement !== undefined) state.offeredArrangement = { ...command.offeredArrangement };
  // The local team answered: its clock on this version stops.
  delete state.approvalClock;
  state.status = 'CHANGES_REQUESTED';
  recordAudit(draft, 'CHANGES_REQUESTED', command.actor, {
    round: state.rounds.length,
    reasonCode: command.reasonCode,
    offeredArrangementCode: command.offeredArrangement?.code ?? null,
  });
  notify(draft, 'CHANGES_REQUESTED', 'PROVIDER', { reasonCode: command.reasonCode });
  if (roundsSinceLastPlanEscalation(draft) >= state.policy.roundTripLimit) {
    raiseEscalation(draft, { trigger: 'ROUND_TRIP_LIMIT', context: 'PLAN', actor: SYSTEM_ACTOR });
  }
}

/** R-ROLE-03/04 hold (validator); the decision and 301 go out together (R-ROLE-09). */
export function approvePlan(draft: TransitionDraft, command: CommandOf<'approvePlan'>): void {
  const state = draft.state;
  const plan = state.plan;
  if (plan === undefined) return;
  closeRound(draft, 'APPROVED', command.actor.ref);
  plan.status = 'APPROVED';
  plan.approvedAt = draft.at;
  plan.approvedBy = 'LOCAL_TEAM';
  delete state.approvalClock;
  issueDecision(draft, {
    arrangement: plan.arrangement,
    providerId: plan.leadProviderId,
    cause: 'PLAN_APPROVAL',
    approvedBy: 'LOCAL_TEAM',
    validity: 'NEW',
  });
  startProviderClock(draft);
  state.status = 'DECIDED';
  recordAudit(draft, 'PLAN_APPROVED', command.actor, {
    round: state.rounds.length,
    providerStartDeadline: state.providerStartDeadlineAt ?? null,
  });
}

export function rejectPlan(draft: TransitionDraft, command: CommandOf<'rejectPlan'>): void {
  closeRound(draft, 'REJECTED', command.actor.ref, command.reasonCode, command.commentRef);
  notify(draft, 'PLAN_REJECTED', 'CASE_SYSTEM', { reasonCode: command.reasonCode });
  closeTrajectory(draft, 'REJECTED', command.actor, { details: { reasonCode: command.reasonCode } });
}

export function escalate(draft: TransitionDraft, command: CommandOf<'escalate'>): void {
  raiseEscalation(draft, {
    trigger: command.trigger,
    context: escalationContextOf(draft.state),
    actor: command.actor,
    ...(command.commentRef !== undefined ? { commentRef: command.commentRef } : {}),
    ...(command.offeredArrangement !== undefined ? { offeredArrangement: command.offeredArrangement } : {}),
  });
}

/** RETURN_WITH_INSTRUCTIONS and RECLASSIFY without an arrangement: the drafters get a new deadline (§4.4). */
export function returnToDrafters(draft: TransitionDraft, resubmitBy?: string): void {
  const state = draft.state;
  if (state.plan) state.plan.status = 'CHANGES_REQUESTED';
  state.status = 'CHANGES_REQUESTED';
  delete state.approvalClock;
  state.resubmissionDeadlineAt =
    resubmitBy ?? deadlineFrom(state.policy, draft.now, state.policy.approvalDeadline);
}
