import { Client, Connection } from '@temporalio/client';
import { trajectoryUpdates, type Role } from '@app/contracts';
import { LatencyRecorder } from '../harness/latency';
import { shutdown } from '../harness/lifetime';
import { startPlatformApps } from '../harness/platform-apps';
import { BenchServices } from '../harness/services';
import { formatTable } from '../harness/table';
import { platformApiClient } from '../platform/phase';
import {
  commandBody,
  commandRole,
  MUNICIPALITY,
  startBody,
  type TrajectoryContext,
} from '../platform/requests';
import { ROUTES } from '../platform/routes';
import { dataConverterOf, testPayloadCodec } from '../../test/support/payload-codec';

/**
 * Where a command's time goes at concurrency 1 (issue 20): the same planning steps, one trajectory at a time,
 * alternately through the HTTP API and as the bare Update the API would send, straight to the platform's
 * workflow. HTTP minus Update is the API's share; the Update against the bare baseline's (the lifecycle
 * scenario at --concurrency 1) is the platform workflow task's share.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/tools/call-overhead-split.ts [n]
 *
 * Prints a table; writes nothing. A plan's submission is sent through the API on both paths: its body is mapped
 * to the command with register look-ups the API does.
 */
const STEPS = [
  'beginDrafting',
  'chooseLeadProvider',
  'submitPlan',
  'signPlan',
  'signPlan',
  'approvePlan',
  'confirmStart',
] as const;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 40);
  const services = await BenchServices.start({ engine: 'dev', persistence: 'sqlite-wal', postgres: true });
  const apps = await startPlatformApps(services, { maxCachedWorkflows: 500 });
  const http = new LatencyRecorder();
  const api = platformApiClient(services, apps, http);
  // The apps' payload keys: the development key of this checkout, as the benchmark's apps use it.
  const connection = await Connection.connect({ address: services.temporal.address });
  const client = new Client({ connection, dataConverter: dataConverterOf(testPayloadCodec()) });
  const direct = new LatencyRecorder();
  try {
    for (let i = 0; i < n; i++) {
      const ctx: TrajectoryContext = {
        index: i,
        variant: 'standard',
        municipalityCode: MUNICIPALITY,
        caseReference: `SPLIT-${Date.now().toString(36)}-${i}`,
        planVersion: 1,
        signatures: 0,
        evaluations: 0,
      };
      ctx.trajectoryId = (
        await api.call<{ trajectoryId: string }>('start', {}, startBody(ctx, false))
      ).trajectoryId;
      for (const command of STEPS) {
        const body = commandBody(command, ctx);
        const role = (commandRole(command, ctx) ?? ROUTES[command].role) as Role;
        if (i % 2 === 0 || command === 'submitPlan') {
          await api.call(command, { id: ctx.trajectoryId }, body, undefined, role);
        } else {
          // The actor the API derives from the token (apps/api/src/trajectories/command-roles.ts).
          const actor = { role, ref: `bench-${role.toLowerCase()}` };
          await direct.time(command, () =>
            client.workflow
              .getHandle(ctx.trajectoryId!)
              .executeUpdate(trajectoryUpdates[command] as never, { args: [{ ...body, actor }] as never }),
          );
        }
        if (command === 'signPlan') ctx.signatures++;
      }
    }
    const h = http.summary();
    const d = direct.summary();
    const rows = [...new Set(STEPS)]
      .filter((c) => c !== 'submitPlan')
      .map((command) => {
        const viaHttp = h[`${ROUTES[command].method} ${ROUTES[command].path}`];
        const update = d[command];
        return [command, viaHttp.p50, update.p50, Math.round((viaHttp.p50 - update.p50) * 10) / 10];
      });
    console.log(`\n${formatTable(['command', 'HTTP p50 ms', 'Update p50 ms', 'API share ms'], rows)}`);
  } finally {
    await connection.close();
    await shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
