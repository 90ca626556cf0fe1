import { retour, type Retour } from '../codelists/retour-codes';
import { PHYSICIAN_REFERRERS } from '../codelists/chain-codelists';
import { monthOf } from '../iso-day';
import { validateElement } from '../schema/element-rule';
import { messageSchema } from '../schema/message-schemas';
import { INBOUND_CODES, messageOfNamespace } from '../standard';
import { readXml, XmlReadError } from '../xml/read-xml';
import { child, childrenNamed, textAt, type XmlElement } from '../xml/xml-element';
import type {
  ChangeRequest,
  Declaration,
  DeclaredLine,
  InboundBody,
  InboundHeader,
  InboundMessage,
  RequestedProduct,
  StartLine,
  StopLine,
} from './inbound-message';

/** Why a message was refused as a whole, with the HTTP status the API answers and the chain's retour codes. */
export interface Refusal {
  status: 400 | 413 | 422;
  code: 'MALFORMED_MESSAGE' | 'MESSAGE_TOO_LARGE' | 'UNKNOWN_MESSAGE' | 'INVALID_MESSAGE';
  message: string;
  retour: Retour[];
  /** What could be read of the header (for the record of a refused message). */
  header?: Partial<InboundHeader>;
  messageCode?: string;
}

export type ReadResult = { ok: true; message: InboundMessage } | { ok: false; refusal: Refusal };

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** What could be read of the header (all of it once the message passed its schema). */
function partialHeader(root: XmlElement): Partial<InboundHeader> {
  const h = child(root, 'Header');
  if (!h) return {};
  return {
    senderAgb: textAt(h, ['Afzender']),
    receiverMunicipality: textAt(h, ['Ontvanger']),
    identification: textAt(h, ['BerichtIdentificatie', 'Identificatie']),
    dated: textAt(h, ['BerichtIdentificatie', 'Dagtekening']),
  };
}

/** The header of a message that passed its schema: every element is there. */
function headerOf(root: XmlElement): InboundHeader {
  const h = child(root, 'Header')!;
  return {
    ...(partialHeader(root) as Omit<InboundHeader, 'xsdVersions'>),
    xsdVersions: {
      base: textAt(h, ['XsdVersie', 'BasisschemaXsdVersie'])!,
      message: textAt(h, ['XsdVersie', 'BerichtXsdVersie'])!,
    },
  };
}

function productOf(e: XmlElement) {
  return {
    productCategory: textAt(e, ['Product', 'Categorie']),
    productCode: textAt(e, ['Product', 'Code']),
  };
}

function omvangOf(e: XmlElement) {
  const o = child(e, 'Omvang');
  return o
    ? {
        volume: num(textAt(o, ['Volume'])),
        unit: textAt(o, ['Eenheid']),
        frequency: textAt(o, ['Frequentie']),
      }
    : {};
}

function startsOf(client: XmlElement): StartLine[] {
  return childrenNamed(child(client, 'StartProducten')!, 'StartProduct').map((p) => ({
    assignmentNumber: num(textAt(p, ['ToewijzingNummer'])),
    ...productOf(p),
    startDate: textAt(p, ['Begindatum'])!,
    status: textAt(p, ['StatusAanlevering'])!,
  }));
}

function stopsOf(client: XmlElement): StopLine[] {
  return childrenNamed(child(client, 'StopProducten')!, 'StopProduct').map((p) => ({
    assignmentNumber: num(textAt(p, ['ToewijzingNummer'])),
    ...productOf(p),
    startDate: textAt(p, ['Begindatum'])!,
    reason: textAt(p, ['RedenBeeindiging'])!,
    endDate: textAt(p, ['Einddatum'])!,
    status: textAt(p, ['StatusAanlevering'])!,
  }));
}

function requestsOf(client: XmlElement): RequestedProduct[] {
  return childrenNamed(child(client, 'AangevraagdeProducten')!, 'AangevraagdProduct').map((p) => ({
    providerReference: textAt(p, ['ReferentieAanbieder'])!,
    ...productOf(p),
    validFrom: textAt(p, ['ToewijzingIngangsdatum'])!,
    validTo: textAt(p, ['ToewijzingEinddatum']),
    ...omvangOf(p),
    budgetCents: num(textAt(p, ['Budget'])),
    referral: {
      type: textAt(p, ['Verwijzer', 'Type'])!,
      ...(textAt(p, ['Verwijzer', 'ZorgverlenerCode'])
        ? { agbCode: textAt(p, ['Verwijzer', 'ZorgverlenerCode']) }
        : {}),
    },
  }));
}

