import { EVALUATION_OUTCOME_CODES, isLocalTeamRequired } from '../policy';
import { ATTAINMENTS, CLIENT_SATISFACTIONS } from '../trajectory/evaluation';
import type {
  Attainment,
  ClientSatisfaction,
  EvaluationInput,
  EvaluationOutcome,
  ResultAssessment,
} from '../trajectory/evaluation';
import { duplicates, isNonEmptyString, violation } from '../shared/rule-helpers';
import { rulesOf } from '../trajectory/rules-version';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import type { RuleViolation } from '../shared/transition-rejected';

/**
 * Violations of an evaluation (domain.md §7.2 Evaluation, P15): an attainment for every result of the plan
 * and nothing else, a satisfaction answer (K-O3), a known outcome, and the local team present where
 * decisions.md 5 requires it (final evaluation; SCALE_UP, SCALE_DOWN, TERMINATE).
 */
export function evaluationViolations(
  state: TrajectoryState,
  input: unknown,
  field: string,
  finalEvaluation: boolean,
): RuleViolation[] {
  if (typeof input !== 'object' || input === null) return [violation(field, 'an evaluation is required')];
  const e = input as Partial<EvaluationInput>;
  const out: RuleViolation[] = [];
  const planResultIds = (state.plan?.results ?? []).map((r) => r.id);
  if (!Array.isArray(e.resultAssessments)) {
    out.push(violation(`${field}.resultAssessments`, 'an assessment per plan result is required'));
  } else {
    const assessed = (e.resultAssessments as Partial<ResultAssessment>[]).map((a) => a?.resultId);
    e.resultAssessments.forEach((a: Partial<ResultAssessment>, i: number) => {
      if (!planResultIds.includes(a?.resultId as string)) {
        out.push(
          violation(
            `${field}.resultAssessments[${i}].resultId`,
            `not a result of plan v${state.plan?.version}`,
          ),
        );
      }
      if (!ATTAINMENTS.includes(a?.attainment as Attainment)) {
        out.push(
          violation(`${field}.resultAssessments[${i}].attainment`, `one of ${ATTAINMENTS.join(', ')}`),
        );
      }
    });
    for (const id of planResultIds.filter((id) => !assessed.includes(id))) {
      out.push(violation(`${field}.resultAssessments`, `result ${id} is not assessed`));
    }
    for (const id of duplicates(assessed.filter(isNonEmptyString))) {
      out.push(violation(`${field}.resultAssessments`, `result ${id} is assessed twice`));
    }
  }
  if (!CLIENT_SATISFACTIONS.includes(e.clientSatisfaction as ClientSatisfaction)) {
    out.push(violation(`${field}.clientSatisfaction`, `one of ${CLIENT_SATISFACTIONS.join(', ')} (K-O3)`));
  }
  // Rules 2: participation is what the trajectory saw (who recorded or confirmed), not a flag (issue 14).
  const flagged = rulesOf(state) === 1;
  if (flagged && typeof e.localTeamParticipated !== 'boolean') {
    out.push(violation(`${field}.localTeamParticipated`, 'record whether the local team took part (K-P7)'));
  }
  if (!EVALUATION_OUTCOME_CODES.includes(e.outcome as EvaluationOutcome)) {
    out.push(violation(`${field}.outcome`, `one of ${EVALUATION_OUTCOME_CODES.join(', ')}`));
    return out;
  }
  if (!flagged) return out;
  const outcome = e.outcome as EvaluationOutcome;
  const final = finalEvaluation || outcome === 'COMPLETE';
  if (
    e.localTeamParticipated === false &&
    isLocalTeamRequired(state.policy, { finalEvaluation: final, outcome })
  ) {
    out.push(
      violation(
        `${field}.localTeamParticipated`,
        `the local team must take part in ${final ? 'the final evaluation' : `an evaluation with outcome ${outcome}`} (decisions.md 5)`,
      ),
    );
  }
  return out;
}
