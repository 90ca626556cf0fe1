/**
 * The payment ledger as a library: list and withhold payments, release due ones, export them for finance
 * (CSV, or JSON shaped like the iStandaarden 323 declaration), confirm batches, reconcile against the payment
 * rules, and read the arrangement catalogue. Plain classes over a TypeORM DataSource (no Nest), so the API,
 * the activities and the CLI share them.
 */
export { LedgerError } from './ledger-error';
export type { LedgerErrorCode } from './ledger-error';
export { centsFromDb } from './cents';
export { amsterdamDate, amsterdamMonth, monthPeriod, toIsoDate } from './dates';
export type { MonthPeriod } from './dates';
export { isActorRef, setLedgerActor } from './ledger-actor';
export { ISSUED_STATUSES, isPaymentStatus, WITHHOLDABLE_STATUSES } from './payment-status';
export { PAYMENT_COLUMNS, toPaymentView } from './payment-instruction';
export type { PaymentRow } from './payment-instruction';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './cursor';
export type { Page } from './cursor';
export { PaymentLedger, RELEASE_ACTOR } from './payment-ledger';
export type { IssuedPayment, PaymentEventView, PaymentFilter, WithholdInput } from './payment-ledger';
export { CareDecisionLedger } from './care-decision-ledger';
export { ArrangementCatalogue } from './arrangement-catalogue';
export type { ArrangementFilter, ArrangementView } from './arrangement-catalogue';
export { EXPORT_FORMATS, PaymentExportService } from './export/payment-export';
export type { ExportBatchView, ExportFormat, ExportResult } from './export/payment-export';
export type { Declaration, DeclarationExport, DeclarationLine } from './export/declaration-323';
export { reconcileTrajectory } from './reconciliation/reconcile-trajectory';
export { ReconciliationService } from './reconciliation/reconciliation-service';
export type { ReconciliationFilter, ReconciliationReport } from './reconciliation/reconciliation-service';
export type {
  DecisionFact,
  Deviation,
  DeviationCode,
  LedgerFact,
  TrajectoryFact,
  TrajectoryReconciliation,
} from './reconciliation/reconciliation-facts';
