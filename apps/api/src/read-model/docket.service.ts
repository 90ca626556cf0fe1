import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_TRAJECTORY_POLICY } from '@app/domain';
import { workingDaysBetween } from '@app/domain';
import type { Principal } from '../auth/principal';
import { tenantCondition } from './tenant-filter';

export interface DocketItem {
  escalationId: string;
  trajectoryId: string;
  municipalityCode: string;
  providerId: string | null;
  trigger: string;
  context: string;
  status: string;
  raisedByRole: string;
  raisedAt: string;
  deadlineAt: string;
  reminderAt: string;
  overdue: boolean;
  chairRef: string | null;
  roundCount: number;
  planVersion: number | null;
  askedArrangement: string | null;
  offeredArrangement: string | null;
  /** Working days since the case reached the table (the region's holidays), and calendar days. */
  workingDaysWaiting: number;
  calendarDaysWaiting: number;
  decisionCode: string | null;
  decidedAt: string | null;
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

function iso(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : value == null ? null : String(value);
}

function toItem(r: Record<string, unknown>, now: Date): DocketItem {
  const raisedAt = iso(r.raised_at)!;
  const policy = DEFAULT_TRAJECTORY_POLICY;
  return {
    escalationId: String(r.escalation_id),
    trajectoryId: String(r.trajectory_id),
    municipalityCode: String(r.municipality_code),
    providerId: (r.provider_id as string | null) ?? null,
    trigger: String(r.trigger),
    context: String(r.context),
    status: String(r.status),
    raisedByRole: String(r.raised_by_role),
    raisedAt,
    deadlineAt: iso(r.deadline_at)!,
    reminderAt: iso(r.reminder_at)!,
    overdue: Boolean(r.overdue) || iso(r.deadline_at)! < now.toISOString(),
    chairRef: (r.chair_ref as string | null) ?? null,
    roundCount: Number(r.round_count),
    planVersion: r.plan_version == null ? null : Number(r.plan_version),
    askedArrangement: (r.asked_arrangement as string | null) ?? null,
    offeredArrangement: (r.offered_arrangement as string | null) ?? null,
    workingDaysWaiting: Math.max(
      0,
      workingDaysBetween(new Date(raisedAt), now, policy.holidays, policy.timeZone),
    ),
    calendarDaysWaiting: Math.max(0, Math.floor((now.getTime() - Date.parse(raisedAt)) / 86_400_000)),
    decisionCode: (r.decision_code as string | null) ?? null,
    decidedAt: iso(r.decided_at),
  };
}
