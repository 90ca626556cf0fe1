import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ESCALATION_ROW, type EscalationRow } from '@app/contracts';
import { DEFAULT_TRAJECTORY_POLICY, policyHolidays, workingDaysBetween } from '@app/domain';
import type { Principal } from '../auth/principal';
import { tenantCondition } from './tenant-filter';

/** An escalation as the docket lists it: its read-model row, the table's own progress, and the wait. */
export interface DocketItem extends Omit<EscalationRow, 'seq' | 'decidedBy' | 'rationaleRef'> {
  overdue: boolean;
  chairRef: string | null;
  /** Working days since the case reached the table (the region's holidays), and calendar days. */
  workingDaysWaiting: number;
  calendarDaysWaiting: number;
}

/**
 * The breakthrough table's docket (doorbraaktafel): open escalations, oldest first, with days waiting and
 * deadline (domain.md §4.6), read from the escalation read model.
 */
@Injectable()
export class DocketService {
  constructor(private readonly db: DataSource) {}

  /** Open and provisionally decided cases, oldest first. */
  open(principal: Principal, now = new Date()): Promise<DocketItem[]> {
    return this.query(principal, `e.status IN ('OPEN', 'PROVISIONAL')`, [], now);
  }

  forTrajectory(principal: Principal, trajectoryId: string, now = new Date()): Promise<DocketItem[]> {
    return this.query(principal, 'e.trajectory_id = $1', [trajectoryId], now);
  }

  async one(principal: Principal, escalationId: string, now = new Date()): Promise<DocketItem | undefined> {
    return (await this.query(principal, 'e.escalation_id = $1', [escalationId], now))[0];
  }

  private async query(
    principal: Principal,
    condition: string,
    params: unknown[],
    now: Date,
  ): Promise<DocketItem[]> {
    const tenant = tenantCondition(principal, params, 'e');
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM escalation e WHERE ${condition} AND ${tenant} ORDER BY e.raised_at ASC LIMIT 1000`,
      params,
    );
    return rows.map((r) => toItem(r, now));
  }
}

function toItem(r: Record<string, unknown>, now: Date): DocketItem {
  const { seq: _seq, decidedBy: _decidedBy, rationaleRef: _rationaleRef, ...row } = ESCALATION_ROW.fromDb(r);
  const policy = DEFAULT_TRAJECTORY_POLICY;
  const overdue = Boolean(r.overdue) || (row.status === 'OPEN' && row.deadlineAt < now.toISOString());
  return {
    ...row,
    // §7.6: a case past the table's deadline is OVERDUE; it keeps waiting (decisions.md 10).
    status: row.status === 'OPEN' && overdue ? 'OVERDUE' : row.status,
    overdue: Boolean(r.overdue) || row.deadlineAt < now.toISOString(),
    chairRef: (r.chair_ref as string | null) ?? null,
    workingDaysWaiting: Math.max(
      0,
      workingDaysBetween(new Date(row.raisedAt), now, policyHolidays(policy), policy.timeZone),
    ),
    calendarDaysWaiting: Math.max(0, Math.floor((now.getTime() - Date.parse(row.raisedAt)) / 86_400_000)),
  };
}
