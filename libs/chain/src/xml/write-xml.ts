import type { XmlElement } from './xml-element';

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/**
 * Writes a message as UTF-8 XML, two-space indented, one element per line. The message's elements carry its
 * prefix (`jw301:`), the children of the basisschema's composite types the basisschema's (`ijw:`), as the
 * standard's own example messages do.
 */
export function writeXml(
  root: XmlElement,
  names: { namespace: string; prefix: string; baseNamespace: string; basePrefix: string },
): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const write = (element: XmlElement, depth: number, attributes = '') => {
    const indent = '  '.repeat(depth);
    const tag = `${element.ns === 'base' ? names.basePrefix : names.prefix}:${element.name}`;
    if (element.children.length === 0) {
      lines.push(`${indent}<${tag}${attributes}>${escapeText(element.text)}</${tag}>`);
      return;
    }
    lines.push(`${indent}<${tag}${attributes}>`);
    for (const c of element.children) write(c, depth + 1);
    lines.push(`${indent}</${tag}>`);
  };
  write(
    root,
    0,
    ` xmlns:${names.basePrefix}="${escapeAttribute(names.baseNamespace)}" xmlns:${names.prefix}="${escapeAttribute(names.namespace)}"`,
  );
  return `${lines.join('\n')}\n`;
}
