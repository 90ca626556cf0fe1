import type { XmlElement } from '../xml/xml-element';
import type { DataType } from './data-types';

/**
 * One element of a message's structure, as the standard's XSD declares it inside an `xs:sequence`: its name,
 * how often it occurs, and either a data type (a simple element) or its children in order (a complex one).
 */
export interface ElementRule {
  name: string;
  /** Minimum occurrences: 0 for optional elements. Default 1. */
  min?: number;
  /** Maximum occurrences; `Infinity` for unbounded. Default 1. */
  max?: number;
  type?: DataType;
  children?: readonly ElementRule[];
  /** In the basisschema's namespace: a child of a composite type (CDT_…). */
  base?: boolean;
  /**
   * Personal data of the client (BSN, name, birth date, contact): left out of the messages the product keeps
   * and sends by itself; the case system supplies it when a message leaves (decisions.md 11).
   */
  personal?: boolean;
}

export type SchemaProblemKind = 'MISSING' | 'UNEXPECTED' | 'TOO_MANY' | 'INVALID_VALUE' | 'UNKNOWN_CODE';

/** Where a message breaks its schema; the chain's answer turns it into a retour code. */
export interface SchemaProblem {
  kind: SchemaProblemKind;
  /** Slash path of local names from the root, e.g. `Bericht/Header/BerichtCode`. */
  path: string;
  element: string;
  message: string;
  /** For UNKNOWN_CODE: the codelist. */
  codelist?: string;
}

export function optional(rule: ElementRule): ElementRule {
  return { ...rule, min: 0 };
}

export function repeated(rule: ElementRule, min = 1, max = Infinity): ElementRule {
  return { ...rule, min, max };
}

export function simple(name: string, type: DataType): ElementRule {
  return { name, type };
}

export function complex(name: string, ...children: ElementRule[]): ElementRule {
  return { name, children };
}

/** An element of a composite type of the basisschema (CDT_…): its children, at any depth, are in that namespace. */
export function composite(name: string, ...children: ElementRule[]): ElementRule {
  const inBase = (rule: ElementRule): ElementRule => ({
    ...rule,
    base: true,
    ...(rule.children ? { children: rule.children.map(inBase) } : {}),
  });
  return { name, children: children.map(inBase) };
}

/** Marks an element as the client's personal data. */
export function personal(rule: ElementRule): ElementRule {
  return { ...rule, personal: true };
}

/**
 * The rule as the product keeps and sends a message by itself: without the client's personal elements.
 * The case system adds them when the message leaves (decisions.md 11).
 */
export function withoutPersonalData(rule: ElementRule): ElementRule {
  return {
    ...rule,
    ...(rule.children ? { children: rule.children.filter((c) => !c.personal).map(withoutPersonalData) } : {}),
  };
}

/**
 * Validates an element against its rule: names, order and occurrences of the children (an XSD sequence), and
 * each simple element's text against its data type. Every problem is reported, not only the first, so one
 * answer tells the sender all that is wrong.
 */
export function validateElement(element: XmlElement, rule: ElementRule, parentPath = ''): SchemaProblem[] {
  const path = parentPath ? `${parentPath}/${element.name}` : element.name;
  if (element.name !== rule.name) {
    return [
      {
        kind: 'UNEXPECTED',
        path,
        element: element.name,
        message: `expected ${rule.name}, found ${element.name}`,
      },
    ];
  }
  if ((rule.base ?? false) !== (element.ns === 'base')) {
    const expected = rule.base ? "the basisschema's" : "the message's";
    return [
      {
        kind: 'UNEXPECTED',
        path,
        element: element.name,
        message: `${path} belongs in ${expected} namespace`,
      },
    ];
  }
  if (rule.type) {
    if (element.children.length > 0) {
      return [{ kind: 'INVALID_VALUE', path, element: element.name, message: `${path} holds text only` }];
    }
    const wrong = rule.type.check(element.text);
    if (wrong === undefined) return [];
    const unknownCode = rule.type.codelist !== undefined;
    return [
      {
        kind: unknownCode ? 'UNKNOWN_CODE' : 'INVALID_VALUE',
        path,
        element: element.name,
        message: `${path} must be ${wrong}`,
        ...(unknownCode ? { codelist: rule.type.codelist!.id } : {}),
      },
    ];
  }
  if (element.text.trim() !== '') {
    return [
      { kind: 'INVALID_VALUE', path, element: element.name, message: `${path} holds elements, not text` },
    ];
  }
  const problems: SchemaProblem[] = [];
  let i = 0;
  for (const childRule of rule.children ?? []) {
    const min = childRule.min ?? 1;
    const max = childRule.max ?? 1;
    let count = 0;
    while (i < element.children.length && element.children[i].name === childRule.name) {
      if (count < max) problems.push(...validateElement(element.children[i], childRule, path));
      else {
        problems.push({
          kind: 'TOO_MANY',
          path: `${path}/${childRule.name}`,
          element: childRule.name,
          message: `${path} holds ${childRule.name} at most ${max} time(s)`,
        });
      }
      count += 1;
      i += 1;
    }
    if (count < min) {
      problems.push({
        kind: 'MISSING',
        path: `${path}/${childRule.name}`,
        element: childRule.name,
        message: `${path}/${childRule.name} is required${min > 1 ? ` ${min} times` : ''}`,
      });
    }
  }
  for (; i < element.children.length; i += 1) {
    const name = element.children[i].name;
    const known = (rule.children ?? []).some((c) => c.name === name);
    problems.push({
      kind: 'UNEXPECTED',
      path: `${path}/${name}`,
      element: name,
      message: known
        ? `${path}/${name} is out of order (the schema's order: ${(rule.children ?? []).map((c) => c.name).join(', ')})`
        : `${path} has no element ${name}`,
    });
  }
  return problems;
}
