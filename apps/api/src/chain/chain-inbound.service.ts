import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  declarationAnswerMessage,
  readInbound,
  requestAnswerMessage,
  retour,
  writeMessage,
  type DeclaredLine,
  type InboundMessage,
  type LineOutcome,
  type Retour,
  type StartLine,
  type StopLine,
} from '@app/chain';
import { trajectoryWorkflowId } from '@app/contracts';
import { amsterdamDate } from '@app/ledger';
import {
  ChainDeclarations,
  ChainInbox,
  DeclarationNumberUsed,
  declarationOf,
  inTrajectoryStream,
  writeOutbound,
  type AssignmentRef,
  type ChainMessageRow,
} from '@app/persistence';
import type { Principal } from '../auth/principal';
import { ApiException } from '../common/domain-errors';
import { ArrangementTermsResolver } from '../trajectories/arrangement-terms.resolver';
import { PolicySnapshots } from '../trajectories/policy-snapshots';
import { TrajectoryActions } from '../trajectories/trajectory-actions.service';
import { TrajectoryGateway } from '../trajectories/trajectory-gateway';
import { dropoutReasonOf, stopActionOf } from './stop-reasons';

/** The answer to an inbound message (the technical answer of the chain, as JSON). */
export interface ChainAnswer {
  messageId: string;
  messageCode: string;
  standard: string;
  identification: string;
  status: 'ACCEPTED' | 'PARTLY_ACCEPTED';
  /** 0200 when all is well; the retour codes of refused lines otherwise. */
  retour: Retour[];
  outcome: Record<string, unknown>;
  /** Messages written in answer (319, 325): download with GET /chain/messages/:id/xml. */
  answers: { id: string; messageCode: string; identification: string }[];
  /** True when this message was answered before and is answered the same way again. */
  replayed: boolean;
  /** 323 only, in the first answer: the complete 325 with the client's BSN copied back. Never stored. */
  declarationAnswerXml?: string;
}

/** The client's pseudonymous id a 315 comes with (the case system knows the client; the product does not). */
export interface RequestContext {
  clientId?: string;
  caseReference?: string;
}

const CLIENT_ID = /^[A-Za-z0-9._-]{4,100}$/;

/** 4xx with the chain's retour codes beside the usual error body. */
function refused(
  status: HttpStatus,
  code: string,
  message: string,
  retours: Retour[],
  errors?: { field: string; message: string }[],
) {
  return new ApiException(status, code, message, { retour: retours, ...(errors ? { errors } : {}) });
}

/**
 * Messages providers send through the chain (issue 17), applied to the lifecycle through the same commands
 * and rules as the HTTP routes: 305 → the provider's start, 307 → dropout (or a recorded stop the local team
 * acts on), 315 → a trajectory at intake with its referral, 317 → an arrangement change request, 323 → the
 * declared lines matched against the ledger and a 325. Idempotent on sender, message type and identification
 * (TR056): the same message again gets the same answer and changes nothing; the same identification with
 * other content is refused (9056). Nothing of the client block is kept.
 */
