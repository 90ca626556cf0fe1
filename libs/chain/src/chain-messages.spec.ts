import {
  assignmentMessage,
  assignmentsAfterDecision,
  assignmentAfterClosure,
  assignmentsOfMessage,
  declarationAnswerMessage,
  IJW,
  IWMO,
  matchDeclaration,
  readInbound,
  readXml,
  requestAnswerMessage,
  validateMessage,
  writeMessage,
  type Assignment,
  type ClientBlock,
  type DeclarableAssignment,
  type DecisionFacts,
  type OutboundHeader,
} from '@app/chain';
import {
  change317,
  declaration323,
  request315,
  start305,
  stop307,
  TEST_BSN,
  type Sender,
} from '../../../test/support/chain-messages';

const TODAY = '2026-12-06';
const header: OutboundHeader = {
  standard: IJW,
  municipality: '0405',
  providerAgb: '98000001',
  identification: '301000017',
  dated: TODAY,
};
const sender: Sender = {
  providerAgb: '98000001',
  municipality: '0405',
  identification: 'MSG-1',
  dated: TODAY,
};
const CLIENT: ClientBlock = {
  bsn: TEST_BSN,
  birthDate: '2014-03-09',
  gender: '2',
  lastName: 'Testkind',
  initials: 'J',
  nameUsage: '1',
  contacts: [
    {
      kind: '01',
      houseNumber: 12,
      postcode: '1621AB',
      street: 'Teststraat',
      city: 'Hoorn',
      countryCode: 'NL',
    },
  ],
};
const PRODUCT = {
  arrangementCode: 'WF-J-B-OPV-M',
  productCategory: '45',
  productCode: '45A12',
  unit: '83',
  frequency: '6',
};
const decision = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  trajectoryId: 'trajectory-GM0405-C1',
  version: 1,
  cause: 'PLAN_APPROVAL',
  validFrom: '2026-12-01',
  validTo: '2027-05-31',
  totalBudgetCents: 720000,
  providerId: 'PRV-HORIZON',
  product: PRODUCT,
  ...over,
});
const numbered = (a: Assignment, n: number): Assignment => ({ ...a, assignmentNumber: n });

/** Writes a 301 of these assignments, reads it back and validates both forms against the schema. */
function roundTrip301(products: Assignment[]) {
  const message = {
    header,
    products: products.map((a) => ({
      assignmentNumber: a.assignmentNumber!,
      providerReference: a.providerReference,
      productCategory: a.productCategory,
      productCode: a.productCode,
      assignedOn: TODAY,
      assignedAt: '10:15:00',
      validFrom: a.validFrom,
      validTo: a.validTo,
      changeReason: a.changeReason,
      volume: a.volume,
      unit: a.unit,
      frequency: a.frequency,
    })),
  };
  const clientless = assignmentMessage(message);
  const complete = assignmentMessage(message, CLIENT);
  expect(validateMessage(clientless, IJW, '301', 'clientless')).toEqual([]);
  expect(validateMessage(complete, IJW, '301', 'complete')).toEqual([]);
  // The client-less form is not a complete message: the schema asks for the client's elements.
  expect(validateMessage(clientless, IJW, '301', 'complete').map((p) => p.element)).toContain('Bsn');
  const xml = writeMessage(complete, IJW, '301');
  const read = readXml(xml);
  expect(read.namespace).toBe('http://www.istandaarden.nl/ijw/3_2/jw301/schema');
  expect(validateMessage(read.root, IJW, '301')).toEqual([]);
  return { xml, clientless: writeMessage(clientless, IJW, '301') };
}

