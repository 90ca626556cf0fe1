// The local stack's payload key (README "Payload encryption"): made once, with a random key, in the stack's
// data folder (git-ignored), and handed to the worker and the API as PAYLOAD_KEYS_FILE. The same file and
// format as libs/config's fallback for development runs outside `npm start` (DEVELOPMENT_PAYLOAD_KEYS_FILE).
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function ensureDevelopmentPayloadKeys(dataDir) {
  const path = resolve(dataDir, 'payload-keys.dev.txt');
  mkdirSync(dataDir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(
    partial,
    '# Development payload key of this checkout, made on first use (git-ignored). Never use it in production.\n' +
      `dev-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}\n`,
    { mode: 0o600 },
  );
  try {
    // Never replaces an existing file: the key of payloads already in Temporal's histories stays.
    linkSync(partial, path);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  } finally {
    rmSync(partial, { force: true });
  }
  return path;
}
