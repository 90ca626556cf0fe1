import {
  ADRES_SOORT,
  DATUM_GEBRUIK,
  DEBET_CREDIT,
  EENHEID,
  FREQUENTIE,
  GESLACHT,
  JA_NEE,
  NAAM_GEBRUIK,
  REDEN_AFWIJZING_VERZOEK,
  REDEN_VERZOEK,
  REDEN_WIJZIGING,
  STATUS_AANLEVERING,
  VERWIJZER,
  VERZOEK_ANTWOORD,
} from '../codelists/chain-codelists';
import { codelist } from '../codelists/codelist';
import { RETOUR_CODE } from '../codelists/retour-codes';
import { BERICHT_SUBVERSIE, BERICHT_VERSIE, type ChainStandard, type MessageCode } from '../standard';
import { LDT, type DataType } from './data-types';
import { complex, composite, optional, personal, repeated, simple, type ElementRule } from './element-rule';

/*
 * The structure of each message of iJw/iWmo release 3.2 (element names, order, cardinality, data types), as
 * the standard's published XSDs (JWnnn.xsd with the Basisschema) declare them. Written for this product from
 * those facts. The condition rules (CD…/CS…) the product relies on are checked by the readers and writers.
 */

const T = {
  referentie: LDT.pattern('LDT_Referentie', /^(?=.*\S).{1,36}$/s, 'a reference of 1-36 characters'),
  referentieNummer: LDT.text('LDT_ReferentieNummer', 20),
  identificatie: LDT.pattern(
    'LDT_IdentificatieBericht',
    /^(?=.*\S).{1,12}$/s,
    'an identification of 1-12 characters',
  ),
  declaratieNummer: LDT.pattern(
    'LDT_IdentificatieDeclaratie',
    /^[a-zA-Z0-9]{1,12}$/,
    '1-12 letters or digits',
  ),
  nummer: LDT.integer('LDT_Nummer', 9),
  bedrag: LDT.integer('LDT_Bedrag', 8),
  totaalBedrag: LDT.integer('LDT_TotaalBedrag', 12),
  budget: LDT.integer('LDT_Budget', 8),
  volume: LDT.integer('LDT_Volume', 8),
  versie: LDT.pattern('LDT_Versie', /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'a version such as 1.0.0'),
  tijd: LDT.pattern('LDT_Tijd', /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'a time hh:mm:ss without a time zone'),
  productCode: LDT.pattern('LDT_ProductCode', /^(?=.*\S).{1,5}$/, 'a product code of 1-5 characters'),
  naam: LDT.text('LDT_Naam', 200),
  voorvoegsel: LDT.text('LDT_Voorvoegsel', 10),
  voorletters: LDT.pattern(
    'LDT_Voorletters',
    /^[a-zA-ZÀ-ỳ]{1,6}$/,
    'initials: 1-6 letters, no dots or spaces',
  ),
  voornamen: LDT.text('LDT_Voornamen', 200),
  naamVerwijzer: LDT.text('LDT_NaamVerwijzer', 64),
  commentaar: LDT.pattern('LDT_Commentaar', /\S/, 'text that is not blank'),
  postcode: LDT.text('LDT_Postcode', 8),
  straatnaam: LDT.text('LDT_Straatnaam', 24),
  plaatsnaam: LDT.text('LDT_Plaatsnaam', 80),
  huisnummer: LDT.integer('LDT_Huisnummer', 5),
  huisletter: LDT.pattern('LDT_Huisletter', /^.$/, 'one character'),
  toevoeging: LDT.text('LDT_HuisnummerToevoeging', 4),
  landCode: LDT.pattern('LDT_LandCode', /^[A-Z]{2}$/, 'an ISO 3166 country code of two letters'),
  organisatie: LDT.text('LDT_Organisatienaam', 35),
  telefoon: LDT.pattern('LDT_Telefoonnummer', /^\d{1,15}$/, '1-15 digits'),
  landnummer: LDT.text('LDT_Landnummer', 4),
  email: LDT.text('LDT_Emailadres', 80),
  taal: LDT.text('LDT_Taal', 25),
  persoonsId: LDT.text('LDT_Persoonsid', 20),
  volgorde: LDT.integer('LDT_RelatieVolgorde', 2),
  juridischeStatus: LDT.code(
    codelist('WJ232', 'Juridische status', {
      '01': '01',
      '02': '02',
      '03': '03',
      '04': '04',
      '05': '05',
      '11': '11',
      '12': '12',
    }),
  ),
  vertegenwoordiging: LDT.code(
    codelist('WJ003', 'Wettelijke vertegenwoordiging', {
      '06': 'Voogdij',
      '07': 'Bewindvoering',
      '08': 'Mentorschap',
      '09': 'Onder curatele',
      '10': 'Zaakwaarneming',
    }),
  ),
  soortRelatie: LDT.pattern('LDT_SoortRelatie', /^(0[3-9]|1\d|2[0-5])$/, 'a relation code 03-25 (COD472)'),
  communicatieVorm: LDT.code(
    codelist('COD747', 'Communicatievorm', { '1': 'Tolk taal', '2': 'Doventolk', '3': 'Doofblindentolk' }),
  ),
  woonadres: LDT.code(codelist('NUM061', 'Aanduiding woonadres', { AB: 'AB', BY: 'BY', TO: 'TO', WW: 'WW' })),
  retourCode: LDT.code(RETOUR_CODE),
} satisfies Record<string, DataType>;

