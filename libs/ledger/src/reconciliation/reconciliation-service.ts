import type { DeclarationCounts } from './reconciliation-facts';
import type { DataSource } from 'typeorm';
import { sumCents } from '@app/domain';
import { centsFromDb } from '../cents';
import { amsterdamDate } from '../dates';
import { PAYMENT_COLUMNS, PaymentRow, toPaymentView } from '../payment-instruction';
import type {
  DecisionFact,
  LedgerFact,
  TrajectoryFact,
  TrajectoryReconciliation,
} from './reconciliation-facts';
import { reconcileTrajectory } from './reconcile-trajectory';

export interface ReconciliationFilter {
  trajectoryId?: string;
  municipalityCode?: string;
  /** Tenant scope: only these municipalities (an empty list matches nothing). */
  municipalityCodes?: readonly string[];
  providerId?: string;
  /** Report only trajectories with deviations (the counts still cover all). */
  onlyDeviations?: boolean;
}

export interface ReconciliationReport {
  generatedAt: string;
  trajectoriesChecked: number;
  trajectoriesWithDeviations: number;
  deviationCount: number;
  totals: { expectedCents: number; issuedCents: number; withheldCents: number };
  trajectories: TrajectoryReconciliation[];
}

/** Trajectories are reconciled in chunks, so memory stays bounded on a large ledger. */
const CHUNK = 500;

/**
 * Reconciliation over PostgreSQL: for every trajectory with a care decision or a payment (optionally
 * filtered), Σ of the ledger against the payment rules' expected total, with every deviation and its reason.
 */
export class ReconciliationService {
  constructor(private readonly dataSource: DataSource) {}

  async run(filter: ReconciliationFilter = {}, now: Date = new Date()): Promise<ReconciliationReport> {
    const ids = await this.trajectoryIds(filter);
    const results: TrajectoryReconciliation[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const [decisions, payments, trajectories, declarations] = await Promise.all([
        this.decisions(chunk),
        this.payments(chunk),
        this.trajectories(chunk),
        this.declarations(chunk),
      ]);
      for (const id of chunk) {
        results.push({
          ...reconcileTrajectory(id, decisions.get(id) ?? [], payments.get(id) ?? [], trajectories.get(id)),
          declarations: declarations.get(id) ?? { honoured: 0, refused: 0, honouredCents: 0 },
        });
      }
    }
    const withDeviations = results.filter((r) => r.deviations.length > 0);
    return {
      generatedAt: now.toISOString(),
      trajectoriesChecked: results.length,
      trajectoriesWithDeviations: withDeviations.length,
      deviationCount: sumCents(results.map((r) => r.deviations.length)),
      totals: {
        expectedCents: sumCents(results.map((r) => r.expectedCents ?? 0)),
        issuedCents: sumCents(results.map((r) => r.issuedCents)),
        withheldCents: sumCents(results.map((r) => r.withheldCents)),
      },
      trajectories: filter.onlyDeviations ? withDeviations : results,
    };
  }

  private async trajectoryIds(filter: ReconciliationFilter): Promise<string[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    add('trajectory_id', filter.trajectoryId);
    add('municipality_code', filter.municipalityCode);
    add('provider_id', filter.providerId);
    if (filter.municipalityCodes !== undefined) {
      params.push([...filter.municipalityCodes]);
      where.push(`municipality_code = ANY($${params.length})`);
    }
    const rows: Array<{ trajectory_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT trajectory_id FROM (
         SELECT trajectory_id, municipality_code, provider_id FROM care_decision
         UNION ALL
         SELECT trajectory_id, municipality_code, provider_id FROM payment_instruction) AS t
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY trajectory_id`,
      params,
    );
    return rows.map((r) => r.trajectory_id);
  }

  private async decisions(ids: string[]): Promise<Map<string, DecisionFact[]>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT trajectory_id, version, cause, decision_date::text AS decision_date, valid_from::text AS valid_from,
              valid_to::text AS valid_to, arrangement_code, tariff_cents::text AS tariff_cents, pricing_basis,
              payment_policy, amends_version
       FROM care_decision WHERE trajectory_id = ANY($1) ORDER BY trajectory_id, version`,
      [ids],
    );
    return groupBy(rows, (r) => ({
      version: Number(r.version),
      cause: r.cause as string,
      decisionDate: r.decision_date as string,
      validFrom: r.valid_from as string,
      validTo: (r.valid_to as string | null) ?? null,
      arrangementCode: r.arrangement_code as string,
      tariffCents: centsFromDb(r.tariff_cents as string, 'tariff_cents'),
      pricingBasis: r.pricing_basis as string,
      paymentPolicy: r.payment_policy,
      amendsVersion: r.amends_version === null ? null : Number(r.amends_version),
    }));
  }

  /** The provider's 323 lines per trajectory (issue 17): honoured (with their cents) and refused. */
  private async declarations(ids: string[]): Promise<Map<string, DeclarationCounts>> {
    const rows: { trajectory_id: string; honoured: number; refused: number; honoured_cents: string }[] =
      await this.dataSource.query(
        `SELECT trajectory_id, count(*) FILTER (WHERE status = 'HONOURED')::int AS honoured,
                count(*) FILTER (WHERE status = 'REFUSED')::int AS refused,
                coalesce(sum(amount_cents) FILTER (WHERE status = 'HONOURED'), 0)::text AS honoured_cents
         FROM chain_declaration_line WHERE trajectory_id = ANY($1) GROUP BY trajectory_id`,
        [ids],
      );
    return new Map(
      rows.map((r) => [
        r.trajectory_id,
        { honoured: r.honoured, refused: r.refused, honouredCents: Number(r.honoured_cents) },
      ]),
    );
  }

  private async payments(ids: string[]): Promise<Map<string, LedgerFact[]>> {
    const rows: PaymentRow[] = await this.dataSource.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment_instruction p WHERE p.trajectory_id = ANY($1) ORDER BY p.trajectory_id, p.id`,
      [ids],
    );
    return groupBy(rows as unknown as Array<Record<string, unknown>>, (r) =>
      toPaymentView(r as unknown as PaymentRow),
    );
  }

  private async trajectories(ids: string[]): Promise<Map<string, TrajectoryFact>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT trajectory_id, status, closure_reason, closed_at, summary FROM trajectory WHERE trajectory_id = ANY($1)`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.trajectory_id as string,
        {
          status: r.status as string,
          closureReason: (r.closure_reason as string | null) ?? null,
          closedOn: r.closed_at ? amsterdamDate(r.closed_at as Date) : null,
          summary: (r.summary as Record<string, unknown>) ?? {},
        },
      ]),
    );
  }
}

function groupBy<T>(
  rows: Array<Record<string, unknown>>,
  map: (row: Record<string, unknown>) => T,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = row.trajectory_id as string;
    groups.set(id, [...(groups.get(id) ?? []), map(row)]);
  }
  return groups;
}
