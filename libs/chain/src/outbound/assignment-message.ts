import { base, el, leaf, type XmlElement } from '../xml/xml-element';
import { municipalityHeader, type OutboundHeader } from './message-header';
import { assignmentClientElements, type ClientBlock } from './client-block';

/**
 * One assignment (toewijzing) as a 301 lists it. Output funding (resultaatgericht): a specific product for a
 * trajectory, eenheid 82 (stuks output) or 83 (euro's, the volume in cents, IV042), frequentie 6 "totaal
 * binnen geldigheidsduur toewijzing", with an end date.
 */
export interface AssignedProduct {
  /** ToewijzingNummer: stable for the assignment's life (IV066). */
  assignmentNumber: number;
  /** ReferentieAanbieder: the provider's reference of the 315/317 it honours. */
  providerReference?: string;
  productCategory: string;
  productCode: string;
  /** Toewijzingsdatum and Toewijzingstijd: when the assignment got its present terms, Dutch local time. */
  assignedOn: string;
  assignedAt: string;
  validFrom: string;
  validTo: string;
  /** RedenWijziging (JZ002): set only when the assignment changed since the previous 301 (IV099). */
  changeReason?: string;
  volume: number;
  unit: string;
  frequency: string;
}

export interface AssignmentMessage {
  header: OutboundHeader;
  /** Every assignment of this client at this provider valid on or after the day, and those just changed (OP087). */
  products: AssignedProduct[];
}

function toegewezenProduct(p: AssignedProduct): XmlElement {
  return el(
    'ToegewezenProduct',
    leaf('ToewijzingNummer', p.assignmentNumber),
    leaf('ReferentieAanbieder', p.providerReference),
    el('Product', base(leaf('Categorie', p.productCategory)), base(leaf('Code', p.productCode))),
    leaf('Toewijzingsdatum', p.assignedOn),
    leaf('Toewijzingstijd', p.assignedAt),
    leaf('Ingangsdatum', p.validFrom),
    leaf('Einddatum', p.validTo),
    leaf('RedenWijziging', p.changeReason),
    el(
      'Omvang',
      base(leaf('Volume', p.volume)),
      base(leaf('Eenheid', p.unit)),
      base(leaf('Frequentie', p.frequency)),
    ),
  );
}

/**
 * The 301 Toewijzing. Without `client` it is the client-less form the product keeps and sends by itself;
 * with the case system's client block it is the complete message for the chain.
 */
export function assignmentMessage(message: AssignmentMessage, client?: ClientBlock): XmlElement {
  return el(
    'Bericht',
    municipalityHeader('301', message.header),
    el(
      'Client',
      ...(client ? assignmentClientElements(client) : []),
      el('ToegewezenProducten', ...message.products.map(toegewezenProduct)),
    ),
  );
}
