/**
 * The family's own satisfaction answers (cliënttevredenheid, K-O3 [001:L620]: "de mate waarin de bevrageden
 * in de doelgroep … als voldoende/positief ervaren"). After each evaluation and at closure the family is asked,
 * per result of the plan, whether it went well enough; the professional's tick at the evaluation stays its own
 * figure. The answers live beside the trajectory, not in it: the workflow ends at closure, and an answer given
 * weeks later still counts.
 */

/** "Voldoende/positief" or not; a result may be left unanswered. */
export type FamilyAnswer = 'POSITIVE' | 'NEGATIVE';
export const FAMILY_ANSWERS: readonly FamilyAnswer[] = ['POSITIVE', 'NEGATIVE'];

/**
 * Product decision (the documents are silent): a question can be answered for 90 days after its occasion, long
 * enough for a family that is slow with mail, short enough for the figure of a period to settle.
 */
export const SATISFACTION_ANSWER_DAYS = 90;

/** What the trajectory's audit trail says happened, as far as the questions go. */
export type SatisfactionEvent =
  | {
      kind: 'EVALUATION_RECORDED';
      at: string;
      evaluationNumber: number;
      evaluationType: string;
      /** The evaluation's outcome; TERMINATE closes the trajectory at once. */
      outcome?: string;
    }
  | { kind: 'TRAJECTORY_CLOSED'; at: string; careStarted: boolean };

/** One moment the family is asked: `evaluation-<n>` or `closure`. */
export interface SatisfactionOccasion {
  id: string;
  kind: 'EVALUATION' | 'CLOSURE';
  at: string;
  evaluationNumber?: number;
  openUntil: string;
}

export const OCCASION_ID = /^(evaluation-[1-9][0-9]{0,3}|closure)$/;

/**
 * The occasions of one trajectory, oldest first: every evaluation except one that ends the trajectory (the final
 * one, or one that stops care early: the closure asks then, once), and the closure of a trajectory whose care
 * started (a plan withdrawn or refused had no care to judge).
 */
export function satisfactionOccasions(events: readonly SatisfactionEvent[]): SatisfactionOccasion[] {
  const out: SatisfactionOccasion[] = [];
  for (const e of events) {
    if (e.kind === 'EVALUATION_RECORDED' && e.evaluationType !== 'FINAL' && e.outcome !== 'TERMINATE') {
      out.push({
        id: `evaluation-${e.evaluationNumber}`,
        kind: 'EVALUATION',
        at: e.at,
        evaluationNumber: e.evaluationNumber,
        openUntil: answerDeadline(e.at),
      });
    } else if (e.kind === 'TRAJECTORY_CLOSED' && e.careStarted) {
      out.push({ id: 'closure', kind: 'CLOSURE', at: e.at, openUntil: answerDeadline(e.at) });
    }
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function answerDeadline(at: string): string {
  return new Date(Date.parse(at) + SATISFACTION_ANSWER_DAYS * 86_400_000).toISOString();
}

export interface ResultAnswer {
  resultId: string;
  answer: FamilyAnswer;
}

/**
 * What is wrong with a set of answers for the plan's results: each answer names a result of the plan, once,
 * with a known answer, and at least one result is answered. Field names are those of the request body.
 */
export function familyAnswerViolations(
  resultIds: readonly string[],
  answers: readonly ResultAnswer[],
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (answers.length === 0) out.push({ field: 'answers', message: 'answer at least one result' });
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!resultIds.includes(a.resultId)) {
      out.push({ field: `answers.${i}.resultId`, message: `${a.resultId} is not a result of the plan` });
    } else if (seen.has(a.resultId)) {
      out.push({ field: `answers.${i}.resultId`, message: `${a.resultId} is answered twice` });
    }
    seen.add(a.resultId);
    if (!FAMILY_ANSWERS.includes(a.answer)) {
      out.push({ field: `answers.${i}.answer`, message: `one of ${FAMILY_ANSWERS.join(', ')}` });
    }
  });
  return out;
}
