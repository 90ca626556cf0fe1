import type { Payload, PayloadCodec } from '@temporalio/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { PayloadDecryptionError, UnknownPayloadKeyError } from './codec-errors';
import type { KeyRing } from './key-ring';
import { parsePayload, serializePayload } from './payload-plaintext';

/** Metadata of an encrypted payload (the names Temporal's encryption samples use, so tools recognise them). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCODING_METADATA = 'encoding';
export const KEY_ID_METADATA = 'encryption-key-id';

/**
 * The data of an encrypted payload: format | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag. Format 1: the
 * ciphertext is of the serialised payload. Format 2 (issue 20): of the serialised payload compressed with raw
 * DEFLATE, and the format byte is authenticated with the key id, so it cannot be switched to 1 or back.
 */
const PLAIN_FORMAT = 1;
const DEFLATED_FORMAT = 2;
const IV_BYTES = 12; // GCM's recommended nonce size (NIST SP 800-38D §5.2.1.1), random per payload
const TAG_BYTES = 16;

/**
 * Payloads from this size on are compressed before they are encrypted. A command's answer (the view, ~1 KB of
 * JSON) shrinks to about a third; below this the DEFLATE header eats most of the gain.
 */
export const DEFAULT_COMPRESS_FROM_BYTES = 256;
/**
 * What one payload may inflate to: far above Temporal's own payload limit (2 MB by default), so only a payload
 * that is not what this codec wrote can reach it, and it fails instead of filling memory.
 */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export interface EncryptionCodecOptions {
  /** Serialised payloads from this many bytes on are compressed (format 2); Infinity: never (format 1). */
  compressFromBytes?: number;
}

/** The codec options of the apps' configuration (`PAYLOAD_COMPRESSION`). */
export function codecOptions(config: { payloadCompression: boolean }): EncryptionCodecOptions {
  return config.payloadCompression ? {} : { compressFromBytes: Infinity };
}

/**
 * Encrypts every payload Temporal stores (workflow and activity inputs and results, updates, signals, queries,
 * markers, failure details), so personal data never reaches a history in clear text. Search attributes and
 * headers are not payload-coded by the SDK and stay readable (they hold no personal data).
 *
 * Decoding passes a payload that is not encrypted through unchanged: histories recorded before encryption
 * (running trajectories) keep replaying and their old payloads keep decoding.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly compressFromBytes: number;

  constructor(
    private readonly keys: KeyRing,
    options: EncryptionCodecOptions = {},
  ) {
    this.compressFromBytes = options.compressFromBytes ?? DEFAULT_COMPRESS_FROM_BYTES;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  /**
   * Compress, then encrypt. The length of a compressed payload says a little about how repetitive its
   * content is; payloads hold codes, amounts and references, never personal data in clear (free text about a
   * person is a reference), so that is no channel to a person's data.
   */
  encrypt(payload: Payload): Payload {
    const keyId = this.keys.encryptionKeyId;
    const serialized = serializePayload(payload);
    const deflated = serialized.length >= this.compressFromBytes ? deflateRawSync(serialized) : undefined;
    const [format, plaintext] =
      deflated !== undefined && deflated.length < serialized.length
        ? [DEFLATED_FORMAT, deflated]
        : [PLAIN_FORMAT, serialized];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.key(keyId)!, iv);
    // The key id (and the format) are authenticated too: a payload cannot be relabelled without failing its tag.
    cipher.setAAD(additionalData(keyId, format));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      metadata: {
        [ENCODING_METADATA]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(keyId),
      },
      data: Buffer.concat([Buffer.from([format]), iv, ciphertext, cipher.getAuthTag()]),
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
    const format = data[0];
    if (data.length < 1 + IV_BYTES + TAG_BYTES || (format !== PLAIN_FORMAT && format !== DEFLATED_FORMAT)) {
      throw new PayloadDecryptionError(`encrypted payload (key id "${keyId}") is malformed`);
    }
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(keyId, format));
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
    if (format === PLAIN_FORMAT) return parsePayload(plaintext);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(plaintext, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch {
      throw new PayloadDecryptionError(`encrypted payload (key id "${keyId}") does not inflate`);
    }
    return parsePayload(inflated);
  }
}

/** Format 1 authenticated the key id alone (payloads written before format 2 must keep decrypting). */
function additionalData(keyId: string, format: number): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  return format === PLAIN_FORMAT ? id : Buffer.concat([id, Buffer.from([format])]);
}

/** Whether a payload carries this codec's encoding (anything else is passed through by decode). */
export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.[ENCODING_METADATA];
  return encoding !== undefined && Buffer.from(encoding).toString('utf8') === ENCRYPTED_ENCODING;
}
