import { NativeConnection, Worker } from '@temporalio/worker';
import { EncryptionCodec, KeyRing } from '@app/codec';
import { loadPayloadKeys } from '@app/config';
// The runtime file only, not libs/platform's index: that would load Nest and TypeORM into the bare worker.
import { installTemporalRuntime } from '@app/platform';
import { createBareActivities } from './activities';

/**
 * The baseline's own worker, a child process of the harness so its CPU and RSS are measured apart.
 * Env: TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, BENCH_MAX_CACHED_WORKFLOWS. Prints `READY` once polling.
 * Temporal's runtime drains the worker on SIGTERM/SIGINT; the process then exits by itself.
 */
async function main(): Promise<void> {
  installTemporalRuntime('warn');
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    taskQueue: required('BENCH_TASK_QUEUE'),
    workflowsPath: require.resolve('./workflow'),
    activities: createBareActivities(),
    // The platform's payload encryption too (PAYLOAD_KEYS, or the development key), so costs compare like for like.
    dataConverter: { payloadCodecs: [new EncryptionCodec(new KeyRing(loadPayloadKeys()))] },
    // Same bound as the platform worker (WORKER_MAX_CACHED_WORKFLOWS), so memory compares like for like.
    maxCachedWorkflows: Number(required('BENCH_MAX_CACHED_WORKFLOWS')),
  });
  const running = worker.run();
  process.stdout.write('READY\n');
  await running;
  await connection.close();
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the bench harness starts this process)`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
