import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RecordedHistory } from './tools/record-histories';
import { installTemporalRuntime } from '@app/platform';
import { workflowBundlePath } from './support/workflow-bundle';

/**
 * Replays the recorded histories of test/histories (test/tools/record-histories.ts) against the current
 * workflow code. A change that would make running trajectories or table cases non-deterministic fails
 * here, before it is deployed to a worker that must resume them.
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
function load(file: string): Loaded {
  const recorded = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as RecordedHistory;
  return {
    file,
    workflowId: recorded.workflowId,
    workflowType: recorded.workflowType,
    history: temporal.api.history.v1.History.fromObject(recorded.history),
  };
}

async function replay(histories: Loaded[]): Promise<{ file: string; error?: Error }[]> {
  const results: { file: string; error?: Error }[] = [];
  const replayed = Worker.runReplayHistories(
    // The bundle of workflows/index.ts (require.resolve('../workflows')), cached by content.
    { workflowBundle: { codePath: await workflowBundlePath() }, replayName: 'recorded-histories' },
    histories.map((h) => ({ workflowId: h.workflowId, history: h.history })),
  );
  let i = 0;
  for await (const result of replayed) results.push({ file: histories[i++].file, error: result.error });
  return results;
}

const files = readdirSync(HISTORIES)
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
    const results = await replay(files.map(load));

    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.filter((r) => r.error).map((r) => `${r.file}: ${r.error}`)).toEqual([]);
  });

  it('would catch a change: a history the code would not produce fails its replay', async () => {
    const [tampered] = files.filter((f) => f.startsWith('dropout.trajectory')).map(load);
    const scheduled = tampered.history.events.find((e) => e.activityTaskScheduledEventAttributes);
    // As if an older version of the workflow had called another activity at this point.
    scheduled!.activityTaskScheduledEventAttributes!.activityType = { name: 'recordTransitionV0' };

    const [result] = await replay([tampered]);
    expect(result.error).toBeDefined();
    expect(String(result.error)).toMatch(/nondetermin/i);
  });
});
