/**
 * Records the workflow histories that test/replay.test.ts replays against the current workflow code, so a
 * change that would break running trajectories (non-determinism) fails the build. The main paths run on the
 * time-skipping server with the real workflows and activities; every workflow they touch (each
 * continued-as-new run, each breakthrough-table case, each successor) is written to
 * test/histories/<scenario>.<workflow>.json.
 *
 *   npx ts-node -T -r tsconfig-paths/register test/tools/record-histories.ts [scenario …]
 *
 * With scenario names, only those are recorded (their files replaced); the others stay as they are. Record
 * only new scenarios after a change to the workflow: the old files are the histories of trajectories that ran
 * under the old code, and must keep replaying as recorded.
 *
 * Uses DATABASE_URL and TEMPORAL_TEST_SERVER when set (as under `npm test`); otherwise starts a throwaway
 * PostgreSQL and uses the Java test server in tools/, as `npm test` does.
 *
 * Records encrypted, as the apps store payloads since payload encryption: client and worker use the test
 * fixture key of test/histories/payload-keys.test.txt (never the suite's or a real key), so the files replay
 * with it. Histories recorded before encryption have encrypted copies in encrypted/ (encrypt-histories.ts).
 */
import { temporal } from '@temporalio/proto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LEAN_HISTORY, START_ATTRIBUTES_HISTORY, type TrajectoryWorkflowInput } from '@app/contracts';
import type { EvaluationOutcome } from '@app/domain';
import {
  evaluation,
  LT,
  MONTHLY,
  planDraft,
  PROVIDER,
  RECOVERY_HEAVY,
  RECOVERY_LIGHT,
  TABLE,
} from '../../libs/domain/testing/trajectory-fixtures';
import { historiesPayloadCodec } from '../support/payload-codec';
import { TrajectoryDriver } from '../support/trajectory-driver';
import { TrajectoryKit } from '../support/trajectory-kit';
import { timeSkippingTestBed, type WorkflowTestBed } from '../support/workflow-env';

const ROOT = resolve(__dirname, '..', '..');
const HISTORIES = resolve(ROOT, 'test', 'histories');
const YEAR_MS = 365 * 86_400_000;

/** The shape of a file in test/histories: the protobuf History as a plain object, longs/enums/bytes as text. */
export interface RecordedHistory {
  workflowId: string;
  workflowType: string;
  history: Record<string, unknown>;
}

type Scenario = (kit: TrajectoryKit, bed: WorkflowTestBed) => Promise<TrajectoryDriver>;

function must<T>(value: T, holds: (v: T) => boolean, what: string): T {
  if (!holds(value)) throw new Error(`recording stopped: expected ${what}, got ${JSON.stringify(value)}`);
  return value;
}

const COMPLETE = evaluation({
  outcome: 'COMPLETE',
  resultAssessments: [
    { resultId: 'r1', attainment: 'ACHIEVED' },
    { resultId: 'r2', attainment: 'PARTIAL' },
  ],
});

/**
 * Sleeps to the next evaluation and records it; under history version 1, waits for the continued-as-new run it
 * starts (version 2 stays in its run).
 */
async function evaluateWhenDue(
  bed: WorkflowTestBed,
  t: TrajectoryDriver,
  outcome: EvaluationOutcome,
  continues = true,
) {
  await bed.sleepUntil((await t.state()).care.nextEvaluationAt!);
  must(await t.until((v) => v.subFlags.evaluationDue), (v) => v.subFlags.evaluationDue, 'an evaluation due');
  const run = await t.runId();
  await t.send('recordEvaluation', { actor: LT, evaluation: evaluation({ outcome }) });
  if (continues) await t.nextRun(run);
}

/** The year of `happy-year` (table, start, scaling up, evaluations, completion) on the kit's history version. */
async function year(kit: TrajectoryKit, bed: WorkflowTestBed, continues: boolean): Promise<TrajectoryDriver> {
  const plannedEndAt = new Date((await bed.now()).getTime() + 2 * YEAR_MS).toISOString();
  const t = await kit.submitted({}, planDraft({ plannedEndAt }));
  await bed.sleepUntil((await t.state()).approvalClock!.deadlineAt);
  const escalated = must(
    await t.until((v) => v.status === 'ESCALATED'),
    (v) => v.status === 'ESCALATED',
    'ESCALATED',
  );
  const table = await t.openTable(escalated.openEscalation!.id);
  await table.decide({ code: 'APPROVE_AS_SUBMITTED', decidedBy: TABLE, rationaleRef: 'rationale-1' });
  must(await t.until((v) => v.status === 'DECIDED'), (v) => v.status === 'DECIDED', 'DECIDED');
  await t.send('confirmStart', { actor: PROVIDER });
  await evaluateWhenDue(bed, t, 'SCALE_UP', continues);
  const requested = await t.send('requestArrangementChange', {
    actor: PROVIDER,
    arrangement: RECOVERY_HEAVY,
    reasonCode: 'NEEDS_CHANGED',
  });
  await t.send('decideArrangementChange', {
    actor: LT,
    changeId: requested.pendingChange!.id,
    decision: 'APPROVE',
  });
  await evaluateWhenDue(bed, t, 'CONTINUE', continues);
  await t.send('confirmCompletion', { actor: LT, finalEvaluation: COMPLETE });
  must(await t.closed(), (r) => r.closureReason === 'COMPLETED_PER_PLAN', 'COMPLETED_PER_PLAN');
  return t;
}

