import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { LatencyRecorder } from '../harness/latency';
import { POLL_MS, SHAPES, variantFor, type ShapeStep } from '../trajectory-shape';
import { ApiError, type ApiClient } from './api-client';
import { commandBody, commandRole, MUNICIPALITY, startBody, type TrajectoryContext } from './requests';
import { isRouteName } from './routes';

/** The parts of the API's TrajectoryView (libs/domain/src/trajectory/trajectory-view.ts) the driver reads. */
interface View {
  trajectoryId?: string;
  status?: string;
  planVersion?: number;
  subFlags?: { evaluationDue?: boolean };
  openEscalation?: { id?: string; status?: string };
  pendingChange?: { id?: string };
}

const POLL_LIMIT_MS = 120_000;

/**
 * One trajectory through the HTTP API, as test/api-lifecycle.e2e.test.ts drives it: start with short
 * evaluation timers, one call per shape step, waiting (by polling GET /trajectories/:id every POLL_MS, as
 * a case system would) until an evaluation is due, and at the end until the final payment is in the ledger
 * and the trajectory is CLOSED. Every non-2xx answer fails the trajectory.
 */
export async function runPlatformTrajectory(
  api: ApiClient,
  runTag: string,
  index: number,
  latency: LatencyRecorder,
  steps: readonly ShapeStep[] = SHAPES[variantFor(index)],
  shortTimers = true,
): Promise<TrajectoryContext> {
  const variant = variantFor(index);
  const ctx: TrajectoryContext = {
    index,
    variant,
    municipalityCode: MUNICIPALITY,
    caseReference: `BENCH-${runTag}-${index}`,
    planVersion: 1,
    signatures: 0,
    evaluations: 0,
  };
  const began = performance.now();
  const started = await api.call<View>('start', {}, startBody(ctx, shortTimers));
  ctx.trajectoryId = started.trajectoryId;
  if (!ctx.trajectoryId) throw new Error(`POST /trajectories answered no trajectoryId`);

  let last: View = started;
  for (const step of steps) {
    if (!isRouteName(step.command))
      throw new Error(`no route for ${step.command} in bench/platform/routes.ts`);
    if (step.afterTimer) await pollView(api, ctx, (v) => v.subFlags?.evaluationDue === true);
    // The table opens its case (a child workflow the trajectory starts after escalate returned) first.
    if (step.onChild) await poll(() => caseOpened(api, ctx), Boolean);
    if (step.command === 'recordEvaluation') ctx.evaluations++;
    const params = { id: ctx.trajectoryId, escalationId: ctx.escalationId };
    const body = commandBody(step.command, ctx);
    last =
      (await api.call<View>(step.command, params, body, undefined, commandRole(step.command, ctx))) ?? {};
    if (step.command === 'submitPlan') ctx.planVersion = last.planVersion ?? ctx.planVersion;
    if (step.command === 'signPlan') ctx.signatures++;
    if (step.command === 'escalate')
      ctx.escalationId = required(last.openEscalation?.id, 'openEscalation.id');
    if (step.command === 'requestArrangementChange')
      ctx.changeId = required(last.pendingChange?.id, 'pendingChange.id');
  }
  if (steps.some((s) => s.closes)) {
    await poll(
      () => api.call<{ items: { kind: string }[] }>('payments', { id: ctx.trajectoryId }),
      (p) => p.items.some((i) => i.kind === 'FINAL'),
    );
    if (last.status !== 'CLOSED') await pollView(api, ctx, (v) => v.status === 'CLOSED');
    latency.record(`trajectory (${variant})`, performance.now() - began);
  }
  return ctx;
}

/** GET /escalations/:id answers 404 until the table's case workflow runs. */
async function caseOpened(api: ApiClient, ctx: TrajectoryContext): Promise<boolean> {
  try {
    await api.call('escalation', { escalationId: ctx.escalationId });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`the response carried no ${what}`);
  return value;
}

function pollView(api: ApiClient, ctx: TrajectoryContext, until: (view: View) => boolean) {
  return poll(() => api.call<View>('get', { id: ctx.trajectoryId }), until);
}

async function poll<T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${POLL_LIMIT_MS} ms`);
    await sleep(POLL_MS);
  }
}
