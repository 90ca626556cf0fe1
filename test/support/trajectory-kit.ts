import type { ArrangementTerms, EscalationTrigger, PlanDraft, TrajectoryStart } from '@app/domain';
import {
  CASE,
  LT,
  planDraft,
  PROVIDER,
  start,
  submitterFor,
} from '../../libs/domain/testing/trajectory-fixtures';
import {
  CURRENT_HISTORY_VERSION,
  START_ATTRIBUTES_HISTORY,
  type TrajectoryWorkflowInput,
} from '@app/contracts';
import { TrajectoryDriver } from './trajectory-driver';
import { uniqueRef } from './unique-ref';
import type { WorkflowTestBed } from './workflow-env';

/**
 * Starts trajectories on a test bed and brings them to a given state through the same updates the API
 * sends, so that each spec spends its lines on the transition it proves. Every trajectory is tracked for
 * the bed's cleanup.
 */
export class TrajectoryKit {
  constructor(
    readonly bed: WorkflowTestBed,
    private readonly prefix: string,
    readonly shape?: Omit<TrajectoryWorkflowInput, 'start' | 'carried'>,
    private readonly oneAtATime = false,
  ) {}

  /** A kit whose trajectories start with this history shape (`{}`: version 1, as runs begun before issue 20). */
  withShape(shape: Omit<TrajectoryWorkflowInput, 'start' | 'carried'>): TrajectoryKit {
    return new TrajectoryKit(this.bed, this.prefix, shape, this.oneAtATime);
  }

  /**
   * A kit whose trajectories take each command only once the previous one's effects have landed
   * (`TrajectoryDriver.settling`). The same steps then always write a history of the same length, which a
   * spec that sets an event bound relies on; otherwise a command that arrives while the last one's effects
   * run shares their workflow task, and the length varies by a few events with the machine's load.
   */
  oneCommandAtATime(): TrajectoryKit {
    return new TrajectoryKit(this.bed, this.prefix, this.shape, true);
  }

  async start(overrides: Partial<TrajectoryStart> = {}): Promise<TrajectoryDriver> {
    const id = uniqueRef(`trajectory-0405-${this.prefix}`);
    // From history version 3 on, stamped with its receipt on the bed's clock, as the API stamps every start.
    const version = (this.shape ?? { historyVersion: CURRENT_HISTORY_VERSION }).historyVersion ?? 1;
    const receipt =
      version >= START_ATTRIBUTES_HISTORY ? { receivedAt: (await this.bed.now()).toISOString() } : {};
    const t = await TrajectoryDriver.start(
      this.bed.env.client,
      this.bed.taskQueue,
      start({ trajectoryId: id, caseReference: id, ...receipt, ...overrides }),
      this.shape,
    );
    this.bed.trackTrajectory(id);
    if (!this.oneAtATime) return t;
    // The first command, too, only once the run's first task has completed.
    await t.settling().quietHistoryLength();
    return t;
  }

  /**
   * DRAFTING, then the plan submitted by whoever proposes its intensity (R-ROLE-02): the provider in youth
   * care, the local team in Wmo. AWAITING_APPROVAL, round 1.
   */
  async submitted(overrides: Partial<TrajectoryStart> = {}, plan = planDraft()): Promise<TrajectoryDriver> {
    const t = await this.start(overrides);
    await t.send('beginDrafting', { actor: LT });
    await t.send('submitPlan', { actor: submitterFor(overrides.domain ?? 'JEUGD'), plan });
    return t;
  }

  /** The client's and the lead provider's signatures on the current plan version (R-ROLE-04). */
  async signAll(t: TrajectoryDriver): Promise<void> {
    const planVersion = (await t.view()).planVersion!;
    await t.send('signPlan', { actor: CASE, planVersion, party: 'CLIENT' });
    await t.send('signPlan', { actor: PROVIDER, planVersion, party: 'LEAD_PROVIDER' });
  }

  /** Approved by the local team: DECIDED with decision v1, waiting for the provider to start. */
  async decided(overrides: Partial<TrajectoryStart> = {}, plan = planDraft()): Promise<TrajectoryDriver> {
    const t = await this.submitted(overrides, plan);
    await this.signAll(t);
    await t.send('approvePlan', { actor: LT, planVersion: (await t.view()).planVersion! });
    return t;
  }

  /** Care started by the provider: ACTIVE, start tranche issued, evaluations scheduled. */
  async active(overrides: Partial<TrajectoryStart> = {}, plan = planDraft()): Promise<TrajectoryDriver> {
    const t = await this.decided(overrides, plan);
    await t.send('confirmStart', { actor: PROVIDER });
    return t;
  }

  /** A submitted plan escalated by the local team (§4.3), with its counter-offer on record for the table. */
  async escalated(
    options: {
      overrides?: Partial<TrajectoryStart>;
      plan?: PlanDraft;
      trigger?: EscalationTrigger;
      offeredArrangement?: ArrangementTerms;
    } = {},
  ): Promise<{ t: TrajectoryDriver; escalationId: string }> {
    const t = await this.submitted(options.overrides, options.plan);
    const view = await t.send('escalate', {
      actor: LT,
      trigger: options.trigger ?? 'FINANCIAL_DISPUTE',
      ...(options.offeredArrangement ? { offeredArrangement: options.offeredArrangement } : {}),
    });
    return { t, escalationId: view.openEscalation!.id };
  }
}
