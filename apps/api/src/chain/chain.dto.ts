import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../validation/optional';

const DIRECTIONS = ['IN', 'OUT'] as const;
/** Text on one line: no control characters (a class every regex dialect reads alike). */
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;
const CODES = ['301', '305', '307', '315', '317', '319', '323', '325'] as const;

/** Query of POST /chain/messages: what only the case system knows when it relays a 315. */
export class ReceiveMessageQueryDto {
  @ApiPropertyOptional({
    example: 'c-7f3a9b',
    description: '315 only: the pseudonymous id of the client the case system knows (never a BSN)',
  })
  @Optional()
  @Matches(/^[A-Za-z0-9._-]{4,100}$/, {
    message: 'clientId must be a pseudonymous id of 4-100 safe characters',
  })
  clientId?: string;

  @ApiPropertyOptional({
    example: 'CASE-2026-0042',
    description:
      '315 only: the case reference of the trajectory (default: derived from the provider’s reference)',
  })
  @Optional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'caseReference must be 1-64 letters, digits, dot, dash or underscore',
  })
  caseReference?: string;
}

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ enum: DIRECTIONS })
  @Optional()
  @IsIn(DIRECTIONS)
  direction?: (typeof DIRECTIONS)[number];

  @ApiPropertyOptional({ enum: CODES })
  @Optional()
  @IsIn(CODES)
  code?: (typeof CODES)[number];

  @ApiPropertyOptional({ example: 'trajectory-GM0405-CASE-2026-0001' })
  @Optional()
  @Matches(/^[A-Za-z0-9._:-]{1,200}$/, { message: 'trajectoryId must be a trajectory id' })
  trajectoryId?: string;

  @ApiPropertyOptional({ description: 'The `next` of the previous page' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'before must be a cursor this API gave out' })
  before?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RetourDto {
  @ApiProperty({ example: '9019', description: 'Retourcode (WJ001)' })
  code: string;
  @ApiProperty({ example: 'Het regiebericht kan niet gekoppeld worden aan een toewijzing' })
  text: string;
  @ApiPropertyOptional({ example: 'StartProduct 1' })
  about?: string;
  @ApiPropertyOptional({ description: 'What the product found' })
  detail?: string;
}

export class AnswerRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '319' })
  messageCode: string;
  @ApiProperty({ example: '1042' })
  identification: string;
}

export class ChainAnswerDto {
  @ApiProperty({ format: 'uuid' })
  messageId: string;
  @ApiProperty({ example: '305' })
  messageCode: string;
  @ApiProperty({ enum: ['iJw', 'iWmo'] })
  standard: string;
  @ApiProperty({ example: 'MSG-2026-0001', description: 'The message’s BerichtIdentificatie' })
  identification: string;
  @ApiProperty({ enum: ['ACCEPTED', 'PARTLY_ACCEPTED'] })
  status: string;
  @ApiProperty({ type: [RetourDto], description: '0200 (or 8001 for a fully honoured 323) when all is well' })
  retour: RetourDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the message did, per line' })
  outcome: Record<string, unknown>;
  @ApiProperty({ type: [AnswerRefDto], description: 'Messages written in answer (319, 325)' })
  answers: AnswerRefDto[];
  @ApiProperty({ description: 'The same message was answered before; nothing was applied again' })
  replayed: boolean;
  @ApiPropertyOptional({
    description: '323 only, first answer: the complete 325 XML (with the BSNs of the 323). Not stored.',
  })
  declarationAnswerXml?: string;
}

export class ChainMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: DIRECTIONS })
  direction: string;
  @ApiProperty({ enum: CODES })
  messageCode: string;
  @ApiProperty()
  identification: string;
  @ApiProperty({ format: 'date' })
  dated: string;
  @ApiProperty({ nullable: true, type: String })
  municipalityCode: string | null;
  @ApiProperty({ nullable: true, type: String })
  providerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  trajectoryId: string | null;
  @ApiProperty({ enum: ['ACCEPTED', 'REFUSED', 'WRITTEN'] })
  status: string;
  @ApiProperty({ type: [RetourDto] })
  retour: RetourDto[];
  @ApiProperty({ type: 'object', additionalProperties: true })
  outcome: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'The message this one answers' })
  answerTo: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class ChainMessagePageDto {
  @ApiProperty({ type: [ChainMessageDto] })
  messages: ChainMessageDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `before` for the next (older) page' })
  next: string | null;
}

export class ClientContactDto {
  @ApiProperty({
    example: '01',
    description: 'Soort (COD757): 01 BRP-adres, 02 correspondentie, 03 verblijf',
  })
  @IsIn(['01', '02', '03', '04'])
  kind: string;
  @ApiPropertyOptional({ example: 12 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(99999)
  houseNumber?: number;
  @ApiPropertyOptional({ example: 'A' })
  @Optional()
  @Length(1, 1)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  houseLetter?: string;
  @ApiPropertyOptional({ example: 'bis' })
  @Optional()
  @Length(1, 4)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  houseNumberAddition?: string;
  @ApiPropertyOptional({ example: '1621AB' })
  @Optional()
  @Length(1, 8)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  postcode?: string;
  @ApiPropertyOptional({ example: 'Grote Oost' })
  @Optional()
  @Length(1, 24)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  street?: string;
  @ApiPropertyOptional({ example: 'Hoorn' })
  @Optional()
  @Length(1, 80)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  city?: string;
  @ApiPropertyOptional({ example: 'NL' })
  @Optional()
  @Matches(/^[A-Z]{2}$/)
  countryCode?: string;
}

/**
 * The client block the case system adds when a 301 leaves (decisions.md 11). The product uses it for this
 * answer only: it is not stored, logged or sent anywhere else.
 */
export class ClientBlockDto {
  @ApiProperty({ example: '999990019', description: 'Bsn: 9 digits passing the eleven-test' })
  @Matches(/^[0-9]{9}$/, { message: 'bsn must be 9 digits' })
  bsn: string;
  @ApiProperty({ example: '2014-03-09' })
  @Matches(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate: string;
  @ApiPropertyOptional({
    example: '1',
    description: 'DatumGebruik (COD170) when part of the date is unknown',
  })
  @Optional()
  @IsIn(['1', '2', '3'])
  birthDateUsage?: string;
  @ApiProperty({ example: '2', description: 'Geslacht (COD046): 0 onbekend, 1 man, 2 vrouw' })
  @IsIn(['0', '1', '2'])
  gender: string;
  @ApiProperty({ example: 'Jansen' })
  @Length(1, 200)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  lastName: string;
  @ApiPropertyOptional({ example: 'de' })
  @Optional()
  @Length(1, 10)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  lastNamePrefix?: string;
  @ApiPropertyOptional({ example: 'Sanne Maria' })
  @Optional()
  @Length(1, 200)
  @Matches(NO_CONTROL, { message: 'no control characters' })
  firstNames?: string;
  @ApiPropertyOptional({ example: 'SM' })
  @Optional()
  @Matches(/^[a-zA-ZÀ-ỳ]{1,6}$/u)
  initials?: string;
  @ApiProperty({ example: '1', description: 'NaamGebruik (COD700), 1-5' })
  @IsIn(['1', '2', '3', '4', '5'])
  nameUsage: string;
  @ApiProperty({ type: [ClientContactDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ClientContactDto)
  contacts: ClientContactDto[];
}
