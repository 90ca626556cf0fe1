import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadPayloadKeys, parsePayloadKeys } from '@app/config';

const b64 = () => randomBytes(32).toString('base64');

describe('payload keys (PAYLOAD_KEYS, PAYLOAD_KEYS_FILE)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'payload-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads id:base64 entries in order, the first one encrypting', () => {
    const [a, b] = [b64(), b64()];
    const keys = loadPayloadKeys({ PAYLOAD_KEYS: `new-2027:${a}, old-2026:${b}` });
    expect(keys.map((k) => k.id)).toEqual(['new-2027', 'old-2026']);
    expect(keys[0].key.equals(Buffer.from(a, 'base64'))).toBe(true);
    expect(keys[0].key).toHaveLength(32);
  });

  it('reads the same from PAYLOAD_KEYS_FILE, one per line, with # comments', () => {
    const file = join(dir, 'keys.txt');
    writeFileSync(file, `# rotated 2027-01\nk2:${b64()}\n\n# keep until no history uses it\nk1:${b64()}\n`);
    expect(loadPayloadKeys({ PAYLOAD_KEYS_FILE: file }).map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it('refuses keys that are not 32 bytes of base64, bad or repeated ids, naming ids but never the key', () => {
    const short = randomBytes(16).toString('base64');
    const problems: string[] = [];
    parsePayloadKeys(`a:${short},bad id:${b64()},nokey,dup:${b64()},dup:${b64()}`, 'PAYLOAD_KEYS', problems);
    expect(problems).toEqual([
      expect.stringMatching(/entry 1 \(id "a"\): the key must be 32 bytes in base64/),
      expect.stringMatching(/entry 2: "id:key" with an id of 1-64/),
      expect.stringMatching(/entry 3: "id:key"/),
      expect.stringMatching(/entry 5: the id "dup" appears twice/),
    ]);
    expect(problems.join('\n')).not.toContain(short);
    expect(() => loadPayloadKeys({ PAYLOAD_KEYS: `x:${'A'.repeat(64)}` })).toThrow(ConfigError);
    expect(() => loadPayloadKeys({ PAYLOAD_KEYS: ' , ' })).toThrow(/PAYLOAD_KEYS holds no payload key/);
  });

  it('refuses both variables at once, and a key file that cannot be read', () => {
    expect(() => loadPayloadKeys({ PAYLOAD_KEYS: `k:${b64()}`, PAYLOAD_KEYS_FILE: join(dir, 'x') })).toThrow(
      /PAYLOAD_KEYS or PAYLOAD_KEYS_FILE, not both/,
    );
    expect(() => loadPayloadKeys({ PAYLOAD_KEYS_FILE: join(dir, 'missing.txt') })).toThrow(
      /PAYLOAD_KEYS_FILE=".*missing.txt" cannot be read \(ENOENT\)/,
    );
  });

  it('requires keys in production; elsewhere makes one development key file on first use and keeps it', () => {
    const developmentKeysFile = join(dir, '.data', 'payload-keys.dev.txt');
    expect(() => loadPayloadKeys({ NODE_ENV: 'production' }, { developmentKeysFile })).toThrow(
      /PAYLOAD_KEYS or PAYLOAD_KEYS_FILE is required in production/,
    );

    const first = loadPayloadKeys({ NODE_ENV: 'development' }, { developmentKeysFile });
    expect(first).toHaveLength(1);
    expect(first[0].id).toMatch(/^dev-\d{4}-\d{2}-\d{2}$/);
    expect(statSync(developmentKeysFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(developmentKeysFile, 'utf8')).toMatch(/^# Development payload key/);
    const again = loadPayloadKeys({ NODE_ENV: 'test' }, { developmentKeysFile });
    expect(again[0].key.equals(first[0].key)).toBe(true);
  });
});
