import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { DataSource } from 'typeorm';
import { IJW, readXml, textAt, validateMessage, childrenNamed, child, type XmlElement } from '@app/chain';
import { amsterdamDate } from '@app/ledger';
import { bearer } from './support/auth';
import {
  change317,
  declaration323,
  OTHER_TEST_BSN,
  request315,
  start305,
  stop307,
  TEST_BSN,
  type Sender,
} from './support/chain-messages';
import { planSubmission } from './support/plan-submission';
import {
  bootStack,
  eventually,
  openDataSource,
  requireEnv,
  RunningStack,
  uniqueRef,
  uniqueTaskQueue,
} from './support/stack';

/**
 * Issue 17 acceptance, through the HTTP API against the real Temporal and PostgreSQL: a 315 after a GP's
 * referral becomes a trajectory, its plan's approval a 301; a 305 starts the care and its initial tranche; a
 * 323 is answered line by line with a 325 and never pays twice; a 317 becomes a change whose approval sends a
 * 301 with RedenWijziging 12; a 307 dropout closes the trajectory and cancels the final tranche. Bad messages
 * get the standard's refusal codes and a clear 4xx. The client's BSN and name go nowhere.
 */
jest.setTimeout(180_000);

const MUNICIPALITY = 'GM0405';
const PROVIDER_ID = 'PRV-HORIZON';
const AGB = '98000001';
const SURNAME = 'Zwaluwstaart';

