/**
 * The payment domain: presets, tranche rules, scaling and price corrections, idempotency keys and the
 * schedule replay used by reconciliation (domain.md §3.1, §3.2, §3.9, §7.7, §7.8). Pure TypeScript with no
 * imports outside this folder, so it runs inside Temporal's workflow sandbox.
 */
export { PaymentRuleError } from './payment-rule-error';
export type { PaymentRuleErrorCode } from './payment-rule-error';
export { assertCents, mulDivFloor, sumCents } from './money';
export type { Cents } from './money';
export { isPricingBasis, PRICING_BASES } from './pricing-basis';
export type { PricingBasis } from './pricing-basis';
export {
  isPaymentPolicyPreset,
  isPeriodPricedPreset,
  isTrajectoryPricedPreset,
  PAYMENT_POLICY_PRESETS,
  PERIOD_PRICED_PRESETS,
  PRESET_RULE,
  TRAJECTORY_PRICED_PRESETS,
} from './payment-policy-preset';
export type {
  PaymentPolicyPreset,
  PeriodPricedPreset,
  TrajectoryPricedPreset,
} from './payment-policy-preset';
export { TRANCHE_KINDS } from './tranche-kind';
export type { AdjustmentCause, TrancheKind } from './tranche-kind';
export { CLOSURE_REASONS, isClosureReason, NEVER_STARTED_CLOSURE_REASONS } from './closure-reason';
export type { ClosureFacts, ClosureReason } from './closure-reason';
export { assertTrajectorySplit, initialShareCents, splitTrajectoryPrice } from './trajectory-split';
export type { SplitTrajectoryPrice, TrajectorySplit } from './trajectory-split';
export { annualInstalmentCents, instalmentOfYear } from './annual-instalment';
export { assertPaymentPolicy, paymentPolicyFor, PRESET_DEFINITIONS_VERSION } from './payment-policy';
export type { PaymentPolicy, TranchePeriodLength } from './payment-policy';
export { presetFitsBasis, selectPaymentPolicy } from './select-payment-policy';
export type { PaymentPolicySelection } from './select-payment-policy';
export { assertCareDecisionTerms, assertDecisionFitsPolicy } from './care-decision-terms';
export type { CareDecisionTerms } from './care-decision-terms';
export type { PlannedTranche } from './planned-tranche';
export { tranchesAtStart } from './start-tranches';
export { periodTranche } from './period-tranche';
export { finalTranche } from './final-tranche';
export type {
  FinalTrancheInput,
  FinalTrancheNotDue,
  FinalTrancheOutcome,
  NoFinalTrancheReason,
} from './final-tranche';
export { scalingAdjustment } from './scaling-adjustment';
export type { ScalingDirection, ScalingInput, ScalingOutcome } from './scaling-adjustment';
export { priceCorrection } from './price-correction';
export type { PriceCorrectionInput, PriceCorrectionOutcome } from './price-correction';
export { expectedTotalCents, paymentScheduleFor } from './payment-schedule';
export type { PaymentSchedule } from './payment-schedule';
export type { PaymentHistory, PaymentHistoryEvent } from './payment-history';
export { paymentIdempotencyKey } from './payment-idempotency-key';
export type { PaymentKeyParts } from './payment-idempotency-key';
