import { inPeriod, type MonitoringPeriod } from './monitoring-facts';
import { groupBy, rate } from './statistics';

/** One occasion the family was asked (satisfaction-occasions.ts), with what it answered, if anything. */
export interface SatisfactionOccasionFact {
  trajectoryId: string;
  providerId: string | null;
  at: string;
  /** Answers given per result (0 when the family did not answer). */
  answers: number;
  positive: number;
}

/**
 * K-O3 from the family's own answers (issue 18): of the occasions in the period (the moment of asking decides),
 * how many the family answered (response rate), and of the answers per result, the share positive. The
 * professional's tick at the evaluation is reported apart (OutcomeFigures.clientSatisfaction).
 */
export interface FamilySatisfactionFigures {
  asked: number;
  answered: number;
  responseRate: number | null;
  answers: number;
  positive: number;
  satisfaction: number | null;
}

export interface FamilySatisfactionSection {
  overall: FamilySatisfactionFigures;
  byProvider: (FamilySatisfactionFigures & { providerId: string | null })[];
}

export function familySatisfactionFigures(
  occasions: readonly SatisfactionOccasionFact[],
): FamilySatisfactionFigures {
  const answered = occasions.filter((o) => o.answers > 0).length;
  const answers = occasions.reduce((n, o) => n + o.answers, 0);
  const positive = occasions.reduce((n, o) => n + o.positive, 0);
  return {
    asked: occasions.length,
    answered,
    responseRate: rate(answered, occasions.length),
    answers,
    positive,
    satisfaction: rate(positive, answers),
  };
}

export function familySatisfactionSection(
  occasions: readonly SatisfactionOccasionFact[],
  period: MonitoringPeriod,
): FamilySatisfactionSection {
  const inScope = occasions.filter((o) => inPeriod(o.at, period));
  return {
    overall: familySatisfactionFigures(inScope),
    byProvider: groupBy(inScope, (o) => o.providerId).map(([providerId, group]) => ({
      providerId,
      ...familySatisfactionFigures(group),
    })),
  };
}
