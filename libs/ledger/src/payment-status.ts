/**
 * Status of a payment instruction (domain.md §7.2 Payment; "SENT" there is EXPORTED here: handed to finance).
 * SCHEDULED: recorded, not yet due. RELEASED: due, waiting for the finance export. EXPORTED: in an export
 * batch. CONFIRMED: finance confirmed the batch. WITHHELD: due but withheld by the municipality with a
 * written reason (§7.8). CANCELLED: not due, with the reason (e.g. final tranche after early dropout, R-END-01).
 */
export const PAYMENT_STATUSES = [
  'SCHEDULED',
  'RELEASED',
  'EXPORTED',
  'CONFIRMED',
  'WITHHELD',
  'CANCELLED',
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The statuses a WITHHOLD may start from: money that has not gone to finance yet. */
export const WITHHOLDABLE_STATUSES: readonly PaymentStatus[] = ['SCHEDULED', 'RELEASED'];

/** Statuses whose amount counts as issued (paid or on its way) in reconciliation. */
export const ISSUED_STATUSES: readonly PaymentStatus[] = ['SCHEDULED', 'RELEASED', 'EXPORTED', 'CONFIRMED'];

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value);
}
