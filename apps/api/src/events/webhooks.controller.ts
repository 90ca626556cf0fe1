import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import {
  CreateSubscriptionDto,
  DeadLetterDto,
  DeadLetterQueryDto,
  ReplayDto,
  ReplayedDto,
  SubscriptionDto,
  SubscriptionWithSecretDto,
  UpdateSubscriptionDto,
} from './webhooks.dto';

/**
 * Webhook subscriptions of case systems and providers (issue 16): deliveries are signed per Standard Webhooks,
 * retried for more than a day, in order per trajectory, at least once with a stable id; what still fails
 * becomes a dead letter to replay. Another tenant's subscription answers 404.
 */
@ApiTags('webhooks')
@ApiStandardErrors()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly service: WebhookSubscriptionsService) {}

  @Post('subscriptions')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'Subscribe a receiver to event types; the signing secret is in this answer only' })
  @ApiCreatedResponse({ type: SubscriptionWithSecretDto })
  create(
    @Body() body: CreateSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionWithSecretDto> {
    return this.service.create(principal, body);
  }

  @Get('subscriptions')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'Your subscriptions (without secrets)' })
  @ApiOkResponse({ type: [SubscriptionDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<SubscriptionDto[]> {
    return this.service.list(principal);
  }

  @Get('subscriptions/:subscriptionId')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'One subscription' })
  @ApiOkResponse({ type: SubscriptionDto })
  get(
    @Param('subscriptionId') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionDto> {
    return this.service.get(principal, id);
  }

  @Patch('subscriptions/:subscriptionId')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'Change the URL or event types, or pause (deliveries wait) and resume' })
  @ApiOkResponse({ type: SubscriptionDto })
  update(
    @Param('subscriptionId') id: string,
    @Body() body: UpdateSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionDto> {
    return this.service.update(principal, id, body);
  }

  @Post('subscriptions/:subscriptionId/secret')
  @HttpCode(200)
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'The new secret is in this answer only. Deliveries carry signatures with both the new and the previous ' +
      'secret until `previousSecretValidUntil` (WEBHOOK_SECRET_OVERLAP_HOURS, 24 h), so the receiver can switch.',
  })
  @ApiOkResponse({ type: SubscriptionWithSecretDto })
  rotate(
    @Param('subscriptionId') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionWithSecretDto> {
    return this.service.rotateSecret(principal, id);
  }

  @Delete('subscriptions/:subscriptionId')
  @HttpCode(204)
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'Delete a subscription; its undelivered deliveries are dropped' })
  @ApiNoContentResponse()
  async remove(@Param('subscriptionId') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.service.remove(principal, id);
  }

  @Get('dead-letters')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({
    summary: 'Deliveries that failed every attempt, oldest first (later events wait behind them)',
  })
  @ApiOkResponse({ type: [DeadLetterDto] })
  deadLetters(
    @Query() query: DeadLetterQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterDto[]> {
    return this.service.deadLetters(principal, query.subscriptionId);
  }

  @Post('subscriptions/:subscriptionId/replay')
  @HttpCode(200)
  @Roles('CASE_SYSTEM', 'PROVIDER', 'OPERATOR')
  @ApiOperation({
    summary: "Replay a subscription's dead letters (all, or the given ones), in order, with a new schedule",
  })
  @ApiOkResponse({ type: ReplayedDto })
  async replay(
    @Param('subscriptionId') id: string,
    @Body() body: ReplayDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplayedDto> {
    return { replayed: await this.service.replay(principal, id, body.deliveryIds) };
  }
}
