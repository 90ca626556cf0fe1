// One trajectory as a workspace shows it (issue 18): what it is waiting for, and a form for each action the
// signed-in person may send now — the API's `yourActions`, the domain's own decision rights — limited to the
// ones this workspace offers. Every form posts to the lifecycle route of that action.
import { api, badge, errorBox, facts, format, h, section } from './common.js';
import { actionForm, field, input, radios, select, valueOf } from './forms.js';
import { LIFE_DOMAINS, lifeDomainLabel, statusLabel, t } from './texts.js';

const ATTAINMENTS = ['ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED', 'NOT_ASSESSED'];
const OUTCOMES = ['CONTINUE', 'SCALE_UP', 'SCALE_DOWN', 'COMPLETE', 'TERMINATE', 'REASSESS'];
const CHANGE_REASONS = [
  'TARIFF_OR_INTENSITY',
  'RESULTS_UNCLEAR',
  'MISSING_INFO',
  'MISSING_SIGNATURE',
  'SEGMENT_FIT',
  'OTHER',
];
const SIGNATURES = ['CLIENT', 'LEGAL_REPRESENTATIVE', 'LEAD_PROVIDER', 'LOCAL_TEAM'];
const DROPOUT_REASONS = ['CLIENT_STOPPED', 'CARE_NOT_SUITABLE', 'MOVED_AWAY', 'OTHER'];
const RESULT_ROWS = 3;

const coded = (prefix, codes) => codes.map((c) => [c, t(`${prefix}.${c}`)]);
/** The catalogue's arrangements a trajectory can take: its region's, for its domain and segment. */
const fitting = (arrangements, state) =>
  arrangements.filter(
    (a) => a.region === state.policy?.regionId && a.domain === state.domain && a.segment === state.segment,
  );
const path = (view, action) => `/trajectories/${encodeURIComponent(view.trajectoryId)}/${action}`;

/** The plan's results as the forms ask about them: id and, in words, its life domain. */
function resultLabel(result) {
  return `${result.id} · ${lifeDomainLabel(result.lifeDomain ?? result.resultAreaCode)}`;
}

