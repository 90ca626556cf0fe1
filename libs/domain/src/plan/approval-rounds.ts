import type { ChangeReasonCode } from '../trajectory/perspective-plan';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** The local team's answer closes the current round ("heen en weer", domain.md §7.2 ApprovalRound). */
export function closeRound(
  draft: TransitionDraft,
  decision: 'APPROVED' | 'CHANGES_REQUESTED' | 'REJECTED',
  actorRef: string,
  reasonCode?: ChangeReasonCode,
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
export function roundsSinceLastPlanEscalation(draft: TransitionDraft): number {
  const since = draft.state.escalations
    .filter((e) => e.context === 'PLAN')
    .reduce<string>((latest, e) => (e.raisedAt > latest ? e.raisedAt : latest), '');
  return draft.state.rounds.filter((r) => r.submittedAt > since).length;
}
