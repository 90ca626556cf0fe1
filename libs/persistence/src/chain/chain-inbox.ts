import type { DataSource, EntityManager } from 'typeorm';
import type { Retour } from '@app/chain';
import { tenantCondition, type EventScope } from '../outbox/event-scope';
import { CHAIN_MESSAGE_COLUMNS, toChainMessage, type ChainMessageRow } from './chain-store';

/** An assignment as an inbound message refers to it by its number. */
export interface AssignmentRef {
  assignmentNumber: number;
  trajectoryId: string;
  municipalityCode: string;
  providerId: string;
  clientId: string;
  productCategory: string;
  productCode: string;
  validFrom: string;
  validTo: string;
  changeReason: string | null;
}

/** A page of messages, newest first, with the cursor of the next page. */
export interface ChainMessagePage {
  messages: ChainMessageRow[];
  next: string | null;
}

/**
 * The chain's messages and assignments as the API reads and records them (issue 17): inbound messages are
 * recorded client-less under a key of their sender, type and identification (TR056), so a message sent
 * twice is answered twice the same way and applied once.
 */
export class ChainInbox {
  constructor(private readonly dataSource: DataSource) {}

  async providerByAgb(agb: string): Promise<string | undefined> {
    const rows: { provider_id: string }[] = await this.dataSource.query(
      `SELECT provider_id FROM provider WHERE agb_code = $1`,
      [agb],
    );
    return rows[0]?.provider_id;
  }

  /** The municipality `GM` + the chain's 4 digits, when a region holds it (S300 otherwise). */
  async municipalityOf(fourDigits: string): Promise<string | undefined> {
    const rows: { municipality_code: string }[] = await this.dataSource.query(
      `SELECT municipality_code FROM region_municipality WHERE municipality_code = $1`,
      [`GM${fourDigits}`],
    );
    return rows[0]?.municipality_code;
  }

  async assignment(assignmentNumber: number): Promise<AssignmentRef | undefined> {
    if (!Number.isSafeInteger(assignmentNumber)) return undefined;
    const rows = await this.dataSource.query(
      `SELECT assignment_number::text, trajectory_id, municipality_code, provider_id, client_id, product_category,
              product_code, valid_from::text, valid_to::text, change_reason
       FROM chain_assignment WHERE assignment_number = $1`,
      [assignmentNumber],
    );
    const r = rows[0];
    return (
      r && {
        assignmentNumber: Number(r.assignment_number),
        trajectoryId: r.trajectory_id,
        municipalityCode: r.municipality_code,
        providerId: r.provider_id,
        clientId: r.client_id,
        productCategory: r.product_category,
        productCode: r.product_code,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        changeReason: r.change_reason,
      }
    );
  }