function planForm(view, state, arrangements, done) {
  const id = 'submit-plan';
  const fit = fitting(arrangements, state);
  // A new version keeps the results it had (their ids: evaluations and answers point at them) and room for more.
  const existing = state.plan?.results ?? [];
  const taken = new Set(existing.map((r) => r.id));
  let next = 1;
  const freshId = () => {
    while (taken.has(`r${next}`)) next += 1;
    taken.add(`r${next}`);
    return `r${next}`;
  };
  const rowIds = Array.from({ length: Math.max(RESULT_ROWS, existing.length + 1) }, (_, i) =>
    i < existing.length ? existing[i].id : freshId(),
  );
  const rows = rowIds.map((resultId, i) => {
    const r = existing[i];
    return h(
      'fieldset',
      { class: 'result-row', 'data-field': `results.${i}`, 'data-result-id': resultId },
      h('legend', {}, t('work.result-n', { n: i + 1 })),
      field(
        id,
        `results.${i}.lifeDomain`,
        t('work.life-domain'),
        select(
          LIFE_DOMAINS.map((d) => [d, lifeDomainLabel(d)]),
          {
            blank: r?.resultAreaCode ? lifeDomainLabel(r.resultAreaCode) : t('work.no-result'),
            value: r?.lifeDomain,
          },
        ),
      ),
      field(
        id,
        `results.${i}.targetDate`,
        t('work.target-date'),
        input({ type: 'date', value: r?.targetDate }),
      ),
      field(
        id,
        `results.${i}.descriptionRef`,
        t('work.description-ref'),
        input({ value: r?.descriptionRef ?? '', placeholder: 'doc-4711' }),
        t('work.description-ref-hint'),
      ),
      field(
        id,
        `results.${i}.smart`,
        t('work.smart'),
        input({ type: 'checkbox', checked: r?.smart ?? true }),
      ),
    );
  });
  const arrangement = select(
    fit.map((a) => [
      a.code,
      `${a.code} · ${a.profileLabel} ${a.intensity.label} · ${format.euro(a.tariffCents)}`,
    ]),
    { value: state.plan?.arrangement?.code },
  );
  const signatures = h(
    'fieldset',
    { class: 'field', 'data-field': 'requiredSignatures' },
    h('legend', {}, t('work.required-signatures')),
    SIGNATURES.map((s) =>
      h(
        'span',
        { class: 'radio' },
        h('input', {
          type: 'checkbox',
          id: `${id}-sig-${s}`,
          name: 'requiredSignatures',
          value: s,
          checked: (state.plan?.requiredSignatures ?? ['CLIENT', 'LEAD_PROVIDER']).includes(s),
        }),
        h('label', { for: `${id}-sig-${s}` }, t(`party.${s}`)),
      ),
    ),
  );
  const recordedChoice = state.leadProviderChoice?.providerId;
  return actionForm({
    id,
    title: t('action.submitPlan'),
    intro: t('work.submit-intro'),
    submit: t('work.submit-plan'),
    path: path(view, 'plan/submit'),
    fields: [
      ...rows,
      field(id, 'arrangementCode', t('work.arrangement'), arrangement),
      field(
        id,
        'leadProviderId',
        t('work.lead-provider'),
        input({ value: recordedChoice ?? view.leadProviderId ?? '', placeholder: 'PRV-HORIZON' }),
        recordedChoice ? t('work.chosen-by-family', { provider: recordedChoice }) : undefined,
      ),
      recordedChoice
        ? null
        : field(id, 'leadProviderChosenByFamily', t('work.family-chose'), input({ type: 'checkbox' })),
      signatures,
    ],
    body: (form) => {
      const chosen = fit.find((a) => a.code === valueOf(form, 'arrangementCode'));
      // Each row keeps its result's id and the codes this form does not edit (result area, sub-result).
      const results = rows
        .map((_, i) => {
          const kept = existing[i] ?? {};
          const r = {
            id: rowIds[i],
            ...(kept.resultAreaCode ? { resultAreaCode: kept.resultAreaCode } : {}),
            ...(kept.subResultCode ? { subResultCode: kept.subResultCode } : {}),
            lifeDomain: valueOf(form, `results.${i}.lifeDomain`),
            targetDate: valueOf(form, `results.${i}.targetDate`),
            descriptionRef: valueOf(form, `results.${i}.descriptionRef`),
            smart: form.elements.namedItem(`results.${i}.smart`).checked,
          };
          return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ''));
        })
        .filter((r) => r.lifeDomain !== undefined || r.resultAreaCode !== undefined);
      return {
        results,
        profileCode: chosen?.profileCode ?? '',
        intensityCode: chosen?.intensity.code ?? '',
        arrangementCode: valueOf(form, 'arrangementCode'),
        leadProviderId: valueOf(form, 'leadProviderId'),
        ...(recordedChoice
          ? {}
          : { leadProviderChosenByFamily: form.elements.leadProviderChosenByFamily.checked }),
        subcontractorIds: [],
        requiredSignatures: [...form.querySelectorAll('input[name="requiredSignatures"]:checked')].map(
          (c) => c.value,
        ),
      };
    },
    done,
  });
}

/** The evaluation: every result of the plan assessed once, the professional's view of satisfaction, the outcome. */
function evaluationFields(id, state, key, outcomeFixed) {
  const results = state.plan?.results ?? [];
  return [
    ...results.map((r, i) =>
      field(
        id,
        `${key}.resultAssessments.${i}.attainment`,
        t('work.attainment-of', { result: resultLabel(r) }),
        // No answer chosen for the professional: a default would skew K-O2 (the API names a missing one).
        select(coded('attainment', ATTAINMENTS), { blank: t('forms.choose') }),
      ),
    ),
    field(
      id,
      `${key}.clientSatisfaction`,
      t('work.professional-satisfaction'),
      select(coded('satisfaction', ['POSITIVE', 'NEGATIVE', 'NOT_ASKED']), { blank: t('forms.choose') }),
      t('work.professional-satisfaction-hint'),
    ),
    outcomeFixed
      ? null
      : field(
          id,
          `${key}.outcome`,
          t('work.outcome'),
          select(coded('outcome', OUTCOMES), { value: 'CONTINUE' }),
        ),
    field(id, `${key}.notesRef`, t('work.notes-ref'), input({ placeholder: 'eval-notes-3' })),
  ];
}

function evaluationBody(form, state, key, outcome) {
  const notesRef = valueOf(form, `${key}.notesRef`);
  return {
    resultAssessments: (state.plan?.results ?? []).map((r, i) => ({
      resultId: r.id,
      attainment: valueOf(form, `${key}.resultAssessments.${i}.attainment`),
    })),
    clientSatisfaction: valueOf(form, `${key}.clientSatisfaction`),
    outcome: outcome ?? valueOf(form, `${key}.outcome`),
    ...(notesRef ? { notesRef } : {}),
  };
}