/**
 * The history version each scenario was recorded under: those from before issue 20 as version-1 runs, `lean-`
 * as version 2, `receipt-` as version 3. A scenario is recorded again only under its own version.
 */
function historyShapeOf(scenario: string): Omit<TrajectoryWorkflowInput, 'start' | 'carried'> {
  if (scenario.startsWith('lean-')) return { historyVersion: LEAN_HISTORY };
  if (scenario.startsWith('receipt-')) return { historyVersion: START_ATTRIBUTES_HISTORY };
  return {};
}

const SCENARIOS: Record<string, Scenario> = {
  /** A year: approval deadline → table approves → start → scale up (continue-as-new) → evaluation → completion. */
  async 'happy-year'(kit, bed) {
    return year(kit, bed, true);
  },

  /**
   * Issue 20, history version 2: the same year in one run (no continue-as-new at evaluations), the deadline
   * timer kept while its deadline stands, one search-attribute upsert per workflow task.
   */
  async 'lean-year'(kit, bed) {
    return year(kit, bed, false);
  },

  /**
   * History version 3: the year of `lean-year`, started as the API starts it (stamped with its receipt, every
   * search attribute set at the start), so its first workflow task upserts none.
   */
  async 'receipt-year'(kit, bed) {
    return year(kit, bed, false);
  },

  /**
   * Version 2 with a run bound just above what reaching ACTIVE takes: the run continues as new at its first
   * quiet moment past it (the first evaluation's deadline), and finishes in the continued run.
   */
  async 'lean-bounded'(kit, bed) {
    const probe = await kit.active();
    const bound = (await probe.history()).length + 3;
    const t = await kit.withShape({ ...kit.shape, runEventBound: bound }).active();
    const run = await t.runId();
    await bed.sleepUntil((await t.state()).care.nextEvaluationAt!);
    await t.nextRun(run);
    must(
      await t.until((v) => v.subFlags.evaluationDue),
      (v) => v.subFlags.evaluationDue,
      'an evaluation due',
    );
    await t.send('recordEvaluation', { actor: LT, evaluation: evaluation({ outcome: 'CONTINUE' }) });
    await t.send('confirmCompletion', { actor: LT, finalEvaluation: COMPLETE });
    must(await t.closed(), (r) => r.closureReason === 'COMPLETED_PER_PLAN', 'COMPLETED_PER_PLAN');
    return t;
  },

  async dropout(kit) {
    const t = await kit.active();
    await t.send('reportDropout', { actor: PROVIDER, reasonCode: 'CLIENT_STOPPED' });
    must(await t.closed(), (r) => r.closureReason === 'EARLY_DROPOUT', 'EARLY_DROPOUT');
    return t;
  },

  async 'new-care-need'(kit) {
    const t = await kit.active();
    await t.send('reportNewCareNeed', {
      actor: LT,
      successorCaseReference: `${t.trajectoryId}-next`,
      oldPlanCompleted: false,
    });
    const result = must(await t.closed(), (r) => r.successorTrajectoryId !== undefined, 'a successor');
    const successor = TrajectoryDriver.attach(kit.bed.env.client, result.successorTrajectoryId!);
    must(
      await successor.until((v) => v.status === 'INTAKE'),
      (v) => v.status === 'INTAKE',
      'successor INTAKE',
    );
    return t;
  },

  /** The table lets its deadline pass: reminder, overdue, contract management told; still waiting. */
  async 'table-overdue'(kit, bed) {
    const { t, escalationId } = await kit.escalated({ offeredArrangement: RECOVERY_LIGHT });
    const table = await t.openTable(escalationId);
    await bed.sleepUntil((await table.state()).deadlineAt, 2 * 86_400_000);
    must(
      await t.until((v) => v.openEscalation?.overdue === true),
      (v) => v.status === 'ESCALATED',
      'ESCALATED',
    );
    return t;
  },

  /** Durable Wmo support priced per month: a PERIOD tranche at each month boundary, then completion. */
  async monthly(kit, bed) {
    const t = await kit.active({ domain: 'WMO' }, planDraft({ arrangement: MONTHLY }));
    await bed.sleepUntil((await t.state()).periodSchedule!.nextBoundaryAt);
    await bed.sleepUntil((await t.state()).periodSchedule!.nextBoundaryAt);
    must(
      await t.untilState((s) => s.payments.length === 3),
      (s) => s.payments.length === 3,
      '3 PERIOD tranches',
    );
    await t.send('confirmCompletion', { actor: LT, finalEvaluation: COMPLETE });
    must(await t.closed(), (r) => r.closureReason === 'COMPLETED_PER_PLAN', 'COMPLETED_PER_PLAN');
    return t;
  },

  /**
   * Rules 2 (issue 14): the waits' reminders and notices, the signature deadline to the table
   * (MISSING_SIGNATURES), the family's choice of lead provider, and a provider's COMPLETE confirmed by the
   * local team before the final payment.
   */
  async 'rules2-signatures-and-proposal'(kit, bed) {
    const t = await kit.start();
    // The intake wait: reminded, then a notice past its deadline.
    await bed.sleepUntil(
      must(await t.view(), (v) => !!v.deadlines.intakeDeadline, 'an intake deadline').deadlines
        .intakeDeadline!,
    );
    await t.until((v) => v.status === 'INTAKE');
    await t.send('beginDrafting', { actor: LT });
    await t.send('chooseLeadProvider', { actor: LT, leadProviderId: 'prov-horizon', chosenByFamily: true });
    const submitted = await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
    await bed.sleepUntil(submitted.deadlines.signatureDeadline!);
    const escalated = must(
      await t.until((v) => v.status === 'ESCALATED'),
      (v) => v.openEscalation?.trigger === 'MISSING_SIGNATURES',
      'MISSING_SIGNATURES at the table',
    );
    const table = await t.openTable(escalated.openEscalation!.id);
    await table.decide({ code: 'APPROVE_AS_SUBMITTED', decidedBy: TABLE, rationaleRef: 'rationale-sig' });
    must(await t.until((v) => v.status === 'DECIDED'), (v) => v.status === 'DECIDED', 'DECIDED');
    await t.send('confirmStart', { actor: PROVIDER });
    await t.send('recordEvaluation', { actor: PROVIDER, evaluation: COMPLETE });
    await t.send('decideEvaluationProposal', { actor: LT, decision: 'CONFIRM' });
    must(await t.closed(), (r) => r.closureReason === 'COMPLETED_PER_PLAN', 'COMPLETED_PER_PLAN');
    return t;
  },

  /**
   * Issue 18: the family in the process. The resident chooses the lead provider itself (no attestation), signs
   * as the client, the parent signs with an account of their own as legal representative; care runs to a
   * completion the local team confirms.
   */
  async 'family-signs-and-chooses'(kit, bed) {
    void bed;
    const resident = { role: 'CLIENT', ref: 'resident-0a1b2c3d4e5f6071' } as const;
    const parent = { role: 'CLIENT', ref: 'resident-8192a3b4c5d6e7f8' } as const;
    const t = await kit.start();
    await t.send('beginDrafting', { actor: LT });
    await t.send('chooseLeadProvider', { actor: resident, leadProviderId: 'prov-horizon' });
    const { leadProviderChosenByFamily: _attested, ...plan } = planDraft({
      requiredSignatures: ['CLIENT', 'LEGAL_REPRESENTATIVE', 'LEAD_PROVIDER'],
    });
    await t.send('submitPlan', { actor: PROVIDER, plan });
    await t.send('signPlan', { actor: resident, planVersion: 1, party: 'CLIENT' });
    await t.send('signPlan', { actor: parent, planVersion: 1, party: 'LEGAL_REPRESENTATIVE' });
    await t.send('signPlan', { actor: PROVIDER, planVersion: 1, party: 'LEAD_PROVIDER' });
    await t.send('approvePlan', { actor: LT, planVersion: 1 });
    await t.send('confirmStart', { actor: PROVIDER });
    await t.send('confirmCompletion', { actor: LT, finalEvaluation: COMPLETE });
    must(await t.closed(), (r) => r.closureReason === 'COMPLETED_PER_PLAN', 'COMPLETED_PER_PLAN');
    return t;
  },

  /** Rules 2: a youth-care application left undecided past the Awb's 8 weeks, then withdrawn. */
  async 'rules2-statutory-lapse'(kit, bed) {
    const t = await kit.start();
    await t.send('beginDrafting', { actor: LT });
    const deadline = must(
      (await t.view()).deadlines.statutoryDeadline,
      (d) => d !== undefined,
      'a statutory deadline',
    )!;
    await bed.sleepUntil(deadline);
    must(
      await t.until((v) => v.statutoryClocks[0]?.lapsed === true),
      (v) => v.status === 'DRAFTING',
      'still DRAFTING, the statutory period lapsed',
    );
    await t.send('withdraw', { actor: LT, reasonCode: 'CLIENT_DECLINED' });
    must(await t.closed(), (r) => r.closureReason === 'WITHDRAWN_BEFORE_START', 'WITHDRAWN_BEFORE_START');
    return t;
  },
};

