import type { DataSource } from 'typeorm';
import {
  declarationAnswerMessage,
  matchDeclaration,
  type ChainStandard,
  type DeclarableAssignment,
  type InboundMessage,
  type LineOutcome,
  type Retour,
  type XmlElement,
} from '@app/chain';
import { writeOutbound, type ChainMessageRow } from './chain-store';
import type { ChainInbox } from './chain-inbox';

export interface DeclarationResult {
  message: ChainMessageRow;
  answer: ChainMessageRow;
  outcomes: LineOutcome[];
  /** False when the same 323 was answered before (nothing written now). */
  created: boolean;
  /** The digest the answered 323 was recorded with (to tell a replay from other content). */
  digest: string | null;
}

/** TR333: the provider used this DeclaratieNummer for another declaration (9333). */
export class DeclarationNumberUsed extends Error {
  constructor(readonly declarationNumber: string) {
    super(`DeclaratieNummer ${declarationNumber} was used for another declaration of this provider`);
    this.name = 'DeclarationNumberUsed';
  }
}

/**
 * Answers a provider's 323 (issue 17): each line matched against the ledger, the lines, the 323's record and
 * its 325 in one transaction under the provider's lock, so two declarations of the same tranche — sent twice
 * or at the same time — never both get it (uq_chain_declaration_paid holds it in the database too).
 */
