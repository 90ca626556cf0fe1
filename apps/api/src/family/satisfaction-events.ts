import type { SatisfactionEvent } from '@app/domain';
import type { SatisfactionEventRow } from '@app/persistence';

/** An audit row as the domain's satisfaction rule reads it (satisfactionOccasions). */
export function satisfactionEventOf(row: SatisfactionEventRow): SatisfactionEvent {
  const at = new Date(row.at).toISOString();
  if (row.type === 'TRAJECTORY_CLOSED')
    return { kind: 'TRAJECTORY_CLOSED', at, careStarted: row.care_started };
  return {
    kind: 'EVALUATION_RECORDED',
    at,
    evaluationNumber: Number(row.evaluation_number),
    evaluationType: row.evaluation_type ?? 'PERIODIC',
    ...(row.outcome ? { outcome: row.outcome } : {}),
  };
}