/** Every run of a workflow id, oldest first, following continuedExecutionRunId back from the latest. */
async function runsOf(bed: WorkflowTestBed, workflowId: string): Promise<temporal.api.history.v1.IHistory[]> {
  const runs: temporal.api.history.v1.IHistory[] = [];
  let runId: string | undefined = (await bed.env.client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history = await bed.env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    runId =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

function write(name: string, workflowId: string, history: temporal.api.history.v1.IHistory): void {
  const History = temporal.api.history.v1.History;
  const file: RecordedHistory = {
    workflowId,
    workflowType: history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '',
    history: History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String }),
  };
  writeFileSync(join(HISTORIES, `${name}.json`), JSON.stringify(file) + '\n');
}

async function record(bed: WorkflowTestBed, scenario: string, t: TrajectoryDriver): Promise<void> {
  const workflows: [string, string][] = [['trajectory', t.trajectoryId]];
  const state = await t.state();
  state.escalations.forEach((e, i) => workflows.push([`table-case-${i + 1}`, `breakthrough-${e.id}`]));
  if (state.successorTrajectoryId) workflows.push(['successor', state.successorTrajectoryId]);
  for (const [role, workflowId] of workflows) {
    const runs = await runsOf(bed, workflowId);
    runs.forEach((history, i) =>
      write(
        runs.length === 1 ? `${scenario}.${role}` : `${scenario}.${role}.run-${i + 1}`,
        workflowId,
        history,
      ),
    );
  }
}

