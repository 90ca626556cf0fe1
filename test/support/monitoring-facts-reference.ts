import { DataSource } from 'typeorm';
import {
  monitoringIndicators,
  satisfactionOccasions,
  withheldBelowMinimum,
  type MonitoringIndicators,
  type ArrangementFact,
  type CareEventFact,
  type ClientTrajectoryFact,
  type EscalationFact,
  type MonitoringPeriod,
  type ScalingDirection,
  type TrajectoryFact,
  type SatisfactionOccasionFact,
} from '@app/domain';
import {
  SATISFACTION_EVENT_COLUMNS,
  SATISFACTION_EVENT_TYPES,
  type SatisfactionEventRow,
} from '@app/persistence';
import { satisfactionEventOf } from '../../apps/api/src/family/satisfaction-events';
import type { Principal } from '../../apps/api/src/auth/principal';
import { filterScope } from '../../apps/api/src/monitoring/monitoring-filter';
import type { MonitoringQueryDto } from '../../apps/api/src/monitoring/monitoring-query.dto';
import { periodOf } from '../../apps/api/src/monitoring/monitoring.service';
import { isProviderScoped } from '../../apps/api/src/auth/tenant-scope';

/** A WHERE clause over `trajectory t` and its parameters, shared by every query of one request. */
interface Scope {
  where: string;
  params: unknown[];
}

type Row = Record<string, unknown>;

