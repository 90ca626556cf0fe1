import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { LatencyRecorder } from '../harness/latency';
import { SHAPES, variantFor, type ShapeStep } from '../trajectory-shape';
import type { ApiClient } from './api-client';
import { commandBody, MUNICIPALITY, startBody, type TrajectoryContext } from './requests';
import { isRouteName } from './routes';

/**
 * SKELETON, written against the planned contract before the API exists (bench/platform/routes.ts).
 * What the responses look like is not known yet: every guess about a response sits in READ below, the
 * one place to fix when the routes land. Unverified against a running API.
 */
type Json = Record<string, unknown> & {
  trajectoryId?: string;
  status?: string;
  plan?: { version?: number };
  planVersion?: number;
  escalationId?: string;
  escalation?: { id?: string };
  changeId?: string;
  pendingChange?: { id?: string; changeId?: string };
  care?: { evaluationDue?: boolean };
  evaluationDue?: boolean;
};

const READ = {
  trajectoryId: (res: Json, ctx: TrajectoryContext) =>
    res.trajectoryId ?? `trajectory-${ctx.municipalityCode}-${ctx.caseReference}`,
  planVersion: (res: Json, ctx: TrajectoryContext) => res.plan?.version ?? res.planVersion ?? ctx.planVersion,
  /** Escalation ids are deterministic, `${trajectoryId}-esc-${n}` (libs/domain/src/trajectory/escalation.ts). */
  escalationId: (res: Json, ctx: TrajectoryContext) =>
    res.escalation?.id ?? res.escalationId ?? `${ctx.trajectoryId}-esc-1`,
  changeId: (res: Json) => res.pendingChange?.id ?? res.pendingChange?.changeId ?? res.changeId,
  evaluationDue: (snapshot: Json) => snapshot.care?.evaluationDue === true || snapshot.evaluationDue === true,
  closed: (snapshot: Json) => snapshot.status === 'CLOSED',
  finalPaid: (payments: unknown) =>
    (Array.isArray(payments) ? payments : ((payments as { items?: unknown[] })?.items ?? [])).some(
      (p) => (p as { tranche?: string }).tranche === 'FINAL',
    ),
};

/** How often the driver re-reads a trajectory while it waits for a timer or the final payment. */
const POLL_MS = 200;
const POLL_LIMIT_MS = 120_000;

/**
 * One trajectory through the HTTP API: start with short evaluation timers, one call per shape step,
 * waiting (by polling GET /trajectories/:id, as a case system would) until an evaluation is due, and at
 * the end until the final payment is visible.
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
  const started = await api.call<Json>('start', {}, startBody(ctx, shortTimers));
  ctx.trajectoryId = READ.trajectoryId(started, ctx);

  for (const step of steps) {
    if (!isRouteName(step.command))
      throw new Error(`no route for ${step.command} in bench/platform/routes.ts`);
    if (step.afterTimer) await pollTrajectory(api, ctx, READ.evaluationDue);
    if (step.command === 'recordEvaluation') ctx.evaluations++;
    const params = { id: ctx.trajectoryId, escalationId: ctx.escalationId };
    const res = (await api.call<Json>(step.command, params, commandBody(step.command, ctx))) ?? {};
    if (step.command === 'submitPlan') ctx.planVersion = READ.planVersion(res, ctx);
    if (step.command === 'signPlan') ctx.signatures++;
    if (step.command === 'escalate') ctx.escalationId = READ.escalationId(res, ctx);
    if (step.command === 'requestArrangementChange') ctx.changeId = READ.changeId(res);
  }
  if (steps.some((s) => s.closes)) {
    await pollTrajectory(api, ctx, READ.closed);
    await poll(() => api.call('payments', { id: ctx.trajectoryId }), READ.finalPaid);
    latency.record(`trajectory (${variant})`, performance.now() - began);
  }
  return ctx;
}

function pollTrajectory(api: ApiClient, ctx: TrajectoryContext, until: (snapshot: Json) => boolean) {
  return poll(() => api.call<Json>('get', { id: ctx.trajectoryId }), until);
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
