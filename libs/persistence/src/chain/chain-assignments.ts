import type { DataSource, EntityManager } from 'typeorm';
import {
  assignmentAfterClosure,
  assignmentMessage,
  assignmentsAfterDecision,
  assignmentsOfMessage,
  dutchDayAndTime,
  requestAnswerMessage,
  standardOfDomain,
  asClosureReason,
  InvalidOutboundMessage,
  type Assignment,
  type DecisionCause,
  type HonouredRequest,
} from '@app/chain';
import type { BookkeepingInput, CareDecisionRecord } from '@app/contracts';
import { inTrajectoryStream } from '../outbox/event-outbox';
import { ChainPartyUnknown, writeOutbound, type Parties } from './chain-store';

const ACTOR = 'system:chain';

interface AssignmentRow {
  assignment_number: string;
  trajectory_id: string;
  provider_id: string;
  arrangement_code: string;
  product_category: string;
  product_code: string;
  unit_code: string;
  frequency_code: string;
  volume: string;
  valid_from: string;
  valid_to: string;
  first_decision_version: number;
  decision_version: number;
  change_reason: string | null;
  provider_reference: string | null;
  changed_at: Date;
}

const ASSIGNMENT_COLUMNS = `assignment_number::text, trajectory_id, provider_id, arrangement_code, product_category,
  product_code, unit_code, frequency_code, volume::text, valid_from::text, valid_to::text, first_decision_version,
  decision_version, change_reason, provider_reference, changed_at`;

function toAssignment(r: AssignmentRow): Assignment & { changedAt: Date } {
  return {
    assignmentNumber: Number(r.assignment_number),
    trajectoryId: r.trajectory_id,
    providerId: r.provider_id,
    arrangementCode: r.arrangement_code,
    productCategory: r.product_category,
    productCode: r.product_code,
    unit: r.unit_code,
    frequency: r.frequency_code,
    volume: Number(r.volume),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    firstDecisionVersion: r.first_decision_version,
    decisionVersion: r.decision_version,
    ...(r.change_reason ? { changeReason: r.change_reason } : {}),
    ...(r.provider_reference ? { providerReference: r.provider_reference } : {}),
    changedAt: new Date(r.changed_at),
  };
}

/** The trajectory's tenant and client as the read model holds them (written before the decision, R-ROLE-09). */
interface TrajectoryFacts {
  municipalityCode: string;
  clientId: string;
  domain: string;
}

/**
 * The assignments (toewijzingen) of the chain and the 301s that tell providers about them (issue 17). Called
 * by the workflow's activities after the decision (ledger) and after each transition (bookkeeping), each in
 * a transaction of its own that is idempotent on the decision version or the closure, so a retried activity
 * writes nothing twice. Full state (OP087): each 301 lists every current assignment of the client at that
 * provider.
 */
