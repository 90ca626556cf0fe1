import { rulesOf } from '../trajectory/rules-version';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** Under rules 2 the drafters' deadline (plan-waits.ts) counts from the moment drafting began. */
export function startDraftingClock(draft: TransitionDraft): void {
  if (rulesOf(draft.state) === 2) draft.state.draftingStartedAt = draft.at;
}
