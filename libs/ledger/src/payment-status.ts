import { PAYMENT_STATUSES, type PaymentStatus } from '@app/contracts';

/** The statuses a WITHHOLD may start from: money that has not gone to finance yet. */
export const WITHHOLDABLE_STATUSES: readonly PaymentStatus[] = ['SCHEDULED', 'RELEASED'];

/** Statuses whose amount counts as issued (paid or on its way) in reconciliation. */
export const ISSUED_STATUSES: readonly PaymentStatus[] = ['SCHEDULED', 'RELEASED', 'EXPORTED', 'CONFIRMED'];

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value);
}
