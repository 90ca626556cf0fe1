/**
 * Why a payload could not be decoded. The messages name a key by its id only, never by its material, so they
 * are safe in logs, in a workflow task failure and in an API error body.
 */
export class PayloadCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The payload was encrypted with a key the ring does not hold (removed too early, or another deployment's). */
export class UnknownPayloadKeyError extends PayloadCodecError {
  constructor(readonly keyId: string) {
    super(
      `payload encrypted with key id "${keyId}", which is not in the key ring (PAYLOAD_KEYS): ` +
        'add that key back to decrypt it',
    );
  }
}

/** The payload claims to be encrypted but is malformed, tampered with, or not encrypted with the named key. */
export class PayloadDecryptionError extends PayloadCodecError {}
