import { returningRows } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { tenantCondition, type EventScope } from './event-scope';

/** Who a subscription belongs to: one municipality (its case system) or one provider. */
export type SubscriptionTenant = { municipalityCode: string } | { providerId: string };

export type SubscriptionStatus = 'ACTIVE' | 'PAUSED';

export interface WebhookSubscriptionRow {
  id: string;
  municipalityCode: string | null;
  providerId: string | null;
  url: string;
  eventTypes: string[];
  description: string | null;
  status: SubscriptionStatus;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, municipality_code, provider_id, url, event_types, description, status, secret_sealed,
  previous_secret_sealed, previous_secret_expires_at, created_by, created_at, updated_at`;

interface Raw {
  id: string;
  municipality_code: string | null;
  provider_id: string | null;
  url: string;
  event_types: string[];
  description: string | null;
  status: SubscriptionStatus;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

function fromRaw(r: Raw): WebhookSubscriptionRow {
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    providerId: r.provider_id,
    url: r.url,
    eventTypes: r.event_types,
    description: r.description,
    status: r.status,
    secretSealed: r.secret_sealed,
    previousSecretSealed: r.previous_secret_sealed,
    previousSecretExpiresAt: r.previous_secret_expires_at?.toISOString() ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Which subscriptions a caller sees: all, those of some municipalities, or of one provider. */
export type SubscriptionFilter = EventScope;

/** Webhook subscriptions (issue 16); deleted ones are kept (their deliveries are history) but never listed. */
export class WebhookSubscriptions {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: {
    tenant: SubscriptionTenant;
    url: string;
    eventTypes: readonly string[];
    description: string | null;
    status: SubscriptionStatus;
    secretSealed: string;
    createdBy: string;
  }): Promise<WebhookSubscriptionRow> {
    const [raw]: Raw[] = await this.dataSource.query(
      `INSERT INTO webhook_subscription
         (id, municipality_code, provider_id, url, event_types, description, status, secret_sealed, created_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        'municipalityCode' in input.tenant ? input.tenant.municipalityCode : null,
        'providerId' in input.tenant ? input.tenant.providerId : null,
        input.url,
        [...new Set(input.eventTypes)],
        input.description,
        input.status,
        input.secretSealed,
        input.createdBy,
      ],
    );
    return fromRaw(raw);
  }

  async list(filter: SubscriptionFilter): Promise<WebhookSubscriptionRow[]> {
    const where = tenantCondition(filter);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription WHERE deleted_at IS NULL AND ${where.sql}
       ORDER BY created_at, id`,
      where.params,
    );
    return rows.map(fromRaw);
  }

  async get(id: string): Promise<WebhookSubscriptionRow | undefined> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rows[0] ? fromRaw(rows[0]) : undefined;
  }

  async update(
    id: string,
    patch: {
      url?: string;
      eventTypes?: readonly string[];
      description?: string | null;
      status?: SubscriptionStatus;
    },
  ): Promise<WebhookSubscriptionRow | undefined> {
    const rows = returningRows<Raw>(
      await this.dataSource.query(
        `UPDATE webhook_subscription SET
         url = coalesce($2, url),
         event_types = coalesce($3::text[], event_types),
         description = CASE WHEN $4::boolean THEN $5 ELSE description END,
         status = coalesce($6, status),
         updated_at = now()
       WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
        [
          id,
          patch.url ?? null,
          patch.eventTypes ? [...new Set(patch.eventTypes)] : null,
          patch.description !== undefined,
          patch.description ?? null,
          patch.status ?? null,
        ],
      ),
    );
    return rows[0] ? fromRaw(rows[0]) : undefined;
  }

  /** The new secret signs from now on; the old one signs too until `previousValidUntil` (receivers switch). */
  async rotateSecret(
    id: string,
    secretSealed: string,
    previousValidUntil: Date,
  ): Promise<WebhookSubscriptionRow | undefined> {
    const rows = returningRows<Raw>(
      await this.dataSource.query(
        `UPDATE webhook_subscription SET previous_secret_sealed = secret_sealed, secret_sealed = $2,
         previous_secret_expires_at = $3, updated_at = now()
       WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
        [id, secretSealed, previousValidUntil.toISOString()],
      ),
    );
    return rows[0] ? fromRaw(rows[0]) : undefined;
  }

  /** Deleted subscriptions get no more deliveries; the ones still pending are dropped with it. */
  async delete(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const rows = returningRows<{ id: string }>(
        await tx.query(
          `UPDATE webhook_subscription SET deleted_at = now(), updated_at = now()
           WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
          [id],
        ),
      );
      if (rows.length === 0) return false;
      await tx.query(`DELETE FROM webhook_delivery WHERE subscription_id = $1 AND status <> 'DELIVERED'`, [
        id,
      ]);
      return true;
    });
  }
}
