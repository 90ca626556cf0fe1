import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, Length, Matches } from 'class-validator';
import { Optional } from '../../validation/optional';
import { IsIsoDate } from '../../validation/iso-dates';

export const REGION_ID = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;
/** A provider's id in the register: the same as in tokens (`providerId`) and plans (`leadProviderId`). */
export const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export class ListProvidersQueryDto {
  @ApiPropertyOptional({
    example: 'WEST-FRIESLAND',
    description: 'Providers with a contract or freeze there',
  })
  @Optional()
  @Matches(REGION_ID, { message: 'regionId must be an upper-case region code' })
  regionId?: string;
}

/** A provider organisation (aanbieder) in the register; its name is an organisation's, never a person's. */
export class PutProviderDto {
  @ApiProperty({ example: 'Horizon Jeugd en Gezin' })
  @Length(2, 200)
  // A name is text on one line: no control characters (PostgreSQL cannot even store NUL).
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'name must not hold control characters' })
  name: string;

  @ApiPropertyOptional({
    example: '98000001',
    description: 'AGB code (8 digits): how the iJw/iWmo chain names the provider; kept when left out',
  })
  @Optional()
  @Matches(/^\d{8}$/, { message: 'agbCode must be 8 digits' })
  agbCode?: string;
}

/** A contract: the provider may deliver an arrangement in a region over a period (R-ROLE-06). */
export class NewContractDto {
  @ApiProperty({ example: 'WEST-FRIESLAND' })
  @Matches(REGION_ID, { message: 'regionId must be an upper-case region code' })
  regionId: string;
  @ApiProperty({ example: 'WF-J-B-OPV-M', description: 'From the region’s catalogue (GET /arrangements)' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'arrangementCode must be an arrangement code' })
  arrangementCode: string;
  @ApiProperty({ description: 'R-ROLE-06: may the provider, as lead provider, work with subcontractors' })
  @IsBoolean()
  subcontractingAllowed: boolean;
  @ApiProperty({ example: '2026-01-01' })
  @IsIsoDate()
  validFrom: string;
  @ApiPropertyOptional({ example: '2027-12-31', description: 'Inclusive; open-ended when absent' })
  @Optional()
  @IsIsoDate()
  validTo?: string;
}

export class EndContractDto {
  @ApiProperty({ example: '2026-12-31', description: 'The last day of the contract (inclusive)' })
  @IsIsoDate()
  validTo: string;
}

/** A client intake freeze (cliëntenstop, R-END-03): no new trajectories with the provider in the region. */
export class NewIntakeFreezeDto {
  @ApiProperty({ example: 'WEST-FRIESLAND' })
  @Matches(REGION_ID, { message: 'regionId must be an upper-case region code' })
  regionId: string;
  @ApiProperty({ example: '2026-12-07' })
  @IsIsoDate()
  startsOn: string;
  @ApiPropertyOptional({ example: '2027-03-31', description: 'Inclusive; until lifted when absent' })
  @Optional()
  @IsIsoDate()
  endsOn?: string;
  @ApiProperty({ example: 'UNDERPERFORMANCE', description: 'Why (R-END-03), as a code' })
  @Matches(CODE, { message: 'reasonCode must be an upper-case code' })
  reasonCode: string;
  @ApiPropertyOptional({ example: 'cm-letter-2026-114', description: 'Reference to the written reasoning' })
  @Optional()
  @Matches(REF, { message: 'reasonRef must be a reference id, not free text' })
  reasonRef?: string;
}

export class LiftIntakeFreezeDto {
  @ApiPropertyOptional({
    example: '2027-01-15',
    description: 'From this day the freeze no longer holds; default today',
  })
  @Optional()
  @IsIsoDate()
  liftedOn?: string;
}

class ContractDto {
  @ApiProperty() contractId: string;
  @ApiProperty() providerId: string;
  @ApiProperty() regionId: string;
  @ApiProperty() arrangementCode: string;
  @ApiProperty() subcontractingAllowed: boolean;
  @ApiProperty() validFrom: string;
  @ApiProperty({ nullable: true, type: String }) validTo: string | null;
  @ApiProperty() createdBy: string;
}

class IntakeFreezeDto {
  @ApiProperty() freezeId: string;
  @ApiProperty() providerId: string;
  @ApiProperty() regionId: string;
  @ApiProperty() startsOn: string;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() reasonCode: string;
  @ApiProperty({ nullable: true, type: String }) reasonRef: string | null;
  @ApiProperty() setBy: string;
  @ApiProperty({ nullable: true, type: String }) liftedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) liftedBy: string | null;
}

export class ProviderDto {
  @ApiProperty({ example: 'PRV-HORIZON' }) providerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, example: '98000001' }) agbCode: string | null;
  @ApiProperty({ type: [ContractDto] }) contracts: ContractDto[];
  @ApiProperty({ type: [IntakeFreezeDto] }) intakeFreezes: IntakeFreezeDto[];
}

export { ContractDto, IntakeFreezeDto };
