import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { MUNICIPALITY_CODE } from '@app/contracts';
import { EVENT_CATALOGUE } from '@app/notify';
import { Optional } from '../validation/optional';

const EVENT_TYPE_NAMES = EVENT_CATALOGUE.map((e) => e.type);
const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/**
 * A label for the receiver's owner, code-like (no spaces): nothing about a person fits in it, the rule for every
 * text a caller sends (decisions.md 11).
 */
const LABEL = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * The shape a receiver URL has (scheme, host, optional port and path); which hosts are allowed is the target
 * policy's (libs/notify delivery-target.ts), checked after this.
 */
const URL_SHAPE =
  /^https?:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?(\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?$/;

class TenantFields {
  @ApiPropertyOptional({
    example: 'GM0363',
    description: 'The municipality it is for (default: your only one); region-wide operators name one',
  })
  @Optional()
  @Matches(MUNICIPALITY_CODE, { message: 'municipalityCode must be a CBS municipality code' })
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'PRV-0001', description: 'The provider it is for (providers: their own)' })
  @Optional()
  @Matches(PROVIDER_ID, { message: 'providerId must be a provider id' })
  providerId?: string;
}

export class CreateSubscriptionDto extends TenantFields {
  @ApiProperty({
    example: 'https://case-system.gemeente.example/webhooks/perspective-plans',
    description:
      'https URL of your receiver; loopback and private ranges only where the configuration allows',
  })
  @IsString()
  @MaxLength(2048)
  @Matches(URL_SHAPE, { message: 'url must be an absolute http(s) URL' })
  url: string;

  @ApiProperty({ type: [String], example: ['notice.decision-issued.v1', 'trajectory.trajectory-closed.v1'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsIn(EVENT_TYPE_NAMES, {
    each: true,
    message: 'eventTypes must be event types of the catalogue (GET /events/types)',
  })
  eventTypes: string[];

  @ApiPropertyOptional({ example: 'zaaksysteem-productie', maxLength: 100 })
  @Optional()
  @IsString()
  @Matches(LABEL, {
    message: 'description must be a label of letters, digits and . _ : - (no spaces), at most 100',
  })
  description?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'PAUSED'], default: 'ACTIVE' })
  @Optional()
  @IsIn(['ACTIVE', 'PAUSED'])
  status?: 'ACTIVE' | 'PAUSED';
}

export class UpdateSubscriptionDto {
  @ApiPropertyOptional({ example: 'https://case-system.gemeente.example/webhooks/v2' })
  @Optional()
  @IsString()
  @MaxLength(2048)
  @Matches(URL_SHAPE, { message: 'url must be an absolute http(s) URL' })
  url?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsIn(EVENT_TYPE_NAMES, {
    each: true,
    message: 'eventTypes must be event types of the catalogue (GET /events/types)',
  })
  eventTypes?: string[];

  @ApiPropertyOptional({ example: 'zaaksysteem-productie', maxLength: 100 })
  @Optional()
  @IsString()
  @Matches(LABEL, {
    message: 'description must be a label of letters, digits and . _ : - (no spaces), at most 100',
  })
  description?: string;

  @ApiPropertyOptional({
    enum: ['ACTIVE', 'PAUSED'],
    description: 'PAUSED holds deliveries (nothing is lost); ACTIVE sends them again, in order',
  })
  @Optional()
  @IsIn(['ACTIVE', 'PAUSED'])
  status?: 'ACTIVE' | 'PAUSED';
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ nullable: true, type: String, example: 'GM0363' })
  municipalityCode: string | null;
  @ApiProperty({ nullable: true, type: String })
  providerId: string | null;
  @ApiProperty()
  url: string;
  @ApiProperty({ type: [String] })
  eventTypes: string[];
  @ApiProperty({ nullable: true, type: String })
  description: string | null;
  @ApiProperty({ enum: ['ACTIVE', 'PAUSED'] })
  status: 'ACTIVE' | 'PAUSED';
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Until when the previous secret signs too',
  })
  previousSecretValidUntil: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SubscriptionWithSecretDto extends SubscriptionDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Shown once: verify the webhook-signature header with it (Standard Webhooks)',
  })
  secret: string;
}

export class DeadLetterDto {
  @ApiProperty({ example: '1234' })
  deliveryId: string;
  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;
  @ApiProperty()
  eventId: string;
  @ApiProperty()
  eventType: string;
  @ApiProperty()
  trajectoryId: string;
  @ApiProperty()
  attempts: number;
  @ApiProperty({ nullable: true, type: Number })
  lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;
  @ApiProperty({ format: 'date-time' })
  deadAt: string;
  @ApiProperty({ description: 'Later events of the same trajectory waiting behind this one (order is kept)' })
  heldBehind: number;
}

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'subscriptionId must be a subscription id',
  })
  subscriptionId?: string;
}

export class ReplayDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Only these dead letters (default: all of the subscription)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^\d{1,18}$/, { each: true, message: 'deliveryIds must be delivery ids' })
  deliveryIds?: string[];
}

export class ReplayedDto {
  @ApiProperty({ example: 3 })
  replayed: number;
}
