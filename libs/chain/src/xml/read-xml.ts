import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlElement } from './xml-element';

/** Why a text is not a message we can read: the caller answers 400 (or 413) and the chain's retour 0001. */
export class XmlReadError extends Error {
  constructor(
    message: string,
    readonly kind: 'MALFORMED' | 'TOO_LARGE' | 'FORBIDDEN_CONSTRUCT' | 'NAMESPACE',
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

/** A read message: its root element (local names) and the namespace of the root. */
export interface ReadXml {
  namespace: string;
  root: XmlElement;
}

/** The largest message read: a 323 of a busy provider per month stays well below it. */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 12;
const MAX_ELEMENTS = 200_000;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML 1.0's Char production: tab, newline, return and the planes without surrogates and FFFE/FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** A character XML does not allow, written as is: C0 controls, a lone surrogate, U+FFFE/U+FFFF. */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** XML's five predefined entities and character references; anything else is not in a chain message. */
function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (match, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) throw new XmlReadError(`${match} is not a character XML allows`, 'MALFORMED');
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new XmlReadError(`unknown entity ${match}`, 'FORBIDDEN_CONSTRUCT');
    return value;
  });
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function localName(qualified: string): { prefix: string | undefined; local: string } {
  const i = qualified.indexOf(':');
  return i < 0
    ? { prefix: undefined, local: qualified }
    : { prefix: qualified.slice(0, i), local: qualified.slice(i + 1) };
}

/** The basisschema's namespace beside a message's: `…/ijw/3_2/jw301/schema` → `…/ijw/3_2/basisschema/schema`. */
export function baseNamespaceOf(messageNamespace: string): string {
  return messageNamespace.replace(/\/[a-z]+\d{3}\/schema$/, '/basisschema/schema');
}

/**
 * Reads a chain message. Hostile input is refused before parsing: no DOCTYPE (so no entity expansion or
 * external entities), no processing instruction but the XML declaration, a size and depth bound. Every
 * element must be in the root's namespace or in the basisschema's beside it (the children of its composite
 * types), however the sender chose its prefixes; no other attributes than namespace declarations.
 */
export function readXml(text: string): ReadXml {
  if (Buffer.byteLength(text, 'utf8') > MAX_MESSAGE_BYTES) {
    throw new XmlReadError(`the message is larger than ${MAX_MESSAGE_BYTES} bytes`, 'TOO_LARGE');
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XmlReadError(
      'a DOCTYPE or ENTITY declaration is not allowed in a message',
      'FORBIDDEN_CONSTRUCT',
    );
  }
  if (NOT_XML_CHAR.test(text)) {
    throw new XmlReadError('the message holds a character XML does not allow', 'MALFORMED');
  }
  if (/<\?(?!xml\s)[^?]*\?>/i.test(text)) {
    throw new XmlReadError('processing instructions are not allowed in a message', 'FORBIDDEN_CONSTRUCT');
  }
  const wellFormed = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw new XmlReadError(`not well-formed XML at line ${line}, column ${col}: ${msg}`, 'MALFORMED');
  }
  let parsed: OrderedNode[];
  try {
    parsed = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      commentPropName: '#comment',
    }).parse(text) as OrderedNode[];
  } catch (error) {
    // The parser's own limits (nesting, tag names) throw plain errors: still the sender's malformed message.
    throw new XmlReadError(`not a readable message: ${(error as Error).message}`, 'MALFORMED');
  }
  const roots = parsed.filter((n) => !('#comment' in n) && !('#text' in n));
  if (roots.length !== 1) throw new XmlReadError('a message has exactly one root element', 'MALFORMED');

  let namespace: string | undefined;
  let baseNamespace = '';
  let count = 0;
  const convert = (node: OrderedNode, depth: number, scope: Map<string, string>): XmlElement => {
    if (depth > MAX_DEPTH) throw new XmlReadError(`elements nest deeper than ${MAX_DEPTH}`, 'MALFORMED');
    if ((count += 1) > MAX_ELEMENTS) throw new XmlReadError('too many elements', 'TOO_LARGE');
    const qualified = Object.keys(node).find((k) => k !== ':@')!;
    const { prefix, local } = localName(qualified);
    const own = node[':@'] ?? {};
    const inScope = new Map(scope);
    for (const [name, value] of Object.entries(own)) {
      if (name === 'xmlns') inScope.set('', value);
      else if (name.startsWith('xmlns:')) inScope.set(name.slice(6), value);
      else
        throw new XmlReadError(`attribute ${name} on ${qualified} is not part of the message`, 'MALFORMED');
    }
    const uri = inScope.get(prefix ?? '');
    if (namespace === undefined) {
      if (!uri) throw new XmlReadError('the root element has no namespace', 'NAMESPACE');
      namespace = uri;
      baseNamespace = baseNamespaceOf(uri);
    }
    if (uri !== namespace && uri !== baseNamespace) {
      throw new XmlReadError(`element ${qualified} is in no namespace of the message`, 'NAMESPACE');
    }
    const content = (node[qualified] as OrderedNode[]) ?? [];
    const children: XmlElement[] = [];
    let text = '';
    for (const part of content) {
      if ('#comment' in part) continue;
      if ('#text' in part) text += decodeText(String(part['#text']));
      else children.push(convert(part, depth + 1, inScope));
    }
    if (children.length > 0 && text.trim() !== '') {
      throw new XmlReadError(`element ${local} mixes text and elements`, 'MALFORMED');
    }
    return {
      name: local,
      children,
      text: children.length > 0 ? '' : text,
      ...(uri === baseNamespace && uri !== namespace ? { ns: 'base' as const } : {}),
    };
  };
  const root = convert(roots[0], 0, new Map());
  return { namespace: namespace!, root };
}