  /** The current assignments of a client at a provider (valid on or after the day, not removed). */
  async currentAssignments(
    municipalityCode: string,
    clientId: string,
    providerId: string,
    day: string,
  ): Promise<number[]> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT assignment_number::text AS n FROM chain_assignment
       WHERE municipality_code = $1 AND client_id = $2 AND provider_id = $3 AND valid_to >= $4
         AND coalesce(change_reason, '') <> '13'
       ORDER BY assignment_number`,
      [municipalityCode, clientId, providerId, day],
    );
    return rows.map((r) => Number(r.n));
  }

  /** The arrangement of the municipality's region that has this product, valid on the day. */
  async arrangementOfProduct(
    municipalityCode: string,
    category: string,
    code: string,
    day: string,
  ): Promise<{ arrangementCode: string; segment: string; domain: string } | undefined> {
    const rows: { code: string; segment: string; domain: string }[] = await this.dataSource.query(
      `SELECT a.code, a.segment, a.domain FROM arrangement a
       JOIN region_municipality rm ON rm.region_id = a.region
       WHERE rm.municipality_code = $1 AND a.product_category = $2 AND a.product_code = $3
         AND a.valid_from <= $4 AND (a.valid_to IS NULL OR a.valid_to >= $4)
       ORDER BY a.intensity_rank LIMIT 1`,
      [municipalityCode, category, code, day],
    );
    return rows[0] && { arrangementCode: rows[0].code, segment: rows[0].segment, domain: rows[0].domain };
  }

  /** A provider's request reference used before (TR347: unique for the provider). */
  async referenceUsed(providerId: string, code: '315' | '317', reference: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM chain_message WHERE direction = 'IN' AND status = 'ACCEPTED' AND provider_id = $1
         AND message_code = $2 AND outcome->>'providerReference' = $3 LIMIT 1`,
      [providerId, code, reference],
    );
    return rows.length > 0;
  }

  async byKey(key: string): Promise<(ChainMessageRow & { digest: string | null }) | undefined> {
    const rows = await this.dataSource.query(
      `SELECT ${CHAIN_MESSAGE_COLUMNS}, digest FROM chain_message WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0] && { ...toChainMessage(rows[0]), digest: rows[0].digest };
  }

  /**
   * Records an inbound message, client-less. An ACCEPTED message takes its key (a second writer of the same
   * key finds the first: `created` false); a refused one is kept for the operator under a key of its own,
   * as the chain counts a refused message as not sent.
   */
  async recordInbound(
    input: {
      key: string;
      code: string;
      identification: string;
      dated: string;
      digest: string;
      municipalityCode: string | null;
      providerId: string | null;
      trajectoryId?: string | null;
      clientId?: string | null;
      status: 'ACCEPTED' | 'REFUSED';
      retour: Retour[];
      outcome: Record<string, unknown>;
      actor: string;
    },
    tx?: EntityManager,
  ): Promise<{ row: ChainMessageRow; created: boolean; digest: string | null }> {
    const db = tx ?? this.dataSource.manager;
    const key =
      input.status === 'ACCEPTED' ? input.key : `REFUSED:${input.key}:${Date.now()}:${Math.random()}`;
    const inserted = await db.query(
      `INSERT INTO chain_message
         (direction, message_code, identification, dated, idempotency_key, digest, municipality_code, provider_id,
          trajectory_id, client_id, status, retour, outcome, actor)
       VALUES ('IN', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${CHAIN_MESSAGE_COLUMNS}`,
      [
        input.code,
        input.identification.slice(0, 12),
        input.dated,
        key,
        input.digest,
        input.municipalityCode,
        input.providerId,
        input.trajectoryId ?? null,
        input.clientId ?? null,
        input.status,
        JSON.stringify(input.retour),
        JSON.stringify(input.outcome),
        input.actor,
      ],
    );
    if (inserted.length > 0) return { row: toChainMessage(inserted[0]), created: true, digest: input.digest };
    const existing = await db.query(
      `SELECT ${CHAIN_MESSAGE_COLUMNS}, digest FROM chain_message WHERE idempotency_key = $1`,
      [key],
    );
    return { row: toChainMessage(existing[0]), created: false, digest: existing[0].digest };
  }

  /** The accepted 315 that brought a trajectory in, if any. */
  async requestOfTrajectory(trajectoryId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM chain_message WHERE direction = 'IN' AND message_code = '315' AND status = 'ACCEPTED'
         AND trajectory_id = $1 LIMIT 1`,
      [trajectoryId],
    );
    return rows[0]?.id;
  }

  /** The pseudonymous client of a trajectory, as the read model holds it. */
  async clientOf(trajectoryId: string): Promise<string | undefined> {
    const rows: { client_id: string }[] = await this.dataSource.query(
      `SELECT client_id FROM trajectory WHERE trajectory_id = $1`,
      [trajectoryId],
    );
    return rows[0]?.client_id;
  }

  /** Whether this provider declared a 323 with this DeclaratieNummer before (TR333). */
  async declarationNumberUsed(providerId: string, number: string, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.dataSource.manager).query(
      `SELECT 1 FROM chain_message WHERE direction = 'IN' AND message_code = '323' AND status = 'ACCEPTED'
         AND provider_id = $1 AND outcome->>'declarationNumber' = $2 LIMIT 1`,
      [providerId, number],
    );
    return rows.length > 0;
  }

  /** The messages answering this one (319, 325), oldest first. */
  async answersTo(id: string): Promise<ChainMessageRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${CHAIN_MESSAGE_COLUMNS} FROM chain_message WHERE answer_to = $1 ORDER BY recorded_at`,
      [id],
    );
    return rows.map(toChainMessage);
  }

  /** A message of the caller's tenant (the same rule as the event feed's), or undefined. */
  async get(id: string, scope: EventScope): Promise<(ChainMessageRow & { xml: string | null }) | undefined> {
    const tenant = tenantCondition(scope, 2);
    const rows = await this.dataSource.query(
      `SELECT ${CHAIN_MESSAGE_COLUMNS}, body_xml FROM chain_message WHERE id = $1 AND ${tenant.sql}`,
      [id, ...tenant.params],
    );
    return rows[0] && { ...toChainMessage(rows[0]), xml: rows[0].body_xml };
  }

  /** Messages in the scope, newest first; `before` is the cursor of the previous page. */
  async list(
    scope: EventScope,
    filter: { direction?: string; code?: string; trajectoryId?: string; before?: string; limit: number },
  ): Promise<ChainMessagePage> {
    const tenant = tenantCondition(scope, 1);
    const params = [...tenant.params];
    const where = [tenant.sql];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.direction) add('direction = ?', filter.direction);
    if (filter.code) add('message_code = ?', filter.code);
    if (filter.trajectoryId) add('trajectory_id = ?', filter.trajectoryId);
    if (filter.before) {
      const [at, id] = Buffer.from(filter.before, 'base64url').toString('utf8').split('|');
      params.push(at, id);
      where.push(`(recorded_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    // The cursor keeps recorded_at to the microsecond: rows of one transaction (a 315 and its 319) share it.
    const rows = await this.dataSource.query(
      `SELECT ${CHAIN_MESSAGE_COLUMNS}, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
       FROM chain_message WHERE ${where.join(' AND ')}
       ORDER BY recorded_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      messages: page.map(toChainMessage),
      next:
        rows.length > filter.limit && last
          ? Buffer.from(`${last.at_us}|${last.id}`, 'utf8').toString('base64url')
          : null,
    };
  }
}
