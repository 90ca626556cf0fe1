import { inPeriod, type MonitoringPeriod } from './monitoring-facts';
import { groupBy, rate } from './statistics';

/** One occasion the family was asked (satisfaction-occasions.ts), with what it answered, if anything. */
export interface SatisfactionOccasionFact {
  trajectoryId: string;
  providerId: string | null;
  at: string;
  /** Until when the family may answer (an unanswered question counts as unanswered only after it). */
  openUntil: string;
  /** Answers given per result (0 when the family did not answer). */
  answers: number;
  positive: number;
}

/**
 * K-O3 from the family's own answers (issue 18): of the occasions in the period (the moment of asking decides),
 * how many the family answered, and of the answers per result, the share positive. The response rate counts a
 * question still open and unanswered in neither part (it may yet be answered): answered ÷ (answered + lapsed).
 * The professional's tick at the evaluation is reported apart (OutcomeFigures.clientSatisfaction).
 */
export interface FamilySatisfactionFigures {
  asked: number;
  answered: number;
  /** Asked, unanswered and still open: not (yet) in the response rate. */
  open: number;
  responseRate: number | null;
  answers: number | null;
  positive: number | null;
  satisfaction: number | null;
  /** True when a provider reads a figure of fewer than MIN_ANSWERED answered questions: withheld. */
  suppressed: boolean;
}

/**
 * Product decision: a provider (whose care the families judge) sees the family figures only over at least five
 * answered questions, so no figure it filters down to a single family gives that family's answer away.
 */
export const MIN_ANSWERED_FOR_PROVIDERS = 5;

export interface FamilySatisfactionSection {
  overall: FamilySatisfactionFigures;
  byProvider: (FamilySatisfactionFigures & { providerId: string | null })[];
}

export function familySatisfactionFigures(
  occasions: readonly SatisfactionOccasionFact[],
  now: string,
): FamilySatisfactionFigures {
  const answered = occasions.filter((o) => o.answers > 0).length;
  const open = occasions.filter((o) => o.answers === 0 && Date.parse(o.openUntil) >= Date.parse(now)).length;
  const answers = occasions.reduce((n, o) => n + o.answers, 0);
  const positive = occasions.reduce((n, o) => n + o.positive, 0);
  return {
    asked: occasions.length,
    answered,
    open,
    responseRate: rate(answered, occasions.length - open),
    answers,
    positive,
    satisfaction: rate(positive, answers),
    suppressed: false,
  };
}

/** A provider's view: the answers' figures withheld below MIN_ANSWERED_FOR_PROVIDERS answered questions. */
export function withheldBelowMinimum(figures: FamilySatisfactionFigures): FamilySatisfactionFigures {
  if (figures.answered >= MIN_ANSWERED_FOR_PROVIDERS) return figures;
  return { ...figures, answers: null, positive: null, satisfaction: null, suppressed: true };
}

export function familySatisfactionSection(
  occasions: readonly SatisfactionOccasionFact[],
  period: MonitoringPeriod,
  now: string,
): FamilySatisfactionSection {
  const inScope = occasions.filter((o) => inPeriod(o.at, period));
  return {
    overall: familySatisfactionFigures(inScope, now),
    byProvider: groupBy(inScope, (o) => o.providerId).map(([providerId, group]) => ({
      providerId,
      ...familySatisfactionFigures(group, now),
    })),
  };
}
