import { HttpStatus, Injectable } from '@nestjs/common';
import {
  mergePolicyOverrides,
  PolicyValidationError,
  type TrajectoryPolicy,
  type TrajectoryPolicyOverrides,
} from '@app/domain';
import { RegionDirectory, RegisterError } from '@app/register';
import { ApiException } from '../common/domain-errors';

function unprocessable(message: string, errors: { field: string; message: string }[]): ApiException {
  return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'DOMAIN_RULE_VIOLATION', message, { errors });
}

/**
 * The policy version a trajectory freezes at its start (decisions.md 2): the published policy of the region
 * its municipality belongs to (regions as data: its payment split, days off and deadlines), with the
 * per-trajectory overrides (e.g. an evaluation interval set by the client's vulnerability, R-TIME-05)
 * validated by the domain. A municipality outside every region, or overrides that break a rule, answer 422.
 */
@Injectable()
export class PolicySnapshots {
  constructor(private readonly regions: RegionDirectory) {}

  async policyFor(
    municipalityCode: string,
    overrides?: TrajectoryPolicyOverrides,
  ): Promise<TrajectoryPolicy> {
    const base = await this.regionPolicy(municipalityCode);
    if (!overrides || Object.keys(overrides).length === 0) return base;
    try {
      return mergePolicyOverrides(base, overrides);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      throw unprocessable(
        'Invalid policy overrides',
        error.problems.map((p) => ({ field: `policyOverrides.${p.split(':')[0]}`, message: p })),
      );
    }
  }

  private async regionPolicy(municipalityCode: string): Promise<TrajectoryPolicy> {
    try {
      return await this.regions.policyOfMunicipality(municipalityCode);
    } catch (error) {
      if (error instanceof RegisterError && error.code === 'NOT_FOUND') {
        throw unprocessable(error.message, [{ field: 'municipalityCode', message: error.message }]);
      }
      throw error;
    }
  }
}
