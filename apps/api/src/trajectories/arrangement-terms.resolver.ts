import { HttpStatus, Injectable } from '@nestjs/common';
import type { ArrangementTerms } from '@app/domain';
import { ArrangementCatalogue, LedgerError, amsterdamDate } from '@app/ledger';
import { ApiException } from '../common/domain-errors';

/**
 * Callers name an arrangement by its code; the tariff and pricing basis come from the regional catalogue
 * valid on the day (R-TAR-03, decisions.md 1), never from the request (P06: no tariff negotiation at the front).
 */
@Injectable()
export class ArrangementTermsResolver {
  constructor(private readonly catalogue: ArrangementCatalogue) {}

  async resolve(code: string, field: string, on: Date = new Date()): Promise<ArrangementTerms> {
    try {
      const a = await this.catalogue.validOn(code, amsterdamDate(on));
      return {
        code: a.code,
        tariffCents: a.tariffCents,
        pricingBasis: a.pricingBasis,
        ...(a.pricingBasis === 'PER_MONTH' ? { periodLength: 'P1M' as const } : {}),
        ...(a.pricingBasis === 'PER_4_WEEKS' ? { periodLength: 'P4W' as const } : {}),
        trajectoryType: a.trajectoryType,
        segment: a.segment,
        domain: a.domain,
        regionId: a.region,
        profileCode: a.profileCode,
        intensityCode: a.intensity.code,
        ...(a.paymentPresetOverride !== null ? { paymentPreset: a.paymentPresetOverride } : {}),
      };
    } catch (error) {
      if (error instanceof LedgerError && error.code === 'NOT_FOUND') {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'DOMAIN_RULE_VIOLATION', error.message, {
          errors: [{ field, message: `no arrangement ${code} in the catalogue for today` }],
        });
      }
      throw error;
    }
  }
}