describe('301 Toewijzing, for each variant', () => {
  it('first assignment: a new number, no RedenWijziging, eenheid 83 with the budget in cents, frequentie 6, an end date', () => {
    const { created, changed } = assignmentsAfterDecision(undefined, decision(), {
      kind: '315',
      providerReference: 'VOT-77',
    });
    expect(changed).toEqual([]);
    expect(created).toMatchObject({ volume: 720000, unit: '83', frequency: '6', validTo: '2027-05-31' });
    expect(created!.changeReason).toBeUndefined();
    const { xml, clientless } = roundTrip301([numbered(created!, 1000001)]);
    expect(xml).toContain('<jw301:ReferentieAanbieder>VOT-77</jw301:ReferentieAanbieder>');
    expect(xml).toContain('<ijw:Volume>720000</ijw:Volume>');
    expect(xml).toContain(`<jw301:Bsn>${TEST_BSN}</jw301:Bsn>`);
    expect(clientless).not.toContain(TEST_BSN);
    expect(clientless).not.toContain('Testkind');
  });

  it('scaling to another product: the old one ends the day before with its reason, a new number begins', () => {
    const current = numbered(assignmentsAfterDecision(undefined, decision()).created!, 1000001);
    const { changed, created } = assignmentsAfterDecision(
      current,
      decision({
        version: 2,
        cause: 'SCALING',
        validFrom: '2027-02-01',
        totalBudgetCents: 960000,
        product: { ...PRODUCT, arrangementCode: 'WF-J-B-OPV-Z', productCode: '45A13' },
      }),
      { kind: '317', providerReference: 'VOW-3' },
    );
    expect(changed).toEqual([
      expect.objectContaining({ assignmentNumber: 1000001, validTo: '2027-01-31', changeReason: '12' }),
    ]);
    expect(created).toMatchObject({
      productCode: '45A13',
      validFrom: '2027-02-01',
      providerReference: 'VOW-3',
    });
    roundTrip301([changed[0], numbered(created!, 1000002)]);
  });

  it('scaling on the first day of the assignment leaves it that one day, with its reason (not removed)', () => {
    const current = numbered(assignmentsAfterDecision(undefined, decision()).created!, 1000001);
    const { changed } = assignmentsAfterDecision(
      current,
      decision({ version: 2, cause: 'SCALING', product: { ...PRODUCT, productCode: '45A13' } }),
      { kind: '317', providerReference: 'VOW-4' },
    );
    expect(changed[0]).toMatchObject({ validFrom: '2026-12-01', validTo: '2026-12-01', changeReason: '12' });
  });

  it('the same product renewed keeps its number with reason 04; a price correction gives 03', () => {
    const current = numbered(assignmentsAfterDecision(undefined, decision()).created!, 1000001);
    const renewed = assignmentsAfterDecision(
      current,
      decision({ version: 2, cause: 'RENEWAL', validTo: '2027-11-30' }),
    );
    expect(renewed.created).toBeUndefined();
    expect(renewed.changed[0]).toMatchObject({
      assignmentNumber: 1000001,
      validTo: '2027-11-30',
      changeReason: '04',
    });
    const corrected = assignmentsAfterDecision(
      current,
      decision({ version: 3, cause: 'PRICE_CORRECTION', totalBudgetCents: 700000 }),
    );
    expect(corrected.changed[0]).toMatchObject({ volume: 700000, changeReason: '03' });
    expect(renewed.changed[0].validFrom).toBe('2026-12-01');
    roundTrip301(renewed.changed);
    // A renewal after the assignment lapsed is a new assignment (OP380 stretches only what still runs).
    const late = assignmentsAfterDecision(
      current,
      decision({ version: 2, cause: 'RENEWAL', validFrom: '2027-07-01', validTo: '2027-12-31' }),
    );
    expect(late.changed).toEqual([]);
    expect(late.created).toMatchObject({ validFrom: '2027-07-01' });
  });

  it('end: a closure before the planned end moves the end date with its reason; before the start it removes (13)', () => {
    const current = numbered(assignmentsAfterDecision(undefined, decision()).created!, 1000001);
    expect(assignmentAfterClosure(current, '2027-01-15', 'EARLY_DROPOUT')).toMatchObject({
      validTo: '2027-01-15',
      changeReason: '05',
    });
    expect(assignmentAfterClosure(current, '2027-01-15', 'CLIENT_SWITCHED_PROVIDER')?.changeReason).toBe(
      '09',
    );
    expect(
      assignmentAfterClosure(current, '2027-01-15', 'EARLY_DROPOUT', 'CLIENT_DECEASED')?.changeReason,
    ).toBe('02');
    const removed = assignmentAfterClosure(current, '2026-11-20', 'WITHDRAWN_BEFORE_START')!;
    expect(removed).toMatchObject({ validFrom: '2026-12-01', validTo: '2026-12-01', changeReason: '13' });
    expect(assignmentAfterClosure(current, '2027-05-31', 'COMPLETED_PER_PLAN')).toBeUndefined();
    roundTrip301([assignmentAfterClosure(current, '2027-01-15', 'EARLY_DROPOUT')!]);
    roundTrip301([removed]);
  });

  it('lists every current assignment of the client at the provider and those just changed (OP087)', () => {
    const a = {
      ...numbered(assignmentsAfterDecision(undefined, decision()).created!, 1),
      validTo: '2026-11-30',
    };
    const b = numbered(assignmentsAfterDecision(undefined, decision({ trajectoryId: 't2' })).created!, 2);
    expect(assignmentsOfMessage([b, a], TODAY, new Set()).map((x) => x.assignmentNumber)).toEqual([2]);
    expect(assignmentsOfMessage([b, a], TODAY, new Set([1])).map((x) => x.assignmentNumber)).toEqual([1, 2]);
  });

  it('writes iWmo 3.2 too: its own namespace and BerichtCode', () => {
    const created = numbered(
      assignmentsAfterDecision(undefined, decision({ product: { ...PRODUCT, productCategory: '02' } }))
        .created!,
      7,
    );
    const tree = assignmentMessage(
      {
        header: { ...header, standard: IWMO },
        products: [
          {
            assignmentNumber: 7,
            productCategory: '02',
            productCode: created.productCode,
            assignedOn: TODAY,
            assignedAt: '09:00:00',
            validFrom: created.validFrom,
            validTo: created.validTo,
            volume: created.volume,
            unit: '83',
            frequency: '6',
          },
        ],
      },
      CLIENT,
    );
    expect(validateMessage(tree, IWMO, '301')).toEqual([]);
    expect(validateMessage(tree, IJW, '301').map((p) => p.element)).toEqual(
      expect.arrayContaining(['BerichtCode', 'Categorie']),
    );
    expect(writeMessage(tree, IWMO, '301')).toContain('<wmo301:BerichtCode>414</wmo301:BerichtCode>');
  });
});

