import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TRAJECTORY_ROW, type TrajectoryRow } from '@app/contracts';
import type { Principal } from '../auth/principal';
import type { ListTrajectoriesDto } from '../trajectories/dto/list-trajectories.dto';
import { decodeCursor, encodeCursor } from './cursor';
import { tenantCondition } from './tenant-filter';

/** The fields of a trajectory row that lists and worklists show. */
const LIST_FIELDS = [
  'trajectoryId',
  'municipalityCode',
  'caseReference',
  'status',
  'domain',
  'segment',
  'complexity',
  'providerId',
  'arrangementCode',
  'escalated',
  'evaluationDue',
  'evaluationOverdue',
  'roundCount',
  'approvalDeadline',
  'providerStartDeadline',
  'nextEvaluationAt',
  'openEscalationId',
  'statutoryDeadline',
  'statutoryClock',
  'createdAt',
  'updatedAt',
  'closedAt',
  'closureReason',
] as const;

export type TrajectoryListItem = Pick<TrajectoryRow, (typeof LIST_FIELDS)[number]>;

const LISTED = TRAJECTORY_ROW.pick(LIST_FIELDS);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Overdue: an approval, a provider start or an evaluation past its deadline, a case at the breakthrough
 * table past the table's deadline (§7.6 OVERDUE), or a lapsed statutory period (worklist "overdue").
 */
export const OVERDUE_CONDITION = `(t.evaluation_overdue
  OR (t.status <> 'CLOSED' AND t.statutory_deadline < now())
  OR (t.status = 'AWAITING_APPROVAL' AND t.approval_deadline < now())
  OR (t.status = 'DECIDED' AND t.provider_start_deadline < now())
  OR EXISTS (SELECT 1 FROM escalation e WHERE e.trajectory_id = t.trajectory_id
             AND e.status IN ('OPEN', 'PROVISIONAL') AND (e.overdue OR e.deadline_at < now())))`;

/**
 * Lists trajectories from the PostgreSQL read model (never from Temporal), newest first with keyset
 * pagination, so lists stay fast with hundreds of thousands of rows.
 */
@Injectable()
export class TrajectoryListService {
  constructor(private readonly db: DataSource) {}

  async list(
    principal: Principal,
    q: ListTrajectoriesDto,
    extra?: string,
  ): Promise<Page<TrajectoryListItem>> {
    const params: unknown[] = [];
    const where: string[] = [tenantCondition(principal, params)];
    const eq = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`t.${column} = $${params.length}`);
    };
    eq('status', q.status);
    eq('municipality_code', q.municipality);
    eq('provider_id', q.provider);
    eq('domain', q.domain);
    eq('segment', q.segment);
    eq('escalated', q.escalated);
    if (q.overdue !== undefined) where.push(q.overdue ? OVERDUE_CONDITION : `NOT ${OVERDUE_CONDITION}`);
    if (q.createdFrom) {
      params.push(q.createdFrom);
      where.push(`t.created_at >= $${params.length}`);
    }
    if (q.createdTo) {
      params.push(q.createdTo);
      where.push(`t.created_at <= $${params.length}`);
    }
    if (extra) where.push(extra);
    const after = decodeCursor(q.cursor);
    if (after) {
      params.push(after.at, after.id);
      where.push(`(t.created_at, t.trajectory_id) < ($${params.length - 1}, $${params.length})`);
    }
    const limit = q.limit ?? 50;
    params.push(limit + 1);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LISTED.columns} FROM trajectory t WHERE ${where.join(' AND ')}
       ORDER BY t.created_at DESC, t.trajectory_id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(LISTED.fromDb);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.trajectoryId }) : null,
    };
  }

  /** A worklist: the caller's visible trajectories matching `condition`, most urgent first. */
  async worklist(principal: Principal, condition: string, orderBy: string): Promise<TrajectoryListItem[]> {
    const params: unknown[] = [];
    const tenant = tenantCondition(principal, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LISTED.columns} FROM trajectory t WHERE ${condition} AND ${tenant}
       ORDER BY ${orderBy}, t.trajectory_id LIMIT ${WORKLIST_LIMIT}`,
      params,
    );
    return rows.map(LISTED.fromDb);
  }
}

/** Worklists are short and sorted by urgency, so they are not paged: the most urgent 500 rows. */
export const WORKLIST_LIMIT = 500;
