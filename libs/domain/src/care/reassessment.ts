import { suspendEvaluations } from '../trajectory/care-schedule';
import { notify } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** REASSESSMENT (herindicatie, domain.md §7.3): evaluations pause until the indication is renewed. */
export function enterReassessment(
  draft: TransitionDraft,
  reason: 'YEARLY' | 'DECISION_VALIDITY_ENDED' | 'EVALUATION',
): void {
  const state = draft.state;
  state.status = 'REASSESSMENT';
  state.reassessment = { reason, since: draft.at };
  suspendEvaluations(state);
  delete state.care.reassessmentAt;
  notify(draft, 'REASSESSMENT_DUE', 'LOCAL_TEAM', { reason });
}
