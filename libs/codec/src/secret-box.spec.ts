import { randomBytes } from 'node:crypto';
import { KeyRing, SecretBox } from '@app/codec';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('seals so that the text does not show, and opens with the ring after a key rotation', () => {
    const old = key('k1');
    const sealed = new SecretBox(new KeyRing([old])).seal('whsec_abc');
    expect(sealed).toMatch(/^k1:/);
    expect(sealed).not.toContain('whsec_abc');
    expect(new SecretBox(new KeyRing([key('k2'), old])).open(sealed)).toBe('whsec_abc');
  });

  it('refuses a sealed secret that was altered or has no known key', () => {
    const ring = new KeyRing([key('k1')]);
    const sealed = new SecretBox(ring).seal('whsec_abc');
    const flipped = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => new SecretBox(ring).open(flipped)).toThrow();
    expect(() => new SecretBox(new KeyRing([key('k9')])).open(sealed)).toThrow();
    expect(() => new SecretBox(ring).open('garbage')).toThrow();
  });
});