@Injectable()
export class ChainInbound {
  private readonly inbox: ChainInbox;
  private readonly declarations: ChainDeclarations;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly actions: TrajectoryActions,
    private readonly gateway: TrajectoryGateway,
    private readonly policies: PolicySnapshots,
    private readonly arrangements: ArrangementTermsResolver,
  ) {
    this.inbox = new ChainInbox(dataSource);
    this.declarations = new ChainDeclarations(dataSource, this.inbox);
  }

  async receive(principal: Principal, text: string, context: RequestContext): Promise<ChainAnswer> {
    const today = amsterdamDate(new Date());
    const read = readInbound(text, today);
    if (!read.ok) {
      const r = read.refusal;
      throw refused(r.status, r.code, r.message, r.retour);
    }
    const m = read.message;
    const { providerId, municipalityCode } = await this.parties(principal, m);
    const key = `IN:${m.code}:${m.header.senderAgb}:${m.header.identification}`;
    // The digest covers the whole message as read (client block included: a 323 re-sent for other clients is
    // other content), independent of whitespace and prefixes. Only the hash is kept.
    const digest = createHash('sha256')
      .update(JSON.stringify({ code: m.code, standard: m.standard.name, tree: m.tree, context }))
      .digest('hex');
    const base: Base = { key, digest, providerId, municipalityCode, message: m, actor: principal.subject };
    const before = await this.inbox.byKey(key);
    // A 323 answered before is answered again with its complete 325, which only the re-sent message can
    // give (it holds the BSNs): the declaration path replays it.
    if (before && m.code !== '323') return this.replay(before, base);

    switch (m.body.code) {
      case '305':
        return this.starts(principal, base, m.body.starts);
      case '307':
        return this.stops(principal, base, m.body.stops);
      case '315':
        return this.assignmentRequest(principal, base, context, today);
      case '317':
        return this.changeRequest(principal, base, today);
      case '323':
        return this.declaration(base, today);
    }
  }

  /** The sender must be a provider of the register and the receiver a municipality of a region; both the caller's. */
  private async parties(principal: Principal, m: InboundMessage) {
    const providerId = await this.inbox.providerByAgb(m.header.senderAgb);
    if (!providerId) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNKNOWN_SENDER',
        `No provider has AGB code ${m.header.senderAgb}`,
        [retour('0001', 'Header/Afzender', 'no provider of the register has this AGB code')],
      );
    }
    const municipalityCode = await this.inbox.municipalityOf(m.header.receiverMunicipality);
    if (!municipalityCode) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNKNOWN_MUNICIPALITY',
        `Municipality ${m.header.receiverMunicipality} is in no region of this platform`,
        [retour('S300', 'Header/Ontvanger')],
      );
    }
    const forOwnProvider = principal.roles.includes('PROVIDER') && principal.providerId === providerId;
    const forOwnMunicipality =
      principal.roles.includes('CASE_SYSTEM') && principal.municipalities.includes(municipalityCode);
    if (!forOwnProvider && !forOwnMunicipality) {
      throw refused(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `You do not act for ${principal.roles.includes('PROVIDER') ? `provider ${providerId}` : `municipality ${municipalityCode}`}`,
        [
          retour(
            '0001',
            principal.roles.includes('PROVIDER') ? 'Header/Afzender' : 'Header/Ontvanger',
            'not the caller’s',
          ),
        ],
      );
    }
    return { providerId, municipalityCode };
  }

  /** A record another request wrote first (a concurrent twin): the same content is a replay, other content 9056. */
  private sameOrRefused(
    recorded: { created: boolean; digest: string | null; row: ChainMessageRow },
    base: Base,
  ): ChainMessageRow {
    if (!recorded.created && recorded.digest !== base.digest) {
      throw refused(
        HttpStatus.CONFLICT,
        'DUPLICATE_IDENTIFICATION',
        `Message ${recorded.row.identification} was received before with other content`,
        [retour('9056', 'Header/BerichtIdentificatie/Identificatie')],
      );
    }
    return recorded.row;
  }

  private async replay(
    before: ChainMessageRow & { digest: string | null },
    base: Base,
  ): Promise<ChainAnswer> {
    const row = this.sameOrRefused({ created: false, digest: before.digest, row: before }, base);
    return { ...(await this.answerOf(row)), replayed: true };
  }

  private async answerOf(row: ChainMessageRow): Promise<ChainAnswer> {
    const answers = await this.inbox.answersTo(row.id);
    const lines = Array.isArray(row.outcome.lines) ? (row.outcome.lines as { retour?: Retour[] }[]) : [];
    const lineRetours = lines.flatMap((l) => l.retour ?? []);
    const retours = [...row.retour, ...lineRetours];
    return {
      messageId: row.id,
      messageCode: row.messageCode,
      standard: String(row.outcome.standard ?? ''),
      identification: row.identification,
      status: retours.length > 0 ? 'PARTLY_ACCEPTED' : 'ACCEPTED',
      retour: retours.length > 0 ? retours : [retour('0200')],
      outcome: row.outcome,
      answers: answers.map((a) => ({
        id: a.id,
        messageCode: a.messageCode,
        identification: a.identification,
      })),
      replayed: false,
    };
  }

  /** A provider acts through the chain as through its own token: the command's actor is the provider. */
  private asProvider(principal: Principal, providerId: string): Principal {
    return {
      subject: principal.subject,
      roles: ['PROVIDER'],
      municipalities: [],
      providerId,
      via: principal.via,
    };
  }

  /** The assignment a start or stop names, the sender's, in the receiving municipality (TR019 → 9019). */
  private async assignmentOf(
    line: StartLine | StopLine,
    providerId: string,
    municipalityCode: string,
    about: string,
  ) {
    const a =
      line.assignmentNumber === undefined ? undefined : await this.inbox.assignment(line.assignmentNumber);
    if (!a || a.providerId !== providerId || a.municipalityCode !== municipalityCode) {
      return {
        error: retour(
          '9019',
          about,
          `no assignment ${line.assignmentNumber ?? '(none)'} of this provider here`,
        ),
      };
    }
    if (
      (line.productCategory !== undefined && line.productCategory !== a.productCategory) ||
      (line.productCode !== undefined && line.productCode !== a.productCode)
    ) {
      return {
        error: retour(
          '9019',
          about,
          `assignment ${a.assignmentNumber} is for product ${a.productCategory}/${a.productCode}`,
        ),
      };
    }
    return { assignment: a };
  }

  /**
   * Runs one command as the HTTP route would; its 409/422 comes back as the chain's refusal of the line with
   * the route's own error (status, code, allowed actions, field errors).
   */
  private async command<T>(
    work: () => Promise<T>,
    about: string,
    onConflict: Retour['code'],
  ): Promise<{ ok: T } | { error: Retour; exception: HttpException }> {
    try {
      return { ok: await work() };
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const status = error.getStatus();
      if (
        status !== HttpStatus.CONFLICT &&
        status !== HttpStatus.UNPROCESSABLE_ENTITY &&
        status !== HttpStatus.NOT_FOUND
      )
        throw error;
      return {
        error: retour(status === HttpStatus.CONFLICT ? onConflict : '0001', about, error.message),
        exception: error,
      };
    }
  }

  /** Records the message and answers; when every line was refused, answers with the first refusal's status. */
  private async finish(
    base: Base,
    lines: LineRecord[],
    firstFailure: HttpException | undefined,
    extra: { trajectoryId?: string; clientId?: string; outcome?: Record<string, unknown> } = {},
  ): Promise<ChainAnswer> {
    const refusedLines = lines.filter((l) => (l.retour ?? []).length > 0);
    if (refusedLines.length === lines.length && firstFailure) {
      // Nothing applied: nothing recorded as accepted; the sender may correct and send again.
      await this.recordRefusal(
        base,
        refusedLines.flatMap((l) => l.retour!),
      );
      throw withRetour(
        firstFailure,
        refusedLines.flatMap((l) => l.retour!),
      );
    }
    const recorded = await this.inbox.recordInbound({
      ...messageFields(base),
      trajectoryId: extra.trajectoryId ?? lines.find((l) => l.trajectoryId)?.trajectoryId ?? null,
      clientId: extra.clientId ?? null,
      status: 'ACCEPTED',
      retour: [],
      outcome: { standard: base.message.standard.name, lines, ...(extra.outcome ?? {}) },
    });
    return this.answerOf(this.sameOrRefused(recorded, base));
  }

  private async recordRefusal(base: Base, retours: Retour[]): Promise<void> {
    await this.inbox.recordInbound({
      ...messageFields(base),
      status: 'REFUSED',
      retour: retours,
      outcome: { standard: base.message.standard.name },
    });
  }

  /** 305: each StartProduct confirms the start of its assignment's trajectory (confirmStart). */
  private starts(principal: Principal, base: Base, starts: StartLine[]): Promise<ChainAnswer> {
    const provider = this.asProvider(principal, base.providerId);
    return this.perLine(base, starts, 'StartProduct', (line, a, updateId) => ({
      run: () =>
        this.actions.run(
          provider,
          a.trajectoryId,
          'confirmStart',
          startedAtOf(line.startDate, amsterdamDate(new Date())),
          updateId,
        ),
      onConflict: '9074',
      record: { action: 'confirmStart' },
    }));
  }

  /**
   * 307: a premature stop by the client, the provider, agreement, circumstances, death or another domain is a
   * dropout (reportDropout); a stop per plan, a switch, a municipality's or a change request's stop, and a
   * temporary stop are recorded and left to the party that decides (the local team's final evaluation, the
   * case system's switch or transfer).
   */
  private stops(principal: Principal, base: Base, stops: StopLine[]): Promise<ChainAnswer> {
    const provider = this.asProvider(principal, base.providerId);
    return this.perLine(base, stops, 'StopProduct', (line, a, updateId) => {
      const dropout = dropoutReasonOf(base.message.standard, line.reason);
      if (!dropout) {
        const action = stopActionOf(base.message.standard, line.reason);
        return { record: { action, reason: line.reason, endDate: line.endDate } };
      }
      return {
        run: () =>
          this.actions.run(provider, a.trajectoryId, 'reportDropout', { reasonCode: dropout }, updateId),
        onConflict: '0001',
        record: { action: 'reportDropout', reasonCode: dropout, endDate: line.endDate },
      };
    });
  }

  /**
   * The lines of a 305 or 307, each on its own assignment (the chain answers per class): an unknown assignment
   * is refused (9019), a command runs as the HTTP route would, a line that needs no command is recorded. The
   * Update id is the message's key and the line, so a message sent again never acts twice.
   */
  private async perLine<L extends StartLine | StopLine>(
    base: Base,
    lines: readonly L[],
    label: string,
    step: (line: L, a: AssignmentRef, updateId: string) => LineStep,
  ): Promise<ChainAnswer> {
    const out: LineRecord[] = [];
    let firstFailure: HttpException | undefined;
    for (const [i, line] of lines.entries()) {
      const about = `${label} ${i + 1}`;
      const found = await this.assignmentOf(line, base.providerId, base.municipalityCode, about);
      if ('error' in found) {
        out.push({ assignmentNumber: line.assignmentNumber, retour: [found.error!] });
        firstFailure ??= refused(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'UNKNOWN_ASSIGNMENT',
          found.error!.detail!,
          [found.error!],
        );
        continue;
      }
      const a = found.assignment;
      const ids = { assignmentNumber: a.assignmentNumber, trajectoryId: a.trajectoryId };
      const next = step(line, a, `chain:${base.key}:${i}`);
      if (!('run' in next)) {
        out.push({ ...ids, ...next.record });
        continue;
      }
      const result = await this.command(next.run, about, next.onConflict);
      if ('error' in result) {
        out.push({ ...ids, retour: [result.error] });
        firstFailure ??= result.exception;
      } else {
        out.push({ ...ids, ...next.record });
      }
    }
    return this.finish(base, out, firstFailure);
  }

  /**
   * 315: a trajectory at intake for the requested product, its referral (referrer type, a physician's AGB
   * code; never a name) recorded, and a 319 "aanvraag in onderzoek" (WJ760 2) while the plan is made. The
   * case system relays it with the client's pseudonymous id: the product never learns who the client is.
   */
  private async assignmentRequest(
    principal: Principal,
    base: Base,
    context: RequestContext,
    today: string,
  ): Promise<ChainAnswer> {
    if (base.message.body.code !== '315') throw new Error('not a 315');
    const requests = base.message.body.requests;
    if (!principal.roles.includes('CASE_SYSTEM')) {
      throw refused(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'A 315 is relayed by the municipality’s case system, which knows the client',
        [retour('0001', 'Bericht')],
      );
    }
    if (!context.clientId || !CLIENT_ID.test(context.clientId)) {
      throw refused(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'A 315 needs the client’s pseudonymous id',
        [],
        [
          {
            field: 'clientId',
            message: 'clientId must be a pseudonymous id of 4-100 safe characters (query parameter)',
          },
        ],
      );
    }
    if (requests.length !== 1) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'ONE_PRODUCT_PER_REQUEST',
        'Send one AangevraagdProduct per 315: each becomes a trajectory of its own',
        [retour('0001', 'AangevraagdeProducten', 'one requested product per message')],
      );
    }
    const request = requests[0];
    const about = 'AangevraagdProduct 1';
    if (await this.inbox.referenceUsed(base.providerId, '315', request.providerReference)) {
      throw refused(
        HttpStatus.CONFLICT,
        'DUPLICATE_REFERENCE',
        `ReferentieAanbieder ${request.providerReference} was used before`,
        [retour('9347', `${about}/ReferentieAanbieder`)],
      );
    }
    const product =
      request.productCategory && request.productCode
        ? await this.inbox.arrangementOfProduct(
            base.municipalityCode,
            request.productCategory,
            request.productCode,
            today,
          )
        : undefined;
    if (!product || product.domain !== base.message.standard.domain) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNKNOWN_PRODUCT',
        'The requested product is not in the region’s catalogue',
        [
          retour(
            '0001',
            `${about}/Product`,
            `no arrangement of this region has product ${request.productCategory}/${request.productCode ?? '-'}`,
          ),
        ],
      );
    }
    const caseReference =
      context.caseReference ??
      `VOT-${base.message.header.senderAgb}-${createHash('sha256').update(request.providerReference).digest('hex').slice(0, 16)}`;
    const trajectoryId = trajectoryWorkflowId(base.municipalityCode, caseReference);
    const statutory = ['02', '03', '04', '05', '08'].includes(request.referral.type);
    const started = await this.gateway.start({
      municipalityCode: base.municipalityCode,
      caseReference,
      clientId: context.clientId,
      domain: base.message.standard.domain,
      segment: product.segment as 'A' | 'B' | 'C',
      complexity: 'LOW',
      requestType: statutory ? 'STATUTORY_REFERRAL' : 'REQUEST_FOR_ASSIGNMENT',
      trajectoryId,
      intensive: false,
      policy: await this.policies.policyFor(base.municipalityCode),
      requestedBy: { role: 'CASE_SYSTEM', ref: principal.subject },
    });
    if (!started.created) {
      // The case reference names a trajectory that exists: only the same client's, not brought in by another
      // 315, is this request's own (a retry after a crash between the start and its record).
      const owner = await this.inbox.requestOfTrajectory(trajectoryId);
      const client = await this.inbox.clientOf(trajectoryId);
      if (owner !== undefined || client !== context.clientId) {
        throw refused(
          HttpStatus.CONFLICT,
          'DUPLICATE_REFERENCE',
          `Trajectory ${trajectoryId} exists already for another request or client`,
          [retour('9347', `${about}/ReferentieAanbieder`, 'names a trajectory of another request')],
        );
      }
    }
    const outcome = {
      standard: base.message.standard.name,
      requestStatus: 'OPEN',
      providerReference: request.providerReference,
      trajectoryId,
      created: started.created,
      requestedArrangement: product.arrangementCode,
      referral: { ...request.referral, statutory },
      validFrom: request.validFrom,
      ...(request.validTo ? { validTo: request.validTo } : {}),
    };
    const row = await inTrajectoryStream(this.dataSource, trajectoryId, async (tx) => {
      const recorded = await this.inbox.recordInbound(
        {
          ...messageFields(base),
          trajectoryId,
          clientId: context.clientId,
          status: 'ACCEPTED',
          retour: [],
          outcome,
        },
        tx,
      );
      const message = this.sameOrRefused(recorded, base);
      const created = recorded.created;
      if (created) {
        await writeOutbound(tx, {
          code: '319',
          parties: {
            standard: base.message.standard,
            municipalityCode: base.municipalityCode,
            providerId: base.providerId,
          },
          idempotencyKey: `319:${message.id}:researching`,
          trajectoryId,
          clientId: context.clientId,
          answerTo: message.id,
          outcome: { answer: '2' },
          actor: base.actor,
          at: new Date(),
          build: (header) =>
            requestAnswerMessage({ header, providerReference: request.providerReference, answer: '2' }),
        });
      }
      return message;
    });
    return this.answerOf(row);
  }

  /**
   * 317: the desired situation of the client at this provider. It must list every current assignment
   * (TR349) and add the product it asks for; that product's arrangement becomes an arrangement change
   * request (requestArrangementChange) with the reason WJ758 names. A 301 with RedenWijziging 12 answers an
   * approval, a 319 a refusal.
   */
  private async changeRequest(principal: Principal, base: Base, today: string): Promise<ChainAnswer> {
    if (base.message.body.code !== '317') throw new Error('not a 317');
    const request = base.message.body.request;
    const listed = [...request.unchanged, ...request.changes.map((c) => c.assignmentNumber)];
    const assignments = [];
    for (const n of listed) {
      const a = await this.inbox.assignment(n);
      if (!a || a.providerId !== base.providerId || a.municipalityCode !== base.municipalityCode) {
        throw refused(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'UNKNOWN_ASSIGNMENT',
          `No assignment ${n} of this provider here`,
          [retour('9350', `ToewijzingNummer ${n}`)],
        );
      }
      if (a.validTo < today || a.changeReason === '13') {
        throw refused(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'ASSIGNMENT_NOT_CURRENT',
          `Assignment ${n} is not current`,
          [retour('9351', `ToewijzingNummer ${n}`)],
        );
      }
      assignments.push(a);
    }
    const trajectoryIds = [...new Set(assignments.map((a) => a.trajectoryId))];
    const current = await this.inbox.currentAssignments(
      base.municipalityCode,
      assignments[0].clientId,
      base.providerId,
      today,
    );
    const missing = current.filter((n) => !listed.includes(n));
    if (missing.length > 0) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'INCOMPLETE_REQUEST',
        `The request leaves out current assignment(s) ${missing.join(', ')}`,
        [retour('9349', 'Verzoek', `not listed: ${missing.join(', ')}`)],
      );
    }
    const addition = request.additions[0];
    if (
      trajectoryIds.length !== 1 ||
      request.additions.length !== 1 ||
      !addition.productCategory ||
      !addition.productCode
    ) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNSUPPORTED_CHANGE',
        'A change request here asks for one new product (NieuwProduct) for one trajectory: scaling to another arrangement. An extension of the same product is the local team’s renewal.',
        [
          retour(
            '0001',
            'Verzoek',
            'one NieuwProduct with its product, for the assignments of one trajectory',
          ),
        ],
      );
    }
    if (await this.inbox.referenceUsed(base.providerId, '317', request.providerReference)) {
      throw refused(
        HttpStatus.CONFLICT,
        'DUPLICATE_REFERENCE',
        `ReferentieAanbieder ${request.providerReference} was used before`,
        [retour('9347', 'Verzoek/ReferentieAanbieder')],
      );
    }
    const product = await this.inbox.arrangementOfProduct(
      base.municipalityCode,
      addition.productCategory,
      addition.productCode,
      today,
    );
    if (!product) {
      throw refused(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNKNOWN_PRODUCT',
        'The requested product is not in the region’s catalogue',
        [
          retour(
            '0001',
            'NieuwProduct/Product',
            `no arrangement of this region has product ${addition.productCategory}/${addition.productCode}`,
          ),
        ],
      );
    }
    const trajectoryId = trajectoryIds[0];
    const result = await this.command(
      async () =>
        this.actions.run(
          this.asProvider(principal, base.providerId),
          trajectoryId,
          'requestArrangementChange',
          {
            arrangement: await this.arrangements.resolve(product.arrangementCode, 'NieuwProduct'),
            // WJ758: 1 Verandering cliëntsituatie, 2 Wijziging zorgplan.
            reasonCode: request.reason === '1' ? 'CLIENT_SITUATION_CHANGED' : 'CARE_PLAN_CHANGED',
          },
          `chain:${base.key}`,
        ),
      'Verzoek',
      '9374',
    );
    if ('error' in result) {
      await this.recordRefusal(base, [result.error]);
      throw withRetour(result.exception, [result.error]);
    }
    const recorded = await this.inbox.recordInbound({
      ...messageFields(base),
      trajectoryId,
      clientId: assignments[0].clientId,
      status: 'ACCEPTED',
      retour: [],
      outcome: {
        standard: base.message.standard.name,
        requestStatus: 'OPEN',
        providerReference: request.providerReference,
        trajectoryId,
        requestedArrangement: product.arrangementCode,
        reason: request.reason,
      },
    });
    return this.answerOf(this.sameOrRefused(recorded, base));
  }

  /**
   * 323 → 325: every line matched against the ledger (ChainDeclarations); the complete 325 in the answer —
   * the first time and again when the same 323 is sent again (rebuilt from the stored outcome of each line and
   * the BSNs of the message re-sent), so a lost answer can be fetched by sending the message again.
   */
  private async declaration(base: Base, today: string): Promise<ChainAnswer> {
    if (base.message.body.code !== '323') throw new Error('not a 323');
    const declaration = base.message.body.declaration;
    let result;
    try {
      result = await this.declarations.declare({
        message: base.message,
        key: base.key,
        digest: base.digest,
        standard: base.message.standard,
        providerId: base.providerId,
        municipalityCode: base.municipalityCode,
        today,
        actor: base.actor,
        at: new Date(),
      });
    } catch (error) {
      if (!(error instanceof DeclarationNumberUsed)) throw error;
      throw refused(HttpStatus.CONFLICT, 'DUPLICATE_DECLARATION_NUMBER', error.message, [
        retour('9333', 'Declaratie/DeclaratieNummer'),
      ]);
    }
    const message = this.sameOrRefused(
      { created: result.created, digest: result.digest, row: result.message },
      base,
    );
    const answer = await this.answerOf(message);
    const outcomes = result.created ? result.outcomes : storedOutcomes(declaration.lines, message.outcome);
    const refusedLines = outcomes.filter((o) => !o.tranche);
    const complete = declarationAnswerMessage(
      {
        header: {
          standard: base.message.standard,
          municipality: base.message.header.receiverMunicipality,
          providerAgb: base.message.header.senderAgb,
          identification: result.answer.identification,
          dated: result.answer.dated,
        },
        declarationIdentification: {
          identification: base.message.header.identification,
          dated: base.message.header.dated,
        },
        declarationXsd: base.message.header.xsdVersions,
        declarationNumber: declaration.number,
        total: declaration.total,
        outcomes,
      },
      declarationOf(base.message.tree),
      true,
    );
    return {
      ...answer,
      replayed: !result.created,
      status: refusedLines.length > 0 ? 'PARTLY_ACCEPTED' : 'ACCEPTED',
      retour: refusedLines.length > 0 ? refusedLines.flatMap((o) => o.retour) : [retour('8001')],
      declarationAnswerXml: writeMessage(complete, base.message.standard, '325'),
    };
  }
}

