import { PaymentRuleError } from './payment-rule-error';
import { TRANCHE_KINDS } from './tranche-kind';
import type { TrancheKind } from './tranche-kind';

export interface PaymentKeyParts {
  /** The trajectory's id; it must not contain ':' so the key splits back into its parts unambiguously. */
  readonly trajectoryId: string;
  readonly kind: TrancheKind;
  readonly decisionVersion: number;
  /** PERIOD and ANNUAL: required. Other kinds: must be absent. */
  readonly period?: number;
  /** ADJUSTMENT: required. Other kinds: must be absent. */
  readonly adjustmentSeq?: number;
}

function keyPartError(problem: string): PaymentRuleError {
  return new PaymentRuleError('INVALID_KEY_PART', problem);
}

function positiveInteger(value: number | undefined, field: string): number {
  if (value === undefined || !Number.isSafeInteger(value) || value < 1) {
    throw keyPartError(`${field} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * The deterministic idempotency key of a tranche (domain.md §7.2 Payment, §7.7), so a retried activity or a
 * replayed workflow can never pay twice:
 * - INITIAL, FINAL: `{trajectoryId}:{kind}:{decisionVersion}`
 * - PERIOD, ANNUAL: `{trajectoryId}:{kind}:{decisionVersion}:{period}`
 * - ADJUSTMENT: `{trajectoryId}:ADJUSTMENT:{decisionVersion}:{adjustmentSeq}`
 * The adjustment sequence is added because the decision version alone identifies an adjustment only as long
 * as every amendment gets a new version; a scaling adjustment and a price correction recorded against one
 * version would otherwise share a key, and the second payment would be silently dropped as a duplicate.
 * The kind is part of the key, so the fourth segment is never ambiguous.
 */
export function paymentIdempotencyKey(parts: PaymentKeyParts): string {
  const { trajectoryId, kind, decisionVersion, period, adjustmentSeq } = parts;
  if (typeof trajectoryId !== 'string' || trajectoryId.length === 0 || trajectoryId.includes(':')) {
    throw keyPartError(`trajectoryId must be a non-empty string without ':', got ${String(trajectoryId)}`);
  }
  if (!(TRANCHE_KINDS as readonly string[]).includes(kind))
    throw keyPartError(`unknown tranche kind ${String(kind)}`);
  const base = `${trajectoryId}:${kind}:${positiveInteger(decisionVersion, 'decisionVersion')}`;
  const periodic = kind === 'PERIOD' || kind === 'ANNUAL';
  if (!periodic && period !== undefined) throw keyPartError(`${kind} has no period`);
  if (kind !== 'ADJUSTMENT' && adjustmentSeq !== undefined)
    throw keyPartError(`${kind} has no adjustmentSeq`);
  if (periodic) return `${base}:${positiveInteger(period, 'period')}`;
  if (kind === 'ADJUSTMENT') return `${base}:${positiveInteger(adjustmentSeq, 'adjustmentSeq')}`;
  return base;
}