describe('the iJw chain through the API', () => {
  let stack: RunningStack;
  let http: App;
  let db: DataSource;
  const caseSystem = bearer(['CASE_SYSTEM'], [MUNICIPALITY], undefined, 'hub-connector-hoorn');
  const provider = bearer(['PROVIDER'], [], PROVIDER_ID, 'prv-horizon-office');
  const localTeam = bearer(['LOCAL_TEAM'], [MUNICIPALITY], undefined, 'lt-hoorn');
  const finance = bearer(['FINANCE'], [MUNICIPALITY], undefined, 'fin-hoorn');
  const otherCaseSystem = bearer(['CASE_SYSTEM'], ['GM0361'], undefined, 'hub-alkmaar');
  const otherProvider = bearer(['PROVIDER'], [], 'PRV-DE-BRUG', 'prv-de-brug');
  const today = amsterdamDate(new Date());
  let counter = 0;
  const sender = (): Sender => ({
    providerAgb: AGB,
    municipality: '0405',
    identification: `T${Date.now().toString(36)}${(counter += 1)}`.slice(-12),
    dated: today,
  });
  const clientId = uniqueRef('c-chain');
  let trajectoryId: string;
  let firstAssignment: number;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('chain'));
    http = stack.api.getHttpServer();
    db = await openDataSource();
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.close();
  });

  const send = (token: string, xml: string, query: Record<string, string> = {}) =>
    request(http)
      .post('/chain/messages')
      .query(query)
      .set('Authorization', token)
      .set('Content-Type', 'application/xml')
      .send(xml);
  const act = (token: string, path: string, body: object = {}) =>
    request(http)
      .post(`/trajectories/${encodeURIComponent(trajectoryId)}/${path}`)
      .set('Authorization', token)
      .send(body);
  const view = async () =>
    (
      await request(http)
        .get(`/trajectories/${encodeURIComponent(trajectoryId)}`)
        .set('Authorization', localTeam)
        .expect(200)
    ).body;
  const messagesOut = async (code: string) =>
    (
      await request(http)
        .get('/chain/messages')
        .query({ trajectoryId, code, direction: 'OUT' })
        .set('Authorization', caseSystem)
        .expect(200)
    ).body.messages as { id: string; outcome: Record<string, unknown> }[];
  const xmlOf = async (id: string, token = provider) => {
    const res = await request(http).get(`/chain/messages/${id}/xml`).set('Authorization', token).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    return res.text;
  };
  /** The 301 products of a message: number, end date, reason, provider reference. */
  const productsOf = (root: XmlElement) =>
    childrenNamed(child(child(root, 'Client')!, 'ToegewezenProducten')!, 'ToegewezenProduct').map((p) => ({
      number: Number(textAt(p, ['ToewijzingNummer'])),
      code: textAt(p, ['Product', 'Code']),
      validTo: textAt(p, ['Einddatum']),
      reason: textAt(p, ['RedenWijziging']),
      reference: textAt(p, ['ReferentieAanbieder']),
    }));
  const payments = async () =>
    (await request(http).get('/payments').query({ trajectoryId }).set('Authorization', finance).expect(200))
      .body.items as {
      kind: string;
      amountCents: number;
      status: string;
    }[];

  it('a 315 after a GP’s referral: a trajectory at intake with its referral, and a 319 “in onderzoek”', async () => {
    const res = await send(
      caseSystem,
      request315(sender(), {
        providerReference: uniqueRef('VOT'),
        category: '45',
        code: '45R12',
        validFrom: today,
        referrerType: '02',
        referrerAgb: '01234567',
      }),
      { clientId },
    ).expect(200);
    expect(res.body).toMatchObject({
      messageCode: '315',
      standard: 'iJw',
      status: 'ACCEPTED',
      retour: [{ code: '0200' }],
      outcome: { requestStatus: 'OPEN', referral: { type: '02', agbCode: '01234567', statutory: true } },
      replayed: false,
    });
    trajectoryId = res.body.outcome.trajectoryId;
    expect((await view()).status).toBe('INTAKE');
    expect(res.body.answers).toEqual([expect.objectContaining({ messageCode: '319' })]);
    const answer = readXml(await xmlOf(res.body.answers[0].id));
    expect(validateMessage(answer.root, IJW, '319', 'clientless')).toEqual([]);
    expect(textAt(answer.root, ['Antwoord', 'VerzoekAntwoord'])).toBe('2');
  });

  it('plan → approval → 301 out: client-less in the stream, complete with the case system’s client block', async () => {
    await act(localTeam, 'drafting').expect(200);
    await act(localTeam, 'lead-provider', { leadProviderId: PROVIDER_ID, chosenByFamily: true }).expect(200);
    await act(provider, 'plan/submit', planSubmission(PROVIDER_ID)).expect(200);
    await act(caseSystem, 'plan/sign', { planVersion: 1, party: 'CLIENT' }).expect(200);
    await act(provider, 'plan/sign', { planVersion: 1, party: 'LEAD_PROVIDER' }).expect(200);
    await act(localTeam, 'plan/approve', { planVersion: 1 }).expect(200);
    const [message] = await eventually(async () => {
      const found = await messagesOut('301');
      return found.length > 0 ? found : undefined;
    });
    const xml = await xmlOf(message.id);
    expect(xml).not.toContain(TEST_BSN);
    const read = readXml(xml);
    expect(validateMessage(read.root, IJW, '301', 'clientless')).toEqual([]);
    const [product] = productsOf(read.root);
    expect(product).toMatchObject({ code: '45R12', reason: undefined });
    expect(product.reference).toMatch(/^VOT-/);
    firstAssignment = product.number;
    // The 315 is honoured.
    const request315 = (
      await request(http)
        .get('/chain/messages')
        .query({ trajectoryId, code: '315' })
        .set('Authorization', caseSystem)
    ).body.messages[0];
    expect(request315.outcome.requestStatus).toBe('HONOURED');

    const complete = await request(http)
      .post(`/chain/messages/${message.id}/complete`)
      .set('Authorization', caseSystem)
      .send({
        bsn: TEST_BSN,
        birthDate: '2014-03-09',
        gender: '2',
        lastName: SURNAME,
        initials: 'J',
        nameUsage: '1',
        contacts: [
          {
            kind: '01',
            houseNumber: 7,
            postcode: '1621AB',
            street: 'Grote Oost',
            city: 'Hoorn',
            countryCode: 'NL',
          },
        ],
      })
      .expect(200);
    expect(complete.headers['cache-control']).toBe('no-store');
    const full = readXml(complete.text);
    expect(validateMessage(full.root, IJW, '301', 'complete')).toEqual([]);
    expect(textAt(full.root, ['Client', 'Bsn'])).toBe(TEST_BSN);
    // A client block that breaks the schema is named field by field, its values never echoed.
    const bad = await request(http)
      .post(`/chain/messages/${message.id}/complete`)
      .set('Authorization', caseSystem)
      .send({
        bsn: '123456789',
        birthDate: '2014-02-30',
        gender: '2',
        lastName: SURNAME,
        nameUsage: '1',
        contacts: [{ kind: '01' }],
      })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['Bericht/Client/Bsn', 'Bericht/Client/Geboortedatum/Datum']),
    );
    expect(JSON.stringify(bad.body)).not.toContain('123456789');
    // Another municipality's case system does not see it.
    await request(http)
      .get(`/chain/messages/${message.id}`)
      .set('Authorization', otherCaseSystem)
      .expect(404);
  });

  it('a 305 → ACTIVE and the initial tranche; the same 305 again changes nothing', async () => {
    const xml = start305(sender(), {
      assignmentNumber: firstAssignment,
      category: '45',
      code: '45R12',
      startDate: today,
    });
    const res = await send(provider, xml).expect(200);
    expect(res.body).toMatchObject({ status: 'ACCEPTED', outcome: { lines: [{ action: 'confirmStart' }] } });
    expect((await view()).status).toBe('ACTIVE');
    const initial = await eventually(async () => (await payments()).find((p) => p.kind === 'INITIAL'));
    expect(initial.amountCents).toBeGreaterThan(0);
    const again = await send(provider, xml).expect(200);
    expect(again.body).toMatchObject({ messageId: res.body.messageId, replayed: true });
    expect((await payments()).filter((p) => p.kind === 'INITIAL')).toHaveLength(1);
    // A start the lifecycle does not allow now (already started) answers the route's 409 with 9074.
    const late = await send(
      provider,
      start305(sender(), {
        assignmentNumber: firstAssignment,
        category: '45',
        code: '45R12',
        startDate: today,
      }),
    ).expect(409);
    expect(late.body).toMatchObject({ code: 'INVALID_TRANSITION', retour: [{ code: '9074' }] });
    expect(late.body.allowedActions).toEqual(expect.any(Array));
  });

  it('a 323 with one right and one wrong line → a 325 honouring one; the same 323 again pays nothing twice', async () => {
    const initial = (await payments()).find((p) => p.kind === 'INITIAL')!;
    const line = {
      assignmentNumber: firstAssignment,
      category: '45',
      code: '45R12',
      periodStart: today,
      periodEnd: today,
      unit: '83',
    };
    const s = sender();
    const xml = declaration323(s, {
      number: `D${Date.now().toString(36)}`.slice(0, 12),
      periodStart: `${today.slice(0, 8)}01`,
      periodEnd: monthEnd(today),
      clients: [
        {
          bsn: TEST_BSN,
          lines: [
            { ...line, reference: uniqueRef('R').slice(0, 20), amountCents: initial.amountCents },
            { ...line, reference: uniqueRef('W').slice(0, 20), assignmentNumber: 42, amountCents: 1000 },
          ],
        },
      ],
    });
    const res = await send(provider, xml).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      messageCode: '323',
      status: 'PARTLY_ACCEPTED',
      outcome: { honoured: 1, refused: 1 },
    });
    expect(res.body.retour.map((r: { code: string }) => r.code)).toEqual(['9338']);
    const complete = readXml(res.body.declarationAnswerXml);
    expect(validateMessage(complete.root, IJW, '325')).toEqual([]);
    expect(textAt(complete.root, ['DeclaratieAntwoord', 'TotaalToegekendBedrag', 'TotaalBedrag'])).toBe(
      String(initial.amountCents),
    );
    const [answer] = res.body.answers;
    const stored = readXml(await xmlOf(answer.id));
    expect(validateMessage(stored.root, IJW, '325', 'clientless')).toEqual([]);
    expect(await xmlOf(answer.id)).not.toContain(TEST_BSN);

    const again = await send(provider, xml).expect(200);
    expect(again.body).toMatchObject({
      messageId: res.body.messageId,
      replayed: true,
      status: 'PARTLY_ACCEPTED',
    });
    // The same answer again, complete 325 included: a provider whose answer got lost sends the 323 again.
    expect(again.body.declarationAnswerXml).toBe(res.body.declarationAnswerXml);
    expect(again.body.retour).toEqual(res.body.retour);
    // The same DeclaratieNummer under a new identification is another declaration with a used number (TR333).
    const reused = await send(
      provider,
      xml.replace(s.identification, `${s.identification.slice(0, 10)}Z9`),
    ).expect(409);
    expect(reused.body.retour).toEqual([expect.objectContaining({ code: '9333' })]);
    // The same tranche in a new declaration (new identification, new reference): refused, 9322.
    const twice = await send(
      provider,
      declaration323(sender(), {
        number: `E${Date.now().toString(36)}`.slice(0, 12),
        periodStart: `${today.slice(0, 8)}01`,
        periodEnd: monthEnd(today),
        clients: [
          {
            bsn: TEST_BSN,
            lines: [{ ...line, reference: uniqueRef('X').slice(0, 20), amountCents: initial.amountCents }],
          },
        ],
      }),
    ).expect(200);
    expect(twice.body.retour.map((r: { code: string }) => r.code)).toEqual(['9322']);
    const [{ honoured }] = await db.query(
      `SELECT count(*)::int AS honoured FROM chain_declaration_line WHERE trajectory_id = $1 AND status = 'HONOURED'`,
      [trajectoryId],
    );
    expect(honoured).toBe(1);
    // The ledger's reconciliation and export show the declared tranche.
    const declared = await request(http)
      .get('/payments')
      .query({ trajectoryId })
      .set('Authorization', finance)
      .expect(200);
    expect(declared.body.items.find((p: { kind: string }) => p.kind === 'INITIAL').declaration).toMatchObject(
      {
        status: 'HONOURED',
        answerMessageId: answer.id,
      },
    );
  });

  it('a 317 → a change request; its approval sends a 301 with RedenWijziging 12 and the VOW’s reference', async () => {
    const reference = uniqueRef('VOW');
    const res = await send(
      provider,
      change317(sender(), {
        providerReference: reference,
        reason: '2',
        changes: [{ assignmentNumber: firstAssignment, desiredFrom: today, validTo: today }],
        additions: [
          { category: '45', code: '45R13', desiredFrom: today, validTo: '2027-12-31', volume: 1, unit: '83' },
        ],
      }),
    ).expect(200);
    expect(res.body).toMatchObject({
      messageCode: '317',
      outcome: { requestStatus: 'OPEN', requestedArrangement: 'WF-J-B-OPV-Z' },
    });
    const pending = (await view()).pendingChange;
    expect(pending).toMatchObject({ status: 'SUBMITTED' });
    await act(localTeam, 'arrangement-changes/decision', {
      changeId: pending.id,
      decision: 'APPROVE',
    }).expect(200);
    const scaled = await eventually(async () => {
      const found = await messagesOut('301');
      return found.length >= 2 ? found[0] : undefined;
    });
    const read = readXml(await xmlOf(scaled.id));
    expect(validateMessage(read.root, IJW, '301', 'clientless')).toEqual([]);
    const products = productsOf(read.root);
    expect(products).toEqual([
      expect.objectContaining({ number: firstAssignment, reason: '12', reference, validTo: today }),
      expect.objectContaining({ code: '45R13', reason: undefined, reference }),
    ]);
  });

  it('a 307 (dropout by the client) → CLOSED, the final tranche cancelled, a 301 with its end date', async () => {
    const current = (await messagesOut('301'))[0];
    const products = productsOf(readXml(await xmlOf(current.id)).root);
    const scaled = products.find((p) => p.code === '45R13')!;
    const res = await send(
      provider,
      stop307(sender(), {
        assignmentNumber: scaled.number,
        category: '45',
        code: '45R13',
        startDate: today,
        reason: '32',
        endDate: today,
      }),
    ).expect(200);
    expect(res.body.outcome.lines).toEqual([
      expect.objectContaining({ action: 'reportDropout', reasonCode: 'CLIENT_STOPPED' }),
    ]);
    expect((await view()).status).toBe('CLOSED');
    const final = await eventually(async () =>
      (await payments()).find((p) => p.kind === 'FINAL' && p.status === 'CANCELLED'),
    );
    expect(final.status).toBe('CANCELLED');
    const ended = await eventually(async () => {
      const found = await messagesOut('301');
      return found.length >= 3 ? found[0] : undefined;
    });
    const read = readXml(await xmlOf(ended.id));
    expect(validateMessage(read.root, IJW, '301', 'clientless')).toEqual([]);
    expect(productsOf(read.root).find((p) => p.number === scaled.number)).toMatchObject({
      validTo: today,
      reason: '05',
    });
  });

  it('names providers by their AGB code: contract management sets it, one provider per code', async () => {
    const contractManagement = bearer(['CONTRACT_MANAGEMENT'], [], undefined, 'cm-region');
    const horizon = await request(http)
      .get(`/providers/${PROVIDER_ID}`)
      .set('Authorization', localTeam)
      .expect(200);
    expect(horizon.body.agbCode).toBe(AGB);
    const id = uniqueRef('PRV-AGB');
    const taken = await request(http)
      .put(`/providers/${id}`)
      .set('Authorization', contractManagement)
      .send({ name: 'Nieuwe Aanbieder', agbCode: AGB })
      .expect(409);
    expect(taken.body.code).toBe('CONFLICT');
    const created = await request(http)
      .put(`/providers/${id}`)
      .set('Authorization', contractManagement)
      .send({ name: 'Nieuwe Aanbieder', agbCode: '98765432' })
      .expect(201);
    expect(created.body.agbCode).toBe('98765432');
    // Renamed without a code: the code stays.
    const renamed = await request(http)
      .put(`/providers/${id}`)
      .set('Authorization', contractManagement)
      .send({ name: 'Nieuwe Aanbieder BV' })
      .expect(200);
    expect(renamed.body.agbCode).toBe('98765432');
  });

  describe('bad input: the standard’s refusal codes and a clear 4xx, nothing applied', () => {
    const start = () =>
      start305(sender(), {
        assignmentNumber: firstAssignment,
        category: '45',
        code: '45R12',
        startDate: today,
      });

    it('malformed XML 400, JSON 415, too large 413, another message or version 422', async () => {
      const malformed = await send(provider, '<jw305:Bericht xmlns:jw305="x"><unclosed>').expect(400);
      expect(malformed.body).toMatchObject({ code: 'MALFORMED_MESSAGE', retour: [{ code: '0001' }] });
      await request(http)
        .post('/chain/messages')
        .set('Authorization', provider)
        .send({ xml: 'no' })
        .expect(415);
      const huge = `<a>${'x'.repeat(6 * 1024 * 1024)}</a>`;
      await send(provider, huge).expect(413);
      const v31 = await send(provider, start().replace(/3_2/g, '3_1')).expect(422);
      expect(v31.body).toMatchObject({ code: 'UNKNOWN_MESSAGE', retour: [{ code: '0001' }] });
      const wrongCode = await send(provider, start().replace('>438<', '>440<')).expect(422);
      expect(wrongCode.body.retour).toEqual([
        expect.objectContaining({ code: '0001', about: 'Bericht/Header/BerichtCode' }),
      ]);
    });

    it('unknown codes and a BSN failing the eleven-test: 422 naming the elements, never the values', async () => {
      const res = await send(
        provider,
        stop307(
          sender(),
          {
            assignmentNumber: firstAssignment,
            category: '45',
            code: '45R12',
            startDate: today,
            reason: '99',
            endDate: today,
          },
          '123456789',
        ),
      ).expect(422);
      expect(res.body.retour.map((r: { about: string }) => r.about)).toEqual([
        'Bericht/Client/Bsn',
        'Bericht/Client/StopProducten/StopProduct/RedenBeeindiging',
      ]);
      expect(JSON.stringify(res.body)).not.toContain('123456789');
    });

    it('an assignment number that does not exist: 422 with 9019, and nothing recorded as accepted', async () => {
      const accepted = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM chain_message WHERE status = 'ACCEPTED'`))[0]
          .n as number;
      const before = await accepted();
      const res = await send(
        provider,
        start305(sender(), { assignmentNumber: 999999, category: '45', code: '45R12', startDate: today }),
      ).expect(422);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_ASSIGNMENT', retour: [{ code: '9019' }] });
      expect(await accepted()).toBe(before);
    });

    it('a message for another municipality or from another provider: 403; an unknown municipality: S300', async () => {
      await send(otherCaseSystem, start()).expect(403);
      const other = await send(otherProvider, start()).expect(403);
      expect(other.body.retour[0].code).toBe('0001');
      const unknown = await send(
        provider,
        start305(
          { ...sender(), municipality: '9999' },
          { assignmentNumber: firstAssignment, category: '45', code: '45R12', startDate: today },
        ),
      ).expect(422);
      expect(unknown.body.retour).toEqual([expect.objectContaining({ code: 'S300' })]);
      // A provider does not relay a 315: the case system knows the client.
      await send(
        provider,
        request315(sender(), {
          providerReference: 'VOT-x',
          category: '45',
          code: '45R12',
          validFrom: today,
          referrerType: '06',
        }),
        { clientId },
      ).expect(403);
    });

    it('the same identification with other content: 409 with 9056', async () => {
      const s = sender();
      await send(
        provider,
        stop307(s, {
          assignmentNumber: firstAssignment,
          category: '45',
          code: '45R12',
          startDate: today,
          reason: '20',
          endDate: today,
        }),
      ).expect(200);
      const res = await send(
        provider,
        stop307(s, {
          assignmentNumber: firstAssignment,
          category: '45',
          code: '45R12',
          startDate: today,
          reason: '31',
          endDate: today,
        }),
      ).expect(409);
      expect(res.body.retour).toEqual([expect.objectContaining({ code: '9056' })]);
    });
  });

  it('keeps the client’s BSN and name out of Temporal, PostgreSQL and the event stream', async () => {
    const connection = await Connection.connect({ address: requireEnv('TEMPORAL_ADDRESS') });
    try {
      const raw = new Client({ connection });
      const history = JSON.stringify(await raw.workflow.getHandle(trajectoryId).fetchHistory());
      const payloads = [...history.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)]
        .map((m) => Buffer.from(m[1], 'base64').toString('latin1'))
        .join('\n');
      for (const needle of [TEST_BSN, OTHER_TEST_BSN, SURNAME]) {
        expect([needle, history.includes(needle) || payloads.includes(needle)]).toEqual([needle, false]);
      }
    } finally {
      await connection.close();
    }
    for (const table of [
      'chain_message',
      'chain_assignment',
      'chain_declaration_line',
      'lifecycle_event',
      'audit_event',
      'api_idempotency',
    ]) {
      const [{ found }] = await db.query(
        `SELECT count(*)::int AS found FROM ${table} t WHERE t::text LIKE $1 OR t::text LIKE $2`,
        [`%${TEST_BSN}%`, `%${SURNAME}%`],
      );
      expect([table, found]).toEqual([table, 0]);
    }
    const events = await db.query(
      `SELECT count(*)::int AS n FROM lifecycle_event WHERE trajectory_id = $1 AND type = 'chain.assignment.v1'`,
      [trajectoryId],
    );
    expect(events[0].n).toBe(3);
  });
});

function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
