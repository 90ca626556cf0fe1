import type { DataSource } from 'typeorm';
import type { RecordCareDecisionInput } from '@app/contracts';
import type { PaymentActivities } from '../../activities/payments.activities';
import {
  paymentIdempotencyKey,
  type CareDecisionTerms,
  type PaymentPolicy,
  type PlannedTranche,
} from '@app/domain';
import { uniqueRef } from './stack';
import type { PaymentInstructionView } from '@app/contracts';

/** Builders for the payment tests. Pseudonymous ids only. */
export const MUNICIPALITY = 'GM0405';
export const PROVIDER = 'prov-017';

export function newTrajectoryId(prefix = 'PAY'): string {
  return `trajectory-${MUNICIPALITY}-${uniqueRef(prefix)}`;
}

export function terms(
  policy: PaymentPolicy,
  version: number,
  tariffCents: number,
  arrangementCode: string,
  validFrom = '2026-01-15',
): CareDecisionTerms {
  return {
    decisionVersion: version,
    arrangementCode,
    tariffCents,
    pricingBasis: policy.pricingBasis,
    validFrom,
  };
}

export function decisionInput(
  trajectoryId: string,
  policy: PaymentPolicy,
  decision: CareDecisionTerms,
  overrides: Partial<RecordCareDecisionInput> = {},
): RecordCareDecisionInput {
  return {
    trajectoryId,
    version: decision.decisionVersion,
    decisionNumber: `BS-${decision.decisionVersion}-${trajectoryId.slice(-10)}`,
    decisionDate: decision.validFrom,
    validFrom: decision.validFrom,
    validTo: '2026-12-31',
    arrangementCode: decision.arrangementCode,
    tariffCents: decision.tariffCents,
    pricingBasis: decision.pricingBasis,
    paymentPolicy: policy,
    totalBudgetCents: decision.tariffCents,
    providerId: PROVIDER,
    municipalityCode: MUNICIPALITY,
    ...overrides,
  };
}

export function keyOf(trajectoryId: string, t: PlannedTranche): string {
  return paymentIdempotencyKey({
    trajectoryId,
    kind: t.kind,
    decisionVersion: t.decisionVersion,
    period: t.period,
    adjustmentSeq: t.adjustmentSeq,
  });
}

/** Issues planned tranches as the workflow would: keyed by paymentIdempotencyKey, due on `dueDate`. */
export async function issueTranches(
  activities: PaymentActivities,
  trajectoryId: string,
  tranches: readonly PlannedTranche[],
  dueDate: string,
): Promise<PaymentInstructionView[]> {
  const rows: PaymentInstructionView[] = [];
  for (const t of tranches) {
    rows.push(
      await activities.issuePayment({
        idempotencyKey: keyOf(trajectoryId, t),
        trajectoryId,
        municipalityCode: MUNICIPALITY,
        providerId: PROVIDER,
        kind: t.kind,
        amountCents: t.amountCents,
        basis: t.basis,
        decisionVersion: t.decisionVersion,
        period: t.period,
        dueDate,
      }),
    );
  }
  return rows;
}

/** The trajectory read-model row reconciliation reads (status, closure reason). */
export async function upsertTrajectoryRow(
  db: DataSource,
  trajectoryId: string,
  status: string,
  closureReason: string | null = null,
): Promise<void> {
  const now = new Date('2026-11-20T10:00:00Z');
  await db.query(
    `INSERT INTO trajectory
       (trajectory_id, seq, municipality_code, case_reference, client_id, status, domain, segment, complexity,
        provider_id, created_at, updated_at, closed_at, closure_reason)
     VALUES ($1, 1, $2, $3, 'c-5e1d2a', $4, 'JEUGD', 'B', 'LOW', $5, $6, $6, $7, $8)
     ON CONFLICT (trajectory_id) DO UPDATE SET status = EXCLUDED.status, closed_at = EXCLUDED.closed_at,
       closure_reason = EXCLUDED.closure_reason`,
    [
      trajectoryId,
      MUNICIPALITY,
      trajectoryId.slice(-20),
      status,
      PROVIDER,
      now,
      status === 'CLOSED' ? now : null,
      closureReason,
    ],
  );
}