function changeRequestOf(client: XmlElement): ChangeRequest {
  const v = child(client, 'Verzoek')!;
  const list = (group: string, item: string) => {
    const g = child(v, group);
    return g ? childrenNamed(g, item) : [];
  };
  return {
    providerReference: textAt(v, ['ReferentieAanbieder'])!,
    reason: textAt(v, ['RedenVerzoek'])!,
    unchanged: list('OngewijzigdeProducten', 'OngewijzigdProduct').map((p) =>
      Number(textAt(p, ['ToewijzingNummer'])),
    ),
    changes: list('TeWijzigenProducten', 'TeWijzigenProduct').map((p) => ({
      assignmentNumber: Number(textAt(p, ['ToewijzingNummer'])),
      desiredFrom: textAt(p, ['GewensteIngangsdatum'])!,
      validTo: textAt(p, ['Einddatum']),
      ...omvangOf(p),
    })),
    additions: list('NieuweProducten', 'NieuwProduct').map((p) => ({
      ...productOf(p),
      desiredFrom: textAt(p, ['GewensteIngangsdatum'])!,
      validTo: textAt(p, ['Einddatum']),
      ...omvangOf(p),
    })),
  };
}

function declarationOf(d: XmlElement): Declaration {
  const clients = childrenNamed(child(d, 'Clienten')!, 'Client');
  const lines: DeclaredLine[] = clients.flatMap((c, clientIndex) =>
    childrenNamed(child(c, 'Prestaties')!, 'Prestatie').map((p, lineIndex) => ({
      clientIndex,
      lineIndex,
      referenceNumber: textAt(p, ['ProductReferentie', 'ReferentieNummer'])!,
      ...(textAt(p, ['ProductReferentie', 'VorigReferentieNummer'])
        ? { previousReferenceNumber: textAt(p, ['ProductReferentie', 'VorigReferentieNummer']) }
        : {}),
      assignmentNumber: Number(textAt(p, ['ToewijzingNummer'])),
      productCategory: textAt(p, ['ProductCategorie'])!,
      productCode: textAt(p, ['ProductCode'])!,
      period: {
        start: textAt(p, ['ProductPeriode', 'Begindatum'])!,
        end: textAt(p, ['ProductPeriode', 'Einddatum'])!,
      },
      deliveredVolume: Number(textAt(p, ['GeleverdVolume'])),
      unit: textAt(p, ['Eenheid'])!,
      productTariffCents: num(textAt(p, ['ProductTarief'])),
      amountCents: Number(textAt(p, ['IngediendBedrag', 'Bedrag'])),
      debitCredit: textAt(p, ['IngediendBedrag', 'DebetCredit']) as 'D' | 'C',
    })),
  );
  return {
    number: textAt(d, ['DeclaratieNummer'])!,
    period: {
      start: textAt(d, ['DeclaratiePeriode', 'Begindatum'])!,
      end: textAt(d, ['DeclaratiePeriode', 'Einddatum'])!,
    },
    dated: textAt(d, ['DeclaratieDagtekening'])!,
    total: {
      cents: Number(textAt(d, ['TotaalIngediendBedrag', 'TotaalBedrag'])),
      debitCredit: textAt(d, ['TotaalIngediendBedrag', 'DebetCredit']) as 'D' | 'C',
    },
    lines,
    clientCount: clients.length,
  };
}

/**
 * The condition rules (CD…/CS…/TR… checked on the message alone) the product relies on beyond the schema.
 * Each broken one is a retour 0001 with what was found (the chain's "technische redenen").
 */
function conditionProblems(body: InboundBody, header: InboundHeader, today: string): Retour[] {
  const out: Retour[] = [];
  const fail = (about: string, detail: string) => out.push(retour('0001', about, detail));
  if (header.dated > today)
    out.push(
      retour('8848', 'Header/BerichtIdentificatie/Dagtekening', `${header.dated} is after today (${today})`),
    );
  switch (body.code) {
    case '305':
    case '307': {
      const lines = body.code === '305' ? body.starts : body.stops;
      lines.forEach((l, i) => {
        if (l.status !== '1') {
          // A start or stop once applied moved money (the initial tranche, a cancelled final one); taking it
          // back is agreed with the municipality, not done by deleting the message.
          fail(
            `line ${i + 1}/StatusAanlevering`,
            'only a first delivery (1) is applied; a deletion (3) is agreed with the municipality',
          );
        }
        if (l.assignmentNumber === undefined) {
          out.push(
            retour(
              '9019',
              `line ${i + 1}`,
              'output-funded care is started and stopped on its ToewijzingNummer',
            ),
          );
        }
      });
      if (body.code === '307') {
        body.stops.forEach((s, i) => {
          if (s.endDate < s.startDate)
            fail(`StopProduct ${i + 1}`, 'Einddatum lies before Begindatum (TR018)');
          if (s.endDate > today) {
            fail(
              `StopProduct ${i + 1}/Einddatum`,
              'a stop is sent once care has stopped: Einddatum lies after today',
            );
          }
        });
      }
      break;
    }
    case '315':
      body.requests.forEach((r, i) => {
        const about = `AangevraagdProduct ${i + 1}`;
        if (r.validTo && r.validTo < r.validFrom)
          fail(about, 'ToewijzingEinddatum lies before ToewijzingIngangsdatum (CS003)');
        if (
          !PHYSICIAN_REFERRERS.includes(r.referral.type) &&
          r.referral.type !== '04' &&
          r.referral.agbCode
        ) {
          fail(
            about,
            `Verwijzer/ZorgverlenerCode is only for referrer types 02-05, not ${r.referral.type} (CD068)`,
          );
        }
      });
      break;
    case '317':
      if (body.request.unchanged.length + body.request.changes.length === 0) {
        fail('Verzoek', 'a change request lists the current assignments, unchanged or to change (TR352)');
      }
      if (body.request.changes.length + body.request.additions.length === 0) {
        fail('Verzoek', 'a change request changes or adds at least one product (TR353)');
      }
      break;
    case '323': {
      const d = body.declaration;
      const month = monthOf(d.period.start);
      if (d.period.start !== month.start || d.period.end !== month.end) {
        fail('Declaratie/DeclaratiePeriode', 'the declaration period is one whole calendar month (CS340)');
      }
      const signed = d.lines.reduce(
        (s, l) => s + (l.debitCredit === 'C' ? -l.amountCents : l.amountCents),
        0,
      );
      const total = d.total.debitCredit === 'C' ? -d.total.cents : d.total.cents;
      if (signed !== total) {
        fail(
          'Declaratie/TotaalIngediendBedrag',
          `the lines add up to ${signed} cents, the total says ${total} (TR358)`,
        );
      }
      for (const l of d.lines) {
        const about = `Prestatie ${l.referenceNumber}`;
        if (monthOf(l.period.start).end < l.period.end)
          fail(about, 'ProductPeriode lies in one calendar month (CS337)');
        if (l.period.end < l.period.start) fail(about, 'ProductPeriode ends before it begins (CS003)');
        if ((l.unit === '83') === (l.productTariffCents !== undefined)) {
          fail(about, 'ProductTarief is required unless Eenheid is 83, and empty with 83 (CD087)');
        }
        if (l.unit === '83' && l.amountCents !== l.deliveredVolume) {
          fail(about, 'with Eenheid 83 IngediendBedrag equals GeleverdVolume (CS339)');
        }
        if ((l.debitCredit === 'C') !== (l.previousReferenceNumber !== undefined)) {
          fail(about, 'VorigReferentieNummer is required for a credit line and only for one (CD060)');
        }
      }
      break;
    }
  }
  return out;
}

