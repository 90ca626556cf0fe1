import type { ClientSatisfaction, EvaluationRecord } from './evaluation';

/**
 * The three mandatory outcome indicators of a closed trajectory (domain.md §6.1, [001:L406]): dropout
 * (uitval, K-O1), goal attainment (doelrealisatie, K-O2) and client satisfaction (cliënttevredenheid, K-O3).
 */
export interface OutcomeIndicators {
  dropout: boolean;
  /** K-O2: (ACHIEVED + 0.5 × PARTIAL) ÷ results of the final plan; null when no evaluation assessed them. */
  goalAttainment: number | null;
  achievedResults: number;
  partialResults: number;
  totalResults: number;
  clientSatisfaction: ClientSatisfaction;
  localTeamParticipated: boolean | null;
}

/** domain.md §6.1 K-O2 DEFAULT: a partially achieved result counts 0.5. */
const PARTIAL_WEIGHT = 0.5;

/** The indicators from the last evaluation of the plan's results (the final one, when there was one). */
export function outcomeIndicators(
  dropout: boolean,
  resultIds: readonly string[],
  lastEvaluation: EvaluationRecord | undefined,
): OutcomeIndicators {
  const totalResults = resultIds.length;
  if (lastEvaluation === undefined) {
    return {
      dropout,
      goalAttainment: null,
      achievedResults: 0,
      partialResults: 0,
      totalResults,
      clientSatisfaction: 'NOT_ASKED',
      localTeamParticipated: null,
    };
  }
  const attainmentOf = new Map(lastEvaluation.resultAssessments.map((a) => [a.resultId, a.attainment]));
  const achievedResults = resultIds.filter((id) => attainmentOf.get(id) === 'ACHIEVED').length;
  const partialResults = resultIds.filter((id) => attainmentOf.get(id) === 'PARTIAL').length;
  const goalAttainment =
    totalResults === 0 ? null : (achievedResults + PARTIAL_WEIGHT * partialResults) / totalResults;
  return {
    dropout,
    goalAttainment,
    achievedResults,
    partialResults,
    totalResults,
    clientSatisfaction: lastEvaluation.clientSatisfaction,
    localTeamParticipated: lastEvaluation.localTeamParticipated,
  };
}
