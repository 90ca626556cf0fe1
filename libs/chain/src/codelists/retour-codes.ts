import { codelist } from './codelist';

/**
 * WJ001 Retourcode: the codes the product answers with (a subset of the 59 of release 3.2; texts as
 * published, shortened where they are long). Every inbound message gets a technical answer with these.
 */
export const RETOUR_CODE = codelist('WJ001', 'Retourcode', {
  '0001': 'Bericht is afgekeurd om technische redenen',
  '0200': 'Geen opmerking over deze berichtklasse',
  '0233': 'Berichtklasse is niet beoordeeld',
  '0611': 'Het ingediende tarief komt niet overeen met het contractuele tarief',
  '8001': 'Declaratie is volledig toegewezen',
  '8021': 'Referentienummer prestatie is reeds aangeleverd',
  '8848': 'Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen',
  '9019': 'Het regiebericht kan niet gekoppeld worden aan een toewijzing',
  '9056': 'Identificatie moet per berichtsoort uniek zijn voor de verzendende partij',
  '9074': 'Er is al een eerder bericht ontvangen met dezelfde sleutel',
  '9307': 'Begindatum prestatie ligt niet tussen ingangsdatum en einddatum toewijzing',
  '9308': 'Einddatum prestatie ligt niet tussen ingangsdatum en einddatum toewijzing',
  '9319': 'ProductPeriode valt niet geheel binnen een DeclaratiePeriode',
  '9321': 'Het ingediende volume overschrijdt het toegewezen volume',
  '9322': 'De som van de ingediende volumes overschrijdt het toegewezen volume',
  '9333': 'Declaratienummer is niet uniek',
  '9338': 'De prestatie is niet gerelateerd aan een toegewezen product op basis van toewijzingnummer',
  '9339': 'ProductCategorie is niet gelijk aan de toegewezen productcategorie',
  '9340': 'ProductCode is niet gelijk aan de toegewezen productcode',
  '9341': 'Eenheid past niet bij de toegewezen eenheid',
  '9346': 'IngediendBedrag is niet gelijk aan GeleverdVolume maal ProductTarief',
  '9349': 'Niet alle actuele toewijzingen zijn opgenomen in het verzoek',
  '9350': 'De toewijzing waarnaar verwezen wordt bestaat niet',
  '9351': 'De toewijzing waarnaar verwezen wordt is niet actueel',
  '9369': 'Het ingediende bedrag valt buiten het toegewezen budget',
  '9374': 'Er is nog een verzoek in behandeling',
  '9347': 'ReferentieAanbieder is niet uniek',
  S300: 'Gemeentecode komt niet voor in de lijst van CBS',
});

export type RetourCode = keyof typeof RETOUR_CODE.values;

/** A retour code with its text, as an answer lists it. */
export interface Retour {
  code: RetourCode;
  text: string;
  /** Which element or line it is about (a slash path or a reference number). */
  about?: string;
  /** What the product found, in English, for the operator. */
  detail?: string;
}

export function retour(code: RetourCode, about?: string, detail?: string): Retour {
  return {
    code,
    text: RETOUR_CODE.values[code],
    ...(about ? { about } : {}),
    ...(detail ? { detail } : {}),
  };
}
