import { applyCommand } from '@app/domain';
import type { ProviderRegisterFacts, ProviderStanding } from '@app/domain';
import {
  CASE,
  created,
  effectsOf,
  LT,
  planDraft,
  PROVIDER,
  RECOVERY,
  rejection,
  rules1,
  run,
  submitted,
  T0,
} from '../../testing/trajectory-fixtures';

describe('drafting (domain.md §7.4, rows INTAKE and DRAFTING)', () => {
  it('beginDrafting moves INTAKE to DRAFTING', () => {
    const { state, effects } = applyCommand(created(), { type: 'beginDrafting', actor: LT }, T0);
    expect(state.status).toBe('DRAFTING');
    expect(state.planRequired).toBe(true);
    expect(effects).toEqual([expect.objectContaining({ kind: 'AUDIT', seq: 2, type: 'DRAFTING_STARTED' })]);
  });

  it('recordPlanExemption records the exemption for a listed request type (R-PLAN-05)', () => {
    const state0 = created({ requestType: 'SINGLE_CONSULTATION' });
    const { state, effects } = applyCommand(
      state0,
      { type: 'recordPlanExemption', actor: LT, reasonCode: 'ONE_OFF' },
      T0,
    );
    expect(state.status).toBe('DRAFTING');
    expect(state.planRequired).toBe(false);
    expect(state.exemption).toEqual({
      requestType: 'SINGLE_CONSULTATION',
      reasonCode: 'ONE_OFF',
      recordedAt: T0.toISOString(),
      recordedByRef: LT.ref,
    });
    expect(effects[0]).toMatchObject({ type: 'PLAN_EXEMPTION_RECORDED', details: { reasonCode: 'ONE_OFF' } });
  });

  it('refuses an exemption for a request type not in the policy list with 422', () => {
    const error = rejection(() =>
      applyCommand(created(), { type: 'recordPlanExemption', actor: LT, reasonCode: 'X' }, T0),
    );
    expect(error).toMatchObject({ code: 'DOMAIN_RULE_VIOLATION', currentStatus: 'INTAKE' });
    expect(error.violations).toEqual([expect.objectContaining({ field: 'requestType' })]);
    expect(error.allowedActions).toEqual(['beginDrafting', 'recordPlanExemption', 'withdraw']);
  });

  it('an exempt request submits a plan without results or signatures', () => {
    const state0 = run(
      created({ requestType: 'ONE_OFF_MEDICATION_REVIEW' }),
      [{ type: 'recordPlanExemption', actor: LT, reasonCode: 'ONE_OFF' }],
      T0,
    ).state;
    const { state } = applyCommand(
      state0,
      { type: 'submitPlan', actor: PROVIDER, plan: planDraft({ results: [], requiredSignatures: [] }) },
      T0,
    );
    expect(state.status).toBe('AWAITING_APPROVAL');
    const approved = applyCommand(state, { type: 'approvePlan', actor: LT, planVersion: 1 }, T0);
    expect(approved.state.status).toBe('DECIDED');
  });

  it.each(['INTAKE', 'DRAFTING'] as const)(
    'withdraw from %s closes WITHDRAWN_BEFORE_START without money',
    (from) => {
      const state0 =
        from === 'INTAKE' ? created() : run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state;
      const { state, effects } = applyCommand(
        state0,
        { type: 'withdraw', actor: CASE, reasonCode: 'CLIENT_DECLINED' },
        T0,
      );
      expect(state.status).toBe('CLOSED');
      expect(state.closure?.reason).toBe('WITHDRAWN_BEFORE_START');
      expect(effectsOf(effects, 'CLOSED')[0]).toMatchObject({
        reason: 'WITHDRAWN_BEFORE_START',
        outcome: { dropout: false, goalAttainment: null, clientSatisfaction: 'NOT_ASKED' },
      });
      expect(effectsOf(effects, 'PAYMENT')).toEqual([]);
      expect(effectsOf(effects, 'CANCEL_PAYMENT')).toEqual([]);
    },
  );
});

