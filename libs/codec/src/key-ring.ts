/** AES-256 needs a 32-byte key. */
export const PAYLOAD_KEY_BYTES = 32;

/** Key ids travel in every encrypted payload's metadata: short, printable, no separators of the key list. */
export const PAYLOAD_KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** One payload key: its id (in the payload metadata) and its secret material. */
export interface PayloadKey {
  id: string;
  key: Uint8Array;
}

/**
 * The payload keys of a deployment, in configuration order: the first encrypts new payloads, every key
 * decrypts. Rotation is prepending a new key; an old key stays until no history references its id.
 */
export class KeyRing {
  /** The id of the key that encrypts (the first one configured). */
  readonly encryptionKeyId: string;
  private readonly byId = new Map<string, Uint8Array>();

  constructor(keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new Error('a key ring needs at least one payload key');
    for (const { id, key } of keys) {
      if (!PAYLOAD_KEY_ID.test(id)) throw new Error(`payload key id "${id}" must match ${PAYLOAD_KEY_ID}`);
      if (key.length !== PAYLOAD_KEY_BYTES)
        throw new Error(`payload key "${id}" must be ${PAYLOAD_KEY_BYTES} bytes`);
      if (this.byId.has(id)) throw new Error(`payload key id "${id}" appears twice`);
      this.byId.set(id, Uint8Array.from(key));
    }
    this.encryptionKeyId = keys[0].id;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The key with this id, or undefined when the ring does not hold it. */
  key(id: string): Uint8Array | undefined {
    return this.byId.get(id);
  }
}
