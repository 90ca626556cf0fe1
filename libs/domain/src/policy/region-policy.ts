import { DEFAULT_TRAJECTORY_POLICY } from './default-trajectory-policy';
import type { TrajectoryPolicy, TrajectorySplitPreset } from './trajectory-policy';
import { PolicyValidationError, validateTrajectoryPolicy } from './validate-trajectory-policy';

/**
 * A region's published policy as the region directory keeps it (regio; decisions.md 2): its identity, its
 * trajectory payment split (decisions.md 1, 7), its own days off, and the policy fields it sets apart from
 * the product's defaults.
 */
export interface RegionPolicyRecord {
  regionId: string;
  policyVersion: string;
  paymentSplit: TrajectorySplitPreset;
  /** The region's own extra days off, 'YYYY-MM-DD'. */
  holidays: readonly string[];
  /** TrajectoryPolicy fields other than the identity, the split and the holidays. */
  settings: Readonly<Record<string, unknown>>;
}

/** Set from the record's own columns; a region cannot set them through `settings`. */
const NOT_IN_SETTINGS: ReadonlySet<string> = new Set([
  'policyId',
  'version',
  'regionId',
  'regionTrajectorySplit',
  'holidays',
  'overriddenFields',
]);

/**
 * The policy a trajectory of this region freezes when it starts: the product's defaults, the region's
 * settings over them, and its identity, split and days off. Throws PolicyValidationError listing every
 * problem, so that a region's bad configuration is refused where it is read, never run.
 */
export function regionPolicy(record: RegionPolicyRecord): TrajectoryPolicy {
  const problems = Object.keys(record.settings)
    .filter((key) => NOT_IN_SETTINGS.has(key))
    .map((key) => `settings.${key}: set by the region's own columns, not its settings`);
  const policy = {
    ...DEFAULT_TRAJECTORY_POLICY,
    ...record.settings,
    policyId: `trajectory-policy/${record.regionId}`,
    version: record.policyVersion,
    regionId: record.regionId,
    regionTrajectorySplit: record.paymentSplit,
    holidays: [...record.holidays],
    overriddenFields: [],
  } as TrajectoryPolicy;
  problems.push(...validateTrajectoryPolicy(policy));
  if (problems.length > 0) throw new PolicyValidationError(problems);
  return policy;
}
