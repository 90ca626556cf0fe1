import { codelist } from './codelist';

/*
 * The codelists of iJw/iWmo release 3.2 the product reads and writes, with the published Dutch meanings
 * (Basisschema 3.2 enumerations; istandaarden.nl codelijsten). Where iJw and iWmo differ, both are here.
 */

/** WJ756 Eenheid. 82/83 are the output-funded units; 83 states the volume in euro cents (IV042). */
export const EENHEID = codelist('WJ756', 'Eenheid', {
  '01': 'Minuut',
  '04': 'Uur',
  '14': 'Etmaal',
  '16': 'Dagdeel (4 uur)',
  '82': 'Stuks (output)',
  '83': "Euro's",
  '84': 'Stuks (inspanning)',
});

/** WMO757 Frequentie (the list keeps its Wmo id in iJw too). */
export const FREQUENTIE = codelist('WMO757', 'Frequentie', {
  '1': 'Per dag',
  '2': 'Per week',
  '4': 'Per maand',
  '6': 'Totaal binnen geldigheidsduur toewijzing',
});

/** JZ002/WMO002 Reden wijziging toewijzing. 01 is withdrawn (CS336). */
export const REDEN_WIJZIGING = codelist('JZ002', 'Reden wijziging toewijzing', {
  '01': 'Administratieve correctie (vervallen)',
  '02': 'Cliënt overleden',
  '03': 'Contractwijziging',
  '04': 'Herbeoordeling: verlenging toewijzing',
  '05': 'Herbeoordeling: verkorting toewijzing',
  '06': 'Uitstroom naar ander domein',
  '07': 'Verhuizing naar een andere gemeente',
  '08': 'Wijziging leveringsvorm',
  '09': 'Overstap naar andere aanbieder',
  '10': 'Overgang naar nieuwe bekostigingssystematiek',
  '11': 'Gemeentelijke herindeling',
  '12': 'Geïnitieerd door de aanbieder',
  '13': 'Verwijderd',
  '14': 'Administratieve correctie',
});

/** JZ588 Reden beëindiging (iJw). */
export const REDEN_BEEINDIGING_JW = codelist('JZ588', 'Reden beëindiging', {
  '02': 'Overlijden',
  '20': 'Levering is tijdelijk beëindigd',
  '31': 'Levering is volgens plan beëindigd',
  '32': 'Voortijdig afgesloten: eenzijdig door de cliënt',
  '33': 'Voortijdig afgesloten: eenzijdig door de aanbieder',
  '34': 'Voortijdig afgesloten: in overeenstemming',
  '35': 'Voortijdig afgesloten: wegens externe omstandigheden',
  '36': 'Geïnitieerd door de gemeente',
  '37': 'In verband met wijzigingsverzoek',
  '38': 'Overstap naar andere aanbieder',
  '39': 'Uitstroom naar ander domein',
});

/** WMO588 Reden beëindiging (iWmo). */
export const REDEN_BEEINDIGING_WMO = codelist('WMO588', 'Reden beëindiging', {
  '02': 'Overlijden',
  '19': 'Levering volgens plan beëindigd',
  '20': 'Tijdelijk beëindigd',
  '21': 'Eenzijdig door cliënt',
  '22': 'Eenzijdig door aanbieder',
  '23': 'In overeenstemming voortijdig beëindigd',
  '31': 'Verhuizing naar een andere gemeente',
  '36': 'Geïnitieerd door de gemeente',
  '37': 'In verband met wijzigingsverzoek',
  '38': 'Overstap naar andere aanbieder',
  '39': 'Uitstroom naar ander domein',
});

/** WJ758 Reden verzoek (317). */
export const REDEN_VERZOEK = codelist('WJ758', 'Reden verzoek', {
  '1': 'Verandering cliëntsituatie',
  '2': 'Wijziging zorgplan',
});

/** WJ760 Verzoek antwoord (319). */
export const VERZOEK_ANTWOORD = codelist('WJ760', 'Verzoek antwoord', {
  '1': 'Verzoek afgewezen',
  '2': 'Aanvraag in onderzoek',
});

/** WJ759 Reden afwijzing verzoek (319). */
export const REDEN_AFWIJZING_VERZOEK = codelist('WJ759', 'Reden afwijzing verzoek', {
  '1': 'Geen wijziging, maar nieuwe aanvraag',
  '2': 'Past niet binnen budget',
  '3': 'Geen contract',
  '4': 'Past niet binnen contract',
  '5': 'Andere gemeente',
  '6': 'Stapeling',
  '7': 'Zorginhoudelijke afkeur',
  '8': 'Woonplaatsbeginsel',
  '9': 'Leeftijdsgrens is bereikt',
});

