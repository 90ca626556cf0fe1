import { monthPeriod } from '../dates';
import type { PaymentInstructionView } from '@app/contracts';
import { renderCsv } from './csv-export';
import { renderDeclaration } from './declaration-323';
import type { ExportLine } from './export-line';

const payment: PaymentInstructionView = {
  id: '7',
  idempotencyKey: 'trajectory-GM0405-X:ADJUSTMENT:2:1',
  trajectoryId: 'trajectory-GM0405-X',
  municipalityCode: 'GM0405',
  providerId: 'prov-017',
  kind: 'ADJUSTMENT',
  amountCents: -12_345,
  basis: '=HYPERLINK("x"), retroactive "price" correction',
  decisionVersion: 2,
  period: null,
  dueDate: '2026-03-10',
  status: 'RELEASED',
  statusReason: null,
  exportBatchId: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

const line: ExportLine = {
  payment,
  decisionNumber: 'BS-2',
  decisionValidFrom: '2026-03-15',
  decisionValidTo: null,
  clientPseudonym: 'c-5e1d2a',
  domain: 'JEUGD',
  productCategory: '45',
  productCode: '45R12',
  unitCode: '83',
  frequencyCode: '6',
  declarationReference: null,
  declarationAnsweredOn: null,
};

describe('finance export rendering', () => {
  it('writes a credit line with the absolute amount, quotes text and defuses spreadsheet formulas', () => {
    const csv = renderCsv('b-1', monthPeriod('2026-03'), [line]);
    const [, row] = csv.split('\r\n');
    expect(row).toContain(',45,45R12,83,6,2026-03-15,2026-03-31,12345,C,');
    expect(row.endsWith(`"'=HYPERLINK(""x""), retroactive ""price"" correction",,`)).toBe(true);
  });

  it('names the provider’s 323 line that declared the tranche and the day its 325 answered', () => {
    const csv = renderCsv('b-1', monthPeriod('2026-03'), [
      { ...line, declarationReference: 'PRS-2026-0042', declarationAnsweredOn: '2026-03-12' },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header.endsWith(',basis,declaration_reference,declaration_answered_on')).toBe(true);
    expect(row.endsWith(',PRS-2026-0042,2026-03-12')).toBe(true);
  });

  it('groups 323 lines per provider and municipality with exact signed totals', () => {
    const debit = {
      ...line,
      payment: { ...payment, id: '8', idempotencyKey: 'k-8', kind: 'INITIAL' as const, amountCents: 20_000 },
    };
    const message = renderDeclaration('0b6f1c2e-aaaa', monthPeriod('2026-02'), '2026-03-01', [line, debit]);
    expect(message.totalAmount).toEqual({ amountCents: 7_655, debitCredit: 'D' });
    expect(message.declarations).toHaveLength(1);
    expect(message.declarations[0]).toMatchObject({
      declarationNumber: '0b6f1c2e-001',
      declarationPeriod: { start: '2026-02-01', end: '2026-02-28' },
      clients: [{ trajectoryReference: 'trajectory-GM0405-X', clientPseudonym: 'c-5e1d2a' }],
    });
    expect(message.declarations[0].clients[0].lines.map((l) => l.amount)).toEqual([
      { amountCents: 12_345, debitCredit: 'C' },
      { amountCents: 20_000, debitCredit: 'D' },
    ]);
  });
});
