import { ApiProperty } from '@nestjs/swagger';
import { TRAJECTORY_SPLIT_PRESETS } from '@app/domain';

class MunicipalityDto {
  @ApiProperty({ example: 'GM0405', description: 'CBS municipality code' }) municipalityCode: string;
  @ApiProperty({ example: 'Hoorn' }) name: string;
}

/** A region (regio) with its municipalities and the policy a trajectory started there today freezes. */
export class RegionDto {
  @ApiProperty({ example: 'FRIESLAND' }) regionId: string;
  @ApiProperty({ example: 'Fryslân' }) name: string;
  @ApiProperty({ enum: TRAJECTORY_SPLIT_PRESETS, description: 'decisions.md 1, 7; R-PAY-01..03' })
  paymentSplit: string;
  @ApiProperty({ example: '2026.1' }) policyVersion: string;
  @ApiProperty({ type: [MunicipalityDto] }) municipalities: MunicipalityDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The TrajectoryPolicy snapshot' })
  policy: Record<string, unknown>;
}
