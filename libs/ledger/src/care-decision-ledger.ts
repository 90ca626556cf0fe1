import type { CareDecisionRecord, RecordCareDecisionInput } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { toDecisionRecord, validateDecision } from './ledger-inputs';
import { LedgerError } from './ledger-error';

/**
 * The care decisions (beschikkingen) in PostgreSQL, one row per version: what the payment rules, the exports
 * and the reconciliation read the tariff and the validity from. Written only by the trajectory workflow.
 */
export class CareDecisionLedger {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a decision version, idempotent on (trajectoryId, version): a retry returns the stored row; a row
   * of that version with another arrangement or tariff is CONFLICT, never silently accepted.
   */
  async record(input: RecordCareDecisionInput): Promise<CareDecisionRecord> {
    const params = validateDecision(input);
    const [row] = await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO care_decision
           (trajectory_id, version, decision_number, cause, decision_date, valid_from, valid_to,
            arrangement_code, tariff_cents, pricing_basis, payment_policy, total_budget_cents, provider_id,
            municipality_code, provisional, amends_version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
         ON CONFLICT (trajectory_id, version) DO NOTHING`,
        params,
      );
      return tx.query(
        `SELECT trajectory_id, version, decision_number, cause, decision_date::text AS decision_date,
                valid_from::text AS valid_from, valid_to::text AS valid_to, arrangement_code,
                tariff_cents::text AS tariff_cents, pricing_basis, payment_policy,
                total_budget_cents::text AS total_budget_cents, provider_id, municipality_code, provisional,
                amends_version
         FROM care_decision WHERE trajectory_id = $1 AND version = $2`,
        [input.trajectoryId, input.version],
      );
    });
    const record = toDecisionRecord(row);
    if (record.tariffCents !== input.tariffCents || record.arrangementCode !== input.arrangementCode) {
      throw new LedgerError(
        'CONFLICT',
        `decision v${input.version} of ${input.trajectoryId} exists with other terms (${record.arrangementCode}, ${record.tariffCents} cents)`,
      );
    }
    return record;
  }
}
