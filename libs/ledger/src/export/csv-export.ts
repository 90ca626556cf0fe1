import type { MonthPeriod } from '../dates';
import { debitCredit, ExportLine, productPeriod } from './export-line';

const HEADER = [
  'batch_id',
  'declaration_period',
  'payment_id',
  'idempotency_key',
  'trajectory_id',
  'client_pseudonym',
  'municipality_code',
  'provider_id',
  'domain',
  'tranche_kind',
  'decision_number',
  'decision_version',
  'tranche_period',
  'due_date',
  'product_category',
  'product_code',
  'unit_code',
  'frequency_code',
  'product_period_start',
  'product_period_end',
  'amount_cents',
  'debit_credit',
  'basis',
  // Issue 17: the provider's 323 line that declared the tranche, and the day its 325 answered (empty: none).
  'declaration_reference',
  'declaration_answered_on',
];

/**
 * RFC 4180 field: quoted when needed. Text that a spreadsheet would run as a formula (= + - @ at the start)
 * gets a leading apostrophe; numbers are written by the caller as numbers and are never touched.
 */
function text(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The finance CSV of one export batch: one line per payment, amounts in integer cents, UTF-8, CRLF. */
export function renderCsv(batchId: string, month: MonthPeriod, lines: readonly ExportLine[]): string {
  const out = [HEADER.join(',')];
  for (const line of lines) {
    const p = line.payment;
    const period = productPeriod(line, month);
    out.push(
      [
        text(batchId),
        text(month.period),
        p.id,
        text(p.idempotencyKey),
        text(p.trajectoryId),
        text(line.clientPseudonym),
        text(p.municipalityCode),
        text(p.providerId),
        text(line.domain),
        p.kind,
        text(line.decisionNumber),
        String(p.decisionVersion),
        p.period === null ? '' : String(p.period),
        p.dueDate,
        text(line.productCategory),
        text(line.productCode),
        text(line.unitCode),
        text(line.frequencyCode),
        period.start,
        period.end,
        String(Math.abs(p.amountCents)),
        debitCredit(p.amountCents),
        text(p.basis),
        text(line.declarationReference),
        text(line.declarationAnsweredOn),
      ].join(','),
    );
  }
  return out.join('\r\n') + '\r\n';
}
