import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CARE_DOMAINS, CARE_SEGMENTS, type CareDomain, type CareSegment } from '@app/contracts';
import { PAYMENT_POLICY_PRESETS, PRICING_BASES } from '@app/domain';
import type { ArrangementView } from '@app/ledger';
import { Optional } from '../../validation/optional';
import { IsIsoDate } from '../../validation/iso-dates';

export class ListArrangementsQueryDto {
  @ApiPropertyOptional({ enum: CARE_DOMAINS })
  @Optional()
  @IsIn(CARE_DOMAINS)
  domain?: CareDomain;

  @ApiPropertyOptional({ enum: CARE_SEGMENTS })
  @Optional()
  @IsIn(CARE_SEGMENTS)
  segment?: CareSegment;

  @ApiPropertyOptional({ example: 'WEST-FRIESLAND' })
  @Optional()
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: 'region must be an upper-case region code' })
  region?: string;

  @ApiPropertyOptional({ example: '2026-06-01', description: 'Only tariff versions valid on this date' })
  @Optional()
  @IsIsoDate()
  validOn?: string;
}

export class ArrangementVersionQueryDto {
  @ApiPropertyOptional({
    example: '2027-03-01',
    description: 'Return only the version valid on this date (404 if none)',
  })
  @Optional()
  @IsIsoDate()
  validOn?: string;
}

class IntensityDto {
  @ApiProperty({ example: 'MIDDEN' })
  code: string;
  @ApiProperty({ example: 2, description: 'Order within the profile (domain.md C2)' })
  rank: number;
  @ApiProperty({ example: 'midden' })
  label: string;
}

class DurationDto {
  @ApiProperty({ example: 9 })
  value: number;
  @ApiProperty({ enum: ['MONTHS', 'WEEKS'] })
  unit: 'MONTHS' | 'WEEKS';
}

class IStandaardenDto {
  @ApiProperty({ example: '45', description: 'Productcategorie (iJw JZ020 / iWmo WMO020)' })
  productCategory: string;
  @ApiProperty({ example: '45R12' })
  productCode: string;
  @ApiProperty({ example: '83', description: "Eenheid WJ756: 82 stuks (output), 83 euro's" })
  unitCode: string;
  @ApiProperty({
    example: '6',
    description: 'Frequentie WJ757: 4 per maand, 6 totaal binnen geldigheidsduur',
  })
  frequencyCode: string;
}

export class ArrangementDto implements ArrangementView {
  @ApiProperty({ example: 'WF-J-B-OPV-M' })
  code: string;
  @ApiProperty({ example: 'WEST-FRIESLAND' })
  region: string;
  @ApiProperty({ enum: CARE_DOMAINS })
  domain: CareDomain;
  @ApiProperty({ enum: CARE_SEGMENTS })
  segment: CareSegment;
  @ApiProperty({ example: 'J-OPV' })
  profileCode: string;
  @ApiProperty({ example: 'Opvoed- en opgroeiondersteuning' })
  profileLabel: string;
  @ApiProperty({ type: IntensityDto })
  intensity: IntensityDto;
  @ApiProperty({ enum: PRICING_BASES.filter((b) => b !== 'TASK') })
  pricingBasis: ArrangementView['pricingBasis'];
  @ApiProperty({
    example: 540000,
    description: 'AVERAGE price in cents per unit of the pricing basis (R-TAR-05)',
  })
  tariffCents: number;
  @ApiProperty({ enum: ['RECOVERY', 'DURABLE', 'ANNUAL_HIGH_COMPLEX', 'OTHER'] })
  trajectoryType: ArrangementView['trajectoryType'];
  @ApiProperty({ type: DurationDto })
  defaultDuration: DurationDto;
  @ApiProperty({ example: '2026-01-01' })
  validFrom: string;
  @ApiProperty({
    example: '2026-12-31',
    nullable: true,
    type: String,
    description: 'Inclusive; null = open-ended',
  })
  validTo: string | null;
  @ApiProperty({ type: IStandaardenDto })
  iStandaarden: IStandaardenDto;
  @ApiProperty({ enum: PAYMENT_POLICY_PRESETS, nullable: true })
  paymentPresetOverride: ArrangementView['paymentPresetOverride'];
  @ApiProperty({ enum: PAYMENT_POLICY_PRESETS, example: 'WF_RECOVERY' })
  effectivePaymentPreset: ArrangementView['effectivePaymentPreset'];
  @ApiProperty({ example: true, description: 'true: demonstration numbers, not a real tariff' })
  demo: boolean;
}
