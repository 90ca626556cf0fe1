import {
  base,
  el,
  IJW,
  leaf,
  writeMessage,
  XSD_VERSIE,
  type ChainStandard,
  type MessageCode,
  type XmlElement,
} from '@app/chain';

/**
 * A provider's side of the chain for the tests: writes the messages a provider's system sends (305, 307,
 * 315, 317, 323) as iJw 3.2 XML, from the same element helpers the product uses, so each test states only
 * what it is about. The client blocks carry test BSNs (they pass the eleven-test, 9999xxxxx range).
 */
export const TEST_BSN = '999990019';
export const OTHER_TEST_BSN = '999990032';

export interface Sender {
  providerAgb: string;
  /** The municipality's 4 digits. */
  municipality: string;
  identification: string;
  dated: string;
  standard?: ChainStandard;
}

function header(code: MessageCode, s: Sender): XmlElement {
  const standard = s.standard ?? IJW;
  return el(
    'Header',
    leaf('BerichtCode', standard.berichtCode[code]),
    leaf('BerichtVersie', '3'),
    leaf('BerichtSubversie', '2'),
    leaf('Afzender', s.providerAgb),
    leaf('Ontvanger', s.municipality),
    el(
      'BerichtIdentificatie',
      base(leaf('Identificatie', s.identification)),
      base(leaf('Dagtekening', s.dated)),
    ),
    el(
      'XsdVersie',
      base(leaf('BasisschemaXsdVersie', XSD_VERSIE)),
      base(leaf('BerichtXsdVersie', XSD_VERSIE)),
    ),
  );
}

function shortClient(bsn: string): XmlElement[] {
  return [
    leaf('Bsn', bsn)!,
    el('Geboortedatum', base(leaf('Datum', '2014-03-09'))),
    leaf('Geslacht', '2')!,
    el('Naam', base(el('Geslachtsnaam', leaf('Achternaam', 'Testkind'))), base(leaf('Voorletters', 'J'))),
  ];
}

const write = (tree: XmlElement, code: MessageCode, s: Sender) => writeMessage(tree, s.standard ?? IJW, code);

const product = (category: string, code: string) =>
  el('Product', base(leaf('Categorie', category)), base(leaf('Code', code)));

export function start305(
  s: Sender,
  line: { assignmentNumber?: number; category: string; code: string; startDate: string },
  bsn = TEST_BSN,
): string {
  return write(
    el(
      'Bericht',
      header('305', s),
      el(
        'Client',
        ...shortClient(bsn),
        el(
          'StartProducten',
          el(
            'StartProduct',
            leaf('ToewijzingNummer', line.assignmentNumber),
            product(line.category, line.code),
            leaf('Begindatum', line.startDate),
            leaf('StatusAanlevering', '1'),
          ),
        ),
      ),
    ),
    '305',
    s,
  );
}

export function stop307(
  s: Sender,
  line: {
    assignmentNumber: number;
    category: string;
    code: string;
    startDate: string;
    reason: string;
    endDate: string;
  },
  bsn = TEST_BSN,
): string {
  return write(
    el(
      'Bericht',
      header('307', s),
      el(
        'Client',
        ...shortClient(bsn),
        el(
          'StopProducten',
          el(
            'StopProduct',
            leaf('ToewijzingNummer', line.assignmentNumber),
            product(line.category, line.code),
            leaf('Begindatum', line.startDate),
            leaf('RedenBeeindiging', line.reason),
            leaf('Einddatum', line.endDate),
            leaf('StatusAanlevering', '1'),
          ),
        ),
      ),
    ),
    '307',
    s,
  );
}

export function request315(
  s: Sender,
  request: {
    providerReference: string;
    category: string;
    code: string;
    validFrom: string;
    validTo?: string;
    referrerType: string;
    referrerAgb?: string;
    referrerName?: string;
  },
  bsn = TEST_BSN,
): string {
  return write(
    el(
      'Bericht',
      header('315', s),
      el(
        'Client',
        ...shortClient(bsn),
        el(
          'AangevraagdeProducten',
          el(
            'AangevraagdProduct',
            leaf('ReferentieAanbieder', request.providerReference),
            product(request.category, request.code),
            leaf('ToewijzingIngangsdatum', request.validFrom),
            leaf('ToewijzingEinddatum', request.validTo),
            el(
              'Verwijzer',
              base(leaf('Type', request.referrerType)),
              base(leaf('Naam', request.referrerName)),
              base(leaf('ZorgverlenerCode', request.referrerAgb)),
            ),
          ),
        ),
      ),
    ),
    '315',
    s,
  );
}

