import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TrajectoryState, TrajectoryView } from '@app/domain';
import { amsterdamDate } from '@app/ledger';
import { ProviderRegister } from '@app/register';
import type { Principal } from '../auth/principal';
import { ApiException } from '../common/domain-errors';
import { actionsFor } from '../trajectories/command-roles';
import { TrajectoryAccess } from '../trajectories/trajectory-access';
import { TrajectoryReader } from '../trajectories/trajectory-reader';

export interface FamilyResult {
  id: string;
  lifeDomain: string | null;
  resultAreaCode: string | null;
  targetDate: string | null;
  /** At the last evaluation; null before one. */
  lastAttainment: string | null;
}

export interface NamedProvider {
  providerId: string;
  name: string;
}

/** What the family's page shows of a trajectory: its own plan in plain terms, nothing of the professionals'. */
export interface FamilyView {
  trajectoryId: string;
  status: string;
  planVersion: number | null;
  results: FamilyResult[];
  leadProvider: NamedProvider | null;
  subcontractors: NamedProvider[];
  nextEvaluationAt: string | null;
  missingSignatures: string[];
  /** The actions the caller may send now (for a CLIENT: sign, choose). Empty once the workflow is gone. */
  yourActions: string[];
  /** When the family may choose: the region's contracted providers for its domain, no intake stop. */
  leadProviderOptions: NamedProvider[];
}

interface SummaryRow {
  status: string;
  provider_id: string | null;
  next_evaluation_at: Date | null;
  summary: {
    planVersion?: number | null;
    missingSignatures?: string[];
    results?: Omit<FamilyResult, 'lastAttainment'>[];
  };
}

/**
 * The family's view (issue 18): from the live workflow while it runs, from the read model after Temporal has
 * let a closed one go, so the family can read its closed plan and answer the closure's question for as long as
 * it is open. The full state and the audit trail stay with the professionals.
 */
@Injectable()
export class FamilyViews {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly access: TrajectoryAccess,
    private readonly reader: TrajectoryReader,
    private readonly register: ProviderRegister,
  ) {}

  async view(principal: Principal, trajectoryId: string): Promise<FamilyView> {
    await this.access.authorize(principal, trajectoryId);
    const live = await this.live(trajectoryId);
    if (live) return this.fromLive(principal, live.view, live.state);
    const [row] = (await this.db.query(
      `SELECT status, provider_id, next_evaluation_at, summary FROM trajectory WHERE trajectory_id = $1`,
      [trajectoryId],
    )) as SummaryRow[];
    return {
      trajectoryId,
      status: row.status,
      planVersion: row.summary.planVersion ?? null,
      results: (row.summary.results ?? []).map((r) => ({ ...r, lastAttainment: null })),
      leadProvider: await this.named(row.provider_id ?? undefined),
      subcontractors: [],
      nextEvaluationAt: row.next_evaluation_at?.toISOString() ?? null,
      missingSignatures: row.summary.missingSignatures ?? [],
      yourActions: [],
      leadProviderOptions: [],
    };
  }

  /** The plan's result ids: live, or from the read model once the workflow is gone. */
  async resultIds(trajectoryId: string): Promise<string[]> {
    const state = await goneAsUndefined(this.reader.state(trajectoryId));
    if (state) return (state.plan?.results ?? []).map((r) => r.id);
    const [row] = (await this.db.query(`SELECT summary FROM trajectory WHERE trajectory_id = $1`, [
      trajectoryId,
    ])) as Pick<SummaryRow, 'summary'>[];
    return (row?.summary.results ?? []).map((r) => r.id);
  }

  private async live(
    trajectoryId: string,
  ): Promise<{ view: TrajectoryView; state: TrajectoryState } | undefined> {
    return goneAsUndefined(this.reader.viewAndState(trajectoryId));
  }

  private async fromLive(
    principal: Principal,
    view: TrajectoryView,
    state: TrajectoryState,
  ): Promise<FamilyView> {
    const last = state.evaluations[state.evaluations.length - 1];
    const attainment = new Map(last?.resultAssessments.map((a) => [a.resultId, a.attainment]) ?? []);
    const yourActions = actionsFor(principal, view.allowedActions);
    const leadProviderId = view.leadProviderId ?? state.leadProviderChoice?.providerId;
    return {
      trajectoryId: view.trajectoryId,
      status: view.status,
      planVersion: view.planVersion ?? null,
      results: (state.plan?.results ?? []).map((r) => ({
        id: r.id,
        lifeDomain: r.lifeDomain ?? null,
        resultAreaCode: r.resultAreaCode ?? null,
        targetDate: r.targetDate ?? null,
        lastAttainment: attainment.get(r.id) ?? null,
      })),
      leadProvider: await this.named(leadProviderId),
      subcontractors: (
        await Promise.all((state.plan?.subcontractorIds ?? []).map((id) => this.named(id)))
      ).filter((p): p is NamedProvider => p !== null),
      nextEvaluationAt: view.deadlines.nextEvaluationAt ?? null,
      missingSignatures: view.missingSignatures,
      yourActions,
      leadProviderOptions: yourActions.includes('chooseLeadProvider')
        ? await this.register.choosableLeadProviders(
            state.policy.regionId,
            state.domain,
            amsterdamDate(new Date()),
          )
        : [],
    };
  }

  private async named(providerId: string | undefined): Promise<NamedProvider | null> {
    if (!providerId) return null;
    const found = await this.register.get(providerId).catch(() => undefined);
    return { providerId, name: found?.name ?? providerId };
  }
}

/** Known to the read model (authorize passed) but gone from Temporal, closed past its retention: undefined. */
async function goneAsUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiException && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
