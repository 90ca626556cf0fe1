/**
 * Writes an encrypted copy of every recorded history in test/histories that was recorded before payload
 * encryption, to test/histories/encrypted/<same name>: each payload the SDK's codec would have encrypted
 * (test/support/history-codec.ts says which) is encrypted with the committed test fixture key
 * (test/histories/payload-keys.test.txt), exactly as the worker and the API store payloads now. The plain
 * originals stay: they are what trajectories begun before encryption hold, and test/replay.test.ts replays
 * both. Histories recorded encrypted (record-histories.ts, from now on) need no copy and are skipped.
 *
 *   npx ts-node -T -r tsconfig-paths/register test/tools/encrypt-histories.ts [--force]
 *
 * Existing copies are kept unless --force (each run draws new IVs, so rewriting only churns the files).
 */
import { temporal } from '@temporalio/proto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isEncrypted } from '@app/codec';
import { codedPayloads, transformCodedPayloads } from '../support/history-codec';
import { historiesPayloadCodec } from '../support/payload-codec';
import type { RecordedHistory } from './record-histories';

export const HISTORIES = resolve(__dirname, '..', 'histories');
export const ENCRYPTED_HISTORIES = join(HISTORIES, 'encrypted');

const History = temporal.api.history.v1.History;
const AS_TEXT = { longs: String, enums: String, bytes: String };

/** A recorded file back as the protobuf History message. */
export function readHistory(path: string): {
  recorded: RecordedHistory;
  history: temporal.api.history.v1.History;
} {
  const recorded = JSON.parse(readFileSync(path, 'utf8')) as RecordedHistory;
  return { recorded, history: History.fromObject(recorded.history) };
}

/** Whether a history was recorded before encryption: not one payload the codec handles is encrypted. */
export function isPlainRecording(history: temporal.api.history.v1.IHistory): boolean {
  return !codedPayloads(history).some(isEncrypted);
}

function main(): void {
  const force = process.argv.includes('--force');
  const codec = historiesPayloadCodec();
  mkdirSync(ENCRYPTED_HISTORIES, { recursive: true });
  for (const file of readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const target = join(ENCRYPTED_HISTORIES, file);
    const { recorded, history } = readHistory(join(HISTORIES, file));
    if (!isPlainRecording(history)) {
      console.log(`${file}: recorded encrypted, no copy needed`);
      continue;
    }
    if (existsSync(target) && !force) {
      console.log(`${file}: copy exists (--force rewrites it)`);
      continue;
    }
    transformCodedPayloads(history, (payload) => codec.encrypt(payload));
    const copy: RecordedHistory = { ...recorded, history: History.toObject(history, AS_TEXT) };
    writeFileSync(target, JSON.stringify(copy) + '\n');
    console.log(`${file}: encrypted ${codedPayloads(history).length} payloads → encrypted/${file}`);
  }
}

if (require.main === module) main();
