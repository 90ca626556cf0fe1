import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/persistence';
import { MUNICIPALITY, PROVIDER_ID } from './requests';

/**
 * Fills the read model (table `trajectory`) straight through SQL up to `targetRows`, so the list endpoint
 * is timed on a realistic table without running 100,000 workflows. The rows have no workflow behind them:
 * only list queries may see them, and the result file says they were seeded. Columns follow
 * libs/persistence/src/migrations/1764000000000-InitialSchema.ts; adjust when the schema moves.
 */
export async function seedReadModel(
  databaseUrl: string,
  targetRows: number,
): Promise<{ existing: number; seeded: number }> {
  const ds = await new DataSource(dataSourceOptions(databaseUrl, 1)).initialize();
  try {
    const [{ count }] = (await ds.query('SELECT count(*)::int AS count FROM trajectory')) as {
      count: number;
    }[];
    const missing = Math.max(0, targetRows - count);
    if (missing > 0) {
      await ds.query(
        `INSERT INTO trajectory
           (trajectory_id, seq, municipality_code, case_reference, client_id, status, domain, segment, complexity,
            provider_id, escalated, evaluation_overdue, created_at, updated_at, summary)
         SELECT 'trajectory-' || $2 || '-SEED-' || g, 1, $2, 'SEED-' || g, 'c-seed-' || g,
                (ARRAY['INTAKE','DRAFTING','AWAITING_APPROVAL','DECIDED','ACTIVE','ACTIVE','ACTIVE','CLOSED'])[1 + g % 8],
                (ARRAY['JEUGD','WMO'])[1 + g % 2], 'B', 'LOW', $3, g % 17 = 0, g % 23 = 0,
                now() - g * interval '1 minute', now(), '{}'::jsonb
           FROM generate_series(1, $1) AS g`,
        [missing, MUNICIPALITY, PROVIDER_ID],
      );
      await ds.query('ANALYZE trajectory');
    }
    return { existing: count, seeded: missing };
  } finally {
    await ds.destroy();
  }
}
