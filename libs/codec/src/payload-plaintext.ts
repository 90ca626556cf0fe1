import type { Payload } from '@temporalio/common';
import { PayloadDecryptionError } from './codec-errors';

/*
 * The plaintext of an encrypted payload: the original payload's metadata and data, length-prefixed.
 *   version (1 byte) | entry count (u32) | per entry: key length (u32), key (UTF-8), value length (u32), value
 *   | data length (u32) | data
 * Our own few lines rather than protobuf's Payload encoding, which would need @temporalio/proto (a dev
 * dependency) at run time in both apps.
 */
const FORMAT_VERSION = 1;

export function serializePayload(payload: Payload): Buffer {
  const parts: Buffer[] = [Buffer.from([FORMAT_VERSION])];
  const entries = Object.entries(payload.metadata ?? {});
  parts.push(u32(entries.length));
  for (const [key, value] of entries) {
    const name = Buffer.from(key, 'utf8');
    parts.push(u32(name.length), name, u32(value.length), Buffer.from(value));
  }
  const data = payload.data ?? new Uint8Array(0);
  parts.push(u32(data.length), Buffer.from(data));
  return Buffer.concat(parts);
}

export function parsePayload(plaintext: Buffer): Payload {
  const reader = new Reader(plaintext);
  if (reader.bytes(1)[0] !== FORMAT_VERSION) throw malformed();
  const entries: [string, Uint8Array][] = [];
  for (let i = reader.u32(); i > 0; i--) {
    const key = reader.bytes(reader.u32()).toString('utf8');
    entries.push([key, new Uint8Array(reader.bytes(reader.u32()))]);
  }
  const data = new Uint8Array(reader.bytes(reader.u32()));
  if (!reader.done) throw malformed();
  // fromEntries defines own properties, so even a "__proto__" metadata key stays a key.
  return { metadata: Object.fromEntries(entries), data };
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

const malformed = () => new PayloadDecryptionError('decrypted payload is malformed');

class Reader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get done(): boolean {
    return this.offset === this.buffer.length;
  }

  u32(): number {
    return this.bytes(4).readUInt32BE(0);
  }

  bytes(length: number): Buffer {
    if (this.offset + length > this.buffer.length) throw malformed();
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}
