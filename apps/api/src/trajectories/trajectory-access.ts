import { Injectable } from '@nestjs/common';
import { municipalityOfTrajectory } from '@app/contracts';
import type { TrajectoryView } from '@app/domain';
import type { Principal } from '../auth/principal';
import { canSee, isProviderScoped } from '../auth/tenant-scope';
import { notFound } from '../common/domain-errors';
import { TrajectoryGateway } from './trajectory-gateway';

/**
 * Tenant check for one trajectory: the municipality is part of its id, the lead provider comes from the
 * workflow. A trajectory the caller may not see answers 404, exactly like one that does not exist.
 */
@Injectable()
export class TrajectoryAccess {
  constructor(private readonly gateway: TrajectoryGateway) {}

  /** Returns the live view when the caller needed it for the check (providers), else undefined. */
  async authorize(principal: Principal, trajectoryId: string): Promise<TrajectoryView | undefined> {
    const municipalityCode = municipalityOfTrajectory(trajectoryId);
    if (!municipalityCode) throw notFound(`trajectory ${trajectoryId}`);
    if (!isProviderScoped(principal)) {
      if (!canSee(principal, { municipalityCode })) throw notFound(`trajectory ${trajectoryId}`);
      return undefined;
    }
    const view = await this.gateway.view(trajectoryId);
    if (!canSee(principal, { municipalityCode, providerId: view.leadProviderId })) {
      throw notFound(`trajectory ${trajectoryId}`);
    }
    return view;
  }
}
