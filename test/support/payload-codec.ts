import type { DataConverter } from '@temporalio/common';
import { resolve } from 'node:path';
import { EncryptionCodec, KeyRing } from '@app/codec';
import { loadPayloadKeys } from '@app/config';

/**
 * The payload codec the apps under test use: the test keys `npm test` passes in PAYLOAD_KEYS
 * (scripts/test.mjs). Every test Client and Worker gets it, exactly like the api and the worker.
 */
export function testPayloadCodec(): EncryptionCodec {
  return new EncryptionCodec(new KeyRing(loadPayloadKeys()));
}

export function dataConverterOf(codec: EncryptionCodec = testPayloadCodec()): DataConverter {
  return { payloadCodecs: [codec] };
}

/** The committed test fixture key of the recorded histories (test/histories/README.md). */
export const HISTORIES_KEY_FILE = resolve(__dirname, '..', 'histories', 'payload-keys.test.txt');

/** The codec of test/histories: recordings and their encrypted copies use the fixture key, never the suite's. */
export function historiesPayloadCodec(): EncryptionCodec {
  return new EncryptionCodec(new KeyRing(loadPayloadKeys({ PAYLOAD_KEYS_FILE: HISTORIES_KEY_FILE })));
}
