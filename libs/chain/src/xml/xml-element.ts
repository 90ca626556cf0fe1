/**
 * An XML element as the chain's messages use them: elements with either children or text, no attributes
 * beyond the namespace declaration, no mixed content. Names are local names (the message's namespace is
 * checked once, on the root).
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's text; '' for an element with children. */
  text: string;
  /**
   * 'base' for the children of the basisschema's composite types (CDT_…), which the schemas qualify with the
   * basisschema's namespace; absent for the message's own namespace.
   */
  ns?: 'base';
}

/** An element with children, leaving out the undefined ones (optional elements not given). */
export function el(name: string, ...children: Array<XmlElement | undefined>): XmlElement {
  return { name, children: children.filter((c): c is XmlElement => c !== undefined), text: '' };
}

/** An element with text; undefined when the value is (an optional element that is absent). */
export function leaf(name: string, value: string | number | undefined | null): XmlElement | undefined {
  return value === undefined || value === null ? undefined : { name, children: [], text: String(value) };
}

/** The same element in the basisschema's namespace (a child of a CDT_… type), with its children too. */
export function base(element: XmlElement | undefined): XmlElement | undefined {
  return element && { ...element, ns: 'base', children: element.children.map((c) => base(c)!) };
}

/** The first child of this name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The children of this name, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The text of the element at a path of child names (e.g. `['Header', 'BerichtCode']`). */
export function textAt(element: XmlElement, path: readonly string[]): string | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path) current = current && child(current, name);
  return current?.text;
}

/** A copy without the children of these names (at any depth): how a client block is dropped. */
export function without(element: XmlElement, names: readonly string[]): XmlElement {
  return {
    ...element,
    children: element.children.filter((c) => !names.includes(c.name)).map((c) => without(c, names)),
  };
}