describe('319 Antwoordbericht', () => {
  it('refused with its reason, or under research without one (CD085, CD086)', () => {
    const refused = requestAnswerMessage({
      header,
      providerReference: 'VOW-3',
      answer: '1',
      rejectionReason: '7',
    });
    const researching = requestAnswerMessage({
      header,
      providerReference: 'VOT-77',
      answer: '2',
      rejectionReason: '7',
    });
    expect(validateMessage(refused, IJW, '319')).toEqual([]);
    expect(validateMessage(researching, IJW, '319')).toEqual([]);
    expect(writeMessage(researching, IJW, '319')).not.toContain('RedenAfwijzingVerzoek');
  });
});

describe('reading what providers send', () => {
  const line = { assignmentNumber: 1000001, category: '45', code: '45A12', startDate: '2026-12-02' };

  it('reads each message a provider sends, without keeping the client block', () => {
    const start = readInbound(start305(sender, line), TODAY);
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    expect(start.message.header).toMatchObject({ senderAgb: '98000001', receiverMunicipality: '0405' });
    expect(start.message.body).toEqual({
      code: '305',
      starts: [
        {
          assignmentNumber: 1000001,
          productCategory: '45',
          productCode: '45A12',
          startDate: '2026-12-02',
          status: '1',
        },
      ],
    });
    expect(JSON.stringify(start.message.body)).not.toContain(TEST_BSN);

    const stop = readInbound(stop307(sender, { ...line, reason: '32', endDate: TODAY }), TODAY);
    expect(stop.ok && stop.message.body).toMatchObject({
      code: '307',
      stops: [{ reason: '32', endDate: TODAY }],
    });

    const request = readInbound(
      request315(sender, {
        providerReference: 'VOT-77',
        category: '45',
        code: '45A12',
        validFrom: '2026-12-15',
        referrerType: '02',
        referrerAgb: '01234567',
      }),
      TODAY,
    );
    expect(request.ok && request.message.body).toMatchObject({
      code: '315',
      requests: [{ providerReference: 'VOT-77', referral: { type: '02', agbCode: '01234567' } }],
    });

    const change = readInbound(
      change317(sender, {
        providerReference: 'VOW-3',
        reason: '2',
        additions: [
          {
            category: '45',
            code: '45A13',
            desiredFrom: '2027-01-01',
            validTo: '2027-05-31',
            volume: 960000,
            unit: '83',
          },
        ],
        changes: [{ assignmentNumber: 1000001, desiredFrom: '2026-12-01', validTo: '2026-12-31' }],
      }),
      TODAY,
    );
    expect(change.ok && change.message.body).toMatchObject({
      code: '317',
      request: { reason: '2', additions: [{ productCode: '45A13' }] },
    });

    const declared = readInbound(
      declaration323(sender, {
        number: 'D2026121',
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
        clients: [
          {
            bsn: TEST_BSN,
            lines: [
              {
                reference: 'R1',
                assignmentNumber: 1000001,
                category: '45',
                code: '45A12',
                periodStart: '2026-12-01',
                periodEnd: '2026-12-31',
                unit: '83',
                amountCents: 360000,
              },
            ],
          },
        ],
      }),
      TODAY,
    );
    expect(declared.ok && declared.message.body).toMatchObject({
      code: '323',
      declaration: {
        number: 'D2026121',
        total: { cents: 360000, debitCredit: 'D' },
        lines: [{ referenceNumber: 'R1', amountCents: 360000 }],
      },
    });
  });

  it('reads the namespaces however the sender prefixes them, and refuses an element outside them', () => {
    const xml = start305(sender, line);
    const renamed = xml
      .replaceAll('jw305:', 'm:')
      .replace('xmlns:jw305=', 'xmlns:m=')
      .replaceAll('ijw:', 'b:')
      .replace('xmlns:ijw=', 'xmlns:b=');
    const read = readInbound(renamed, TODAY);
    expect(read.ok && read.message.body).toMatchObject({
      code: '305',
      starts: [{ assignmentNumber: 1000001 }],
    });
    const foreign = xml
      .replace('<jw305:Geslacht>', '<x:Geslacht xmlns:x="urn:other">')
      .replace('</jw305:Geslacht>', '</x:Geslacht>');
    expect(!readInbound(foreign, TODAY).ok).toBe(true);
    // An element of the message put in the basisschema's namespace breaks the schema.
    const misplaced = xml
      .replace('<jw305:Begindatum>', '<ijw:Begindatum>')
      .replace('</jw305:Begindatum>', '</ijw:Begindatum>');
    const result = readInbound(misplaced, TODAY);
    expect(!result.ok && result.refusal.retour[0].about).toBe(
      'Bericht/Client/StartProducten/StartProduct/Begindatum',
    );
  });

  it('refuses unreadable or hostile XML with 400 and retour 0001', () => {
    for (const text of [
      '<Bericht',
      'not xml at all',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ]) {
      const result = readInbound(text, TODAY);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.refusal.status).toBe(400);
      expect(result.refusal.retour[0].code).toBe('0001');
    }
  });

  it('refuses another message, version or standard with 422 UNKNOWN_MESSAGE', () => {
    const v31 = start305(sender, line).replace(/3_2/g, '3_1');
    const municipalityMessage = writeMessage(assignmentMessage({ header, products: [] }), IJW, '301');
    for (const text of [v31, municipalityMessage]) {
      const result = readInbound(text, TODAY);
      expect(!result.ok && result.refusal).toMatchObject({ status: 422, code: 'UNKNOWN_MESSAGE' });
    }
  });

  it('refuses a schema violation with every problem as retour 0001: a wrong BSN, an unknown code, a wrong BerichtCode', () => {
    const text = stop307(sender, { ...line, reason: '99', endDate: '2027-01-10' }, '123456789').replace(
      '<jw307:BerichtCode>440</jw307:BerichtCode>',
      '<jw307:BerichtCode>438</jw307:BerichtCode>',
    );
    const result = readInbound(text, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ status: 422, code: 'INVALID_MESSAGE', messageCode: '307' });
    expect(result.refusal.retour.map((r) => r.about)).toEqual([
      'Bericht/Header/BerichtCode',
      'Bericht/Client/Bsn',
      'Bericht/Client/StopProducten/StopProduct/RedenBeeindiging',
    ]);
    expect(result.refusal.retour.every((r) => r.code === '0001')).toBe(true);
    // The refusal names where, never the value: no BSN in what is logged or stored.
    expect(JSON.stringify(result.refusal)).not.toContain('123456789');
  });

  it('refuses a deletion (StatusAanlevering 3) and a stop dated after today with 0001', () => {
    const deletion = readInbound(
      start305(sender, line).replace('<jw305:StatusAanlevering>1<', '<jw305:StatusAanlevering>3<'),
      TODAY,
    );
    expect(!deletion.ok && deletion.refusal.retour).toEqual([
      expect.objectContaining({ code: '0001', about: 'line 1/StatusAanlevering' }),
    ]);
    const future = readInbound(stop307(sender, { ...line, reason: '32', endDate: '2027-01-10' }), TODAY);
    expect(!future.ok && future.refusal.retour).toEqual([
      expect.objectContaining({ about: 'StopProduct 1/Einddatum' }),
    ]);
  });

  it('refuses nesting beyond the bound and a character reference XML does not allow, as malformed (400)', () => {
    const deep = `<a xmlns="urn:x">${'<b>'.repeat(150)}${'</b>'.repeat(150)}</a>`;
    for (const text of [
      deep,
      start305(sender, line).replace('>45A12<', '>&#x110000;<'),
      start305(sender, line).replace('>45A12<', '>&#xD800;<'),
      start305(sender, line).replace('>45A12<', '>\ud800<'),
    ]) {
      const result = readInbound(text, TODAY);
      expect(!result.ok && result.refusal.status).toBe(400);
    }
  });

  it('refuses a message dated in the future (8848) and a stop without its assignment number (9019)', () => {
    const future = readInbound(start305({ ...sender, dated: '2026-12-07' }, line), TODAY);
    expect(!future.ok && future.refusal.retour.map((r) => r.code)).toEqual(['8848']);
    const unnumbered = readInbound(start305(sender, { ...line, assignmentNumber: undefined }), TODAY);
    expect(!unnumbered.ok && unnumbered.refusal.retour.map((r) => r.code)).toEqual(['9019']);
  });

  it('refuses a 323 whose lines do not add up to its total (TR358)', () => {
    const text = declaration323(sender, {
      number: 'D1',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      clients: [
        {
          bsn: TEST_BSN,
          lines: [
            {
              reference: 'R1',
              assignmentNumber: 1,
              category: '45',
              code: '45A12',
              periodStart: '2026-12-01',
              periodEnd: '2026-12-31',
              unit: '83',
              amountCents: 100,
            },
          ],
        },
      ],
    }).replace('<ijw:TotaalBedrag>100</ijw:TotaalBedrag>', '<ijw:TotaalBedrag>101</ijw:TotaalBedrag>');
    const result = readInbound(text, TODAY);
    expect(!result.ok && result.refusal.retour[0]).toMatchObject({
      code: '0001',
      about: 'Declaratie/TotaalIngediendBedrag',
    });
  });
});

