import type { Payload, PayloadCodec } from '@temporalio/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PayloadDecryptionError, UnknownPayloadKeyError } from './codec-errors';
import type { KeyRing } from './key-ring';
import { parsePayload, serializePayload } from './payload-plaintext';

/** Metadata of an encrypted payload (the names Temporal's encryption samples use, so tools recognise them). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCODING_METADATA = 'encoding';
export const KEY_ID_METADATA = 'encryption-key-id';

/** The data of an encrypted payload: format version | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag. */
const FORMAT_VERSION = 1;
const IV_BYTES = 12; // GCM's recommended nonce size (NIST SP 800-38D §5.2.1.1), random per payload
const TAG_BYTES = 16;

/**
 * Encrypts every payload Temporal stores (workflow and activity inputs and results, updates, signals, queries,
 * markers, failure details), so personal data never reaches a history in clear text. Search attributes and
 * headers are not payload-coded by the SDK and stay readable (they hold no personal data).
 *
 * Decoding passes a payload that is not encrypted through unchanged: histories recorded before encryption
 * (running trajectories) keep replaying and their old payloads keep decoding.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  encrypt(payload: Payload): Payload {
    const keyId = this.keys.encryptionKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.key(keyId)!, iv);
    // The key id is authenticated too: a payload cannot be relabelled without failing its tag.
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(serializePayload(payload)), cipher.final()]);
    return {
      metadata: {
        [ENCODING_METADATA]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(keyId),
      },
      data: Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, ciphertext, cipher.getAuthTag()]),
    };
  }

  decrypt(payload: Payload): Payload {
    if (!isEncrypted(payload)) return payload;
    const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
    if (!keyIdBytes) throw new PayloadDecryptionError(`encrypted payload without ${KEY_ID_METADATA}`);
    const keyId = Buffer.from(keyIdBytes).toString('utf8');
    const key = this.keys.key(keyId);
    if (!key) throw new UnknownPayloadKeyError(keyId);
    const data = Buffer.from(payload.data ?? []);
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== FORMAT_VERSION) {
      throw new PayloadDecryptionError(`encrypted payload (key id "${keyId}") is malformed`);
    }
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(tag);
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([
        decipher.update(data.subarray(1 + IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(
        `encrypted payload (key id "${keyId}") failed authentication: altered, or not encrypted with that key`,
      );
    }
    return parsePayload(plaintext);
  }
}

/** Whether a payload carries this codec's encoding (anything else is passed through by decode). */
export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.[ENCODING_METADATA];
  return encoding !== undefined && Buffer.from(encoding).toString('utf8') === ENCRYPTED_ENCODING;
}
