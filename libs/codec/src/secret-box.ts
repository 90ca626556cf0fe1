import { PayloadDecryptionError } from './codec-errors';
import { ENCODING_METADATA, ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA } from './encryption-codec';
import type { KeyRing } from './key-ring';

/**
 * Secrets the platform must read back (webhook signing secrets) sealed at rest with the payload keys: a copy
 * of the database alone does not let anyone sign as the platform. Same AES-256-GCM and key rotation as the
 * payload codec (the first key seals, every key opens); text form `<key id>:<base64>`.
 */
export class SecretBox {
  private readonly codec: EncryptionCodec;

  constructor(keys: KeyRing) {
    this.codec = new EncryptionCodec(keys);
  }

  seal(secret: string): string {
    const sealed = this.codec.encrypt({
      metadata: { [ENCODING_METADATA]: Buffer.from('binary/plain') },
      data: Buffer.from(secret, 'utf8'),
    });
    const keyId = Buffer.from(sealed.metadata![KEY_ID_METADATA]).toString('utf8');
    return `${keyId}:${Buffer.from(sealed.data!).toString('base64')}`;
  }

  open(sealed: string): string {
    const at = sealed.lastIndexOf(':');
    if (at <= 0) throw new PayloadDecryptionError('a sealed secret is "<key id>:<base64>"');
    const payload = this.codec.decrypt({
      metadata: {
        [ENCODING_METADATA]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(sealed.slice(0, at)),
      },
      data: Buffer.from(sealed.slice(at + 1), 'base64'),
    });
    return Buffer.from(payload.data ?? []).toString('utf8');
  }
}