/** The forms of the actions, by command type; each answers null when the trajectory gives it nothing to act on. */
const FORMS = {
  submitPlan: (view, state, ctx) => planForm(view, state, ctx.arrangements, ctx.done),
  signPlan: (view, _state, ctx) => {
    const parties = ctx.signAs.filter((p) => view.missingSignatures.includes(p));
    if (parties.length === 0) return null;
    return actionForm({
      id: 'sign-plan',
      title: t('action.signPlan'),
      submit: t('work.sign'),
      path: path(view, 'plan/sign'),
      fields: [field('sign-plan', 'party', t('work.sign-as'), select(coded('party', parties)))],
      body: (form) => ({ planVersion: view.planVersion, party: valueOf(form, 'party') }),
      done: ctx.done,
    });
  },
  approvePlan: (view, _state, ctx) =>
    actionForm({
      id: 'approve-plan',
      title: t('action.approvePlan'),
      intro: t('work.approve-intro', { version: view.planVersion }),
      submit: t('work.approve'),
      path: path(view, 'plan/approve'),
      fields: [],
      body: () => ({ planVersion: view.planVersion }),
      done: ctx.done,
    }),
  requestChanges: (view, _state, ctx) =>
    actionForm({
      id: 'request-changes',
      title: t('action.requestChanges'),
      submit: t('work.send'),
      path: path(view, 'plan/request-changes'),
      fields: [
        field('request-changes', 'reasonCode', t('work.reason'), select(coded('reason', CHANGE_REASONS))),
        field('request-changes', 'commentRef', t('work.comment-ref'), input({ placeholder: 'note-90' })),
      ],
      body: (form) => ({
        planVersion: view.planVersion,
        reasonCode: valueOf(form, 'reasonCode'),
        ...(valueOf(form, 'commentRef') ? { commentRef: valueOf(form, 'commentRef') } : {}),
      }),
      done: ctx.done,
    }),
  confirmStart: (view, _state, ctx) =>
    actionForm({
      id: 'confirm-start',
      title: t('action.confirmStart'),
      intro: view.deadlines.providerStartDeadline
        ? t('work.start-before', { at: format.dateTime(view.deadlines.providerStartDeadline) })
        : undefined,
      submit: t('work.start'),
      path: path(view, 'start'),
      fields: [],
      body: () => ({}),
      done: ctx.done,
    }),
  recordEvaluation: (view, state, ctx) =>
    actionForm({
      id: 'record-evaluation',
      title: t('action.recordEvaluation'),
      intro: ctx.role === 'PROVIDER' ? t('work.evaluation-proposal-intro') : undefined,
      submit: t('work.record'),
      path: path(view, 'evaluations'),
      fields: evaluationFields('record-evaluation', state, 'evaluation', false),
      body: (form) => ({ evaluation: evaluationBody(form, state, 'evaluation') }),
      done: ctx.done,
    }),
  confirmCompletion: (view, state, ctx) =>
    actionForm({
      id: 'confirm-completion',
      title: t('action.confirmCompletion'),
      intro: t('work.completion-intro'),
      submit: t('work.complete'),
      path: path(view, 'completion'),
      fields: evaluationFields('confirm-completion', state, 'finalEvaluation', true),
      body: (form) => ({ finalEvaluation: evaluationBody(form, state, 'finalEvaluation', 'COMPLETE') }),
      done: ctx.done,
    }),
  decideEvaluationProposal: (view, state, ctx) =>
    actionForm({
      id: 'decide-proposal',
      title: t('action.decideEvaluationProposal'),
      intro: state.evaluationProposal
        ? t('work.proposal-intro', { outcome: t(`outcome.${state.evaluationProposal.input.outcome}`) })
        : undefined,
      submit: t('work.decide'),
      path: path(view, 'evaluations/proposal/decision'),
      fields: [
        field(
          'decide-proposal',
          'decision',
          t('work.decision'),
          select(coded('proposal', ['CONFIRM', 'REJECT'])),
        ),
        field(
          'decide-proposal',
          'reasonCode',
          t('work.reason'),
          select(coded('reason', CHANGE_REASONS), { blank: '—' }),
        ),
      ],
      body: (form) => ({
        decision: valueOf(form, 'decision'),
        ...(valueOf(form, 'reasonCode') ? { reasonCode: valueOf(form, 'reasonCode') } : {}),
      }),
      done: ctx.done,
    }),
  requestArrangementChange: (view, state, ctx) =>
    actionForm({
      id: 'request-change',
      title: t('action.requestArrangementChange'),
      intro: t('work.scaling-intro'),
      submit: t('work.send'),
      path: path(view, 'arrangement-changes'),
      fields: [
        field(
          'request-change',
          'arrangementCode',
          t('work.new-arrangement'),
          select(
            fitting(ctx.arrangements, state).map((a) => [
              a.code,
              `${a.code} · ${a.intensity.label} · ${format.euro(a.tariffCents)}`,
            ]),
          ),
        ),
        field('request-change', 'reasonCode', t('work.reason'), input({ value: 'RESULTS_NOT_ACHIEVED' })),
      ],
      body: (form) => ({
        arrangementCode: valueOf(form, 'arrangementCode'),
        reasonCode: valueOf(form, 'reasonCode'),
      }),
      done: ctx.done,
    }),
  decideArrangementChange: (view, _state, ctx) =>
    view.pendingChange
      ? actionForm({
          id: 'decide-change',
          title: t('action.decideArrangementChange'),
          intro: t('work.change-intro', { direction: view.pendingChange.direction }),
          submit: t('work.decide'),
          path: path(view, 'arrangement-changes/decision'),
          fields: [
            field(
              'decide-change',
              'decision',
              t('work.decision'),
              select(coded('change', ['APPROVE', 'REQUEST_CHANGES', 'REJECT'])),
            ),
            field(
              'decide-change',
              'reasonCode',
              t('work.reason'),
              select(coded('reason', CHANGE_REASONS), { blank: '—' }),
            ),
          ],
          body: (form) => ({
            changeId: view.pendingChange.id,
            decision: valueOf(form, 'decision'),
            ...(valueOf(form, 'reasonCode') ? { reasonCode: valueOf(form, 'reasonCode') } : {}),
          }),
          done: ctx.done,
        })
      : null,
  reportDropout: (view, _state, ctx) =>
    actionForm({
      id: 'report-dropout',
      title: t('action.reportDropout'),
      intro: t('work.dropout-intro'),
      submit: t('work.stop'),
      path: path(view, 'dropout'),
      fields: [radios('report-dropout', 'reasonCode', t('work.reason'), coded('dropout', DROPOUT_REASONS))],
      body: (form) => ({ reasonCode: valueOf(form, 'reasonCode') }),
      done: ctx.done,
    }),
};

