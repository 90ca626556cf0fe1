import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { trajectoryView, type TrajectoryState, type TrajectoryView } from '@app/domain';
import { TrajectoryGateway } from './trajectory-gateway';

/**
 * Where a read of one trajectory comes from (issue 20). `read-model`: the state its last bookkeeping write
 * left in PostgreSQL (table trajectory_state), the view computed from it here, now. `live`: a workflow query.
 */
export type ReadConsistency = 'read-model' | 'live';
export const READ_CONSISTENCIES: readonly ReadConsistency[] = ['read-model', 'live'];

/**
 * Reads one trajectory's view or state without asking its workflow where the read model has it.
 *
 * How current that is: the workflow writes its state in the bookkeeping write of every workflow task that
 * changed it, and a command's Update is answered in that same task, after the write. So whoever sent a command
 * reads its result at once (read-your-writes), on any API replica; a change by a timer or the table shows as
 * soon as that task completes. The read model lags only while a bookkeeping write fails (an outage being
 * retried, an incident) or for trajectories whose last write came from a worker older than this. `live` asks
 * the workflow instead: always its current state, at a worker task and a Temporal round trip per read.
 */
@Injectable()
export class TrajectoryReader {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly gateway: TrajectoryGateway,
  ) {}

  async view(trajectoryId: string, consistency: ReadConsistency = 'read-model'): Promise<TrajectoryView> {
    const state = consistency === 'live' ? undefined : await this.stored(trajectoryId);
    return state ? trajectoryView(state, new Date()) : this.gateway.view(trajectoryId);
  }

  async state(trajectoryId: string, consistency: ReadConsistency = 'read-model'): Promise<TrajectoryState> {
    const state = consistency === 'live' ? undefined : await this.stored(trajectoryId);
    return state ?? this.gateway.state(trajectoryId);
  }

  /** Both from one read of the read model (or, without a stored state, both from the workflow). */
  async viewAndState(trajectoryId: string): Promise<{ view: TrajectoryView; state: TrajectoryState }> {
    const state = await this.stored(trajectoryId);
    if (state) return { view: trajectoryView(state, new Date()), state };
    const [view, live] = await Promise.all([
      this.gateway.view(trajectoryId),
      this.gateway.state(trajectoryId),
    ]);
    return { view, state: live };
  }

  private async stored(trajectoryId: string): Promise<TrajectoryState | undefined> {
    const rows: { state: TrajectoryState }[] = await this.db.query(
      'SELECT state FROM trajectory_state WHERE trajectory_id = $1',
      [trajectoryId],
    );
    return rows[0]?.state;
  }
}
