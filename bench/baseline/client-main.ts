import { Client, Connection } from '@temporalio/client';
import { EncryptionCodec, KeyRing } from '@app/codec';
import { loadPayloadKeys } from '@app/config';
import { performance } from 'node:perf_hooks';
import { LatencyRecorder } from '../harness/latency';
import { runPool } from '../harness/pool';
import type { ClientSettings, ClientToHarness, HarnessToClient } from './client-messages';
import { runBareTrajectory } from './driver';

/**
 * The baseline's client process: the role the API plays for the platform (the Temporal client), in a
 * process of its own so its CPU is measured apart from the harness. Forked by bench/baseline/phase.ts.
 */
async function main(): Promise<void> {
  const settings = JSON.parse(process.env.BENCH_CLIENT_SETTINGS ?? '') as ClientSettings;
  const connection = await Connection.connect({ address: settings.temporalAddress });
  // Encrypted like the platform's API client (same keys as the baseline worker), so costs compare like for like.
  const client = new Client({
    connection,
    dataConverter: { payloadCodecs: [new EncryptionCodec(new KeyRing(loadPayloadKeys()))] },
  });
  const send = (message: ClientToHarness) => process.send?.(message);
  await new Promise<void>((resolve) => {
    process.on('message', (m: HarnessToClient) => m.type === 'go' && resolve());
    send({ type: 'ready' });
  });

  const latency = new LatencyRecorder();
  let lastProgress = 0;
  const began = performance.now();
  const outcome = await runPool(
    settings.n,
    settings.concurrency,
    (index) =>
      runBareTrajectory(client, settings.taskQueue, settings.runTag, index, latency, settings.minimal),
    ({ completed, failed }) => {
      // Throttled: a message per settled trajectory would cost the harness more than the run itself.
      if (Date.now() - lastProgress < 250) return;
      lastProgress = Date.now();
      send({ type: 'progress', completed, failed });
    },
  );
  send({ type: 'done', outcome, wallMs: performance.now() - began, latency: latency.summary() });
  await connection.close();
  process.disconnect?.();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
