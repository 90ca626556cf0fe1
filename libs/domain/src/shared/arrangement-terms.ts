import type { PaymentPolicyPreset, PricingBasis } from '../payments';
import type { PaymentPeriodLength } from '../policy';

/** domain.md §1.2: segment A (preventive), B (one tariff per arrangement), C (tailored). */
export type CareSegment = 'A' | 'B' | 'C';
/** domain.md §1.2 (proposal [001:L533-538]): low vs high complexity, a field separate from the segment. */
export type ComplexityClass = 'LOW' | 'HIGH';
/** The law the trajectory falls under: Wmo 2015 support or the Jeugdwet (domain.md §1.6). */
export type CareDomain = 'WMO' | 'JEUGD';
/** domain.md §7.2 Arrangement `trajectoryType`. */
export type TrajectoryType = 'RECOVERY' | 'DURABLE' | 'ANNUAL_HIGH_COMPLEX' | 'OTHER';

/**
 * The priced arrangement (arrangement: profile × intensity, domain.md §1.2, §7.2) as the API resolved it
 * from the regional catalogue. The tariff is an average price, not a maximum (R-TAR-05), in integer cents
 * per unit of the pricing basis. `segment` and `domain`, when given, must match the trajectory
 * (domain.md §7.4 `requestArrangementChange`: "valid for domain and segment").
 */
export interface ArrangementTerms {
  code: string;
  tariffCents: number;
  pricingBasis: PricingBasis;
  periodLength?: PaymentPeriodLength;
  trajectoryType: TrajectoryType;
  segment?: CareSegment;
  domain?: CareDomain;
  /** The region whose catalogue holds the arrangement; must be the trajectory's (its policy's regionId). */
  regionId?: string;
  /** The support profile and intensity the arrangement prices; a plan naming it must name the same. */
  profileCode?: string;
  intensityCode?: string;
  /**
   * The catalogue's own payment preset for this arrangement, when it has one: it wins over the region's
   * split (decisions.md 1, 7). Absent: the region's split, or the pricing basis's one preset.
   */
  paymentPreset?: PaymentPolicyPreset;
}
