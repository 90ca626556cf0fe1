import type { EntityManager } from 'typeorm';
import {
  chainMunicipalityCode,
  dutchDayAndTime,
  writeValidMessage,
  type ChainStandard,
  type MessageCode,
  type OutboundHeader,
  type Retour,
  type XmlElement,
} from '@app/chain';
import { chainMessageEvent } from '@app/notify';
import { appendEventDrafts } from '../outbox/event-outbox';

/** A message in or out, as `chain_message` keeps it (never the client's personal data). */
export interface ChainMessageRow {
  id: string;
  direction: 'IN' | 'OUT';
  messageCode: string;
  identification: string;
  dated: string;
  municipalityCode: string | null;
  providerId: string | null;
  trajectoryId: string | null;
  clientId: string | null;
  status: 'ACCEPTED' | 'REFUSED' | 'WRITTEN';
  retour: Retour[];
  outcome: Record<string, unknown>;
  answerTo: string | null;
  recordedAt: string;
}

export const CHAIN_MESSAGE_COLUMNS = `id, direction, message_code, identification, dated::text AS dated, municipality_code,
  provider_id, trajectory_id, client_id, status, retour, outcome, answer_to, recorded_at`;

export function toChainMessage(row: Record<string, unknown>): ChainMessageRow {
  return {
    id: row.id as string,
    direction: row.direction as ChainMessageRow['direction'],
    messageCode: row.message_code as string,
    identification: row.identification as string,
    dated: row.dated as string,
    municipalityCode: (row.municipality_code as string | null) ?? null,
    providerId: (row.provider_id as string | null) ?? null,
    trajectoryId: (row.trajectory_id as string | null) ?? null,
    clientId: (row.client_id as string | null) ?? null,
    status: row.status as ChainMessageRow['status'],
    retour: (row.retour as Retour[]) ?? [],
    outcome: (row.outcome as Record<string, unknown>) ?? {},
    answerTo: (row.answer_to as string | null) ?? null,
    recordedAt: new Date(row.recorded_at as string).toISOString(),
  };
}

/** The parties of a message the municipality sends, as the chain names them. */
export interface Parties {
  standard: ChainStandard;
  municipalityCode: string;
  providerId: string;
}

/**
 * Writes a message the municipality sends (301, 319, 325), client-less, once per `idempotencyKey`: the XML is
 * validated against its schema before it is stored (a message that breaks it is a defect and is never
 * written), and a 301 or 319 of a trajectory becomes an event in the trajectory's stream (the same
 * transaction, inside `inTrajectoryStream`). Returns the stored message, new or the one written before.
 */
export async function writeOutbound(
  tx: EntityManager,
  input: {
    code: MessageCode;
    parties: Parties;
    idempotencyKey: string;
    trajectoryId?: string;
    clientId?: string;
    answerTo?: string;
    outcome?: Record<string, unknown>;
    actor: string;
    at: Date;
    build(header: OutboundHeader): XmlElement;
  },
): Promise<{ row: ChainMessageRow; created: boolean }> {
  const existing = await tx.query(
    `SELECT ${CHAIN_MESSAGE_COLUMNS} FROM chain_message WHERE idempotency_key = $1`,
    [input.idempotencyKey],
  );
  if (existing.length > 0) return { row: toChainMessage(existing[0]), created: false };
  const providerAgb = await agbOf(tx, input.parties.providerId);
  const municipality = chainMunicipalityCode(input.parties.municipalityCode);
  if (!providerAgb || !municipality) {
    throw new ChainPartyUnknown(input.parties, !providerAgb ? 'provider' : 'municipality');
  }
  const [{ n }] = await tx.query(`SELECT nextval('chain_message_identification')::text AS n`);
  const dated = dutchDayAndTime(input.at).day;
  const header: OutboundHeader = {
    standard: input.parties.standard,
    municipality,
    providerAgb,
    identification: n,
    dated,
  };
  const xml = writeValidMessage(input.build(header), input.parties.standard, input.code, 'clientless');
  const [row] = await tx.query(
    `INSERT INTO chain_message
       (direction, message_code, identification, dated, idempotency_key, municipality_code, provider_id,
        trajectory_id, client_id, status, outcome, answer_to, body_xml, actor)
     VALUES ('OUT', $1, $2, $3, $4, $5, $6, $7, $8, 'WRITTEN', $9::jsonb, $10, $11, $12)
     RETURNING ${CHAIN_MESSAGE_COLUMNS}`,
    [
      input.code,
      n,
      dated,
      input.idempotencyKey,
      input.parties.municipalityCode,
      input.parties.providerId,
      input.trajectoryId ?? null,
      input.clientId ?? null,
      JSON.stringify({ standard: input.parties.standard.name, ...(input.outcome ?? {}) }),
      input.answerTo ?? null,
      xml,
      input.actor,
    ],
  );
  const message = toChainMessage(row);
  if (input.trajectoryId && (input.code === '301' || input.code === '319')) {
    await appendEventDrafts(tx, [
      chainMessageEvent({
        code: input.code,
        trajectoryId: input.trajectoryId,
        municipalityCode: input.parties.municipalityCode,
        providerId: input.parties.providerId,
        at: input.at.toISOString(),
        message: {
          id: message.id,
          code: input.code,
          standard: input.parties.standard.name,
          identification: n,
          xml,
        },
      }),
    ]);
  }
  return { row: message, created: true };
}

/** A message cannot be addressed: the provider has no AGB code, or the municipality no 4-digit code. */
export class ChainPartyUnknown extends Error {
  constructor(
    readonly parties: Parties,
    readonly missing: 'provider' | 'municipality',
  ) {
    super(
      missing === 'provider'
        ? `provider ${parties.providerId} has no AGB code in the register: no chain message can name it`
        : `municipality ${parties.municipalityCode} has no 4-digit CBS code: no chain message can name it`,
    );
    this.name = 'ChainPartyUnknown';
  }
}

export async function agbOf(tx: EntityManager, providerId: string): Promise<string | undefined> {
  const rows: { agb_code: string | null }[] = await tx.query(
    `SELECT agb_code FROM provider WHERE provider_id = $1`,
    [providerId],
  );
  return rows[0]?.agb_code ?? undefined;
}
