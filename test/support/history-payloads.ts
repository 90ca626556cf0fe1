import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { isEncrypted, type EncryptionCodec } from '@app/codec';
import { testPayloadCodec } from './payload-codec';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = unknown;

function isPayload(node: Record<string, Node>): boolean {
  const metadata = node.metadata as Record<string, Node> | undefined;
  return typeof metadata === 'object' && metadata !== null && metadata.encoding instanceof Uint8Array;
}

let codec: EncryptionCodec | undefined;

/** Encrypted payloads (libs/codec) are decrypted with the suite's test keys first, as the worker would. */
function decode(encoded: Record<string, Node>): Json {
  const payload = encoded as Payload;
  const node = isEncrypted(payload) ? (codec ??= testPayloadCodec()).decrypt(payload) : payload;
  const encoding = Buffer.from(node.metadata!.encoding).toString();
  if (encoding !== 'json/plain' || !(node.data instanceof Uint8Array)) return null;
  return JSON.parse(Buffer.from(node.data).toString('utf8')) as Json;
}

/** One payload as the workflow or activity saw it (decrypted first when encrypted), or null if not JSON. */
export function decodedPayload(payload: Payload): Json {
  return decode(payload as Record<string, Node>);
}

/**
 * Every payload of a history, decoded: workflow inputs, update arguments and results, activity inputs and
 * results, local-activity markers, signals, search attributes. What the workflow put in history is here.
 */
export function decodedPayloads(history: temporal.api.history.v1.IHistory): Json[] {
  const out: Json[] = [];
  const walk = (node: Node): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null || node instanceof Uint8Array) return;
    const record = node as Record<string, Node>;
    if (isPayload(record)) {
      out.push(decode(record));
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(history);
  return out;
}

/** Every object key anywhere in `values`, e.g. to prove that no `name` or `bsn` field exists. */
export function keysOf(values: Json[]): Set<string> {
  const keys = new Set<string>();
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      keys.add(key);
      walk(value);
    }
  };
  values.forEach(walk);
  return keys;
}

/** Every string value anywhere in `values` (numbers such as nanoseconds are left out on purpose). */
export function stringsOf(values: Json[]): string[] {
  const out: string[] = [];
  const walk = (node: Json): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  values.forEach(walk);
  return out;
}
