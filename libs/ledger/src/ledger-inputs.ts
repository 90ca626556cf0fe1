import type { DecisionCause } from '../../domain/src/trajectory/care-decision';
import {
  assertPaymentPolicy,
  isPricingBasis,
  TRANCHE_KINDS,
  type PaymentPolicy,
  type PricingBasis,
  type TrancheKind,
} from '../../domain/src/payments';
import { centsFromDb } from './cents';
import { toIsoDate } from './dates';
import { LedgerError } from './ledger-error';
import type { PaymentInstructionView } from './payment-instruction';

/**
 * What the payment activities accept, and its validation: the trajectory workflow's calls into the ledger.
 * Refusals are LedgerError INVALID_INPUT (the activities turn them into non-retryable failures).
 */
/** Why a care decision version exists; the same values as the domain's DecisionCause. */
export const DECISION_CAUSES = [
  'PLAN_APPROVAL',
  'BREAKTHROUGH',
  'PROVISIONAL_START',
  'SCALING',
  'RENEWAL',
  'PRICE_CORRECTION',
  'PROVIDER_REASSIGNMENT',
] as const satisfies readonly DecisionCause[];

export interface RecordCareDecisionInput {
  trajectoryId: string;
  version: number;
  decisionNumber: string;
  /** Default: PRICE_CORRECTION when `amendsVersion` is set, PLAN_APPROVAL for version 1, else SCALING. */
  cause?: DecisionCause;
  /** ISO dates ('YYYY-MM-DD', or a date-time whose Amsterdam date is taken). */
  decisionDate: string;
  validFrom: string;
  validTo?: string | null;
  arrangementCode: string;
  tariffCents: number;
  pricingBasis: PricingBasis;
  /** The policy snapshot frozen at the first decision (decisions.md 2). */
  paymentPolicy: PaymentPolicy;
  totalBudgetCents: number;
  providerId: string;
  municipalityCode: string;
  provisional?: boolean;
  /** The version this one amends retroactively (R-TAR-05). */
  amendsVersion?: number | null;
}

export interface CareDecisionRecord {
  trajectoryId: string;
  version: number;
  decisionNumber: string;
  cause: DecisionCause;
  decisionDate: string;
  validFrom: string;
  validTo: string | null;
  arrangementCode: string;
  tariffCents: number;
  pricingBasis: PricingBasis;
  paymentPolicy: PaymentPolicy;
  totalBudgetCents: number;
  providerId: string;
  municipalityCode: string;
  provisional: boolean;
  amendsVersion: number | null;
}

export interface IssuePaymentInput {
  /** paymentIdempotencyKey(...) of the payments module: `{trajectoryId}:{kind}:{decisionVersion}[:…]`. */
  idempotencyKey: string;
  trajectoryId: string;
  municipalityCode: string;
  providerId: string;
  kind: TrancheKind;
  /** Integer cents; negative only for an ADJUSTMENT (a declared price correction, domain.md §7.8). */
  amountCents: number;
  /** The computation and the rule it cites (PlannedTranche.basis). */
  basis: string;
  decisionVersion: number;
  /** PERIOD and ANNUAL only. */
  period?: number;
  /** ISO date, or a date-time whose Amsterdam calendar date is taken. */
  dueDate: string;
  /** SCHEDULED (default), or CANCELLED to record a tranche that is not due, with its reason. */
  status?: 'SCHEDULED' | 'CANCELLED';
  statusReason?: string;
}

export interface WithholdPaymentInput {
  trajectoryId: string;
  /** The payment to withhold; or give `kind` when the trajectory has exactly one open payment of it. */
  idempotencyKey?: string;
  kind?: TrancheKind;
  /** Written reason (domain.md §7.8); no personal data. */
  reason: string;
  /** Pseudonymous ref of the municipality's officer. */
  actor: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,299}$/;

export function invalid(message: string): never {
  throw new LedgerError('INVALID_INPUT', message);
}

function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value))
    invalid(`${field} must be a safe id, got ${String(value)}`);
  return value;
}

function requireCents(value: unknown, field: string, signed = false): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || (!signed && value < 0)) {
    invalid(`${field} must be a ${signed ? '' : 'non-negative '}safe integer of cents, got ${String(value)}`);
  }
  return value;
}

