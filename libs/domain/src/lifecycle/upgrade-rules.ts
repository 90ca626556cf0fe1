import { waitPolicy } from '../policy';
import { SYSTEM_ACTOR } from '../shared/actor';
import { deadlineFrom } from '../shared/policy-time';
import { CURRENT_RULES, rulesOf } from '../trajectory/rules-version';
import { closeDraft, openDraft, recordAudit } from '../trajectory/transition-draft';
import type { Transition, TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';

/**
 * Moves a trajectory begun under rules 1 to the current rules (2): from now on every wait for a person has a
 * deadline. The clocks that rules 1 did not keep start now: drafting, and the resubmission of a plan or a
 * change that was returned. Nothing due earlier is made up for. Audited; a no-op under the current rules.
 */
export function upgradeRules(state: TrajectoryState, now: Date): Transition {
  if (rulesOf(state) === CURRENT_RULES) return { state, effects: [] };
  const draft = openDraft(state, now);
  const s = draft.state;
  const resubmitBy = () => deadlineFrom(s.policy, draft.now, waitPolicy(s.policy).resubmissionDeadline);
  s.rulesVersion = 2;
  if (s.status === 'DRAFTING') s.draftingStartedAt = draft.at;
  if (s.status === 'CHANGES_REQUESTED' && s.resubmissionDeadlineAt === undefined) {
    s.resubmissionDeadlineAt = resubmitBy();
  }
  const change = s.pendingChange;
  if (isInCare(s.status) && change?.status === 'CHANGES_REQUESTED' && change.deadlineAt === undefined) {
    change.deadlineAt = resubmitBy();
  }
  recordAudit(draft, 'RULES_UPGRADED', SYSTEM_ACTOR, { rulesVersion: CURRENT_RULES });
  return closeDraft(draft);
}
