import type { ChainStandard, MessageCode } from '../standard';
import type { XmlElement } from '../xml/xml-element';

/** The header of a message a provider sent (aanbieder → gemeente). */
export interface InboundHeader {
  /** Afzender: the provider's AGB code. */
  senderAgb: string;
  /** Ontvanger: the municipality's 4-digit code. */
  receiverMunicipality: string;
  identification: string;
  dated: string;
  xsdVersions: { base: string; message: string };
}

/** 305 StartProduct. */
export interface StartLine {
  assignmentNumber?: number;
  productCategory?: string;
  productCode?: string;
  startDate: string;
  /** StatusAanlevering (COD467): 1 first delivery, 3 delete an earlier one. */
  status: string;
}

/** 307 StopProduct. */
export interface StopLine {
  assignmentNumber?: number;
  productCategory?: string;
  productCode?: string;
  startDate: string;
  /** RedenBeeindiging (JZ588 / WMO588). */
  reason: string;
  endDate: string;
  status: string;
}

/** The referrer of a 315 (Verwijzer): its type (COD327) and, for a physician, the AGB code. No names kept. */
export interface Referral {
  type: string;
  agbCode?: string;
}

/** 315 AangevraagdProduct. */
export interface RequestedProduct {
  providerReference: string;
  productCategory?: string;
  productCode?: string;
  validFrom: string;
  validTo?: string;
  volume?: number;
  unit?: string;
  frequency?: string;
  budgetCents?: number;
  referral: Referral;
}

/** 317 Verzoek: the complete desired situation of the client at this provider. */
export interface ChangeRequest {
  providerReference: string;
  /** RedenVerzoek (WJ758). */
  reason: string;
  unchanged: number[];
  changes: Array<{
    assignmentNumber: number;
    desiredFrom: string;
    validTo?: string;
    volume?: number;
    unit?: string;
    frequency?: string;
  }>;
  additions: Array<{
    productCategory?: string;
    productCode?: string;
    desiredFrom: string;
    validTo?: string;
    volume?: number;
    unit?: string;
    frequency?: string;
  }>;
}

/** 323 Prestatie: one product in one period for one client (IV089). */
export interface DeclaredLine {
  /** Index of its Client in the message (the client's BSN stays in the message, never here). */
  clientIndex: number;
  /** Index of the line within its client. */
  lineIndex: number;
  referenceNumber: string;
  previousReferenceNumber?: string;
  assignmentNumber: number;
  productCategory: string;
  productCode: string;
  period: { start: string; end: string };
  deliveredVolume: number;
  unit: string;
  productTariffCents?: number;
  amountCents: number;
  debitCredit: 'D' | 'C';
}

/** 323 Declaratie. */
export interface Declaration {
  number: string;
  period: { start: string; end: string };
  dated: string;
  total: { cents: number; debitCredit: 'D' | 'C' };
  lines: DeclaredLine[];
  clientCount: number;
}

export type InboundBody =
  | { code: '305'; starts: StartLine[] }
  | { code: '307'; stops: StopLine[] }
  | { code: '315'; requests: RequestedProduct[] }
  | { code: '317'; request: ChangeRequest }
  | { code: '323'; declaration: Declaration };

/**
 * A message a provider sent, read and checked against its schema. `tree` is the whole message, personal
 * data included: it lives only while the request is answered (a 325 copies the client's BSN back from it)
 * and is never stored, logged or sent to Temporal.
 */
export interface InboundMessage {
  standard: ChainStandard;
  code: MessageCode;
  header: InboundHeader;
  body: InboundBody;
  tree: XmlElement;
}