describe('submitPlan (domain.md §7.4 guard)', () => {
  it('creates plan version 1, round 1 and a 10-working-day approval clock that skips holidays', () => {
    const state = submitted();
    expect(state.status).toBe('AWAITING_APPROVAL');
    expect(state.plan).toMatchObject({ version: 1, status: 'SUBMITTED', signatures: [] });
    expect(state.rounds).toEqual([
      { planVersion: 1, round: 1, submittedByRef: PROVIDER.ref, submittedAt: T0.toISOString() },
    ]);
    // Mon 20 April + 10 working days, skipping King's Day (27 April) and Liberation Day (5 May).
    expect(state.approvalClock?.deadlineAt).toBe('2026-05-06T08:00:00.000Z');
  });

  const cases: [string, Parameters<typeof planDraft>[0], string, string?][] = [
    ['no results (R-PLAN-02)', { results: [] }, 'plan.results'],
    [
      'a result without life domain or result area',
      { results: [{ id: 'r1', smart: true }] },
      'plan.results[0]',
    ],
    [
      'duplicate result ids',
      {
        results: [
          { id: 'r1', lifeDomain: 'A', smart: true },
          { id: 'r1', lifeDomain: 'B', smart: true },
        ],
      },
      'plan.results',
    ],
    ['no profile (R-PLAN-01)', { profileCode: '' }, 'plan.profileCode'],
    ['no intensity (R-PLAN-01)', { intensityCode: ' ' }, 'plan.intensityCode'],
    [
      'lead provider not chosen by the family (R-ROLE-05)',
      { leadProviderChosenByFamily: false },
      'plan.leadProviderChosenByFamily',
    ],
    [
      'lead provider declared as its own subcontractor (P10)',
      { subcontractorIds: ['prov-horizon'] },
      'plan.subcontractorIds',
    ],
    [
      'no client signature required (R-PLAN-04)',
      { requiredSignatures: ['LEAD_PROVIDER'] },
      'plan.requiredSignatures',
    ],
    [
      'no lead-provider signature required (R-ROLE-04)',
      { requiredSignatures: ['CLIENT'] },
      'plan.requiredSignatures',
    ],
    [
      'a tariff in fractions of cents',
      { arrangement: { ...planDraft().arrangement, tariffCents: 10.5 } },
      'plan.arrangement.tariffCents',
    ],
    [
      'an arrangement of another domain',
      { arrangement: { ...planDraft().arrangement, domain: 'WMO' } },
      'plan.arrangement.domain',
    ],
    ['a planned end in the past', { plannedEndAt: '2026-01-01T00:00:00Z' }, 'plan.plannedEndAt'],
  ];
  it.each(cases)('refuses %s with 422', (_name, overrides, field) => {
    const state0 = run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state;
    const error = rejection(() =>
      applyCommand(state0, { type: 'submitPlan', actor: PROVIDER, plan: planDraft(overrides) }, T0),
    );
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.currentStatus).toBe('DRAFTING');
    expect(error.violations.map((v) => v.field)).toContain(field);
  });

  describe('R-ROLE-02: who proposes the intensity is who submits (rules 2)', () => {
    const drafting = (domain: 'JEUGD' | 'WMO') =>
      run(created({ domain }), [{ type: 'beginDrafting', actor: LT }], T0).state;

    it.each([
      ['JEUGD', LT, 'in youth care the provider proposes the intensity'],
      ['JEUGD', CASE, 'in youth care the provider proposes the intensity'],
      ['WMO', PROVIDER, 'in Wmo support the municipality sets the intensity'],
    ] as const)('refuses a %s plan submitted by %o with 422 on actor.role', (domain, actor, why) => {
      const error = rejection(() =>
        applyCommand(drafting(domain), { type: 'submitPlan', actor, plan: planDraft() }, T0),
      );
      expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
      expect(error.violations).toEqual([
        { field: 'actor.role', message: expect.stringContaining(`${why} (R-ROLE-02)`) },
      ]);
    });

    it.each([
      ['JEUGD', PROVIDER, 'PROVIDER'],
      ['WMO', LT, 'LOCAL_TEAM'],
      ['WMO', CASE, 'MUNICIPALITY'],
    ] as const)(
      'records a %s plan submitted by %o as proposed by %s, whatever the body says',
      (domain, actor, by) => {
        const { state, effects } = applyCommand(
          drafting(domain),
          { type: 'submitPlan', actor, plan: planDraft({ intensityProposedBy: 'MUNICIPALITY' }) },
          T0,
        );
        expect(state.plan?.intensityProposedBy).toBe(by);
        expect(effectsOf(effects, 'AUDIT')[0]?.details).toMatchObject({
          intensityProposedBy: by,
          attestations: ['LEAD_PROVIDER_CHOSEN_BY_FAMILY'],
        });
        expect(effectsOf(effects, 'AUDIT')[0]?.actor).toEqual(actor);
      },
    );

    it('under rules 1 a replayed trajectory still reads the body (R-ROLE-02 by flag)', () => {
      const error = rejection(() =>
        applyCommand(
          rules1(drafting('WMO')),
          { type: 'submitPlan', actor: LT, plan: planDraft({ intensityProposedBy: 'PROVIDER' }) },
          T0,
        ),
      );
      expect(error.violations).toEqual([
        {
          field: 'plan.intensityProposedBy',
          message: 'in Wmo support the municipality sets the intensity (R-ROLE-02)',
        },
      ]);
    });
  });

  describe('against the provider register and the arrangement (issue 14)', () => {
    const drafting = () => run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state;
    const standing = (over: Partial<ProviderStanding> = {}): ProviderStanding => ({
      contracted: true,
      subcontractingAllowed: true,
      ...over,
    });
    const register = (providers: ProviderRegisterFacts['providers']): ProviderRegisterFacts => ({
      regionId: 'WEST-FRIESLAND',
      arrangementCode: RECOVERY.code,
      providers,
    });
    const submit = (plan = planDraft(), facts?: ProviderRegisterFacts) =>
      applyCommand(
        drafting(),
        { type: 'submitPlan', actor: PROVIDER, plan, ...(facts ? { register: facts } : {}) },
        T0,
      );

    it('accepts contracted providers without a freeze', () => {
      const facts = register({ 'prov-horizon': standing(), 'prov-sub-a': standing() });
      expect(submit(planDraft(), facts).state.status).toBe('AWAITING_APPROVAL');
    });

    it.each([
      [
        'a lead provider without a contract',
        { 'prov-sub-a': standing() },
        'plan.leadProviderId',
        'R-ROLE-06',
      ],
      [
        'a lead provider under a client intake freeze',
        {
          'prov-horizon': standing({ intakeFreeze: { since: '2026-03-01', reasonCode: 'UNDERPERFORMANCE' } }),
          'prov-sub-a': standing(),
        },
        'plan.leadProviderId',
        'R-END-03',
      ],
      [
        'a subcontractor without a contract',
        { 'prov-horizon': standing(), 'prov-sub-a': standing({ contracted: false }) },
        'plan.subcontractorIds[0]',
        'P10',
      ],
      [
        'a frozen subcontractor',
        {
          'prov-horizon': standing(),
          'prov-sub-a': standing({ intakeFreeze: { since: '2026-03-01', reasonCode: 'QUALITY' } }),
        },
        'plan.subcontractorIds[0]',
        'R-END-03',
      ],
      [
        'subcontractors where the lead contract allows none',
        { 'prov-horizon': standing({ subcontractingAllowed: false }), 'prov-sub-a': standing() },
        'plan.subcontractorIds',
        'R-ROLE-06',
      ],
    ])('refuses %s with 422 naming the field and the rule', (_name, providers, field, rule) => {
      const error = rejection(() => submit(planDraft(), register(providers)));
      expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
      expect(error.violations).toEqual([
        expect.objectContaining({ field, message: expect.stringContaining(`(${rule})`) }),
      ]);
    });

    it.each([
      ['profile', { profileCode: 'J-OTHER' }, 'plan.profileCode', 'R-TAR-03'],
      ['intensity', { intensityCode: 'ZWAAR' }, 'plan.intensityCode', 'R-TAR-03'],
      ['region', { regionId: 'FRIESLAND' }, 'plan.arrangement.regionId', 'R-TAR-03'],
      ['preset', { paymentPreset: 'MONTHLY' as const }, 'plan.arrangement.paymentPreset', 'decisions.md 1'],
    ])(
      'refuses an arrangement whose %s does not fit the plan or the trajectory',
      (_n, terms, field, rule) => {
        const arrangement = { ...RECOVERY, profileCode: 'PROF2', intensityCode: 'MIDDEN', ...terms };
        const error = rejection(() => submit(planDraft({ arrangement })));
        expect(error.violations).toEqual([
          expect.objectContaining({ field, message: expect.stringContaining(rule) }),
        ]);
      },
    );
  });
});

