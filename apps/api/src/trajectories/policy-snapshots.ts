import { HttpStatus, Injectable } from '@nestjs/common';
import {
  DEFAULT_TRAJECTORY_POLICY,
  mergePolicyOverrides,
  PolicyValidationError,
  type TrajectoryPolicy,
  type TrajectoryPolicyOverrides,
} from '@app/domain';
import { ApiException } from '../common/domain-errors';

/**
 * The policy version a trajectory freezes at its start (decisions.md 2). One region is configured today
 * (the West-Friesland demo policy); per-trajectory overrides (e.g. an evaluation interval set by the client's
 * vulnerability, R-TIME-05) are validated by the domain and refused with 422 when they break a rule.
 */
@Injectable()
export class PolicySnapshots {
  policyFor(_municipalityCode: string, overrides?: TrajectoryPolicyOverrides): TrajectoryPolicy {
    const base = DEFAULT_TRAJECTORY_POLICY;
    if (!overrides || Object.keys(overrides).length === 0) return base;
    try {
      return mergePolicyOverrides(base, overrides);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'DOMAIN_RULE_VIOLATION',
        'Invalid policy overrides',
        {
          errors: error.problems.map((p) => ({ field: `policyOverrides.${p.split(':')[0]}`, message: p })),
        },
      );
    }
  }
}