export function change317(
  s: Sender,
  request: {
    providerReference: string;
    reason: string;
    unchanged?: number[];
    changes?: Array<{ assignmentNumber: number; desiredFrom: string; validTo?: string }>;
    additions?: Array<{
      category: string;
      code: string;
      desiredFrom: string;
      validTo: string;
      volume: number;
      unit: string;
    }>;
  },
  bsn = TEST_BSN,
): string {
  const group = (name: string, items: XmlElement[]) => (items.length > 0 ? el(name, ...items) : undefined);
  return write(
    el(
      'Bericht',
      header('317', s),
      el(
        'Client',
        leaf('Bsn', bsn),
        el(
          'Verzoek',
          leaf('ReferentieAanbieder', request.providerReference),
          leaf('RedenVerzoek', request.reason),
          group(
            'OngewijzigdeProducten',
            (request.unchanged ?? []).map((n) => el('OngewijzigdProduct', leaf('ToewijzingNummer', n))),
          ),
          group(
            'TeWijzigenProducten',
            (request.changes ?? []).map((c) =>
              el(
                'TeWijzigenProduct',
                leaf('ToewijzingNummer', c.assignmentNumber),
                leaf('GewensteIngangsdatum', c.desiredFrom),
                leaf('Einddatum', c.validTo),
              ),
            ),
          ),
          group(
            'NieuweProducten',
            (request.additions ?? []).map((a) =>
              el(
                'NieuwProduct',
                product(a.category, a.code),
                leaf('GewensteIngangsdatum', a.desiredFrom),
                leaf('Einddatum', a.validTo),
                el(
                  'Omvang',
                  base(leaf('Volume', a.volume)),
                  base(leaf('Eenheid', a.unit)),
                  base(leaf('Frequentie', '6')),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    '317',
    s,
  );
}

export interface Line323 {
  reference: string;
  assignmentNumber: number;
  category: string;
  code: string;
  periodStart: string;
  periodEnd: string;
  unit: string;
  amountCents: number;
  /** Eenheid ≠ 83: the volume and tariff (volume × tariff = amount). */
  volume?: number;
  tariffCents?: number;
}

export function declaration323(
  s: Sender,
  declaration: {
    number: string;
    periodStart: string;
    periodEnd: string;
    clients: Array<{ bsn: string; lines: Line323[] }>;
  },
): string {
  const total = declaration.clients.flatMap((c) => c.lines).reduce((sum, l) => sum + l.amountCents, 0);
  return write(
    el(
      'Bericht',
      header('323', s),
      el(
        'Declaratie',
        leaf('DeclaratieNummer', declaration.number),
        el(
          'DeclaratiePeriode',
          base(leaf('Begindatum', declaration.periodStart)),
          base(leaf('Einddatum', declaration.periodEnd)),
        ),
        leaf('DeclaratieDagtekening', s.dated),
        el('TotaalIngediendBedrag', base(leaf('TotaalBedrag', total)), base(leaf('DebetCredit', 'D'))),
        el(
          'Clienten',
          ...declaration.clients.map((c) =>
            el(
              'Client',
              leaf('Bsn', c.bsn),
              el(
                'Prestaties',
                ...c.lines.map((l) =>
                  el(
                    'Prestatie',
                    el('ProductReferentie', base(leaf('ReferentieNummer', l.reference))),
                    leaf('ToewijzingNummer', l.assignmentNumber),
                    leaf('ProductCategorie', l.category),
                    leaf('ProductCode', l.code),
                    el(
                      'ProductPeriode',
                      base(leaf('Begindatum', l.periodStart)),
                      base(leaf('Einddatum', l.periodEnd)),
                    ),
                    leaf('GeleverdVolume', l.unit === '83' ? l.amountCents : (l.volume ?? 1)),
                    leaf('Eenheid', l.unit),
                    leaf('ProductTarief', l.unit === '83' ? undefined : (l.tariffCents ?? l.amountCents)),
                    el(
                      'IngediendBedrag',
                      base(leaf('Bedrag', l.amountCents)),
                      base(leaf('DebetCredit', 'D')),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    '323',
    s,
  );
}
