import type { DeclaredLine } from '../inbound/inbound-message';
import type { LineOutcome } from '../declarations/match-declaration';
import type { Retour } from '../codelists/retour-codes';
import { base, child, childrenNamed, el, leaf, type XmlElement } from '../xml/xml-element';
import { municipalityHeader, type OutboundHeader } from './message-header';

export interface DeclarationAnswer {
  header: OutboundHeader;
  /** The 323's BerichtIdentificatie and XsdVersie (TR337, TR371). */
  declarationIdentification: { identification: string; dated: string };
  declarationXsd: { base: string; message: string };
  declarationNumber: string;
  total: { cents: number; debitCredit: 'D' | 'C' };
  outcomes: readonly LineOutcome[];
}

const codes = (retours: readonly Retour[]) =>
  el('RetourCodes', ...[...new Set(retours.map((r) => r.code))].map((c) => leaf('RetourCode', c)));

function signedTotal(name: string, cents: number): XmlElement {
  return el(
    name,
    base(leaf('TotaalBedrag', Math.abs(cents))),
    base(leaf('DebetCredit', cents < 0 ? 'C' : 'D')),
  );
}

/** The refused Prestatie, copied unchanged from the 323 (TR366/TR367), with its retour codes. */
function refusedLine(declaration: XmlElement, line: DeclaredLine, retours: readonly Retour[]): XmlElement {
  const client = childrenNamed(child(declaration, 'Clienten')!, 'Client')[line.clientIndex];
  const prestatie = childrenNamed(child(client, 'Prestaties')!, 'Prestatie')[line.lineIndex];
  return { ...prestatie, children: [...prestatie.children, codes(retours)] };
}

/**
 * The 325 Declaratie-antwoord (IV087, IV088): honoured lines are left out, refused ones come back with
 * their retour codes under their client, and TotaalToegekendBedrag is the sum honoured. Fully honoured: code
 * 8001 and no clients. `declaration` is the 323's Declaratie element; with `withBsn` the client's Bsn is
 * copied from it (the complete message, answered at once and never stored), without it the client-less form.
 */
export function declarationAnswerMessage(
  answer: DeclarationAnswer,
  declaration: XmlElement,
  withBsn: boolean,
): XmlElement {
  const refused = answer.outcomes.filter((o) => !o.tranche);
  const granted = answer.outcomes.filter((o) => o.tranche).reduce((s, o) => s + o.line.amountCents, 0);
  const clientIndexes = [...new Set(refused.map((o) => o.line.clientIndex))].sort((a, b) => a - b);
  const clients = clientIndexes.map((i) => {
    const source = childrenNamed(child(declaration, 'Clienten')!, 'Client')[i];
    return el(
      'Client',
      withBsn ? child(source, 'Bsn') : undefined,
      el(
        'Prestaties',
        ...refused
          .filter((o) => o.line.clientIndex === i)
          .map((o) => refusedLine(declaration, o.line, o.retour)),
      ),
      el('RetourCodes', leaf('RetourCode', '0200')),
    );
  });
  const total = answer.total.debitCredit === 'C' ? -answer.total.cents : answer.total.cents;
  return el(
    'Bericht',
    municipalityHeader(
      '325',
      answer.header,
      el(
        'DeclaratieIdentificatie',
        base(leaf('Identificatie', answer.declarationIdentification.identification)),
        base(leaf('Dagtekening', answer.declarationIdentification.dated)),
      ),
      el(
        'XsdVersieDeclaratie',
        base(leaf('BasisschemaXsdVersie', answer.declarationXsd.base)),
        base(leaf('BerichtXsdVersie', answer.declarationXsd.message)),
      ),
      el('RetourCodes', leaf('RetourCode', '0200')),
    ),
    el(
      'DeclaratieAntwoord',
      leaf('DeclaratieNummer', answer.declarationNumber),
      signedTotal('TotaalIngediendBedrag', total),
      signedTotal('TotaalToegekendBedrag', granted),
      clients.length > 0 ? el('Clienten', ...clients) : undefined,
      el('RetourCodes', leaf('RetourCode', refused.length === 0 ? '8001' : '0200')),
    ),
  );
}
