import { Injectable } from '@nestjs/common';
import { RegionDirectory, RegisterError } from '@app/register';
import type { Principal } from '../auth/principal';

/**
 * Which regions a contract manager keeps: without municipalities in the token, every region (a regional
 * contract-management body, netwerkorganisatie); with them, the regions those municipalities belong to.
 * Outside that scope the region answers 404, exactly like one that does not exist.
 */
@Injectable()
export class ContractScope {
  constructor(private readonly regions: RegionDirectory) {}

  async assertManages(principal: Principal, regionId: string): Promise<void> {
    const region = await this.regions.get(regionId).catch((error: unknown) => {
      if (error instanceof RegisterError) throw new RegisterError('NOT_FOUND', error.message, 'regionId');
      throw error;
    });
    if (principal.municipalities.length === 0) return;
    const own = region.municipalities.some((m) => principal.municipalities.includes(m.municipalityCode));
    if (!own) throw new RegisterError('NOT_FOUND', `no region ${regionId}`, 'regionId');
  }
}