function summary(view, state) {
  return facts([
    [
      t('work.status'),
      h('span', { id: 'trajectory-status', 'data-status': view.status }, statusLabel(view.status)),
    ],
    [t('work.plan-version'), view.planVersion ?? null],
    [t('work.lead-provider'), view.leadProviderId ?? null],
    [t('work.arrangement'), state.plan?.arrangement?.code ?? null],
    [
      t('work.missing-signatures'),
      view.missingSignatures.length ? view.missingSignatures.map((p) => t(`party.${p}`)).join(', ') : null,
    ],
    [t('work.next-deadline'), format.dateTime(view.nextDeadline)],
    [t('work.next-evaluation'), format.date(view.deadlines.nextEvaluationAt)],
    [
      t('work.waiting-for'),
      view.blocking.length
        ? view.blocking.map((b) =>
            badge(
              `${t(`party.${b.party}`)}${b.overdue ? ` · ${t('work.overdue')}` : ''}`,
              b.overdue ? 'bad' : '',
            ),
          )
        : null,
    ],
  ]);
}

/**
 * The panel of one trajectory: its summary and a form for every action `offered` that the person may send now.
 * Re-renders itself after each action.
 */
export async function trajectoryWork(
  trajectoryId,
  { offered, role, signAs = [], arrangements = [], onChange },
) {
  const holder = h('div', { id: 'trajectory-work', 'data-trajectory-id': trajectoryId });
  const render = async () => {
    try {
      const [view, state] = await Promise.all([
        api(`/trajectories/${encodeURIComponent(trajectoryId)}`),
        api(`/trajectories/${encodeURIComponent(trajectoryId)}/state`),
      ]);
      const done = async () => {
        await render();
        await onChange?.();
      };
      const ctx = { role, signAs, arrangements, done };
      const forms = offered
        .filter((a) => (view.yourActions ?? []).includes(a))
        .map((a) => FORMS[a]?.(view, state, ctx))
        .filter(Boolean);
      holder.replaceChildren(
        section(
          t('work.trajectory', { id: trajectoryId }),
          summary(view, state),
          h(
            'p',
            {},
            h('a', { href: `/ui/trajectories/${encodeURIComponent(trajectoryId)}` }, t('work.timeline')),
          ),
          forms.length ? forms : h('p', { class: 'muted', id: 'no-actions' }, t('work.nothing-to-do')),
        ),
      );
    } catch (error) {
      holder.replaceChildren(section(t('work.trajectory', { id: trajectoryId }), errorBox(error)));
    }
  };
  await render();
  return holder;
}
