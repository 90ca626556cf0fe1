import { base, el, leaf, type XmlElement } from '../xml/xml-element';

/**
 * The client's personal data as the case system supplies it when a message leaves (decisions.md 11): the
 * product never stores it, never logs it, never sends it to Temporal. Field names in English; the elements
 * they become in the comments.
 */
export interface ClientBlock {
  /** Bsn */
  bsn: string;
  /** Geboortedatum/Datum */
  birthDate: string;
  /** Geboortedatum/DatumGebruik (COD170), when part of the date is unknown. */
  birthDateUsage?: string;
  /** Geslacht (COD046) */
  gender: string;
  /** Naam/Geslachtsnaam/Achternaam and Voorvoegsel */
  lastName: string;
  lastNamePrefix?: string;
  /** Naam/Voornamen and Voorletters */
  firstNames?: string;
  initials?: string;
  /** Naam/NaamGebruik (COD700) */
  nameUsage: string;
  /** Contactgegevens/Contact: at least one (TR061: a BRP, correspondence or residence address). */
  contacts: ClientContact[];
}

export interface ClientContact {
  /** Soort (COD757) */
  kind: string;
  houseNumber?: number;
  houseLetter?: string;
  houseNumberAddition?: string;
  postcode?: string;
  street?: string;
  city?: string;
  countryCode?: string;
  phone?: string;
  email?: string;
}

function contact(c: ClientContact): XmlElement {
  const house =
    c.houseNumber === undefined
      ? undefined
      : el(
          'Huis',
          leaf('Huisnummer', c.houseNumber),
          leaf('Huisletter', c.houseLetter),
          leaf('HuisnummerToevoeging', c.houseNumberAddition),
        );
  const hasAddress = [house, c.postcode, c.street, c.city, c.countryCode].some((v) => v !== undefined);
  return el(
    'Contact',
    leaf('Soort', c.kind),
    hasAddress
      ? el(
          'Adres',
          base(house),
          base(leaf('Postcode', c.postcode)),
          base(leaf('Straatnaam', c.street)),
          base(leaf('Plaatsnaam', c.city)),
          base(leaf('LandCode', c.countryCode)),
        )
      : undefined,
    c.phone
      ? el('Telefoon', base(el('Telefoon01', leaf('Telefoonnummer', c.phone), leaf('Landnummer', '0031'))))
      : undefined,
    leaf('Emailadres', c.email),
  );
}

/** The personal elements of a 301's Client, in the schema's order, before its ToegewezenProducten. */
export function assignmentClientElements(client: ClientBlock): XmlElement[] {
  return [
    leaf('Bsn', client.bsn)!,
    el(
      'Geboortedatum',
      base(leaf('Datum', client.birthDate)),
      base(leaf('DatumGebruik', client.birthDateUsage)),
    ),
    leaf('Geslacht', client.gender)!,
    el(
      'Naam',
      base(
        el('Geslachtsnaam', leaf('Achternaam', client.lastName), leaf('Voorvoegsel', client.lastNamePrefix)),
      ),
      base(leaf('Voornamen', client.firstNames)),
      base(leaf('Voorletters', client.initials)),
      base(leaf('NaamGebruik', client.nameUsage)),
    ),
    el('Contactgegevens', ...client.contacts.map(contact)),
  ];
}