describe('chooseLeadProvider (R-ROLE-05)', () => {
  const drafting = () => run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state;

  it('records the family’s choice with the attesting actor; the plan must then name that provider', () => {
    const { state, effects } = applyCommand(
      drafting(),
      { type: 'chooseLeadProvider', actor: LT, leadProviderId: 'prov-horizon', chosenByFamily: true },
      T0,
    );
    expect(state.leadProviderId).toBe('prov-horizon');
    expect(state.leadProviderChoice).toEqual({
      providerId: 'prov-horizon',
      attestedByRef: LT.ref,
      at: T0.toISOString(),
    });
    expect(effectsOf(effects, 'AUDIT')[0]).toMatchObject({
      type: 'LEAD_PROVIDER_CHOSEN',
      actor: LT,
      details: { attestations: ['CHOSEN_BY_FAMILY'], previousLeadProviderId: null },
    });
    expect(effectsOf(effects, 'NOTIFY')).toEqual([
      expect.objectContaining({ topic: 'LEAD_PROVIDER_CHOSEN', audience: 'PROVIDER' }),
    ]);

    // The recorded choice stands for the plan's attestation...
    const { leadProviderChosenByFamily: _flag, ...plan } = planDraft();
    const submittedState = applyCommand(state, { type: 'submitPlan', actor: PROVIDER, plan }, T0).state;
    expect(submittedState.plan?.leadProviderChosenByFamily).toBe(true);
    // ...and binds it: another provider needs another recorded choice.
    const error = rejection(() =>
      applyCommand(
        state,
        { type: 'submitPlan', actor: PROVIDER, plan: planDraft({ leadProviderId: 'prov-other' }) },
        T0,
      ),
    );
    expect(error.violations).toEqual([
      expect.objectContaining({
        field: 'plan.leadProviderId',
        message: expect.stringContaining('R-ROLE-05'),
      }),
    ]);
  });

  it('refuses a choice the family did not make, and a provider recording it', () => {
    const error = rejection(() =>
      applyCommand(
        drafting(),
        { type: 'chooseLeadProvider', actor: CASE, leadProviderId: 'prov-horizon', chosenByFamily: false },
        T0,
      ),
    );
    expect(error.violations).toEqual([
      { field: 'chosenByFamily', message: 'the family chooses the lead provider (R-ROLE-05)' },
    ]);
    const forbidden = rejection(() =>
      applyCommand(
        drafting(),
        { type: 'chooseLeadProvider', actor: PROVIDER, leadProviderId: 'prov-horizon', chosenByFamily: true },
        T0,
      ),
    );
    expect(forbidden.violations).toEqual([expect.objectContaining({ field: 'actor.role' })]);
  });
});