describe('323 → 325: each line against the ledger', () => {
  const assignment: DeclarableAssignment = {
    assignmentNumber: 1000001,
    trajectoryId: 'trajectory-GM0405-C1',
    providerId: 'PRV-HORIZON',
    productCategory: '45',
    productCode: '45A12',
    unit: '83',
    validFrom: '2026-12-01',
    validTo: '2027-05-31',
    tranches: [
      { paymentId: '11', kind: 'INITIAL', amountCents: 360000, dueDate: '2026-12-02', status: 'RELEASED' },
      { paymentId: '12', kind: 'FINAL', amountCents: 360000, dueDate: '2027-05-31', status: 'SCHEDULED' },
    ],
  };
  const line = (reference: string, amountCents: number, over: Record<string, unknown> = {}) => ({
    clientIndex: 0,
    lineIndex: 0,
    referenceNumber: reference,
    assignmentNumber: 1000001,
    productCategory: '45',
    productCode: '45A12',
    period: { start: '2026-12-01', end: '2026-12-31' },
    deliveredVolume: amountCents,
    unit: '83',
    amountCents,
    debitCredit: 'D' as const,
    ...over,
  });
  const match = (
    lines: ReturnType<typeof line>[],
    honouredBy?: string,
    references: string[] = [],
    period = { start: '2026-12-01', end: '2026-12-31' },
  ) =>
    matchDeclaration({
      providerId: 'PRV-HORIZON',
      period,
      lines,
      assignments: new Map([
        [
          1000001,
          {
            ...assignment,
            tranches: assignment.tranches.map((t, i) => (i === 0 && honouredBy ? { ...t, honouredBy } : t)),
          },
        ],
      ]),
      honouredReferences: new Set(references),
      today: TODAY,
    });

  it('honours the due tranche with its exact amount and refuses a wrong amount (0611)', () => {
    expect(match([line('R1', 360000)])[0].tranche?.paymentId).toBe('11');
    expect(match([line('R2', 350000)])[0].retour.map((r) => r.code)).toEqual(['0611']);
  });

  it('never honours a tranche twice: declared before (9322), a reference used before (8021)', () => {
    expect(match([line('R9', 360000)], 'R1')[0].retour.map((r) => r.code)).toEqual(['9322']);
    expect(match([line('R1', 360000)], undefined, ['R1'])[0].retour.map((r) => r.code)).toEqual(['8021']);
    const [first, second] = match([line('R1', 360000), line('R2', 360000, { lineIndex: 1 })]);
    expect(first.tranche?.paymentId).toBe('11');
    expect(second.retour.map((r) => r.code)).toEqual(['9322']);
  });

  it('refuses an unknown assignment (9338), another product (9340), a period outside the assignment (9307) and a tranche not due (9369)', () => {
    expect(match([line('R1', 360000, { assignmentNumber: 42 })])[0].retour.map((r) => r.code)).toEqual([
      '9338',
    ]);
    expect(match([line('R1', 360000, { productCode: '45A99' })])[0].retour.map((r) => r.code)).toEqual([
      '9340',
    ]);
    expect(
      match([line('R1', 360000, { period: { start: '2026-11-01', end: '2026-11-30' } })])[0].retour.map(
        (r) => r.code,
      ),
    ).toEqual(['9307']);
    // The final tranche falls due at the end of May 2027: not due yet, so not declarable today.
    const may = { start: '2027-05-01', end: '2027-05-31' };
    expect(
      match([line('R1', 360000, { period: may })], undefined, [], may)[0].retour.map((r) => r.code),
    ).toEqual(['9369']);
  });

  it('writes the 325: honoured lines left out, refused ones back with codes; 8001 when all are honoured', () => {
    const text = declaration323(sender, {
      number: 'D2026121',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      clients: [
        {
          bsn: TEST_BSN,
          lines: [
            {
              reference: 'R1',
              assignmentNumber: 1000001,
              category: '45',
              code: '45A12',
              periodStart: '2026-12-01',
              periodEnd: '2026-12-31',
              unit: '83',
              amountCents: 360000,
            },
            {
              reference: 'R2',
              assignmentNumber: 1000001,
              category: '45',
              code: '45A12',
              periodStart: '2026-12-01',
              periodEnd: '2026-12-31',
              unit: '83',
              amountCents: 350000,
            },
          ],
        },
      ],
    });
    const read = readInbound(text, TODAY);
    if (!read.ok || read.message.body.code !== '323') throw new Error('expected a readable 323');
    const d = read.message.body.declaration;
    const outcomes = match(d.lines as ReturnType<typeof line>[]);
    const answer = {
      header: { ...header, identification: '325000001' },
      declarationIdentification: { identification: 'MSG-1', dated: TODAY },
      declarationXsd: read.message.header.xsdVersions,
      declarationNumber: d.number,
      total: d.total,
      outcomes,
    };
    const declaration = read.message.tree.children.find((c) => c.name === 'Declaratie')!;
    const complete = declarationAnswerMessage(answer, declaration, true);
    const clientless = declarationAnswerMessage(answer, declaration, false);
    expect(validateMessage(complete, IJW, '325')).toEqual([]);
    expect(validateMessage(clientless, IJW, '325', 'clientless')).toEqual([]);
    const xml = writeMessage(complete, IJW, '325');
    expect(xml).toContain('<ijw:TotaalBedrag>360000</ijw:TotaalBedrag>');
    expect(xml).toContain('<ijw:ReferentieNummer>R2</ijw:ReferentieNummer>');
    expect(xml).not.toContain('<ijw:ReferentieNummer>R1</ijw:ReferentieNummer>');
    // R2 asks for the tranche R1 was just honoured for: declared twice.
    expect(xml).toContain('<jw325:RetourCode>9322</jw325:RetourCode>');
    expect(writeMessage(clientless, IJW, '325')).not.toContain(TEST_BSN);

    const allHonoured = declarationAnswerMessage({ ...answer, outcomes: [outcomes[0]] }, declaration, true);
    expect(validateMessage(allHonoured, IJW, '325')).toEqual([]);
    expect(writeMessage(allHonoured, IJW, '325')).toContain('<jw325:RetourCode>8001</jw325:RetourCode>');
  });
});
