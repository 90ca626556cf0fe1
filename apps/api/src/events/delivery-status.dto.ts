import { ApiProperty } from '@nestjs/swagger';
import type { DeliveryBacklog } from '@app/persistence';
import type { DeliveryStatus } from './delivery-status.service';

class WebhookBacklogDto implements DeliveryBacklog {
  @ApiProperty({
    description: 'Due now (not waiting for a retry, not paused, not held behind a dead letter)',
  })
  dueNow: number;
  @ApiProperty()
  oldestDueSeconds: number;
  @ApiProperty({ description: 'All pending, including those waiting for a retry or a resumed subscription' })
  pending: number;
  @ApiProperty()
  dead: number;
  @ApiProperty()
  deliveredLast15Minutes: number;
  @ApiProperty({ nullable: true, type: Number })
  lagSecondsP50: number | null;
  @ApiProperty({ nullable: true, type: Number })
  lagSecondsP99: number | null;
}

class MailBacklogDto {
  @ApiProperty()
  pending: number;
  @ApiProperty()
  dead: number;
  @ApiProperty()
  oldestDueSeconds: number;
  @ApiProperty({ description: 'Notices not yet turned into mail' })
  unreadNotices: number;
}

export class DeliveryStatusDto implements DeliveryStatus {
  @ApiProperty({ description: 'A due delivery or mail waits longer than DELIVERY_BACKLOG_ALERT_SECONDS' })
  backlogGrowing: boolean;
  @ApiProperty()
  eventsWritten: number;
  @ApiProperty({ description: 'Age of the oldest open transaction; the event feed trails it' })
  feedHorizonSeconds: number;
  @ApiProperty({ type: WebhookBacklogDto })
  webhooks: WebhookBacklogDto;
  @ApiProperty({ type: MailBacklogDto })
  mail: MailBacklogDto;
}
