import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The keys that encrypt every Temporal payload (README "Payload encryption"): from `PAYLOAD_KEYS` or the file
 * `PAYLOAD_KEYS_FILE`, never from code. The first key encrypts, every key decrypts; rotating is prepending a
 * new key and keeping the old ones until no history references their ids.
 */
export interface PayloadKeyConfig {
  id: string;
  key: Buffer;
}

/** Ids travel in each encrypted payload's metadata; no ":" or "," (the list's separators). */
export const PAYLOAD_KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** 32 random bytes in base64, as `openssl rand -base64 32` prints them (the padding may be left off). */
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=?$/;

/**
 * Outside production without keys configured: this checkout's own development key, in a git-ignored file
 * made on first use (relative to the working directory, the repository root for `npm start` and the scripts).
 */
export const DEVELOPMENT_PAYLOAD_KEYS_FILE = '.data/payload-keys.dev.txt';

type Env = Record<string, string | undefined>;

export interface PayloadKeyOptions {
  /** Where the development key lives (tests point it elsewhere); default DEVELOPMENT_PAYLOAD_KEYS_FILE. */
  developmentKeysFile?: string;
}

/**
 * The configured payload keys, problems appended to `problems` (messages name variables and key ids, never
 * key material). `production` makes keys mandatory instead of falling back to the development key.
 */
export function readPayloadKeys(
  env: Env,
  production: boolean,
  problems: string[],
  options: PayloadKeyOptions = {},
): PayloadKeyConfig[] {
  const inline = env.PAYLOAD_KEYS?.trim() || undefined;
  const file = env.PAYLOAD_KEYS_FILE?.trim() || undefined;
  if (inline && file) {
    problems.push('set PAYLOAD_KEYS or PAYLOAD_KEYS_FILE, not both');
    return [];
  }
  if (inline) return parsePayloadKeys(inline, 'PAYLOAD_KEYS', problems);
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`PAYLOAD_KEYS_FILE="${file}" cannot be read (${(error as NodeJS.ErrnoException).code})`);
      return [];
    }
    return parsePayloadKeys(text, `PAYLOAD_KEYS_FILE (${file})`, problems);
  }
  if (production) {
    problems.push('PAYLOAD_KEYS or PAYLOAD_KEYS_FILE is required in production (id:base64key, …)');
    return [];
  }
  const path = resolve(options.developmentKeysFile ?? DEVELOPMENT_PAYLOAD_KEYS_FILE);
  return parsePayloadKeys(developmentPayloadKeys(path), `the development key file ${path}`, problems);
}

/**
 * `id:base64key` entries separated by commas or line breaks; in a file, lines starting with `#` are comments.
 * Each key is 32 bytes (AES-256), each id matches PAYLOAD_KEY_ID_PATTERN, no id twice, at least one key.
 */
export function parsePayloadKeys(text: string, source: string, problems: string[]): PayloadKeyConfig[] {
  const entries = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    problems.push(`${source} holds no payload key (id:base64key, the first encrypts)`);
    return [];
  }
  const keys: PayloadKeyConfig[] = [];
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const material = colon < 0 ? '' : entry.slice(colon + 1);
    // Named by position and id only: the entry itself may be (or hold) a key.
    const name = `${source} entry ${i + 1}`;
    if (!PAYLOAD_KEY_ID_PATTERN.test(id)) {
      problems.push(`${name}: "id:key" with an id of 1-64 letters, digits, ".", "_" or "-"`);
    } else if (!BASE64_32_BYTES.test(material)) {
      problems.push(`${name} (id "${id}"): the key must be 32 bytes in base64 (openssl rand -base64 32)`);
    } else if (keys.some((k) => k.id === id)) {
      problems.push(`${name}: the id "${id}" appears twice`);
    } else {
      keys.push({ id, key: Buffer.from(material, 'base64') });
    }
  });
  return keys;
}

/** The development key file's text, made with a fresh random key the first time (0600, atomically). */
function developmentPayloadKeys(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const id = `dev-${new Date().toISOString().slice(0, 10)}`;
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(
    partial,
    `# Development payload key of this checkout, made on first use (git-ignored). Never use it in production.\n` +
      `${id}:${randomBytes(32).toString('base64')}\n`,
    { mode: 0o600 },
  );
  try {
    // A hard link fails if the file appeared meanwhile: two processes starting at once keep one key.
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(partial, { force: true });
  }
  return readFileSync(path, 'utf8');
}