const fixed = (name: string, value: string): DataType =>
  LDT.pattern(name, new RegExp(`^${value}$`), `${value}`);

/** Who sends: the municipality (4-digit code) or the provider (AGB code). */
function header(standard: ChainStandard, code: MessageCode, fromMunicipality: boolean): ElementRule[] {
  return [
    simple('BerichtCode', fixed('LDT_BerichtCode', standard.berichtCode[code])),
    simple('BerichtVersie', fixed('LDT_BerichtVersie', BERICHT_VERSIE)),
    simple('BerichtSubversie', fixed('LDT_BerichtSubversie', BERICHT_SUBVERSIE)),
    simple('Afzender', fromMunicipality ? LDT.municipality : LDT.agb),
    simple('Ontvanger', fromMunicipality ? LDT.agb : LDT.municipality),
    composite(
      'BerichtIdentificatie',
      simple('Identificatie', T.identificatie),
      simple('Dagtekening', LDT.date),
    ),
    composite('XsdVersie', simple('BasisschemaXsdVersie', T.versie), simple('BerichtXsdVersie', T.versie)),
  ];
}

/** CDT_Product: iJw and iWmo each have their own categories. */
function productOf(standard: ChainStandard): ElementRule {
  return composite(
    'Product',
    simple('Categorie', LDT.code(standard.productCategorie)),
    optional(simple('Code', T.productCode)),
  );
}

const omvang = () =>
  composite(
    'Omvang',
    simple('Volume', T.volume),
    simple('Eenheid', LDT.code(EENHEID)),
    simple('Frequentie', LDT.code(FREQUENTIE)),
  );

const achternaam = (name: string) =>
  complex(name, simple('Achternaam', T.naam), optional(simple('Voorvoegsel', T.voorvoegsel)));

const geboortedatum = () =>
  composite(
    'Geboortedatum',
    simple('Datum', LDT.date),
    optional(simple('DatumGebruik', LDT.code(DATUM_GEBRUIK))),
  );

const verkorteNaam = () =>
  composite(
    'Naam',
    achternaam('Geslachtsnaam'),
    optional(simple('Voornamen', T.voornamen)),
    optional(simple('Voorletters', T.voorletters)),
  );

const volledigeNaam = () =>
  composite(
    'Naam',
    achternaam('Geslachtsnaam'),
    optional(achternaam('Partnernaam')),
    optional(simple('Voornamen', T.voornamen)),
    optional(simple('Voorletters', T.voorletters)),
    simple('NaamGebruik', LDT.code(NAAM_GEBRUIK)),
  );

const contact = () =>
  complex(
    'Contact',
    simple('Soort', LDT.code(ADRES_SOORT)),
    optional(
      composite(
        'Adres',
        optional(
          complex(
            'Huis',
            simple('Huisnummer', T.huisnummer),
            optional(simple('Huisletter', T.huisletter)),
            optional(simple('HuisnummerToevoeging', T.toevoeging)),
            optional(simple('AanduidingWoonadres', T.woonadres)),
          ),
        ),
        optional(simple('Postcode', T.postcode)),
        optional(simple('Straatnaam', T.straatnaam)),
        optional(simple('Plaatsnaam', T.plaatsnaam)),
        optional(simple('LandCode', T.landCode)),
      ),
    ),
    optional(simple('Organisatie', T.organisatie)),
    optional(
      composite(
        'Telefoon',
        complex('Telefoon01', simple('Telefoonnummer', T.telefoon), simple('Landnummer', T.landnummer)),
        optional(
          complex('Telefoon02', simple('Telefoonnummer', T.telefoon), simple('Landnummer', T.landnummer)),
        ),
      ),
    ),
    optional(simple('Emailadres', T.email)),
    optional(
      composite('Periode', optional(simple('Begindatum', LDT.date)), optional(simple('Einddatum', LDT.date))),
    ),
  );

/** The short client block of 305, 307 and 315: all of it personal data. */
const shortClient = () => [
  personal(simple('Bsn', LDT.bsn)),
  personal(geboortedatum()),
  personal(simple('Geslacht', LDT.code(GESLACHT))),
  personal(verkorteNaam()),
];

