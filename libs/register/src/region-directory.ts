import type { DataSource } from 'typeorm';
import { regionPolicy, type TrajectoryPolicy, type TrajectorySplitPreset } from '@app/domain';
import { RegisterError } from './register-error';

/** A region (regio) as the API shows it: its municipalities and the policy a new trajectory freezes. */
export interface RegionView {
  regionId: string;
  name: string;
  paymentSplit: TrajectorySplitPreset;
  policyVersion: string;
  municipalities: { municipalityCode: string; name: string }[];
  /** The policy snapshot a trajectory started today in this region freezes (decisions.md 2). */
  policy: TrajectoryPolicy;
}

interface PolicyRow {
  region_id: string;
  policy_version: string;
  payment_split: TrajectorySplitPreset;
  holidays: string[];
  settings: Record<string, unknown>;
}

interface RegionRow extends PolicyRow {
  name: string;
  municipalities: { municipalityCode: string; name: string }[];
}

/** What a region's policy is made of (`regionPolicy`). */
const POLICY_COLUMNS = `r.region_id, r.policy_version, r.payment_split,
  ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(r.holidays) AS d ORDER BY d) AS holidays, r.settings`;

const SELECT = `
  SELECT ${POLICY_COLUMNS}, r.name,
         COALESCE((SELECT json_agg(json_build_object('municipalityCode', m.municipality_code, 'name', m.name)
                                   ORDER BY m.municipality_code)
                     FROM region_municipality m WHERE m.region_id = r.region_id), '[]'::json) AS municipalities
    FROM region r`;

function policyOf(row: PolicyRow): TrajectoryPolicy {
  return regionPolicy({
    regionId: row.region_id,
    policyVersion: row.policy_version,
    paymentSplit: row.payment_split,
    holidays: row.holidays,
    settings: row.settings,
  });
}

function toView(row: RegionRow): RegionView {
  return {
    regionId: row.region_id,
    name: row.name,
    paymentSplit: row.payment_split,
    policyVersion: row.policy_version,
    municipalities: row.municipalities,
    policy: policyOf(row),
  };
}

/**
 * The regions and their municipalities by CBS code (issue 14: regions as data). Read-only here: a region's
 * policy changes by a migration that publishes a new version (decisions.md 2).
 */
export class RegionDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<RegionView[]> {
    const rows: RegionRow[] = await this.dataSource.query(`${SELECT} ORDER BY r.region_id`);
    return rows.map(toView);
  }

  /** NOT_FOUND when there is no such region. */
  async get(regionId: string): Promise<RegionView> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE r.region_id = $1`, [
      regionId,
    ])) as RegionRow[];
    if (!row) throw new RegisterError('NOT_FOUND', `no region ${regionId}`);
    return toView(row);
  }

  /**
   * The policy of the region a municipality belongs to, as a trajectory started there freezes it (one row,
   * without the region's municipality list: every POST /trajectories asks). NOT_FOUND (field
   * municipalityCode) when no region has the municipality.
   */
  async policyOfMunicipality(municipalityCode: string): Promise<TrajectoryPolicy> {
    const [row] = (await this.dataSource.query(
      `SELECT ${POLICY_COLUMNS} FROM region r
         JOIN region_municipality rm ON rm.region_id = r.region_id WHERE rm.municipality_code = $1`,
      [municipalityCode],
    )) as PolicyRow[];
    if (!row) {
      throw new RegisterError(
        'NOT_FOUND',
        `municipality ${municipalityCode} belongs to no region this platform serves`,
        'municipalityCode',
      );
    }
    return policyOf(row);
  }
}
