import type { Codelist } from './codelists/codelist';
import {
  PRODUCT_CATEGORIE_JW,
  PRODUCT_CATEGORIE_WMO,
  REDEN_BEEINDIGING_JW,
  REDEN_BEEINDIGING_WMO,
} from './codelists/chain-codelists';

/** The messages the product reads or writes (302/306/… retours are answered as JSON, see README). */
export const MESSAGE_CODES = ['301', '305', '307', '315', '317', '319', '323', '325'] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

/** Messages a provider sends (heen, aanbieder → gemeente); the others the municipality sends. */
export const INBOUND_CODES: readonly MessageCode[] = ['305', '307', '315', '317', '323'];

/**
 * One of the two standards of the chain, release 3.2: iJw (Jeugdwet) and iWmo (Wmo 2015). Their trees are
 * the same but for two elements (GezagsdragerBekend in 315, Woonplaatsbeginsel in 319) and two codelists.
 */
export interface ChainStandard {
  name: 'iJw' | 'iWmo';
  /** The care domain of a trajectory that speaks it. */
  domain: 'JEUGD' | 'WMO';
  messagePrefix: 'jw' | 'wmo';
  basePrefix: 'ijw' | 'iwmo';
  /** BerichtCode (COD002-VEKTIS) per message. */
  berichtCode: Readonly<Record<MessageCode, string>>;
  productCategorie: Codelist;
  redenBeeindiging: Codelist;
}

const RELEASE = '3_2';
/** Header/BerichtVersie and BerichtSubversie of release 3.2 (CS025, CS015). */
export const BERICHT_VERSIE = '3';
export const BERICHT_SUBVERSIE = '2';
/**
 * XsdVersie the product writes: 1.0.0, as the published iWmo 3.2 schemas and the iJw 3.2 example messages
 * state (a concept iJw schema said 0.1.0). Inbound messages may state any version of the pattern.
 */
export const XSD_VERSIE = '1.0.0';

export const IJW: ChainStandard = {
  name: 'iJw',
  domain: 'JEUGD',
  messagePrefix: 'jw',
  basePrefix: 'ijw',
  berichtCode: {
    '301': '436',
    '305': '438',
    '307': '440',
    '315': '446',
    '317': '486',
    '319': '488',
    '323': '490',
    '325': '491',
  },
  productCategorie: PRODUCT_CATEGORIE_JW,
  redenBeeindiging: REDEN_BEEINDIGING_JW,
};

export const IWMO: ChainStandard = {
  name: 'iWmo',
  domain: 'WMO',
  messagePrefix: 'wmo',
  basePrefix: 'iwmo',
  berichtCode: {
    '301': '414',
    '305': '418',
    '307': '420',
    '315': '444',
    '317': '480',
    '319': '482',
    '323': '484',
    '325': '485',
  },
  productCategorie: PRODUCT_CATEGORIE_WMO,
  redenBeeindiging: REDEN_BEEINDIGING_WMO,
};

export const STANDARDS: readonly ChainStandard[] = [IJW, IWMO];

export function standardOfDomain(domain: string): ChainStandard {
  return domain === 'WMO' ? IWMO : IJW;
}

function standardPath(standard: ChainStandard): string {
  return `http://www.istandaarden.nl/${standard.name.toLowerCase()}/${RELEASE}`;
}

/** `http://www.istandaarden.nl/ijw/3_2/jw301/schema`. */
export function messageNamespace(standard: ChainStandard, code: MessageCode): string {
  return `${standardPath(standard)}/${standard.messagePrefix}${code}/schema`;
}

export function baseNamespace(standard: ChainStandard): string {
  return `${standardPath(standard)}/basisschema/schema`;
}

/** Which standard and message a namespace names, or undefined for any other namespace. */
export function messageOfNamespace(
  namespace: string,
): { standard: ChainStandard; code: MessageCode } | undefined {
  for (const standard of STANDARDS) {
    for (const code of MESSAGE_CODES) {
      if (messageNamespace(standard, code) === namespace) return { standard, code };
    }
  }
  return undefined;
}
