import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RecordedHistory } from './tools/record-histories';
import { EncryptionCodec, isEncrypted, KeyRing } from '@app/codec';
import { installTemporalRuntime } from '@app/platform';
import { codedPayloads } from './support/history-codec';
import { dataConverterOf, historiesPayloadCodec } from './support/payload-codec';
import { workflowBundlePath } from './support/workflow-bundle';
import { ENCRYPTED_HISTORIES, isPlainRecording } from './tools/encrypt-histories';

/**
 * Replays the recorded histories of test/histories (test/tools/record-histories.ts) against the current
 * workflow code. A change that would make running trajectories or table cases non-deterministic fails
 * here, before it is deployed to a worker that must resume them. The replayer decodes payloads as the
 * worker does (libs/codec, with the histories' test fixture key): the plain originals prove that histories
 * recorded before payload encryption still run; their copies in encrypted/ that encrypted ones do.
 */
jest.setTimeout(120_000);
installTemporalRuntime('warn');

const HISTORIES = resolve(__dirname, 'histories');
/** The main paths the recorder writes; a missing one means the fixtures were lost, not that all is well. */
const SCENARIOS = [
  // Rules 1: recorded before issue 14, as trajectories that began then ran.
  'happy-year',
  'dropout',
  'new-care-need',
  'table-overdue',
  'monthly',
  // Rules 2: the waits' timers, the signature deadline, the evaluation proposal, the statutory clocks.
  'rules2-signatures-and-proposal',
  'rules2-statutory-lapse',
  // Issue 18: the family chooses its lead provider and signs (CLIENT commands); the read model's plan results.
  'family-signs-and-chooses',
  // Issue 20, history version 2: no continue-as-new at evaluations, a kept deadline timer, one upsert per
  // task; and a run that continues as new at its event bound.
  'lean-year',
  'lean-bounded',
  // History version 3: created at its receipt, no upsert in the first task; payloads in codec format 2.
  'receipt-year',
];

interface Loaded {
  file: string;
  workflowId: string;
  workflowType: string;
  history: temporal.api.history.v1.History;
}

/**
 * The files hold protobuf's plain-object form; History.fromObject turns them back into the message the
 * replayer takes. (Not historyFromJSON: in this dependency tree it fails with "type must be a Type".)
 */
function load(file: string, dir = HISTORIES): Loaded {
  const recorded = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RecordedHistory;
  return {
    file,
    workflowId: recorded.workflowId,
    workflowType: recorded.workflowType,
    history: temporal.api.history.v1.History.fromObject(recorded.history),
  };
}

async function replay(
  histories: Loaded[],
  codec: EncryptionCodec = historiesPayloadCodec(),
): Promise<{ file: string; error?: Error }[]> {
  const results: { file: string; error?: Error }[] = [];
  const replayed = Worker.runReplayHistories(
    {
      // The bundle of workflows/index.ts (require.resolve('../workflows')), cached by content.
      workflowBundle: { codePath: await workflowBundlePath() },
      replayName: 'recorded-histories',
      dataConverter: dataConverterOf(codec),
    },
    histories.map((h) => ({ workflowId: h.workflowId, history: h.history })),
  );
  let i = 0;
  for await (const result of replayed) results.push({ file: histories[i++].file, error: result.error });
  return results;
}

const files = readdirSync(HISTORIES)
  .filter((f) => f.endsWith('.json'))
  .sort();
const encryptedFiles = readdirSync(ENCRYPTED_HISTORIES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('recorded workflow histories', () => {
  it('cover the main paths, with their continued-as-new runs and table cases', () => {
    for (const scenario of SCENARIOS) {
      expect(files.filter((f) => f.startsWith(`${scenario}.trajectory`))).not.toEqual([]);
    }
    expect(files.filter((f) => /\.trajectory\.run-\d+\.json$/.test(f)).length).toBeGreaterThan(1);
    expect(files.filter((f) => f.includes('.table-case-')).length).toBeGreaterThan(0);
  });

  it('replay against the current workflow code without a determinism error', async () => {
    const results = await replay(files.map((f) => load(f)));

    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.filter((r) => r.error).map((r) => `${r.file}: ${r.error}`)).toEqual([]);
  });

  it('have an encrypted copy of every plain recording, with every payload the codec handles encrypted', () => {
    const plain = files.filter((f) => isPlainRecording(load(f).history));
    expect(plain.length).toBeGreaterThan(10);
    expect(encryptedFiles).toEqual(plain);
    for (const file of encryptedFiles) {
      const payloads = codedPayloads(load(file, ENCRYPTED_HISTORIES).history);
      expect(payloads.length).toBeGreaterThan(0);
      expect([file, payloads.filter((p) => !isEncrypted(p)).length]).toEqual([file, 0]);
    }
  });

  it('replay encrypted, as histories now are stored, without a determinism error', async () => {
    const results = await replay(encryptedFiles.map((f) => load(f, ENCRYPTED_HISTORIES)));

    expect(results.map((r) => r.file)).toEqual(encryptedFiles);
    expect(results.filter((r) => r.error).map((r) => `${r.file}: ${r.error}`)).toEqual([]);
  });

  it('decrypt for real: without the fixture key an encrypted copy fails, naming its key id', async () => {
    const [copy] = encryptedFiles
      .filter((f) => f.startsWith('dropout.trajectory'))
      .map((f) => load(f, ENCRYPTED_HISTORIES));
    const otherKey = new EncryptionCodec(new KeyRing([{ id: 'not-the-fixture', key: Buffer.alloc(32, 1) }]));

    const [result] = await replay([copy], otherKey);
    expect(String(result.error)).toMatch(/histories-test-1/);
  });

  it('would catch a change: a history the code would not produce fails its replay', async () => {
    const [tampered] = files.filter((f) => f.startsWith('dropout.trajectory')).map((f) => load(f));
    const scheduled = tampered.history.events.find((e) => e.activityTaskScheduledEventAttributes);
    // As if an older version of the workflow had called another activity at this point.
    scheduled!.activityTaskScheduledEventAttributes!.activityType = { name: 'recordTransitionV0' };

    const [result] = await replay([tampered]);
    expect(result.error).toBeDefined();
    expect(String(result.error)).toMatch(/nondetermin/i);
  });
});