function jw301(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '301', true)),
    complex(
      'Client',
      personal(simple('Bsn', LDT.bsn)),
      personal(geboortedatum()),
      personal(simple('Geslacht', LDT.code(GESLACHT))),
      personal(volledigeNaam()),
      personal(
        optional(
          composite('Communicatie', simple('Vorm', T.communicatieVorm), optional(simple('Taal', T.taal))),
        ),
      ),
      personal(optional(simple('JuridischeStatus', T.juridischeStatus))),
      personal(optional(simple('WettelijkeVertegenwoordiging', T.vertegenwoordiging))),
      personal(optional(simple('Commentaar', T.commentaar))),
      personal(
        optional(
          complex(
            'Relaties',
            repeated(
              complex(
                'Relatie',
                simple('Nummer', T.persoonsId),
                optional(simple('Volgorde', T.volgorde)),
                simple('Soort', T.soortRelatie),
                optional(geboortedatum()),
                optional(simple('Geslacht', LDT.code(GESLACHT))),
                volledigeNaam(),
                contact(),
              ),
            ),
          ),
        ),
      ),
      personal(complex('Contactgegevens', repeated(contact()))),
      complex(
        'ToegewezenProducten',
        repeated(
          complex(
            'ToegewezenProduct',
            simple('ToewijzingNummer', T.nummer),
            optional(simple('ReferentieAanbieder', T.referentie)),
            optional(productOf(standard)),
            simple('Toewijzingsdatum', LDT.date),
            simple('Toewijzingstijd', T.tijd),
            simple('Ingangsdatum', LDT.date),
            optional(simple('Einddatum', LDT.date)),
            optional(simple('RedenWijziging', LDT.code(REDEN_WIJZIGING))),
            optional(omvang()),
            optional(simple('Budget', T.budget)),
            optional(simple('Commentaar', T.commentaar)),
          ),
        ),
      ),
    ),
  );
}

function jw305(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '305', false)),
    complex(
      'Client',
      ...shortClient(),
      complex(
        'StartProducten',
        repeated(
          complex(
            'StartProduct',
            optional(simple('ToewijzingNummer', T.nummer)),
            optional(productOf(standard)),
            optional(simple('ToewijzingIngangsdatum', LDT.date)),
            simple('Begindatum', LDT.date),
            simple('StatusAanlevering', LDT.code(STATUS_AANLEVERING)),
          ),
        ),
      ),
    ),
  );
}

function jw307(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '307', false)),
    complex(
      'Client',
      ...shortClient(),
      complex(
        'StopProducten',
        repeated(
          complex(
            'StopProduct',
            optional(simple('ToewijzingNummer', T.nummer)),
            optional(productOf(standard)),
            optional(simple('ToewijzingIngangsdatum', LDT.date)),
            simple('Begindatum', LDT.date),
            simple('RedenBeeindiging', LDT.code(standard.redenBeeindiging)),
            simple('Einddatum', LDT.date),
            simple('StatusAanlevering', LDT.code(STATUS_AANLEVERING)),
          ),
        ),
      ),
    ),
  );
}

function jw315(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '315', false)),
    complex(
      'Client',
      ...shortClient(),
      ...(standard.name === 'iJw' ? [optional(simple('GezagsdragerBekend', LDT.code(JA_NEE)))] : []),
      personal(optional(simple('Commentaar', T.commentaar))),
      complex(
        'AangevraagdeProducten',
        repeated(
          complex(
            'AangevraagdProduct',
            simple('ReferentieAanbieder', T.referentie),
            optional(simple('BeschikkingNummer', T.nummer)),
            optional(productOf(standard)),
            optional(simple('BeschikkingIngangsdatum', LDT.date)),
            simple('ToewijzingIngangsdatum', LDT.date),
            optional(simple('ToewijzingEinddatum', LDT.date)),
            optional(omvang()),
            optional(simple('Budget', T.budget)),
            composite(
              'Verwijzer',
              simple('Type', LDT.code(VERWIJZER)),
              optional(simple('Naam', T.naamVerwijzer)),
              optional(simple('ZorgverlenerCode', LDT.agb)),
            ),
            optional(simple('Raamcontract', LDT.code(JA_NEE))),
            personal(optional(simple('Commentaar', T.commentaar))),
          ),
        ),
      ),
    ),
  );
}

