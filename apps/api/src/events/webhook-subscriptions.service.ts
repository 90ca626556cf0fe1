import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyRing, SecretBox } from '@app/codec';
import { AppConfig } from '@app/config';
import { generateWebhookSecret, targetProblem } from '@app/notify';
import {
  WebhookDeliveries,
  WebhookSubscriptions,
  type DeadLetter,
  type WebhookSubscriptionRow,
} from '@app/persistence';
import { APP_CONFIG } from '@app/platform';
import type { Principal } from '../auth/principal';
import { invalidFields, notFound } from '../common/domain-errors';
import { ownsTenant, RESOURCE_ID, tenantFilterOf, tenantForNew } from './event-tenant';
import type {
  CreateSubscriptionDto,
  SubscriptionDto,
  SubscriptionWithSecretDto,
  UpdateSubscriptionDto,
} from './webhooks.dto';

/** Webhook subscriptions per tenant: URL policy, secrets sealed at rest and shown once, dead letters. */
@Injectable()
export class WebhookSubscriptionsService {
  private readonly subscriptions: WebhookSubscriptions;
  private readonly deliveries: WebhookDeliveries;
  private readonly secrets: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.subscriptions = new WebhookSubscriptions(dataSource);
    this.deliveries = new WebhookDeliveries(dataSource);
    this.secrets = new SecretBox(new KeyRing(config.payloadKeys));
  }

  async create(principal: Principal, body: CreateSubscriptionDto): Promise<SubscriptionWithSecretDto> {
    const tenant = tenantForNew(principal, body);
    this.checkUrl(body.url);
    const secret = generateWebhookSecret();
    const row = await this.subscriptions.create({
      tenant,
      url: body.url,
      eventTypes: body.eventTypes,
      description: body.description ?? null,
      status: body.status ?? 'ACTIVE',
      secretSealed: this.secrets.seal(secret),
      createdBy: principal.subject,
    });
    return { ...view(row), secret };
  }

  async list(principal: Principal): Promise<SubscriptionDto[]> {
    return (await this.subscriptions.list(tenantFilterOf(principal))).map(view);
  }

  async get(principal: Principal, id: string): Promise<SubscriptionDto> {
    return view(await this.owned(principal, id));
  }

  async update(principal: Principal, id: string, body: UpdateSubscriptionDto): Promise<SubscriptionDto> {
    await this.owned(principal, id);
    if (body.url !== undefined) this.checkUrl(body.url);
    const row = await this.subscriptions.update(id, body);
    if (!row) throw notFound(`subscription ${id}`);
    return view(row);
  }

  async rotateSecret(principal: Principal, id: string): Promise<SubscriptionWithSecretDto> {
    await this.owned(principal, id);
    const secret = generateWebhookSecret();
    const overlapUntil = new Date(Date.now() + this.config.delivery.secretOverlapHours * 3_600_000);
    const row = await this.subscriptions.rotateSecret(id, this.secrets.seal(secret), overlapUntil);
    if (!row) throw notFound(`subscription ${id}`);
    return { ...view(row), secret };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.owned(principal, id);
    if (!(await this.subscriptions.delete(id))) throw notFound(`subscription ${id}`);
  }

  async deadLetters(principal: Principal, subscriptionId?: string): Promise<DeadLetter[]> {
    if (subscriptionId !== undefined) await this.owned(principal, subscriptionId);
    return this.deliveries.deadLetters(tenantFilterOf(principal), subscriptionId);
  }

  async replay(principal: Principal, id: string, deliveryIds?: string[]): Promise<number> {
    await this.owned(principal, id);
    return this.deliveries.replay(id, deliveryIds);
  }

  /** The subscription if the caller's tenant owns it; 404 otherwise, so others' ids are not revealed. */
  private async owned(principal: Principal, id: string): Promise<WebhookSubscriptionRow> {
    const row = RESOURCE_ID.test(id) ? await this.subscriptions.get(id) : undefined;
    if (!row || !ownsTenant(principal, row)) throw notFound(`subscription ${id}`);
    return row;
  }

  private checkUrl(url: string): void {
    const problem = targetProblem(url, { allowPrivateTargets: this.config.delivery.allowPrivateTargets });
    if (problem) throw invalidFields([{ field: 'url', message: `url ${problem}` }]);
  }
}

function view(row: WebhookSubscriptionRow): SubscriptionDto {
  const overlap =
    row.previousSecretExpiresAt && Date.parse(row.previousSecretExpiresAt) > Date.now()
      ? row.previousSecretExpiresAt
      : null;
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    providerId: row.providerId,
    url: row.url,
    eventTypes: row.eventTypes,
    description: row.description,
    status: row.status,
    previousSecretValidUntil: overlap,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
