import { el, leaf, type XmlElement } from '../xml/xml-element';
import { municipalityHeader, type OutboundHeader } from './message-header';

/** The 319 Antwoordbericht to a 315 or 317: refused (1, with its reason) or still under research (2). */
export interface RequestAnswer {
  header: OutboundHeader;
  /** ReferentieAanbieder of the request answered. */
  providerReference: string;
  /** VerzoekAntwoord (WJ760). */
  answer: '1' | '2';
  /** RedenAfwijzingVerzoek (WJ759): required when refused (CD085), absent otherwise (CD086). */
  rejectionReason?: string;
}

export function requestAnswerMessage(message: RequestAnswer): XmlElement {
  return el(
    'Bericht',
    municipalityHeader('319', message.header),
    el(
      'Antwoord',
      leaf('ReferentieAanbieder', message.providerReference),
      leaf('VerzoekAntwoord', message.answer),
      leaf('RedenAfwijzingVerzoek', message.answer === '1' ? message.rejectionReason : undefined),
    ),
  );
}