function jw317(standard: ChainStandard): ElementRule {
  const change = (name: string, first: ElementRule) =>
    complex(
      name,
      first,
      simple('GewensteIngangsdatum', LDT.date),
      optional(simple('Einddatum', LDT.date)),
      optional(omvang()),
      optional(simple('Budget', T.budget)),
    );
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '317', false)),
    complex(
      'Client',
      personal(simple('Bsn', LDT.bsn)),
      complex(
        'Verzoek',
        simple('ReferentieAanbieder', T.referentie),
        simple('RedenVerzoek', LDT.code(REDEN_VERZOEK)),
        optional(
          complex(
            'OngewijzigdeProducten',
            repeated(complex('OngewijzigdProduct', simple('ToewijzingNummer', T.nummer))),
          ),
        ),
        optional(
          complex(
            'TeWijzigenProducten',
            repeated(change('TeWijzigenProduct', simple('ToewijzingNummer', T.nummer))),
          ),
        ),
        optional(complex('NieuweProducten', repeated(change('NieuwProduct', optional(productOf(standard)))))),
      ),
    ),
  );
}

function jw319(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '319', true)),
    complex(
      'Antwoord',
      simple('ReferentieAanbieder', T.referentie),
      simple('VerzoekAntwoord', LDT.code(VERZOEK_ANTWOORD)),
      optional(simple('RedenAfwijzingVerzoek', LDT.code(REDEN_AFWIJZING_VERZOEK))),
      ...(standard.name === 'iJw'
        ? [optional(complex('Woonplaatsbeginsel', simple('Gemeente', LDT.municipality)))]
        : []),
    ),
  );
}

const prestatieElements = () => [
  composite(
    'ProductReferentie',
    simple('ReferentieNummer', T.referentieNummer),
    optional(simple('VorigReferentieNummer', T.referentieNummer)),
  ),
  simple('ToewijzingNummer', T.nummer),
  simple(
    'ProductCategorie',
    LDT.pattern('LDT_ProductCategorie', /^\d{2}$/, 'a product category of 2 digits'),
  ),
  simple('ProductCode', T.productCode),
  composite('ProductPeriode', simple('Begindatum', LDT.date), simple('Einddatum', LDT.date)),
  simple('GeleverdVolume', T.volume),
  simple('Eenheid', LDT.code(EENHEID)),
  optional(simple('ProductTarief', T.bedrag)),
  composite('IngediendBedrag', simple('Bedrag', T.bedrag), simple('DebetCredit', LDT.code(DEBET_CREDIT))),
];

const totaal = (name: string) =>
  composite(name, simple('TotaalBedrag', T.totaalBedrag), simple('DebetCredit', LDT.code(DEBET_CREDIT)));

function jw323(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex('Header', ...header(standard, '323', false)),
    complex(
      'Declaratie',
      simple('DeclaratieNummer', T.declaratieNummer),
      composite('DeclaratiePeriode', simple('Begindatum', LDT.date), simple('Einddatum', LDT.date)),
      simple('DeclaratieDagtekening', LDT.date),
      totaal('TotaalIngediendBedrag'),
      complex(
        'Clienten',
        repeated(
          complex(
            'Client',
            personal(simple('Bsn', LDT.bsn)),
            complex('Prestaties', repeated(complex('Prestatie', ...prestatieElements()))),
          ),
        ),
      ),
    ),
  );
}

const retourCodes = () => complex('RetourCodes', repeated(simple('RetourCode', T.retourCode)));

function jw325(standard: ChainStandard): ElementRule {
  return complex(
    'Bericht',
    complex(
      'Header',
      ...header(standard, '325', true),
      composite(
        'DeclaratieIdentificatie',
        simple('Identificatie', T.identificatie),
        simple('Dagtekening', LDT.date),
      ),
      optional(simple('XsltVersie', T.versie)),
      composite(
        'XsdVersieDeclaratie',
        simple('BasisschemaXsdVersie', T.versie),
        simple('BerichtXsdVersie', T.versie),
      ),
      retourCodes(),
    ),
    optional(
      complex(
        'DeclaratieAntwoord',
        simple('DeclaratieNummer', T.declaratieNummer),
        totaal('TotaalIngediendBedrag'),
        totaal('TotaalToegekendBedrag'),
        optional(
          complex(
            'Clienten',
            repeated(
              complex(
                'Client',
                personal(simple('Bsn', LDT.bsn)),
                complex('Prestaties', repeated(complex('Prestatie', ...prestatieElements(), retourCodes()))),
                retourCodes(),
              ),
            ),
          ),
        ),
        retourCodes(),
      ),
    ),
  );
}

const BUILDERS: Record<MessageCode, (standard: ChainStandard) => ElementRule> = {
  '301': jw301,
  '305': jw305,
  '307': jw307,
  '315': jw315,
  '317': jw317,
  '319': jw319,
  '323': jw323,
  '325': jw325,
};

/** The structure of one message of one standard (the root `Bericht`). */
export function messageSchema(standard: ChainStandard, code: MessageCode): ElementRule {
  return BUILDERS[code](standard);
}
