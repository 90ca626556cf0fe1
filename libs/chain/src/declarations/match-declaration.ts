import { retour, type Retour } from '../codelists/retour-codes';
import type { DeclaredLine } from '../inbound/inbound-message';

/** A tranche of the ledger (payment_instruction) as a declaration line is matched against it. */
export interface LedgerTranche {
  paymentId: string;
  kind: string;
  amountCents: number;
  dueDate: string;
  status: string;
  /** The reference number of the honoured line that already declared it, if any. */
  honouredBy?: string;
}

/** An assignment as the ledger knows it, with its trajectory's tranches. */
export interface DeclarableAssignment {
  assignmentNumber: number;
  trajectoryId: string;
  providerId: string;
  productCategory: string;
  productCode: string;
  unit: string;
  validFrom: string;
  validTo: string;
  changeReason?: string;
  tranches: LedgerTranche[];
}

export interface LineOutcome {
  line: DeclaredLine;
  /** Set when honoured: the tranche it declares. */
  tranche?: LedgerTranche;
  trajectoryId?: string;
  retour: Retour[];
}

/** Tranches a provider may declare: released, exported or confirmed, or scheduled and due by today. */
function isDue(t: LedgerTranche, today: string): boolean {
  return (
    ['RELEASED', 'EXPORTED', 'CONFIRMED'].includes(t.status) ||
    (t.status === 'SCHEDULED' && t.dueDate <= today)
  );
}

/**
 * Matches each declared line (323 Prestatie) against the ledger (issue 17): a line is honoured only for a
 * tranche the ledger holds as due for that assignment, falling in the line's period, with the exact amount,
 * and not declared before. Everything else is refused with the retour code that says why. Pure: the caller
 * holds the provider's declaration lock, so the tranches' `honouredBy` are current.
 */
export function matchDeclaration(input: {
  providerId: string;
  period: { start: string; end: string };
  lines: readonly DeclaredLine[];
  assignments: ReadonlyMap<number, DeclarableAssignment>;
  /** Reference numbers of this provider's lines honoured before (TR314: unique per provider). */
  honouredReferences: ReadonlySet<string>;
  today: string;
}): LineOutcome[] {
  const seen = new Set<string>();
  const claimed = new Set<string>();
  return input.lines.map((line) => {
    const about = line.referenceNumber;
    const refuse = (...retours: Retour[]): LineOutcome => ({ line, retour: retours });
    if (input.honouredReferences.has(line.referenceNumber) || seen.has(line.referenceNumber)) {
      seen.add(line.referenceNumber);
      return refuse(retour('8021', about, 'this reference number was declared before'));
    }
    seen.add(line.referenceNumber);
    if (line.debitCredit === 'C') {
      return refuse(
        retour('0001', about, 'the product honours debit lines; a credit is settled with the municipality'),
      );
    }
    const a = input.assignments.get(line.assignmentNumber);
    if (!a || a.providerId !== input.providerId || a.changeReason === '13') {
      return refuse(retour('9338', about, `no assignment ${line.assignmentNumber} of this provider`));
    }
    const found: Retour[] = [];
    if (line.productCategory !== a.productCategory)
      found.push(retour('9339', about, `assigned ${a.productCategory}`));
    if (line.productCode !== a.productCode) found.push(retour('9340', about, `assigned ${a.productCode}`));
    if (line.unit !== a.unit) found.push(retour('9341', about, `assigned unit ${a.unit}`));
    if (line.period.start < a.validFrom)
      found.push(retour('9307', about, `the assignment begins ${a.validFrom}`));
    if (line.period.end > a.validTo) found.push(retour('9308', about, `the assignment ends ${a.validTo}`));
    // TR319: a product period lies in this declaration period or an earlier one (late declarations).
    if (line.period.end > input.period.end) {
      found.push(retour('9319', about, 'the product period ends after the declaration period'));
    }
    if (
      line.unit !== '83' &&
      line.productTariffCents !== undefined &&
      line.deliveredVolume * line.productTariffCents !== line.amountCents
    ) {
      found.push(retour('9346', about, 'IngediendBedrag is not GeleverdVolume × ProductTarief'));
    }
    if (found.length > 0) return { line, trajectoryId: a.trajectoryId, retour: found };

    const inPeriod = a.tranches.filter((t) => t.dueDate >= line.period.start && t.dueDate <= line.period.end);
    const due = inPeriod.filter((t) => isDue(t, input.today));
    const open = due.filter((t) => !t.honouredBy && !claimed.has(t.paymentId));
    const exact = open.find((t) => t.amountCents === line.amountCents);
    if (exact) {
      claimed.add(exact.paymentId);
      return { line, trajectoryId: a.trajectoryId, tranche: exact, retour: [] };
    }
    const refusal =
      open.length > 0
        ? retour(
            '0611',
            about,
            `the tranche due in this period is ${open.map((t) => t.amountCents).join(' or ')} cents`,
          )
        : due.length > 0
          ? retour('9322', about, 'the tranche of this period was declared before')
          : retour(
              '9369',
              about,
              inPeriod.some((t) => t.status === 'CANCELLED' || t.status === 'WITHHELD')
                ? 'the tranche of this period was cancelled or withheld'
                : 'no tranche of this assignment is due in this period',
            );
    return { line, trajectoryId: a.trajectoryId, retour: [refusal] };
  });
}
