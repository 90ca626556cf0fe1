import { baseNamespace, messageNamespace, type ChainStandard, type MessageCode } from '../standard';
import { writeXml } from '../xml/write-xml';
import type { XmlElement } from '../xml/xml-element';
import { validateElement, withoutPersonalData, type SchemaProblem } from './element-rule';
import { messageSchema } from './message-schemas';

/**
 * Validates a message against its schema: the complete message, or (`clientless`) the form the product keeps
 * and sends by itself, which is the same structure without the client's personal elements.
 */
export function validateMessage(
  tree: XmlElement,
  standard: ChainStandard,
  code: MessageCode,
  form: 'complete' | 'clientless' = 'complete',
): SchemaProblem[] {
  const schema = messageSchema(standard, code);
  return validateElement(tree, form === 'complete' ? schema : withoutPersonalData(schema));
}

/** A message as XML, with the standard's prefixes (`jw301:`, `ijw:`). */
export function writeMessage(tree: XmlElement, standard: ChainStandard, code: MessageCode): string {
  return writeXml(tree, {
    namespace: messageNamespace(standard, code),
    prefix: `${standard.messagePrefix}${code}`,
    baseNamespace: baseNamespace(standard),
    basePrefix: standard.basePrefix,
  });
}

/** Thrown when the product is about to write a message its schema refuses: a defect, never sent. */
export class InvalidOutboundMessage extends Error {
  constructor(
    readonly code: MessageCode,
    readonly problems: SchemaProblem[],
  ) {
    super(`the ${code} the product wrote breaks its schema: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'InvalidOutboundMessage';
  }
}

/** Writes an outbound message after validating it; a message that breaks its schema is never written. */
export function writeValidMessage(
  tree: XmlElement,
  standard: ChainStandard,
  code: MessageCode,
  form: 'complete' | 'clientless',
): string {
  const problems = validateMessage(tree, standard, code, form);
  if (problems.length > 0) throw new InvalidOutboundMessage(code, problems);
  return writeMessage(tree, standard, code);
}