function requirePositiveInt(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    invalid(`${field} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function defaultCause(input: RecordCareDecisionInput): DecisionCause {
  if (input.amendsVersion != null) return 'PRICE_CORRECTION';
  return input.version === 1 ? 'PLAN_APPROVAL' : 'SCALING';
}

export function validateDecision(input: RecordCareDecisionInput): unknown[] {
  requireId(input.trajectoryId, 'trajectoryId');
  requirePositiveInt(input.version, 'version');
  requireId(input.decisionNumber, 'decisionNumber');
  const cause = input.cause ?? defaultCause(input);
  if (!DECISION_CAUSES.includes(cause)) invalid(`unknown decision cause ${String(cause)}`);
  if (!isPricingBasis(input.pricingBasis)) invalid(`unknown pricing basis ${String(input.pricingBasis)}`);
  assertPaymentPolicy(input.paymentPolicy);
  if (
    input.amendsVersion != null &&
    requirePositiveInt(input.amendsVersion, 'amendsVersion') >= input.version
  ) {
    invalid('amendsVersion must be an earlier version');
  }
  return [
    input.trajectoryId,
    input.version,
    input.decisionNumber,
    cause,
    toIsoDate(input.decisionDate, 'decisionDate'),
    toIsoDate(input.validFrom, 'validFrom'),
    input.validTo == null ? null : toIsoDate(input.validTo, 'validTo'),
    requireId(input.arrangementCode, 'arrangementCode'),
    requireCents(input.tariffCents, 'tariffCents'),
    input.pricingBasis,
    JSON.stringify(input.paymentPolicy),
    requireCents(input.totalBudgetCents, 'totalBudgetCents'),
    requireId(input.providerId, 'providerId'),
    requireId(input.municipalityCode, 'municipalityCode'),
    input.provisional ?? false,
    input.amendsVersion ?? null,
  ];
}

export function toDecisionRecord(r: Record<string, unknown>): CareDecisionRecord {
  return {
    trajectoryId: r.trajectory_id as string,
    version: Number(r.version),
    decisionNumber: r.decision_number as string,
    cause: r.cause as DecisionCause,
    decisionDate: r.decision_date as string,
    validFrom: r.valid_from as string,
    validTo: (r.valid_to as string | null) ?? null,
    arrangementCode: r.arrangement_code as string,
    tariffCents: centsFromDb(r.tariff_cents as string, 'tariff_cents'),
    pricingBasis: r.pricing_basis as PricingBasis,
    paymentPolicy: r.payment_policy as PaymentPolicy,
    totalBudgetCents: centsFromDb(r.total_budget_cents as string, 'total_budget_cents'),
    providerId: r.provider_id as string,
    municipalityCode: r.municipality_code as string,
    provisional: r.provisional === true,
    amendsVersion: r.amends_version === null ? null : Number(r.amends_version),
  };
}

export function validatePayment(
  input: IssuePaymentInput,
): IssuePaymentInput & { dueDate: string; status: 'SCHEDULED' | 'CANCELLED' } {
  requireId(input.idempotencyKey, 'idempotencyKey');
  requireId(input.trajectoryId, 'trajectoryId');
  requireId(input.municipalityCode, 'municipalityCode');
  requireId(input.providerId, 'providerId');
  if (!TRANCHE_KINDS.includes(input.kind)) invalid(`unknown tranche kind ${String(input.kind)}`);
  // Only a declared price correction may be negative (domain.md §7.8, R-END-05).
  requireCents(input.amountCents, 'amountCents', input.kind === 'ADJUSTMENT');
  if (typeof input.basis !== 'string' || input.basis.trim().length === 0) invalid('basis must cite the rule');
  requirePositiveInt(input.decisionVersion, 'decisionVersion');
  const periodic = input.kind === 'PERIOD' || input.kind === 'ANNUAL';
  if (periodic) requirePositiveInt(input.period, 'period');
  else if (input.period != null) invalid(`${input.kind} has no period`);
  const status = input.status ?? 'SCHEDULED';
  if (status !== 'SCHEDULED' && status !== 'CANCELLED') invalid('a new payment is SCHEDULED or CANCELLED');
  if (status === 'CANCELLED' && !(input.statusReason ?? '').trim())
    invalid('a CANCELLED payment needs its reason');
  return { ...input, status, dueDate: toIsoDate(input.dueDate, 'dueDate') };
}

/** The money facts of a row must match a retry's; anything else is a key collision, never silently accepted. */
export function sameFacts(row: PaymentInstructionView, input: IssuePaymentInput): boolean {
  return (
    row.trajectoryId === input.trajectoryId &&
    row.kind === input.kind &&
    row.amountCents === input.amountCents &&
    row.decisionVersion === input.decisionVersion &&
    row.period === (input.period ?? null)
  );
}