/** The outcome of each line of a 323 answered before, from its record (honoured: no retour). */
function storedOutcomes(lines: readonly DeclaredLine[], outcome: Record<string, unknown>): LineOutcome[] {
  const stored = new Map(
    (
      (outcome.lines as { referenceNumber: string; status: string; retour?: Retour[] }[] | undefined) ?? []
    ).map((l) => [l.referenceNumber, l]),
  );
  return lines.map((line) => {
    const s = stored.get(line.referenceNumber);
    return s?.status === 'HONOURED'
      ? {
          line,
          retour: [],
          tranche: { paymentId: '', kind: '', amountCents: line.amountCents, dueDate: '', status: '' },
        }
      : { line, retour: s?.retour ?? [] };
  });
}

/** What one line of a 305/307 did, as the message's outcome records it. */
interface LineRecord {
  assignmentNumber?: number;
  trajectoryId?: string;
  action?: string;
  retour?: Retour[];
  [detail: string]: unknown;
}

/** A line's step: a command to run (and what to record when it succeeds), or only a record. */
type LineStep =
  { record: LineRecord } | { run: () => Promise<unknown>; onConflict: Retour['code']; record: LineRecord };

/**
 * The lifecycle's refusal of a message (the route's own 409/422: code, allowed actions, field errors) with the
 * chain's retour codes beside it.
 */