/** COD327 Code verwijzer (Verwijzer/Type in 315). There is no 07. */
export const VERWIJZER = codelist('COD327', 'Code verwijzer', {
  '01': 'Gemeente',
  '02': 'Huisarts',
  '03': 'Jeugdarts',
  '04': 'Gecertificeerde instelling',
  '05': 'Medisch specialist',
  '06': 'Zelfverwijzer/geen verwijzer',
  '08': 'Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting',
});

/** The referrers whose referral is statutory (Jeugdwet art. 2.6): a physician; they carry an AGB code. */
export const PHYSICIAN_REFERRERS: readonly string[] = ['02', '03', '05'];

/** COD043 Debet/Credit. */
export const DEBET_CREDIT = codelist('COD043', 'Debet/Credit', {
  C: 'Creditbedrag en aantal',
  D: 'Debetbedrag en aantal',
});

/** COD467 Status aanlevering; only 1 and 3 are allowed in 305/307 (CS058). */
export const STATUS_AANLEVERING = codelist('COD467', 'Status aanlevering', {
  '1': 'Eerste aanlevering',
  '3': 'Verwijderen aanlevering',
});

/** COD046 Geslacht. */
export const GESLACHT = codelist('COD046', 'Geslacht', {
  '0': 'Onbekend',
  '1': 'Mannelijk',
  '2': 'Vrouwelijk',
});

/** COD170 DatumGebruik. */
export const DATUM_GEBRUIK = codelist('COD170', 'Datumgebruik', {
  '1': 'Dag onbekend',
  '2': 'Dag en maand onbekend',
  '3': 'Geheel onbekend',
});

/** COD700 NaamGebruik; 6 is not allowed for a client (CS318). */
export const NAAM_GEBRUIK = codelist('COD700', 'Naamgebruik', {
  '1': 'Eigen naam',
  '2': 'Naam partner',
  '3': 'Partner gevolgd door eigen naam',
  '4': 'Eigen naam gevolgd door partner',
  '5': 'Pseudoniem',
});

/** COD757 Soort adres. */
export const ADRES_SOORT = codelist('COD757', 'Soort adres', {
  '01': 'BRP-adres',
  '02': 'Correspondentie-adres',
  '03': 'Verblijfadres',
  '04': 'Tijdelijk verblijfadres',
});

/** COD260 Ja/Nee. */
export const JA_NEE = codelist('COD260', 'Ja/Nee', { '1': 'Ja', '2': 'Nee' });

/** JZ020 Productcategorie (iJw). */
export const PRODUCT_CATEGORIE_JW = codelist('JZ020', 'Productcategorie', {
  '40': 'Persoonlijke verzorging',
  '41': 'Dagbehandeling',
  '42': 'Vervoerdiensten',
  '43': 'Jeugdhulp verblijf (incl. behandeling)',
  '44': 'Jeugdhulp verblijf (excl. behandeling)',
  '45': 'Jeugdhulp ambulant',
  '46': 'Jeugdhulp crisis',
  '47': 'Jeugdreclassering',
  '48': 'Jeugdbescherming',
  '49': 'Activiteiten in het preventief justitieel kader',
  '50': 'Maatwerkarrangementen jeugd',
  '51': 'Generalistische basis-ggz',
  '52': 'Specialistische ggz',
  '53': 'Kindergeneeskunde',
  '54': 'Jeugd-ggz',
  '55': 'Landelijk ingekochte zorg (LTA)',
});

/** Productcategorie of iWmo (the basisschema's LDT_ProductCategorie). */
export const PRODUCT_CATEGORIE_WMO = codelist('LDT_ProductCategorie-iWmo', 'Productcategorie', {
  '01': 'Hulp bij het huishouden',
  '02': 'Begeleiding',
  '03': 'Persoonlijke verzorging',
  '04': 'Kortdurend verblijf',
  '05': 'Woondiensten',
  '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin',
  '07': 'Dagbesteding',
  '08': 'Vervoerdiensten',
  '09': 'Overige groepsgerichte ondersteuning',
  '10': 'Overige maatwerk arrangementen',
  '11': 'Rolstoelen',
  '12': 'Vervoervoorzieningen',
  '13': 'Woonvoorzieningen',
  '14': 'Overige hulpmiddelen',
  '15': 'Beschermd wonen',
  '16': 'Opvang',
  '17': 'Spoedopvang',
  '18': 'Overige beschermd wonen en opvang',
});
