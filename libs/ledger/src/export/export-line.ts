import type { MonthPeriod } from '../dates';
import type { PaymentInstructionView } from '@app/contracts';

/** A payment with what the export needs from its care decision, the catalogue and the read model. */
export interface ExportLine {
  payment: PaymentInstructionView;
  /** The care decision's number (beschikkingnummer), used as the assignment number. */
  decisionNumber: string | null;
  decisionValidFrom: string | null;
  decisionValidTo: string | null;
  /** The trajectory's pseudonymous client id from the read model; never a BSN or a name. */
  clientPseudonym: string | null;
  domain: string | null;
  productCategory: string | null;
  productCode: string | null;
  unitCode: string | null;
  frequencyCode: string | null;
  /** The provider's honoured 323 line for this tranche when the batch was made (issue 17), or null. */
  declarationReference: string | null;
  declarationAnsweredOn: string | null;
}

/**
 * The product period of a line: the declaration month (iStandaarden declare per calendar month,
 * references.md §5.2), narrowed to the decision's validity when it starts or ends inside the month.
 */
export function productPeriod(line: ExportLine, month: MonthPeriod): { start: string; end: string } {
  const start =
    line.decisionValidFrom && line.decisionValidFrom > month.start ? line.decisionValidFrom : month.start;
  const end = line.decisionValidTo && line.decisionValidTo < month.end ? line.decisionValidTo : month.end;
  return start <= end ? { start, end } : { start: month.start, end: month.end };
}

/** iStandaarden DebetCredit: a negative amount (a declared price correction) is a credit line. */
export function debitCredit(amountCents: number): 'D' | 'C' {
  return amountCents < 0 ? 'C' : 'D';
}
