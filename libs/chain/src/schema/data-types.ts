import { isValidIsoDate } from '@app/domain';
import type { Codelist } from '../codelists/codelist';

/**
 * The chain's logical data types (LDT_… of the iStandaarden basisschema) as checks on an element's text.
 * `check` returns why a value is wrong, or undefined when it is right.
 */
export interface DataType {
  /** The basisschema's name, for messages and the published schema document. */
  name: string;
  check(value: string): string | undefined;
  /** Set for coded elements: the codelist the value must come from (an unknown code has its own retour). */
  codelist?: Codelist;
}

/** The eleven-test (elfproef) of a BSN: 9 digits, Σ digit × (9…2) − last digit ≡ 0 (mod 11), not 0. */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8];
  return sum % 11 === 0 && sum !== 0 && value !== '000000000';
}

export const LDT = {
  date: {
    name: 'LDT_Datum',
    check: (v: string) => (isValidIsoDate(v) ? undefined : 'a date YYYY-MM-DD'),
  },
  bsn: {
    name: 'LDT_BurgerServicenummer',
    check: (v: string) =>
      isValidBsn(v) ? undefined : 'a citizen service number of 9 digits passing the eleven-test',
  },
  agb: {
    name: 'LDT_AgbCode',
    check: (v: string) => (/^\d{8}$/.test(v) ? undefined : 'an AGB code of 8 digits'),
  },
  municipality: {
    name: 'LDT_Gemeente',
    check: (v: string) => (/^\d{4}$/.test(v) ? undefined : 'a municipality code of 4 digits'),
  },
  /** Whole numbers of at most `digits` digits, at least `min`. */
  integer(name: string, digits: number, min = 0): DataType {
    return {
      name,
      check: (v) =>
        new RegExp(`^\\d{1,${digits}}$`).test(v) && Number(v) >= min
          ? undefined
          : `a whole number of at most ${digits} digits${min > 0 ? `, at least ${min}` : ''}`,
    };
  },
  /** Text of `min`…`max` characters, no control characters. */
  text(name: string, max: number, min = 1): DataType {
    return {
      name,
      check: (v) =>
        v.length >= min &&
        v.length <= max &&
        ![...v].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)
          ? undefined
          : `text of ${min}-${max} characters`,
    };
  },
  /** Text matching a pattern. */
  pattern(name: string, pattern: RegExp, description: string): DataType {
    return { name, check: (v) => (pattern.test(v) ? undefined : description) };
  },
  /** A code from a codelist (its name is the codelist's, e.g. WJ756). */
  code(codelist: Codelist): DataType {
    return {
      name: codelist.id,
      codelist,
      check: (v) =>
        Object.prototype.hasOwnProperty.call(codelist.values, v)
          ? undefined
          : `a code of ${codelist.id} ${codelist.name}`,
    };
  },
} as const;
