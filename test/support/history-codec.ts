import type { Payload } from '@temporalio/common';

/**
 * Which payloads of a workflow history went through the payload codec, by the SDK's rules: every payload but
 * search attributes and headers (the worker's codec runner skips both), and of a marker only the `result`
 * (a local activity's result, encoded by the worker; `data` and `patch-data` are the core SDK's own
 * bookkeeping, written in clear, and read back by it on replay).
 *
 * Works on protobuf messages (fetchHistory, History.fromObject) whose bytes are Uint8Array.
 */
export function codedPayloads(history: object): Payload[] {
  const out: Payload[] = [];
  walk(history, undefined, (payload) => void out.push(payload));
  return out;
}

/** Replaces every coded payload of `history` in place by `transform(payload)`. */
export function transformCodedPayloads(history: object, transform: (payload: Payload) => Payload): void {
  walk(history, undefined, (payload) => {
    const { metadata, data } = transform(payload);
    payload.metadata = metadata;
    payload.data = data;
  });
}

const NEVER_CODED = new Set(['searchAttributes', 'header']);

function walk(node: unknown, parentKey: string | undefined, visit: (payload: Payload) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, parentKey, visit));
  if (typeof node !== 'object' || node === null || node instanceof Uint8Array) return;
  const record = node as Record<string, unknown>;
  if (isPayload(record)) return visit(record as Payload);
  for (const [key, child] of Object.entries(record)) {
    if (NEVER_CODED.has(key)) continue;
    if (key === 'details' && parentKey === 'markerRecordedEventAttributes') {
      walk((child as Record<string, unknown> | undefined)?.result, key, visit);
      continue;
    }
    walk(child, key, visit);
  }
}

function isPayload(node: Record<string, unknown>): boolean {
  const metadata = node.metadata as Record<string, unknown> | undefined;
  return typeof metadata === 'object' && metadata !== null && metadata.encoding instanceof Uint8Array;
}