function bodyOf(code: string, root: XmlElement): InboundBody {
  switch (code) {
    case '305':
      return { code, starts: startsOf(child(root, 'Client')!) };
    case '307':
      return { code, stops: stopsOf(child(root, 'Client')!) };
    case '315':
      return { code, requests: requestsOf(child(root, 'Client')!) };
    case '317':
      return { code, request: changeRequestOf(child(root, 'Client')!) };
    default:
      return { code: '323', declaration: declarationOf(child(root, 'Declaratie')!) };
  }
}

/**
 * Reads a message a provider sent: well-formed and safe XML, a message of iJw or iWmo release 3.2 that a
 * provider sends, valid against that message's schema and the condition rules the product relies on.
 * `today` is the Dutch day (Dagtekening may not lie after it, TR135).
 */
export function readInbound(text: string, today: string): ReadResult {
  let read;
  try {
    read = readXml(text);
  } catch (error) {
    if (!(error instanceof XmlReadError)) throw error;
    const tooLarge = error.kind === 'TOO_LARGE';
    return {
      ok: false,
      refusal: {
        status: tooLarge ? 413 : 400,
        code: tooLarge ? 'MESSAGE_TOO_LARGE' : 'MALFORMED_MESSAGE',
        message: error.message,
        retour: [retour('0001', undefined, error.message)],
      },
    };
  }
  const known = messageOfNamespace(read.namespace);
  if (!known || !INBOUND_CODES.includes(known.code)) {
    const what = known
      ? `message ${known.code}, which the municipality sends, not a provider`
      : `namespace ${read.namespace}`;
    return {
      ok: false,
      refusal: {
        status: 422,
        code: 'UNKNOWN_MESSAGE',
        message: `not a provider's message of iJw or iWmo release 3.2 (305, 307, 315, 317, 323): ${what}`,
        retour: [retour('0001', 'Bericht', what)],
        header: partialHeader(read.root),
      },
    };
  }
  const problems = validateElement(read.root, messageSchema(known.standard, known.code));
  if (problems.length > 0) {
    return {
      ok: false,
      refusal: {
        status: 422,
        code: 'INVALID_MESSAGE',
        message: `the ${known.standard.name} ${known.code} breaks its schema: ${problems
          .slice(0, 5)
          .map((p) => p.message)
          .join('; ')}`,
        retour: problems.map((p) => retour('0001', p.path, p.message)),
        header: partialHeader(read.root),
        messageCode: known.code,
      },
    };
  }
  const header = headerOf(read.root);
  const body = bodyOf(known.code, read.root);
  const conditions = conditionProblems(body, header, today);
  if (conditions.length > 0) {
    return {
      ok: false,
      refusal: {
        status: 422,
        code: 'INVALID_MESSAGE',
        message: `the ${known.standard.name} ${known.code} breaks a rule of the standard: ${conditions
          .map((r) => r.detail)
          .join('; ')}`,
        retour: conditions,
        header,
        messageCode: known.code,
      },
    };
  }
  return { ok: true, message: { standard: known.standard, code: known.code, header, body, tree: read.root } };
}
