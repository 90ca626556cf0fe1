import type { Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import {
  EncryptionCodec,
  isEncrypted,
  KEY_ID_METADATA,
  KeyRing,
  PayloadDecryptionError,
  UnknownPayloadKeyError,
  type PayloadKey,
} from '@app/codec';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

/** A payload as the SDK's JSON converter writes it, holding a marker that must not be readable when stored. */
function jsonPayload(value: unknown): Payload {
  return {
    metadata: { encoding: Buffer.from('json/plain') },
    data: Buffer.from(JSON.stringify(value)),
  };
}

const PERSONAL = { clientId: 'cl-7f3a9b-marker', caseReference: 'CASE-2026-MARKER' };

describe('EncryptionCodec (AES-256-GCM, key id in metadata)', () => {
  const k1 = key('k1');
  const codec = new EncryptionCodec(new KeyRing([k1]));

  it('round-trips payloads: metadata and data come back byte for byte, also empty and binary ones', async () => {
    const payloads: Payload[] = [
      jsonPayload(PERSONAL),
      { metadata: { encoding: Buffer.from('binary/null') } },
      {
        metadata: { encoding: Buffer.from('binary/plain'), 'x-extra': Buffer.from([0, 255]) },
        data: randomBytes(300),
      },
    ];
    const decoded = await codec.decode(await codec.encode(payloads));
    expect(decoded).toHaveLength(3);
    decoded.forEach((p, i) => {
      expect(Object.keys(p.metadata!).sort()).toEqual(Object.keys(payloads[i].metadata!).sort());
      for (const [name, value] of Object.entries(payloads[i].metadata!)) {
        expect(Buffer.from(p.metadata![name]).equals(Buffer.from(value))).toBe(true);
      }
      expect(Buffer.from(p.data ?? []).equals(Buffer.from(payloads[i].data ?? []))).toBe(true);
    });
    expect(JSON.parse(text(decoded[0].data))).toEqual(PERSONAL);
  });

  it('stores neither the plaintext nor its encoding: only binary/encrypted and the key id are readable', async () => {
    const [encrypted] = await codec.encode([jsonPayload(PERSONAL)]);
    expect(text(encrypted.metadata!.encoding)).toBe('binary/encrypted');
    expect(text(encrypted.metadata![KEY_ID_METADATA])).toBe('k1');
    expect(Object.keys(encrypted.metadata!).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
    const stored = Buffer.from(encrypted.data!);
    for (const marker of [PERSONAL.clientId, PERSONAL.caseReference, 'json/plain', 'clientId']) {
      expect(stored.includes(Buffer.from(marker))).toBe(false);
      expect(stored.toString('base64')).not.toContain(Buffer.from(marker).toString('base64'));
    }
  });

  it('uses a fresh IV per payload: the same payload twice gives different ciphertexts', async () => {
    const [a, b] = await codec.encode([jsonPayload(PERSONAL), jsonPayload(PERSONAL)]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
    expect(Buffer.from(a.data!).subarray(1, 13).equals(Buffer.from(b.data!).subarray(1, 13))).toBe(false);
  });

  it('refuses a tampered payload: a flipped ciphertext bit, a cut tag or a relabelled key id', async () => {
    const [encrypted] = await codec.encode([jsonPayload(PERSONAL)]);
    const flipped = Buffer.from(encrypted.data!);
    flipped[20] ^= 0x01;
    await expect(codec.decode([{ ...encrypted, data: flipped }])).rejects.toThrow(PayloadDecryptionError);
    await expect(codec.decode([{ ...encrypted, data: flipped }])).rejects.toThrow(
      /k1.*failed authentication/,
    );
    const cut = Buffer.from(encrypted.data!).subarray(0, encrypted.data!.length - 1);
    await expect(codec.decode([{ ...encrypted, data: cut }])).rejects.toThrow(PayloadDecryptionError);
    const k2 = key('k2');
    const both = new EncryptionCodec(new KeyRing([k2, k1]));
    const relabelled = {
      ...encrypted,
      metadata: { ...encrypted.metadata, [KEY_ID_METADATA]: Buffer.from('k2') },
    };
    await expect(both.decode([relabelled])).rejects.toThrow(PayloadDecryptionError);
  });

  it('rotates: after a new key is put first, old payloads still decrypt and new ones use the new key id', async () => {
    const old = await codec.encode([jsonPayload(PERSONAL)]);
    const rotated = new EncryptionCodec(new KeyRing([key('k2'), k1]));

    expect(JSON.parse(text((await rotated.decode(old))[0].data))).toEqual(PERSONAL);
    const [fresh] = await rotated.encode([jsonPayload(PERSONAL)]);
    expect(text(fresh.metadata![KEY_ID_METADATA])).toBe('k2');
    expect(JSON.parse(text((await rotated.decode([fresh]))[0].data))).toEqual(PERSONAL);
    // The ring without the new key cannot read what it encrypted.
    await expect(codec.decode([fresh])).rejects.toThrow(UnknownPayloadKeyError);
  });

  it('passes a plain payload through decode unchanged (histories recorded before encryption)', async () => {
    const plain = jsonPayload(PERSONAL);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
    expect(isEncrypted(plain)).toBe(false);
    expect(await codec.decode([])).toEqual([]);
  });

  describe('compression before encryption (format 2, issue 20)', () => {
    /** About the size and repetitiveness of a command's answer (a trajectory view). */
    const VIEW_LIKE = jsonPayload({
      ...PERSONAL,
      results: Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, lifeDomain: 'SCHOOL', achieved: false })),
      allowedActions: ['submitPlan', 'withdraw', 'escalate', 'recordEvaluation', 'confirmCompletion'],
    });
    const plainCodec = new EncryptionCodec(new KeyRing([k1]), { compressFromBytes: Infinity });

    it('compresses a payload from the threshold on: format 2, smaller than format 1, same payload back', async () => {
      const [compressed] = await codec.encode([VIEW_LIKE]);
      const [plain] = await plainCodec.encode([VIEW_LIKE]);
      expect(compressed.data![0]).toBe(2);
      expect(plain.data![0]).toBe(1);
      expect(compressed.data!.length).toBeLessThan(plain.data!.length * 0.7);
      const [decoded] = await codec.decode([compressed]);
      expect(text(decoded.data)).toBe(text(VIEW_LIKE.data));
      expect(text(decoded.metadata!.encoding)).toBe('json/plain');
      // Compressed or not, nothing readable is stored.
      expect(Buffer.from(compressed.data!).includes(Buffer.from(PERSONAL.clientId))).toBe(false);
    });

    it('leaves a small payload, and one that does not shrink, in format 1', async () => {
      const [small] = await codec.encode([jsonPayload({ ok: true })]);
      const [random] = await codec.encode([{ metadata: {}, data: randomBytes(2000) }]);
      expect(small.data![0]).toBe(1);
      expect(random.data![0]).toBe(1);
      expect((await codec.decode([random]))[0].data!.length).toBe(2000);
    });

    it('reads format 1 written before compression, and format 2 with any threshold', async () => {
      const [old] = await plainCodec.encode([VIEW_LIKE]);
      expect(text((await codec.decode([old]))[0].data)).toBe(text(VIEW_LIKE.data));
      const [fresh] = await codec.encode([VIEW_LIKE]);
      expect(text((await plainCodec.decode([fresh]))[0].data)).toBe(text(VIEW_LIKE.data));
    });

    it('refuses a payload whose format byte was switched, either way, and an unknown format', async () => {
      const [compressed] = await codec.encode([VIEW_LIKE]);
      const [plain] = await plainCodec.encode([VIEW_LIKE]);
      const switched = (p: Payload, format: number) => {
        const data = Buffer.from(p.data!);
        data[0] = format;
        return { ...p, data };
      };
      await expect(codec.decode([switched(compressed, 1)])).rejects.toThrow(/failed authentication/);
      await expect(codec.decode([switched(plain, 2)])).rejects.toThrow(/failed authentication/);
      await expect(codec.decode([switched(plain, 3)])).rejects.toThrow(/malformed/);
    });
  });

  it('names the unknown key id, and never any key material, when it cannot decrypt', async () => {
    const other = key('retired-2025');
    const [foreign] = await new EncryptionCodec(new KeyRing([other])).encode([jsonPayload(PERSONAL)]);
    const error = await codec.decode([foreign]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownPayloadKeyError);
    expect((error as UnknownPayloadKeyError).keyId).toBe('retired-2025');
    expect(String(error)).toMatch(/key id "retired-2025".*not in the key ring/);
    for (const material of [other.key, k1.key]) {
      expect(String(error)).not.toContain(Buffer.from(material).toString('base64'));
    }
  });
});

describe('KeyRing', () => {
  it('encrypts with the first key and knows every id', () => {
    const ring = new KeyRing([key('new'), key('old')]);
    expect(ring.encryptionKeyId).toBe('new');
    expect(ring.ids).toEqual(['new', 'old']);
  });

  it('refuses an empty ring, a short key, a bad id and a repeated id', () => {
    expect(() => new KeyRing([])).toThrow(/at least one/);
    expect(() => new KeyRing([{ id: 'k', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new KeyRing([{ id: 'a:b', key: randomBytes(32) }])).toThrow(/must match/);
    expect(() => new KeyRing([key('k'), key('k')])).toThrow(/twice/);
  });
});