/** What this script uses of the stack's ES modules in scripts/lib. */
interface StackLib {
  ensureTimeSkippingServer(): string | undefined;
  freePort(): Promise<number>;
  startEmbeddedPostgres(options: {
    dataDir: string;
    port: number;
    persistent: boolean;
    database: string;
  }): Promise<{ url: string; stop(): Promise<void> }>;
}

/** The services of `npm test` when not already given: a throwaway PostgreSQL and the Java test server. */
async function ensureServices(): Promise<() => Promise<void>> {
  // The stack scripts are ES modules; a real dynamic import keeps them out of CommonJS `require`.
  const load = new Function('path', 'return import(path)') as (path: string) => Promise<StackLib>;
  const lib = (file: string) => load(resolve(ROOT, 'scripts', 'lib', file));
  if (!process.env.TEMPORAL_TEST_SERVER) {
    const path = (await lib('ensure.mjs')).ensureTimeSkippingServer();
    if (path) process.env.TEMPORAL_TEST_SERVER = path;
  }
  if (process.env.DATABASE_URL) return async () => {};
  const { startEmbeddedPostgres } = await lib('services.mjs');
  const { freePort } = await lib('ports.mjs');
  const pg = await startEmbeddedPostgres({
    dataDir: resolve(ROOT, '.data', `record-postgres-${process.pid}`),
    port: await freePort(),
    persistent: false,
    database: 'app_record',
  });
  process.env.DATABASE_URL = pg.url;
  return () => pg.stop();
}

async function main(): Promise<void> {
  const stopServices = await ensureServices();
  const bed = await timeSkippingTestBed(`record-${Date.now().toString(36)}`, historiesPayloadCodec());
  try {
    mkdirSync(HISTORIES, { recursive: true });
    const asked = process.argv.slice(2);
    const unknown = asked.filter((name) => !(name in SCENARIOS));
    if (unknown.length > 0) throw new Error(`unknown scenarios: ${unknown.join(', ')}`);
    const chosen = Object.entries(SCENARIOS).filter(([name]) => asked.length === 0 || asked.includes(name));
    for (const file of readdirSync(HISTORIES).filter((f) => f.endsWith('.json'))) {
      if (chosen.some(([name]) => file.startsWith(`${name}.`))) {
        rmSync(join(HISTORIES, file));
        // The encrypted copy of a plain recording goes with it: the new recording is encrypted itself.
        rmSync(join(HISTORIES, 'encrypted', file), { force: true });
      }
    }
    const kit = new TrajectoryKit(bed, 'REC');
    for (const [scenario, run] of chosen) {
      const t = await run(kit.withShape(historyShapeOf(scenario)), bed);
      await record(bed, scenario, t);
      await bed.cleanup();
      console.log(`recorded ${scenario}`);
    }
  } finally {
    await bed.close();
    await stopServices();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
