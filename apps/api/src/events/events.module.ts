import { Module } from '@nestjs/common';
import { DeliveryStatusService } from './delivery-status.service';
import { EventsController } from './events.controller';
import { MailContactsController } from './mail-contacts.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { WebhooksController } from './webhooks.controller';

/** Issue 16 on the API side: the event feed, webhook subscriptions and dead letters, mail contacts. */
@Module({
  controllers: [EventsController, WebhooksController, MailContactsController],
  providers: [WebhookSubscriptionsService, DeliveryStatusService],
  exports: [DeliveryStatusService],
})
export class EventsModule {}
