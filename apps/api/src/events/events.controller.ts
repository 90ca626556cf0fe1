import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { asyncApiDocument, EVENT_CATALOGUE } from '@app/notify';
import { decodeFeedCursor, encodeFeedCursor, FEED_START, readEventFeed } from '@app/persistence';
import { STAFF_ROLES } from '@app/contracts';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { invalidFields } from '../common/domain-errors';
import { EventFeedPageDto, EventFeedQueryDto, EventTypeDto } from './events.dto';
import { eventScopeOf } from './event-tenant';

/**
 * The pull feed of lifecycle events (issue 16): a case system or provider catches up after an outage, or
 * works without webhooks at all, by reading from its last cursor. Every role may read its own tenant's events.
 */
@ApiTags('events')
@ApiStandardErrors()
@Controller('events')
export class EventsController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Lifecycle events after a cursor, oldest first, in your tenant',
    description:
      'Poll with the `next` of the previous page. Ordered per trajectory (data.sequence); an event becomes ' +
      'visible once every transaction that began before it has ended, so a page never skips one. The ' +
      'same events go to webhook subscriptions (see the `webhooks` section of this document).',
  })
  @ApiOkResponse({ type: EventFeedPageDto })
  async feed(
    @Query() query: EventFeedQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventFeedPageDto> {
    const after = query.after === undefined ? FEED_START : decodeFeedCursor(query.after);
    if (!after)
      throw invalidFields([{ field: 'after', message: 'after must be a cursor this API gave out' }]);
    const page = await readEventFeed(
      this.dataSource,
      eventScopeOf(principal),
      after,
      query.limit ?? 100,
      query.types,
    );
    return { events: page.events as EventFeedPageDto['events'], next: encodeFeedCursor(page.next) };
  }

  @Get('types')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The event catalogue: every event type with what it means' })
  @ApiOkResponse({ type: [EventTypeDto] })
  types(): EventTypeDto[] {
    return EVENT_CATALOGUE.map((e) => ({ ...e }));
  }

  @Get('asyncapi')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'The event catalogue as an AsyncAPI 3.0 document: one payload schema per event type',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  asyncApi(): Record<string, unknown> {
    return asyncApiDocument('1');
  }
}
