import type { BookkeepingInput, CaseBookkeepingInput } from './bookkeeping';
import type {
  CareDecisionRecord,
  IssuePaymentInput,
  PaymentInstructionView,
  RecordCareDecisionInput,
  WithholdPaymentInput,
} from './ledger-messages';

/**
 * The activities the trajectory worker registers, as the workflows proxy them. The interface lives here so
 * that workflow code depends on this contract only, never on the activities' implementation (which needs
 * TypeORM); `activities/` implements it. Every activity is idempotent: a retry or a replay changes nothing.
 */
export interface TrajectoryActivities {
  /** Audit records, the read-model row, the escalations and the notifications of one transition. */
  recordTransition(input: BookkeepingInput): Promise<void>;
  /** The table case's own audit stream, notifications, chair, reminder and overdue flag. */
  recordCaseTransition(input: CaseBookkeepingInput): Promise<void>;
  /** A care decision version; idempotent on (trajectoryId, version). */
  recordCareDecision(input: RecordCareDecisionInput): Promise<CareDecisionRecord>;
  /** One tranche; idempotent on its idempotency key. */
  issuePayment(input: IssuePaymentInput): Promise<PaymentInstructionView>;
  /** A manual WITHHOLD with its written reason (domain.md §7.8); idempotent. */
  withholdPayment(input: WithholdPaymentInput): Promise<PaymentInstructionView>;
  /** SCHEDULED payments due on or before `now` (Amsterdam date) become RELEASED; returns how many. */
  releaseDuePayments(now: string | Date): Promise<number>;
}