function withRetour(refusal: HttpException, retours: Retour[]): ApiException {
  const body = refusal.getResponse();
  return new ApiException(
    refusal.getStatus(),
    refusal instanceof ApiException ? refusal.code : 'REFUSED',
    refusal.message,
    {
      ...(refusal instanceof ApiException ? refusal.extra : {}),
      retour: retours,
      ...(typeof body === 'object' && body !== null && 'errors' in body
        ? { errors: (body as { errors: [] }).errors }
        : {}),
    },
  );
}

/** The fields of a message's record that come from the message itself and its sender. */
function messageFields(base: Base) {
  return {
    key: base.key,
    code: base.message.code,
    identification: base.message.header.identification,
    dated: base.message.header.dated,
    digest: base.digest,
    municipalityCode: base.municipalityCode,
    providerId: base.providerId,
    actor: base.actor,
  };
}

interface Base {
  key: string;
  digest: string;
  providerId: string;
  municipalityCode: string;
  message: InboundMessage;
  actor: string;
}

/**
 * The start a 305's Begindatum (a day) stands for: today is now; an earlier day its last moment (so care that
 * began on the decision's own day is not "before the decision"); a later day its first moment, which the
 * domain refuses as a start in the future, as on the HTTP route.
 */
function startedAtOf(day: string, today: string): { startedAt?: string } {
  if (day === today) return {};
  const midnight = dutchMidnight(day);
  return {
    startedAt:
      day < today
        ? new Date(dutchMidnight(nextDay(day)).getTime() - 1).toISOString()
        : midnight.toISOString(),
  };
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The instant a day begins in the Netherlands (CET or CEST, read from the day's noon). */
function dutchMidnight(day: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(noon),
  );
  return new Date(Date.parse(`${day}T00:00:00Z`) - (hour - 12) * 3_600_000);
}
