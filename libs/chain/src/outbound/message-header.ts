import { base, el, leaf, type XmlElement } from '../xml/xml-element';
import {
  BERICHT_SUBVERSIE,
  BERICHT_VERSIE,
  XSD_VERSIE,
  type ChainStandard,
  type MessageCode,
} from '../standard';

/** Who a message is from and to, and its identification (unique per message type and sender, TR056). */
export interface OutboundHeader {
  standard: ChainStandard;
  /** The municipality's 4-digit code (CBS code without `GM`). */
  municipality: string;
  /** The provider's AGB code. */
  providerAgb: string;
  identification: string;
  /** Dagtekening: the day the message is made. */
  dated: string;
}

/** `GM0405` → `0405`: the chain names a municipality by the four digits of its CBS code. */
export function chainMunicipalityCode(municipalityCode: string): string | undefined {
  const match = /^(?:GM)?(\d{4})$/.exec(municipalityCode);
  return match ? match[1] : undefined;
}

/** The Header of a message the municipality sends (301, 319, 325): from the municipality to the provider. */
export function municipalityHeader(code: MessageCode, h: OutboundHeader, ...extra: XmlElement[]): XmlElement {
  return el(
    'Header',
    leaf('BerichtCode', h.standard.berichtCode[code]),
    leaf('BerichtVersie', BERICHT_VERSIE),
    leaf('BerichtSubversie', BERICHT_SUBVERSIE),
    leaf('Afzender', h.municipality),
    leaf('Ontvanger', h.providerAgb),
    el(
      'BerichtIdentificatie',
      base(leaf('Identificatie', h.identification)),
      base(leaf('Dagtekening', h.dated)),
    ),
    el(
      'XsdVersie',
      base(leaf('BasisschemaXsdVersie', XSD_VERSIE)),
      base(leaf('BerichtXsdVersie', XSD_VERSIE)),
    ),
    ...extra,
  );
}
