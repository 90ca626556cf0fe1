import { LatencyRecorder } from '../bench/harness/latency';
import { ApiClient } from '../bench/platform/api-client';
import { runPlatformTrajectory } from '../bench/platform/driver';
import { eventually, freePort, migrateTestDatabase, uniqueRef, uniqueTaskQueue } from './support/stack';
import {
  buildWorkflowBundle,
  startApiProcess,
  startWorkerProcess,
  stopAllWorkerProcesses,
  type AppProcess,
} from './support/worker-process';

/**
 * Operators' view of the worker (issue 20, "noticed"): with WORKER_METRICS_PORT set, the real worker process
 * serves the Temporal SDK's own metrics in Prometheus' text format. One trajectory runs through the API to its
 * final payment; the scrape must then show this task queue's workflow tasks, activities and sticky cache.
 */
jest.setTimeout(300_000);

/** The samples of one metric family for this task queue, as name{labels} → value. */
function samples(text: string, name: string, taskQueue: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!line.includes(`task_queue="${taskQueue}"`)) continue;
    const at = line.lastIndexOf(' ');
    found.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return found;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('worker metrics (WORKER_METRICS_PORT)', () => {
  const taskQueue = uniqueTaskQueue('worker-metrics');
  let api: AppProcess;
  let metricsPort: number;
  let baseUrl: string;

  beforeAll(async () => {
    await migrateTestDatabase();
    const bundle = await buildWorkflowBundle();
    metricsPort = await freePort();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    [, api] = await Promise.all([
      startWorkerProcess({
        taskQueue,
        workflowBundlePath: bundle,
        env: { WORKER_METRICS_PORT: String(metricsPort) },
      }),
      startApiProcess({ port, env: { TEMPORAL_TASK_QUEUE: taskQueue } }),
    ]);
  });

  afterAll(async () => {
    await api?.stop(2_000);
    await stopAllWorkerProcesses(2_000);
  });

  it('serves workflow-task, activity and sticky-cache metrics of its task queue in Prometheus format', async () => {
    const client = new ApiClient(baseUrl, new LatencyRecorder(), process.env);
    const context = await runPlatformTrajectory(client, uniqueRef('METRICS'), 0, new LatencyRecorder());
    expect(context.trajectoryId).toBeDefined();

    const scrape = async (): Promise<string> => {
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    // CLOSED is in the read model before the workflow's last task has returned: wait for the completion.
    const text = await eventually(async () => {
      const body = await scrape();
      return total(samples(body, 'temporal_workflow_completed_total', taskQueue)) >= 1 ? body : undefined;
    });

    // Every workflow task of the trajectory's life was timed, in seconds (Prometheus' base unit).
    const taskLatency = samples(text, 'temporal_workflow_task_execution_latency_seconds_count', taskQueue);
    expect(total(taskLatency)).toBeGreaterThanOrEqual(10);
    expect(
      total(samples(text, 'temporal_workflow_task_schedule_to_start_latency_seconds_count', taskQueue)),
    ).toBeGreaterThanOrEqual(1);
    // The payments are activities (issue 4), the bookkeeping local activities.
    expect(
      total(samples(text, 'temporal_activity_execution_latency_seconds_count', taskQueue)),
    ).toBeGreaterThanOrEqual(2);
    expect(
      total(samples(text, 'temporal_local_activity_execution_latency_seconds_count', taskQueue)),
    ).toBeGreaterThanOrEqual(5);
    // Commands found their trajectory in the sticky cache.
    expect(total(samples(text, 'temporal_sticky_cache_hit_total', taskQueue))).toBeGreaterThanOrEqual(1);
  });
});
