import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, Matches, MaxLength } from 'class-validator';
import { MUNICIPALITY_CODE } from '@app/contracts';
import { MAIL_AUDIENCES, type ContactAudience } from '@app/persistence';
import { Optional } from '../validation/optional';
import { IsIsoDate } from '../validation/iso-dates';

/** A plain mailbox address; a pattern (not IsEmail) so the OpenAPI document states exactly what is accepted. */
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}$/;

export class CreateMailContactDto {
  @ApiPropertyOptional({
    example: 'GM0363',
    description: 'Municipality roles: the municipality (default: your only one)',
  })
  @Optional()
  @Matches(MUNICIPALITY_CODE, { message: 'municipalityCode must be a CBS municipality code' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'PRV-0001', description: 'PROVIDER: the provider (providers: their own)' })
  @Optional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'providerId must be a provider id' })
  providerId?: string;

  @ApiProperty({ enum: MAIL_AUDIENCES, description: 'The role whose mail this address gets' })
  @IsIn(MAIL_AUDIENCES)
  audience: ContactAudience;

  @ApiProperty({ example: 'lokaalteam-noord@gemeente.example', description: 'A team mailbox is best' })
  @MaxLength(254)
  @Matches(EMAIL, { message: 'email must be an e-mail address (name@domain.tld)' })
  email: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @Optional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';

  @ApiPropertyOptional({ default: true, description: 'A mail per notice (decision issued, reminder …)' })
  @Optional()
  @IsBoolean()
  perEvent?: boolean;

  @ApiPropertyOptional({ default: true, description: 'The daily digest of what waits and what is overdue' })
  @Optional()
  @IsBoolean()
  digest?: boolean;
}

export class MailContactDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ nullable: true, type: String })
  municipalityCode: string | null;
  @ApiProperty({ nullable: true, type: String })
  providerId: string | null;
  @ApiProperty({ enum: MAIL_AUDIENCES })
  audience: ContactAudience;
  @ApiProperty()
  email: string;
  @ApiProperty({ enum: ['nl', 'en'] })
  language: 'nl' | 'en';
  @ApiProperty()
  perEvent: boolean;
  @ApiProperty()
  digest: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ComposeDigestsDto {
  @ApiPropertyOptional({
    example: '2026-12-07',
    description: 'The local day (default: today in Europe/Amsterdam)',
  })
  @Optional()
  @IsIsoDate()
  day?: string;
}

export class DigestsComposedDto {
  @ApiProperty({ example: '2026-12-07' })
  day: string;
  @ApiProperty({ example: 4, description: 'Digest mails queued now (one per contact and day at most)' })
  composed: number;
}