export class ChainAssignments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly warn: (message: string, ids: Record<string, string>) => void = () => undefined,
  ) {}

  /** A decision version was recorded: the assignment changes and the 301(s) of R-ROLE-09. */
  async decisionRecorded(decision: CareDecisionRecord, at: Date = new Date()): Promise<void> {
    await this.guarded(decision.trajectoryId, (tx) => this.onDecision(tx, decision, at));
  }

  /** A transition was recorded: a closure ends the assignment (301) or refuses an open request (319). */
  async transitionRecorded(input: BookkeepingInput): Promise<void> {
    const closed = input.audit.find((a) => a.type === 'TRAJECTORY_CLOSED');
    const changeRejected = input.audit.find((a) => a.type === 'ARRANGEMENT_CHANGE_REJECTED');
    if (!closed && !changeRejected) return;
    await this.guarded(input.row.trajectoryId, async (tx) => {
      if (changeRejected)
        await this.refuseOpenRequest(tx, input.row.trajectoryId, '317', new Date(changeRejected.at));
      if (closed) await this.onClosure(tx, input, closed.details, new Date(closed.at));
    });
  }

  /**
   * One transaction per write, the trajectory's stream locked first (its events stay in commit order). A
   * party the chain cannot name (a provider without an AGB code, a test municipality) is no chain partner:
   * the lifecycle goes on and the reason is logged with ids only.
   */
  private async guarded(trajectoryId: string, work: (tx: EntityManager) => Promise<void>): Promise<void> {
    try {
      await inTrajectoryStream(this.dataSource, trajectoryId, work);
    } catch (error) {
      // A message its schema refuses (e.g. a budget beyond the chain's 8 digits of cents) is a defect to
      // fix, not a reason to stop the trajectory: logged with ids, the lifecycle goes on.
      if (!(error instanceof ChainPartyUnknown) && !(error instanceof InvalidOutboundMessage)) throw error;
      this.warn('no chain message written', { trajectoryId, reason: error.message });
    }
  }

  /**
   * One provider's 301 of a change that touches two (a switch): a provider the chain cannot name is skipped
   * (it throws before writing anything), the other still hears of it.
   */
  private async forEachProvider(trajectoryId: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof ChainPartyUnknown)) throw error;
      this.warn('no chain message written', { trajectoryId, reason: error.message });
    }
  }

  private async trajectory(tx: EntityManager, trajectoryId: string): Promise<TrajectoryFacts | undefined> {
    const rows: { municipality_code: string; client_id: string; domain: string }[] = await tx.query(
      `SELECT municipality_code, client_id, domain FROM trajectory WHERE trajectory_id = $1`,
      [trajectoryId],
    );
    return (
      rows[0] && {
        municipalityCode: rows[0].municipality_code,
        clientId: rows[0].client_id,
        domain: rows[0].domain,
      }
    );
  }

  private async onDecision(tx: EntityManager, d: CareDecisionRecord, at: Date): Promise<void> {
    const key = `301:${d.trajectoryId}:v${d.version}`;
    if (await this.written(tx, key)) return;
    // A version already applied to the assignments (its 301 skipped: a party the chain cannot name).
    const applied = await tx.query(
      `SELECT 1 FROM chain_assignment WHERE trajectory_id = $1 AND decision_version = $2 LIMIT 1`,
      [d.trajectoryId, d.version],
    );
    if (applied.length > 0) return;
    const t = await this.trajectory(tx, d.trajectoryId);
    if (!t) {
      // The workflow writes the trajectory's row before its decision; only a ledger written by hand has none.
      this.warn('no chain message written', { trajectoryId: d.trajectoryId, reason: 'no read-model row' });
      return;
    }
    const products: {
      product_category: string;
      product_code: string;
      unit_code: string;
      frequency_code: string;
    }[] = await tx.query(
      `SELECT a.product_category, a.product_code, a.unit_code, a.frequency_code
         FROM arrangement a JOIN region_municipality rm ON rm.region_id = a.region
         WHERE rm.municipality_code = $1 AND a.code = $2
         ORDER BY a.valid_from DESC LIMIT 1`,
      [t.municipalityCode, d.arrangementCode],
    );
    if (products.length === 0) {
      this.warn('no chain message written', {
        trajectoryId: d.trajectoryId,
        reason: `arrangement ${d.arrangementCode} has no product`,
      });
      return;
    }
    const p = products[0];
    const current = await this.current(tx, d.trajectoryId);
    // A 315 is honoured by the first decision, a 317 by the scaling it asked for; a price correction or a
    // renewal answers neither.
    const open = await this.openRequest(tx, d.trajectoryId);
    const request =
      open &&
      ((open.honoured.kind === '315' && !current) || (open.honoured.kind === '317' && d.cause === 'SCALING'))
        ? open
        : undefined;
    const changes = assignmentsAfterDecision(
      current,
      {
        trajectoryId: d.trajectoryId,
        version: d.version,
        cause: d.cause as DecisionCause,
        validFrom: d.validFrom,
        validTo: d.validTo ?? d.validFrom,
        totalBudgetCents: d.totalBudgetCents,
        providerId: d.providerId,
        product: {
          arrangementCode: d.arrangementCode,
          productCategory: p.product_category,
          productCode: p.product_code,
          unit: p.unit_code,
          frequency: p.frequency_code,
        },
      },
      request?.honoured,
    );
    const touched = await this.store(tx, t, changes.changed, changes.created, at);
    if (request) {
      await tx.query(
        `UPDATE chain_message SET outcome = outcome || '{"requestStatus":"HONOURED"}'::jsonb WHERE id = $1`,
        [request.id],
      );
    }
    // IV097: after a 317 every product of the answering 301 carries the request's one reference.
    const vowReference = request?.honoured.kind === '317' ? request.honoured.providerReference : undefined;
    for (const providerId of new Set(touched.map((a) => a.providerId))) {
      await this.forEachProvider(d.trajectoryId, () =>
        this.write301(tx, t, providerId, touched, `${key}:${providerId}`, d.trajectoryId, at, vowReference),
      );
    }
  }

  private async onClosure(
    tx: EntityManager,
    input: BookkeepingInput,
    details: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    const trajectoryId = input.row.trajectoryId;
    const key = `301:${trajectoryId}:closed`;
    if (await this.written(tx, key)) return;
    const current = await this.current(tx, trajectoryId);
    // A request still open when the trajectory closes is refused (VerzoekAntwoord 1): a 315 closed before
    // any decision, a 317 the trajectory did not live to decide.
    await this.refuseOpenRequest(tx, trajectoryId, '317', at);
    if (!current) {
      await this.refuseOpenRequest(tx, trajectoryId, '315', at);
      return;
    }
    const reason = asClosureReason(String(details.reason ?? input.row.closureReason ?? 'OTHER'));
    if (!reason) return;
    const closedOn = dutchDayAndTime(at).day;
    const ended = assignmentAfterClosure(
      current,
      closedOn,
      reason,
      typeof details.reasonCode === 'string' ? details.reasonCode : undefined,
    );
    if (!ended) return;
    const t = await this.trajectory(tx, trajectoryId);
    if (!t) return;
    const touched = await this.store(tx, t, [ended], undefined, at);
    await this.write301(tx, t, current.providerId, touched, `${key}:${current.providerId}`, trajectoryId, at);
  }

  /** Whether the 301s of this decision or closure were written (one key per provider: `<key>:<providerId>`). */
  private async written(tx: EntityManager, key: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM chain_message WHERE starts_with(idempotency_key, $1) LIMIT 1`,
      [`${key}:`],
    );
    return rows.length > 0;
  }

  /** The trajectory's current assignment: the one its latest decision created. */
  private async current(
    tx: EntityManager,
    trajectoryId: string,
  ): Promise<(Assignment & { changedAt: Date }) | undefined> {
    const rows: AssignmentRow[] = await tx.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM chain_assignment WHERE trajectory_id = $1
       ORDER BY first_decision_version DESC LIMIT 1`,
      [trajectoryId],
    );
    return rows[0] && toAssignment(rows[0]);
  }

  /** The 315 or 317 of this trajectory that waits for its answer (a 301 honours it, a 319 refuses it). */
  private async openRequest(
    tx: EntityManager,
    trajectoryId: string,
    code?: '315' | '317',
  ): Promise<
    { id: string; honoured: HonouredRequest; providerId: string; municipalityCode: string } | undefined
  > {
    const rows: {
      id: string;
      message_code: '315' | '317';
      reference: string;
      provider_id: string;
      municipality_code: string;
    }[] = await tx.query(
      `SELECT id, message_code, outcome->>'providerReference' AS reference, provider_id, municipality_code
         FROM chain_message
         WHERE direction = 'IN' AND trajectory_id = $1 AND message_code = ANY ($2::text[])
           AND outcome->>'requestStatus' = 'OPEN'
         ORDER BY recorded_at DESC LIMIT 1`,
      [trajectoryId, code ? [code] : ['315', '317']],
    );
    const r = rows[0];
    return (
      r && {
        id: r.id,
        honoured: { kind: r.message_code, providerReference: r.reference },
        providerId: r.provider_id,
        municipalityCode: r.municipality_code,
      }
    );
  }

  /** A request refused by the lifecycle (plan rejected, withdrawn, change rejected): 319 with answer 1. */
  private async refuseOpenRequest(
    tx: EntityManager,
    trajectoryId: string,
    code: '315' | '317',
    at: Date,
  ): Promise<void> {
    const request = await this.openRequest(tx, trajectoryId, code);
    if (!request) return;
    const t = await this.trajectory(tx, trajectoryId);
    const parties: Parties = {
      standard: standardOfDomain(t?.domain ?? 'JEUGD'),
      municipalityCode: request.municipalityCode,
      providerId: request.providerId,
    };
    await writeOutbound(tx, {
      code: '319',
      parties,
      idempotencyKey: `319:${request.id}:refused`,
      trajectoryId,
      ...(t ? { clientId: t.clientId } : {}),
      answerTo: request.id,
      outcome: { answer: '1', rejectionReason: '7' },
      actor: ACTOR,
      at,
      // WJ759 7 "Zorginhoudelijke afkeur": the local team (or the table) did not approve the plan or change.
      build: (header) =>
        requestAnswerMessage({
          header,
          providerReference: request.honoured.providerReference,
          answer: '1',
          rejectionReason: '7',
        }),
    });
    await tx.query(
      `UPDATE chain_message SET outcome = outcome || '{"requestStatus":"REFUSED"}'::jsonb WHERE id = $1`,
      [request.id],
    );
  }

  /** Stores changed assignments and the created one; returns them with their numbers. */
  private async store(
    tx: EntityManager,
    t: TrajectoryFacts,
    changed: Assignment[],
    created: Assignment | undefined,
    at: Date,
  ): Promise<Assignment[]> {
    const out: Assignment[] = [];
    for (const a of changed) {
      await tx.query(
        `UPDATE chain_assignment SET arrangement_code = $2, volume = $3, valid_to = $4, decision_version = $5,
           change_reason = $6, provider_reference = coalesce($7, provider_reference), changed_at = $8
         WHERE assignment_number = $1`,
        [
          a.assignmentNumber,
          a.arrangementCode,
          a.volume,
          a.validTo,
          a.decisionVersion,
          a.changeReason ?? null,
          a.providerReference ?? null,
          at,
        ],
      );
      out.push(a);
    }
    if (created) {
      const [{ n }] = await tx.query(
        `INSERT INTO chain_assignment
           (trajectory_id, municipality_code, provider_id, client_id, arrangement_code, product_category,
            product_code, unit_code, frequency_code, volume, budget_cents, valid_from, valid_to,
            first_decision_version, decision_version, provider_reference, assigned_at, changed_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,0,$11,$12,$13,$13,$14,$15,$15)
         RETURNING assignment_number::text AS n`,
        [
          created.trajectoryId,
          t.municipalityCode,
          created.providerId,
          t.clientId,
          created.arrangementCode,
          created.productCategory,
          created.productCode,
          created.unit,
          created.frequency,
          created.volume,
          created.validFrom,
          created.validTo,
          created.firstDecisionVersion,
          created.providerReference ?? null,
          at,
        ],
      );
      out.push({ ...created, assignmentNumber: Number(n) });
    }
    return out;
  }

  /** The 301 of one client at one provider: every current assignment, and those this change touched. */
  private async write301(
    tx: EntityManager,
    t: TrajectoryFacts,
    providerId: string,
    touched: Assignment[],
    idempotencyKey: string,
    trajectoryId: string,
    at: Date,
    vowReference?: string,
  ): Promise<void> {
    const rows: AssignmentRow[] = await tx.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM chain_assignment
       WHERE municipality_code = $1 AND client_id = $2 AND provider_id = $3`,
      [t.municipalityCode, t.clientId, providerId],
    );
    const all = rows.map(toAssignment);
    const day = dutchDayAndTime(at).day;
    const listed = assignmentsOfMessage(
      all,
      day,
      new Set(touched.filter((a) => a.providerId === providerId).map((a) => a.assignmentNumber!)),
    );
    await writeOutbound(tx, {
      code: '301',
      parties: { standard: standardOfDomain(t.domain), municipalityCode: t.municipalityCode, providerId },
      idempotencyKey,
      trajectoryId,
      clientId: t.clientId,
      outcome: { assignments: listed.map((a) => a.assignmentNumber) },
      actor: ACTOR,
      at,
      build: (header) =>
        assignmentMessage({
          header,
          products: listed.map((a) => {
            const fixedAt = dutchDayAndTime((a as Assignment & { changedAt: Date }).changedAt);
            return {
              assignmentNumber: a.assignmentNumber!,
              ...(vowReference || a.providerReference
                ? { providerReference: vowReference ?? a.providerReference }
                : {}),
              productCategory: a.productCategory,
              productCode: a.productCode,
              assignedOn: fixedAt.day,
              assignedAt: fixedAt.time,
              validFrom: a.validFrom,
              validTo: a.validTo,
              // IV099: a reason only on what this message changes.
              ...(a.changeReason && touched.some((x) => x.assignmentNumber === a.assignmentNumber)
                ? { changeReason: a.changeReason }
                : {}),
              volume: a.volume,
              unit: a.unit,
              frequency: a.frequency,
            };
          }),
        }),
    });
  }
}
