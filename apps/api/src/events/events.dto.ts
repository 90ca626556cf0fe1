import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { EVENT_CATALOGUE } from '@app/notify';
import { Optional } from '../validation/optional';

const EVENT_TYPE_NAMES = EVENT_CATALOGUE.map((e) => e.type);

/** `a,b` or repeated `types=a&types=b` → a list. */
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter((v) => v !== '') : value;

export class EventFeedQueryDto {
  @ApiPropertyOptional({
    description: 'The `next` cursor of the previous page; omit to start at the oldest event you may see',
    example: 'MTIzNDUuNjc4',
  })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'after must be a cursor this API gave out' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Only these event types (comma-separated)',
    type: [String],
    example: 'trajectory.plan-approved.v1,notice.decision-issued.v1',
  })
  @Optional()
  @Transform(commaList)
  @ArrayMaxSize(100)
  @IsIn(EVENT_TYPE_NAMES, {
    each: true,
    message: 'types must be event types of the catalogue (GET /events/types)',
  })
  types?: string[];
}

export class EventLinksDto {
  @ApiProperty({ example: '/trajectories/trajectory-GM0363-CASE-2026-0001' })
  trajectory: string;
  @ApiPropertyOptional({ example: '/escalations/esc-1' })
  escalation?: string;
  @ApiPropertyOptional({
    example: '/chain/messages/5b0c…',
    description: 'Chain messages: the message itself',
  })
  message?: string;
}

export class ChainMessagePayloadDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '301' })
  code: string;
  @ApiProperty({ enum: ['iJw', 'iWmo'] })
  standard: string;
  @ApiProperty({ example: '301000017', description: 'BerichtIdentificatie/Identificatie' })
  identification: string;
  @ApiProperty({ description: "The message's XML without the client block (the case system adds it)" })
  xml: string;
}

export class EventDataDto {
  @ApiProperty({ example: 'trajectory-GM0363-CASE-2026-0001' })
  trajectoryId: string;
  @ApiProperty({ example: 'GM0363' })
  municipalityCode: string;
  @ApiProperty({ nullable: true, type: String, example: 'PRV-0001' })
  providerId: string | null;
  @ApiProperty({ example: 7, description: 'Per trajectory 1, 2, 3 … over all event types' })
  sequence: number;
  @ApiProperty({ nullable: true, type: String })
  escalationId: string | null;
  @ApiPropertyOptional({ example: 'LOCAL_TEAM', description: 'State changes: who acted, by role' })
  actorRole?: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  planVersion?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  decisionVersion?: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'State changes: codes and ids',
  })
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'PROVIDER', description: 'Notices: the role it is for' })
  audience?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  ids?: Record<string, string>;
  @ApiPropertyOptional({ type: ChainMessagePayloadDto, description: 'Chain messages: the message' })
  message?: ChainMessagePayloadDto;
  @ApiProperty({ type: EventLinksDto })
  links: EventLinksDto;
}

export class LifecycleEventDto {
  @ApiProperty({ example: 'evt_2o8Q0n8xJm2m6F1pW0cH3kV9aB' })
  id: string;
  @ApiProperty({ example: 'trajectory.plan-approved.v1' })
  type: string;
  @ApiProperty({ format: 'date-time' })
  timestamp: string;
  @ApiProperty({ type: EventDataDto })
  data: EventDataDto;
}

export class EventFeedPageDto {
  @ApiProperty({ type: [LifecycleEventDto] })
  events: LifecycleEventDto[];
  @ApiProperty({ description: 'Pass as `after` for the next page (the same cursor when nothing new came)' })
  next: string;
}

export class EventTypeDto {
  @ApiProperty({ example: 'trajectory.plan-approved.v1' })
  type: string;
  @ApiProperty({ enum: ['state-change', 'notice', 'chain-message'] })
  family: string;
  @ApiProperty({ example: 'PLAN_APPROVED', description: 'The audit type or notice topic it comes from' })
  source: string;
  @ApiProperty()
  description: string;
}
