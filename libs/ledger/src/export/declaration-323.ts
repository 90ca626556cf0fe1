import { sumCents } from '@app/domain';
import type { MonthPeriod } from '../dates';
import { debitCredit, ExportLine, productPeriod } from './export-line';

/** An amount as iStandaarden write it: a non-negative number of cents with debit/credit. */
export interface SignedAmount {
  amountCents: number;
  debitCredit: 'D' | 'C';
}

/** One line (Prestatie) of a 323 declaration; iStandaarden element names in the comments. */
export interface DeclarationLine {
  /** ProductReferentie/ReferentieNummer: the payment's idempotency key. */
  productReference: string;
  /** ToewijzingNummer: here the care decision's number. */
  assignmentNumber: string | null;
  productCategory: string | null;
  productCode: string | null;
  productPeriod: { start: string; end: string };
  /**
   * GeleverdVolume: one output tranche = 1. (Under unit 83 a real 323 states the volume in euros; a tranche
   * of odd cents cannot be written that way, so this export keeps volume 1 at the tranche amount.)
   */
  deliveredVolume: 1;
  /** Eenheid (WJ756), from the arrangement. */
  unit: string | null;
  /** ProductTarief: the tranche amount for volume 1. */
  productTariffCents: number;
  /** IngediendBedrag. */
  amount: SignedAmount;
  trancheKind: string;
  decisionVersion: number;
  tranchePeriod: number | null;
  /** The rule the amount comes from. */
  basis: string;
}

/** Client: pseudonymous references only. A real 323 carries the BSN here; this platform never does. */
export interface DeclarationClient {
  trajectoryReference: string;
  clientPseudonym: string | null;
  lines: DeclarationLine[];
}

/** Declaratie: one per provider (Afzender) and municipality (Ontvanger), as a 323 message is. */
export interface Declaration {
  /** DeclaratieNummer */
  declarationNumber: string;
  providerId: string;
  municipalityCode: string;
  /** DeclaratiePeriode: the calendar month. */
  declarationPeriod: { start: string; end: string };
  /** DeclaratieDagtekening */
  declarationDate: string;
  /** TotaalIngediendBedrag */
  totalAmount: SignedAmount;
  clients: DeclarationClient[];
}

export interface DeclarationExport {
  /** Shaped like iWmo/iJw 3.2 message 323 (Declaratie); JSON, not the XML message itself. */
  message: '323';
  batchId: string;
  period: string;
  rowCount: number;
  totalAmount: SignedAmount;
  declarations: Declaration[];
}

function signed(amountCents: number): SignedAmount {
  return { amountCents: Math.abs(amountCents), debitCredit: debitCredit(amountCents) };
}

function toLine(line: ExportLine, month: MonthPeriod): DeclarationLine {
  const p = line.payment;
  return {
    productReference: p.idempotencyKey,
    assignmentNumber: line.decisionNumber,
    productCategory: line.productCategory,
    productCode: line.productCode,
    productPeriod: productPeriod(line, month),
    deliveredVolume: 1,
    unit: line.unitCode,
    productTariffCents: Math.abs(p.amountCents),
    amount: signed(p.amountCents),
    trancheKind: p.kind,
    decisionVersion: p.decisionVersion,
    tranchePeriod: p.period,
    basis: p.basis,
  };
}

/** Groups the batch's lines per provider × municipality and per trajectory, with exact cent totals. */
export function renderDeclaration(
  batchId: string,
  month: MonthPeriod,
  declarationDate: string,
  lines: readonly ExportLine[],
): DeclarationExport {
  const byParty = new Map<string, ExportLine[]>();
  for (const line of lines) {
    const key = `${line.payment.providerId}\u0000${line.payment.municipalityCode}`;
    byParty.set(key, [...(byParty.get(key) ?? []), line]);
  }
  const declarations: Declaration[] = [...byParty.values()].map((partyLines, index) => {
    const clients = new Map<string, DeclarationClient>();
    for (const line of partyLines) {
      const id = line.payment.trajectoryId;
      const client = clients.get(id) ?? {
        trajectoryReference: id,
        clientPseudonym: line.clientPseudonym,
        lines: [],
      };
      client.lines.push(toLine(line, month));
      clients.set(id, client);
    }
    return {
      declarationNumber: `${batchId.slice(0, 8)}-${String(index + 1).padStart(3, '0')}`,
      providerId: partyLines[0].payment.providerId,
      municipalityCode: partyLines[0].payment.municipalityCode,
      declarationPeriod: { start: month.start, end: month.end },
      declarationDate,
      totalAmount: signed(sumCents(partyLines.map((l) => l.payment.amountCents))),
      clients: [...clients.values()],
    };
  });
  return {
    message: '323',
    batchId,
    period: month.period,
    rowCount: lines.length,
    totalAmount: signed(sumCents(lines.map((l) => l.payment.amountCents))),
    declarations,
  };
}
