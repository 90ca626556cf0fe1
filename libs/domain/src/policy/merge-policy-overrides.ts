import {
  OVERRIDABLE_POLICY_FIELDS,
  OverridablePolicyField,
  TrajectoryPolicy,
  TrajectoryPolicyOverrides,
} from './trajectory-policy';
import { PolicyValidationError, validateTrajectoryPolicy } from './validate-trajectory-policy';

const OVERRIDABLE: ReadonlySet<string> = new Set(OVERRIDABLE_POLICY_FIELDS);

/**
 * A trajectory's own policy: the region's version with some timers or limits changed, for example an
 * evaluation interval set by the client's vulnerability (R-TIME-05). Identity (policyId, version) stays
 * the region's, and `overriddenFields` records what changed, for the audit trail. Fields left undefined
 * keep the base value. Throws PolicyValidationError listing every problem, including fields that only a
 * new region policy version may change.
 */
export function mergePolicyOverrides(
  base: TrajectoryPolicy,
  overrides: TrajectoryPolicyOverrides,
): TrajectoryPolicy {
  const problems: string[] = [];
  const changed: OverridablePolicyField[] = [];
  const merged: Record<string, unknown> = { ...base };

  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!OVERRIDABLE.has(key)) {
      problems.push(`${key}: cannot be overridden per trajectory; publish a new policy version instead`);
      continue;
    }
    const field = key as OverridablePolicyField;
    merged[field] =
      field === 'decisionValidity' && typeof value === 'object' && value !== null
        ? { ...base.decisionValidity, ...value }
        : value;
    changed.push(field);
  }

  merged.overriddenFields = [
    ...base.overriddenFields,
    ...changed.filter((f) => !base.overriddenFields.includes(f)),
  ];
  const policy = merged as unknown as TrajectoryPolicy;
  problems.push(...validateTrajectoryPolicy(policy));
  if (problems.length > 0) throw new PolicyValidationError(problems);
  return policy;
}