export class ChainDeclarations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: ChainInbox,
  ) {}

  async declare(input: {
    message: InboundMessage;
    key: string;
    digest: string;
    standard: ChainStandard;
    providerId: string;
    municipalityCode: string;
    today: string;
    actor: string;
    at: Date;
  }): Promise<DeclarationResult> {
    const body = input.message.body;
    if (body.code !== '323') throw new Error('not a 323');
    const d = body.declaration;
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 23))`, [
        `declaration:${input.providerId}`,
      ]);
      const before = await this.inbox.byKey(input.key);
      if (before) {
        const [answer] = await this.inbox.answersTo(before.id);
        return { message: before, answer, outcomes: [], created: false, digest: before.digest };
      }
      if (await this.inbox.declarationNumberUsed(input.providerId, d.number, tx)) {
        throw new DeclarationNumberUsed(d.number);
      }
      const numbers = [...new Set(d.lines.map((l) => l.assignmentNumber).filter(Number.isSafeInteger))];
      const assignmentRows = await tx.query(
        `SELECT a.assignment_number::text, a.trajectory_id, a.provider_id, a.product_category, a.product_code,
                a.unit_code, a.valid_from::text, a.valid_to::text, a.change_reason
         FROM chain_assignment a WHERE a.assignment_number = ANY ($1::bigint[]) AND a.municipality_code = $2`,
        [numbers, input.municipalityCode],
      );
      const trancheRows = await tx.query(
        `SELECT p.id::text AS payment_id, p.trajectory_id, p.tranche_kind, p.amount_cents::text, p.due_date::text,
                p.status, l.reference_number AS honoured_by
         FROM payment_instruction p
         LEFT JOIN chain_declaration_line l ON l.payment_id = p.id AND l.status = 'HONOURED'
         WHERE p.trajectory_id = ANY ($1::text[]) AND p.provider_id = $2
         ORDER BY p.due_date, p.id
         FOR UPDATE OF p`,
        [assignmentRows.map((r: { trajectory_id: string }) => r.trajectory_id), input.providerId],
      );
      const assignments = new Map<number, DeclarableAssignment>(
        assignmentRows.map((r: Record<string, string>) => [
          Number(r.assignment_number),
          {
            assignmentNumber: Number(r.assignment_number),
            trajectoryId: r.trajectory_id,
            providerId: r.provider_id,
            productCategory: r.product_category,
            productCode: r.product_code,
            unit: r.unit_code,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            ...(r.change_reason ? { changeReason: r.change_reason } : {}),
            tranches: trancheRows
              .filter((t: Record<string, string>) => t.trajectory_id === r.trajectory_id)
              .map((t: Record<string, string | null>) => ({
                paymentId: t.payment_id!,
                kind: t.tranche_kind!,
                amountCents: Number(t.amount_cents),
                dueDate: t.due_date!,
                status: t.status!,
                ...(t.honoured_by ? { honouredBy: t.honoured_by } : {}),
              })),
          },
        ]),
      );
      const honoured: { reference_number: string }[] = await tx.query(
        `SELECT reference_number FROM chain_declaration_line
         WHERE provider_id = $1 AND status = 'HONOURED' AND reference_number = ANY ($2::text[])`,
        [input.providerId, d.lines.map((l) => l.referenceNumber)],
      );
      const outcomes = matchDeclaration({
        providerId: input.providerId,
        period: d.period,
        lines: d.lines,
        assignments,
        honouredReferences: new Set(honoured.map((h) => h.reference_number)),
        today: input.today,
      });
      const granted = outcomes.filter((o) => o.tranche).reduce((s, o) => s + o.line.amountCents, 0);
      const refused = outcomes.filter((o) => !o.tranche);
      const { row: message } = await this.inbox.recordInbound(
        {
          key: input.key,
          code: '323',
          identification: input.message.header.identification,
          dated: input.message.header.dated,
          digest: input.digest,
          municipalityCode: input.municipalityCode,
          providerId: input.providerId,
          status: 'ACCEPTED',
          retour: [],
          outcome: {
            declarationNumber: d.number,
            period: d.period,
            honoured: outcomes.length - refused.length,
            refused: refused.length,
            grantedCents: granted,
            lines: outcomes.map((o) => ({
              referenceNumber: o.line.referenceNumber,
              assignmentNumber: o.line.assignmentNumber,
              ...(o.trajectoryId ? { trajectoryId: o.trajectoryId } : {}),
              status: o.tranche ? 'HONOURED' : 'REFUSED',
              ...(o.tranche ? {} : { retour: o.retour }),
            })),
          },
          actor: input.actor,
        },
        tx,
      );
      for (const o of outcomes) {
        await tx.query(
          `INSERT INTO chain_declaration_line
             (message_id, provider_id, reference_number, assignment_number, trajectory_id, period_start, period_end,
              amount_cents, debit_credit, status, retour_codes, payment_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12)
           ON CONFLICT (message_id, reference_number) DO NOTHING`,
          [
            message.id,
            input.providerId,
            o.line.referenceNumber,
            Number.isSafeInteger(o.line.assignmentNumber) ? o.line.assignmentNumber : null,
            o.trajectoryId ?? null,
            o.line.period.start,
            o.line.period.end,
            o.line.amountCents,
            o.line.debitCredit,
            o.tranche ? 'HONOURED' : 'REFUSED',
            o.retour.map((r: Retour) => r.code),
            o.tranche?.paymentId ?? null,
          ],
        );
      }
      const declaration = declarationOf(input.message.tree);
      const { row: answer } = await writeOutbound(tx, {
        code: '325',
        parties: {
          standard: input.standard,
          municipalityCode: input.municipalityCode,
          providerId: input.providerId,
        },
        idempotencyKey: `325:${message.id}`,
        answerTo: message.id,
        outcome: { declarationNumber: d.number, grantedCents: granted, refusedLines: refused.length },
        actor: input.actor,
        at: input.at,
        build: (header) =>
          declarationAnswerMessage(
            {
              header,
              declarationIdentification: {
                identification: input.message.header.identification,
                dated: input.message.header.dated,
              },
              declarationXsd: input.message.header.xsdVersions,
              declarationNumber: d.number,
              total: d.total,
              outcomes,
            },
            declaration,
            false,
          ),
      });
      return { message, answer, outcomes, created: true, digest: input.digest };
    });
  }
}

export function declarationOf(tree: XmlElement): XmlElement {
  return tree.children.find((c) => c.name === 'Declaratie')!;
}
