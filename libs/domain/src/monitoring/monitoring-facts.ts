import type { ScalingDirection } from '../payments';
import type { SatisfactionOccasionFact } from './family-satisfaction-figures';
/**
 * What the monitoring figures (domain.md §6) are computed from: plain rows of the PostgreSQL read model,
 * already limited to what the caller may see. Instants are ISO-8601 strings, money integer euro cents.
 * `clientId` is the pseudonymous client id; it is only used to find re-entries and never leaves the module.
 */
export interface TrajectoryFact {
  trajectoryId: string;
  clientId: string;
  municipalityCode: string;
  providerId: string | null;
  domain: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
  closureReason: string | null;
  firstSubmittedAt: string | null;
  /** The first care decision (beschikking): by the local team or the breakthrough table. */
  decidedAt: string | null;
  startedAt: string | null;
  arrangementCode: string | null;
  /** The tariff of the current decision (or of the plan before one). */
  tariffCents: number | null;
  outcome: TrajectoryOutcomeFact | null;
  evaluationOverdue: boolean;
  predecessorTrajectoryId: string | null;
  successorTrajectoryId: string | null;
  /** CHANGES_REQUESTED answers of the local team on the plan (K-P2). */
  changesRequested: number;
  /** Σ payment instructions that are not CANCELLED or WITHHELD (the ledger's committed money). */
  ledgerCents: number;
}

/** The outcome indicators recorded at closure (libs/domain trajectory `OutcomeIndicators`). */
export interface TrajectoryOutcomeFact {
  dropout: boolean;
  goalAttainment: number | null;
  clientSatisfaction: string;
}

export interface EscalationFact {
  escalationId: string;
  trajectoryId: string;
  providerId: string | null;
  trigger: string;
  context: string;
  status: string;
  raisedAt: string;
  decidedAt: string | null;
  decisionCode: string | null;
  overdue: boolean;
}

/** Audit events of care in progress: evaluations (K-P6, K-P7) and approved scaling (K-Q3). */
export type CareEventFact =
  | { kind: 'EVALUATION_RECORDED'; trajectoryId: string; at: string; localTeamParticipated: boolean | null }
  | { kind: 'EVALUATION_OVERDUE'; trajectoryId: string; at: string }
  | { kind: 'SCALED'; trajectoryId: string; at: string; direction: ScalingDirection };

/** Any trajectory of a client seen in the facts (any municipality or provider), for re-entry (§6.7). */
export interface ClientTrajectoryFact {
  clientId: string;
  domain: string;
  trajectoryId: string;
  createdAt: string;
  predecessorTrajectoryId: string | null;
}

export interface ArrangementFact {
  code: string;
  pricingBasis: string;
}

/** The reporting period: `from` inclusive, `to` exclusive; either may be open. */
export interface MonitoringPeriod {
  from: string | null;
  to: string | null;
}

export interface MonitoringFacts {
  period: MonitoringPeriod;
  now: string;
  trajectories: TrajectoryFact[];
  escalations: EscalationFact[];
  careEvents: CareEventFact[];
  clientTrajectories: ClientTrajectoryFact[];
  arrangements: ArrangementFact[];
  /** Every occasion the family was asked its satisfaction, with its answers (K-O3, issue 18). */
  satisfactionOccasions: SatisfactionOccasionFact[];
}

/** Whether an instant falls in the period (null instants never do). */
export function inPeriod(at: string | null | undefined, period: MonitoringPeriod): boolean {
  if (at === null || at === undefined) return false;
  const t = Date.parse(at);
  if (Number.isNaN(t)) return false;
  if (period.from !== null && t < Date.parse(period.from)) return false;
  if (period.to !== null && t >= Date.parse(period.to)) return false;
  return true;
}
