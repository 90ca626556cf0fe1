import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { municipalityOfTrajectory } from '@app/contracts';
import type { TrajectoryView } from '@app/domain';
import type { Principal } from '../auth/principal';
import { canSee, isClientScoped, isProviderScoped } from '../auth/tenant-scope';
import { notFound } from '../common/domain-errors';
import { TrajectoryGateway } from './trajectory-gateway';

/**
 * Tenant check for one trajectory: the municipality is part of its id, the lead provider comes from the read
 * model (PostgreSQL), so a provider's call does not depend on a worker answering a query: with the workers down
 * a provider still gets its reads from the read model and its commands queue in Temporal. Only a trajectory
 * the read model has not seen yet (its first write is pending) falls back to the workflow's live view. A
 * trajectory the caller may not see answers 404, exactly like one that does not exist.
 */
@Injectable()
export class TrajectoryAccess {
  constructor(
    private readonly gateway: TrajectoryGateway,
    private readonly db: DataSource,
  ) {}

  /**
   * Returns the live view when the check needed it (a provider, trajectory not yet in the read model). A
   * CLIENT is decided on the read model only: a trajectory it has not seen yet is not theirs to read yet.
   */
  async authorize(principal: Principal, trajectoryId: string): Promise<TrajectoryView | undefined> {
    const municipalityCode = municipalityOfTrajectory(trajectoryId);
    if (!municipalityCode) throw notFound(`trajectory ${trajectoryId}`);
    if (!isProviderScoped(principal) && !isClientScoped(principal)) {
      if (!canSee(principal, { municipalityCode })) throw notFound(`trajectory ${trajectoryId}`);
      return undefined;
    }
    const rows: Array<{ provider_id: string | null; client_id: string }> = await this.db.query(
      'SELECT provider_id, client_id FROM trajectory WHERE trajectory_id = $1',
      [trajectoryId],
    );
    if (rows.length > 0) {
      const facts = { municipalityCode, providerId: rows[0].provider_id, clientId: rows[0].client_id };
      if (!canSee(principal, facts)) throw notFound(`trajectory ${trajectoryId}`);
      return undefined;
    }
    if (isClientScoped(principal)) throw notFound(`trajectory ${trajectoryId}`);
    const view = await this.gateway.view(trajectoryId);
    if (!canSee(principal, { municipalityCode, providerId: view.leadProviderId })) {
      throw notFound(`trajectory ${trajectoryId}`);
    }
    return view;
  }
}
