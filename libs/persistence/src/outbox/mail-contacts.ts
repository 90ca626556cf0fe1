import { returningRows } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { tenantCondition } from './event-scope';
import type { SubscriptionFilter, SubscriptionTenant } from './webhook-subscriptions';

/** Roles that get mail: the people behind them (the case system and the family are told otherwise). */
export const MAIL_AUDIENCES = [
  'LOCAL_TEAM',
  'PROVIDER',
  'BREAKTHROUGH_TABLE',
  'CONTRACT_MANAGEMENT',
  'FINANCE',
] as const;
export type ContactAudience = (typeof MAIL_AUDIENCES)[number];

export interface MailContactRow {
  id: string;
  municipalityCode: string | null;
  providerId: string | null;
  audience: ContactAudience;
  email: string;
  language: 'nl' | 'en';
  perEvent: boolean;
  digest: boolean;
  createdAt: string;
}

interface Raw {
  id: string;
  municipality_code: string | null;
  provider_id: string | null;
  audience: ContactAudience;
  email: string;
  language: 'nl' | 'en';
  per_event: boolean;
  digest: boolean;
  created_at: Date;
}

const COLUMNS =
  'id, municipality_code, provider_id, audience, email, language, per_event, digest, created_at';

export function contactOf(r: Raw): MailContactRow {
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    providerId: r.provider_id,
    audience: r.audience,
    email: r.email,
    language: r.language,
    perEvent: r.per_event,
    digest: r.digest,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Who is behind a role (issue 16): a team mailbox or a person, per municipality (local team, table chair,
 * contract management, finance) or per provider (its contact). Addresses live here only, never in Temporal.
 */
export class MailContacts {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the contact; the same address for the same role and tenant answers the existing one (`created` false). */
  async add(input: {
    tenant: SubscriptionTenant;
    audience: ContactAudience;
    email: string;
    language: 'nl' | 'en';
    perEvent: boolean;
    digest: boolean;
    createdBy: string;
  }): Promise<{ contact: MailContactRow; created: boolean }> {
    const municipality = 'municipalityCode' in input.tenant ? input.tenant.municipalityCode : null;
    const provider = 'providerId' in input.tenant ? input.tenant.providerId : null;
    const inserted: Raw[] = await this.dataSource.query(
      `INSERT INTO mail_contact (id, municipality_code, provider_id, audience, email, language, per_event, digest,
         created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        municipality,
        provider,
        input.audience,
        input.email,
        input.language,
        input.perEvent,
        input.digest,
        input.createdBy,
      ],
    );
    if (inserted[0]) return { contact: contactOf(inserted[0]), created: true };
    const [existing]: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM mail_contact WHERE coalesce(municipality_code, '') = coalesce($1, '')
         AND coalesce(provider_id, '') = coalesce($2, '') AND audience = $3 AND lower(email) = lower($4)`,
      [municipality, provider, input.audience, input.email],
    );
    // Removed between the conflict and this read: add it again.
    if (!existing) return this.add(input);
    return { contact: contactOf(existing), created: false };
  }

  async list(filter: SubscriptionFilter): Promise<MailContactRow[]> {
    const where = tenantCondition(filter);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM mail_contact WHERE ${where.sql} ORDER BY audience, email, id`,
      where.params,
    );
    return rows.map(contactOf);
  }

  async get(id: string): Promise<MailContactRow | undefined> {
    const rows: Raw[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM mail_contact WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? contactOf(rows[0]) : undefined;
  }

  /** Removes the contact and the mail not yet sent to it. */
  async remove(id: string): Promise<boolean> {
    const rows = returningRows<{ id: string }>(
      await this.dataSource.query(`DELETE FROM mail_contact WHERE id = $1 RETURNING id`, [id]),
    );
    return rows.length > 0;
  }
}
