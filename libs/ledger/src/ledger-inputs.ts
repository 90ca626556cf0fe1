import type {
  CareDecisionRecord,
  IssuePaymentInput,
  PaymentInstructionView,
  RecordCareDecisionInput,
} from '@app/contracts';
import {
  assertPaymentPolicy,
  DECISION_CAUSES,
  isPricingBasis,
  TRANCHE_KINDS,
  type DecisionCause,
  type PaymentPolicy,
  type PricingBasis,
} from '@app/domain';
import { centsFromDb } from './cents';
import { toIsoDate } from './dates';
import { LedgerError } from './ledger-error';

/**
 * Validation of what the trajectory workflow writes into the ledger (the messages of libs/contracts).
 * Refusals are LedgerError INVALID_INPUT; the activities turn them into non-retryable failures.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,299}$/;

function invalid(message: string): never {
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
