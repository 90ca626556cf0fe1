import { Injectable } from '@nestjs/common';
import type { CommandPayload } from '@app/contracts';
import type { TrajectoryCommandType, TrajectoryView } from '@app/domain';
import type { Principal } from '../auth/principal';
import { actorFor } from './command-roles';
import { TrajectoryAccess } from './trajectory-access';
import { TrajectoryGateway } from './trajectory-gateway';

/** One lifecycle action: tenant check, the actor from the token, then the workflow update. */
@Injectable()
export class TrajectoryActions {
  constructor(
    private readonly gateway: TrajectoryGateway,
    private readonly access: TrajectoryAccess,
  ) {}

  async run<T extends TrajectoryCommandType>(
    principal: Principal,
    trajectoryId: string,
    type: T,
    payload: Omit<CommandPayload<T>, 'actor'>,
    idempotencyKey?: string,
  ): Promise<TrajectoryView> {
    await this.access.authorize(principal, trajectoryId);
    const command = { ...payload, actor: actorFor(principal, type) } as CommandPayload<T>;
    return this.gateway.command(trajectoryId, type, command, idempotencyKey);
  }
}