function iso(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : value == null ? null : String(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function int(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

/**
 * The reference the SQL monitoring figures are held to (test/monitoring-sql.test.ts): the facts the domain's pure
 * functions (libs/domain/src/monitoring) take, read row by row from the read model in the caller's tenant scope
 * (read-model/tenant-filter.ts) and filter — the way GET /monitoring/indicators computed its figures before they
 * moved into PostgreSQL.
 */
export class MonitoringFactsReader {
  constructor(private readonly db: DataSource) {}

  scope(principal: Principal, q: MonitoringQueryDto, period: MonitoringPeriod): Scope {
    const { where, params } = filterScope(principal, q);
    // Nothing created after the period, or closed before it, can have an event inside it.
    if (period.to !== null) {
      params.push(period.to);
      where.push(`t.created_at < $${params.length}`);
    }
    if (period.from !== null) {
      params.push(period.from);
      where.push(`(t.closed_at IS NULL OR t.closed_at >= $${params.length})`);
    }
    return { where: where.join(' AND '), params };
  }

  async trajectories(scope: Scope): Promise<TrajectoryFact[]> {
    const rows: Row[] = await this.db.query(
      `SELECT t.trajectory_id, t.client_id, t.municipality_code, t.provider_id, t.domain, t.status, t.created_at,
              t.closed_at, t.closure_reason, t.arrangement_code, t.evaluation_overdue, t.summary,
              ledger.cents AS ledger_cents, rounds.n AS changes_requested
       FROM trajectory t
       LEFT JOIN LATERAL (
         SELECT COALESCE(SUM(p.amount_cents), 0)::text AS cents FROM payment_instruction p
         WHERE p.trajectory_id = t.trajectory_id AND p.status NOT IN ('CANCELLED', 'WITHHELD')
       ) ledger ON TRUE
       LEFT JOIN LATERAL (
         SELECT COUNT(*)::int AS n FROM audit_event a
         WHERE a.trajectory_id = t.trajectory_id AND a.stream = 'trajectory' AND a.type = 'CHANGES_REQUESTED'
       ) rounds ON TRUE
       WHERE ${scope.where}`,
      scope.params,
    );
    return rows.map(toTrajectoryFact);
  }

  async escalations(scope: Scope): Promise<EscalationFact[]> {
    const rows: Row[] = await this.db.query(
      `SELECT e.escalation_id, e.trajectory_id, e.provider_id, e.trigger, e.context, e.status, e.raised_at,
              e.decided_at, e.decision_code,
              (e.overdue OR (e.status IN ('OPEN', 'PROVISIONAL') AND e.deadline_at < now())) AS overdue
       FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
       WHERE ${scope.where}`,
      scope.params,
    );
    return rows.map((r) => ({
      escalationId: String(r.escalation_id),
      trajectoryId: String(r.trajectory_id),
      providerId: str(r.provider_id),
      trigger: String(r.trigger),
      context: String(r.context),
      status: String(r.status),
      raisedAt: iso(r.raised_at)!,
      decidedAt: iso(r.decided_at),
      decisionCode: str(r.decision_code),
      overdue: Boolean(r.overdue),
    }));
  }

  /**
   * Evaluations and approved scaling from the audit trail: ARRANGEMENT_CHANGE_APPROVED carries its
   * direction; a scaling case settled by the table (BREAKTHROUGH_DECIDED, context SCALING, with a new decision
   * version) gets its direction from the tariffs of that care decision and the one before it.
   */
  async careEvents(scope: Scope): Promise<CareEventFact[]> {
    const rows: Row[] = await this.db.query(
      `SELECT a.trajectory_id, a.type, a.at, a.details->>'localTeamParticipated' AS participated,
              a.details->>'direction' AS direction
       FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
       WHERE ${scope.where} AND a.stream = 'trajectory'
         AND a.type IN ('EVALUATION_RECORDED', 'EVALUATION_OVERDUE', 'ARRANGEMENT_CHANGE_APPROVED')
       UNION ALL
       SELECT a.trajectory_id, 'TABLE_SCALING', a.at, NULL,
              CASE WHEN d.tariff_cents > p.tariff_cents THEN 'UP'
                   WHEN d.tariff_cents < p.tariff_cents THEN 'DOWN' ELSE 'LATERAL' END
       FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
       JOIN care_decision d ON d.trajectory_id = a.trajectory_id
        AND d.version = (a.details->>'issuedDecisionVersion')::int
       JOIN care_decision p ON p.trajectory_id = d.trajectory_id AND p.version = d.version - 1
       WHERE ${scope.where} AND a.stream = 'trajectory' AND a.type = 'BREAKTHROUGH_DECIDED'
         AND a.details->>'context' = 'SCALING' AND jsonb_typeof(a.details->'issuedDecisionVersion') = 'number'`,
      scope.params,
    );
    return rows.map(toCareEvent);
  }

  /**
   * Every occasion the family was asked its satisfaction (K-O3, issue 18), from the audit trail by the domain's
   * rule (satisfactionOccasions), with the number of answers and positive answers it gave.
   */
  async satisfactionOccasions(scope: Scope): Promise<SatisfactionOccasionFact[]> {
    const [events, answers] = await Promise.all([
      this.db.query(
        `SELECT ${SATISFACTION_EVENT_COLUMNS}, t.provider_id
         FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
         WHERE ${scope.where} AND ${SATISFACTION_EVENT_TYPES} ORDER BY a.trajectory_id, a.seq`,
        scope.params,
      ) as Promise<(SatisfactionEventRow & { provider_id: string | null })[]>,
      this.db.query(
        `SELECT f.trajectory_id, f.occasion, COUNT(*)::int AS answers,
                COUNT(*) FILTER (WHERE f.answer = 'POSITIVE')::int AS positive
         FROM family_answer f JOIN trajectory t ON t.trajectory_id = f.trajectory_id
         WHERE ${scope.where} GROUP BY f.trajectory_id, f.occasion`,
        scope.params,
      ) as Promise<{ trajectory_id: string; occasion: string; answers: number; positive: number }[]>,
    ]);
    const answered = new Map(answers.map((a) => [`${a.trajectory_id}/${a.occasion}`, a]));
    const out: SatisfactionOccasionFact[] = [];
    for (const [trajectoryId, rows] of groupRows(events)) {
      for (const o of satisfactionOccasions(rows.map(satisfactionEventOf))) {
        const a = answered.get(`${trajectoryId}/${o.id}`);
        out.push({
          trajectoryId,
          providerId: rows[0].provider_id,
          at: o.at,
          openUntil: o.openUntil,
          answers: a?.answers ?? 0,
          positive: a?.positive ?? 0,
        });
      }
    }
    return out;
  }

  /** Every trajectory of the clients with a closure in scope, in any municipality: for re-entry only. */
  async clientTrajectories(scope: Scope): Promise<ClientTrajectoryFact[]> {
    const rows: Row[] = await this.db.query(
      `SELECT n.client_id, n.domain, n.trajectory_id, n.created_at,
              n.summary->>'predecessorTrajectoryId' AS predecessor
       FROM trajectory n
       WHERE (n.client_id, n.domain) IN (
         SELECT t.client_id, t.domain FROM trajectory t WHERE ${scope.where} AND t.status = 'CLOSED')`,
      scope.params,
    );
    return rows.map((r) => ({
      clientId: String(r.client_id),
      domain: String(r.domain),
      trajectoryId: String(r.trajectory_id),
      createdAt: iso(r.created_at)!,
      predecessorTrajectoryId: str(r.predecessor),
    }));
  }

  /** The pricing basis of each arrangement code (its latest tariff version). */
  async arrangements(): Promise<ArrangementFact[]> {
    const rows: Row[] = await this.db.query(
      `SELECT DISTINCT ON (code) code, pricing_basis FROM arrangement ORDER BY code, valid_from DESC`,
    );
    return rows.map((r) => ({ code: String(r.code), pricingBasis: String(r.pricing_basis) }));
  }
}

function toTrajectoryFact(r: Row): TrajectoryFact {
  const s = (r.summary ?? {}) as Record<string, unknown>;
  const outcome = s.outcome as Record<string, unknown> | null | undefined;
  const tariff = s.tariffCents;
  return {
    trajectoryId: String(r.trajectory_id),
    clientId: String(r.client_id),
    municipalityCode: String(r.municipality_code),
    providerId: str(r.provider_id),
    domain: String(r.domain),
    status: String(r.status),
    createdAt: iso(r.created_at)!,
    closedAt: iso(r.closed_at),
    closureReason: str(r.closure_reason),
    firstSubmittedAt: str(s.firstSubmittedAt),
    decidedAt: str(s.decidedAt),
    startedAt: str(s.startedAt),
    arrangementCode: str(r.arrangement_code),
    tariffCents: typeof tariff === 'number' ? tariff : null,
    outcome:
      outcome && typeof outcome === 'object'
        ? {
            dropout: outcome.dropout === true,
            goalAttainment: typeof outcome.goalAttainment === 'number' ? outcome.goalAttainment : null,
            clientSatisfaction: str(outcome.clientSatisfaction) ?? 'NOT_ASKED',
          }
        : null,
    evaluationOverdue: Boolean(r.evaluation_overdue),
    predecessorTrajectoryId: str(s.predecessorTrajectoryId),
    successorTrajectoryId: str(s.successorTrajectoryId),
    changesRequested: int(r.changes_requested),
    ledgerCents: int(r.ledger_cents),
  };
}

function toCareEvent(r: Row): CareEventFact {
  const trajectoryId = String(r.trajectory_id);
  const at = iso(r.at)!;
  switch (r.type) {
    case 'EVALUATION_RECORDED':
      return {
        kind: 'EVALUATION_RECORDED',
        trajectoryId,
        at,
        localTeamParticipated: r.participated === 'true' ? true : r.participated === 'false' ? false : null,
      };
    case 'EVALUATION_OVERDUE':
      return { kind: 'EVALUATION_OVERDUE', trajectoryId, at };
    default:
      return {
        kind: 'SCALED',
        trajectoryId,
        at,
        direction: (str(r.direction) ?? 'LATERAL') as ScalingDirection,
      };
  }
}

function groupRows<R extends { trajectory_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.trajectory_id);
    if (list) list.push(r);
    else out.set(r.trajectory_id, [r]);
  }
  return out;
}

/** GET /monitoring/indicators as the pure functions compute it from the rows (what the SQL is held to). */
export async function referenceIndicators(
  db: DataSource,
  principal: Principal,
  q: MonitoringQueryDto,
  now: Date,
): Promise<MonitoringIndicators> {
  const reader = new MonitoringFactsReader(db);
  const period = periodOf(q);
  const scope = reader.scope(principal, q, period);
  const [trajectories, escalations, careEvents, clientTrajectories, arrangements, satisfactionOccasions] =
    await Promise.all([
      reader.trajectories(scope),
      reader.escalations(scope),
      reader.careEvents(scope),
      reader.clientTrajectories(scope),
      reader.arrangements(),
      reader.satisfactionOccasions(scope),
    ]);
  const figures = monitoringIndicators(
    {
      period,
      now: now.toISOString(),
      trajectories,
      escalations,
      careEvents,
      clientTrajectories,
      arrangements,
      satisfactionOccasions,
    },
    {
      municipality: q.municipality ?? null,
      provider: q.provider ?? null,
      domain: q.domain ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
    },
  );
  if (!isProviderScoped(principal)) return figures;
  const family = figures.familySatisfaction;
  return {
    ...figures,
    familySatisfaction: {
      overall: withheldBelowMinimum(family.overall),
      byProvider: family.byProvider.map((p) => ({ ...withheldBelowMinimum(p), providerId: p.providerId })),
    },
  };
}
