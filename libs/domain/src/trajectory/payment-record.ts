import type { TrancheKind } from '../payments';

/**
 * A tranche as this trajectory issued it (domain.md §7.2 Payment), kept in state for `getPayments`.
 * ISSUED: handed to the payment activity. WITHHELD: due but withheld by the municipality with a written
 * reason (§7.8). CANCELLED: not due, e.g. the final tranche after early dropout (R-END-01).
 */
export interface PaymentRecord {
  idempotencyKey: string;
  kind: TrancheKind;
  amountCents: number;
  decisionVersion: number;
  period?: number;
  dueAt: string;
  status: 'ISSUED' | 'WITHHELD' | 'CANCELLED';
  basis: string;
}

/** A pre-emptive WITHHOLD of the final tranche (domain.md §7.8: manual, audited, with a written reason). */
export interface FinalTrancheWithhold {
  reasonRef: string;
  actorRef: string;
  at: string;
}
