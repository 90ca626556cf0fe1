/* global crypto, document */
// One case at the breakthrough table: the docket facts and the live case, the plan with its versions and
// approval rounds (GET /trajectories/:id/state), and the form that records the table's decision.
import {
  api,
  badge,
  errorBox,
  facts,
  format,
  h,
  hasRole,
  idFromPath,
  mount,
  requireSignIn,
  section,
  table,
  temporalWorkflowUrl,
} from './common.js';
import { t } from './texts.js';

const claims = await requireSignIn('case');
const escalationId = idFromPath();

/** domain.md §4.4 and decisions.md 3, with the fields each decision needs (BreakthroughDecisionDto). */
const DECISIONS = {
  APPROVE_AS_SUBMITTED: [],
  APPROVE_WITH_ARRANGEMENT: ['arrangementCode', 'profileCode', 'intensityCode'],
  RECLASSIFY: ['segment', 'complexity', 'arrangementCode'],
  ASSIGN_OTHER_PROVIDER: ['leadProviderId', 'familyConsent'],
  RETURN_WITH_INSTRUCTIONS: ['instructionCodes', 'resubmitBy'],
  REJECT: [],
  AUTHORISE_PROVISIONAL_START: ['arrangementCode'],
};

const arrangementText = (a) => (a ? `${a.code} · ${format.euro(a.tariffCents)} ${a.pricingBasis}` : null);

function caseFacts(item, escalation) {
  return facts([
    [t('case.trigger'), h('code', {}, item.trigger)],
    [t('case.context'), item.context],
    [t('case.status'), h('span', { id: 'case-status' }, badge(item.case?.status ?? item.status))],
    [t('case.raised'), t('case.raised-by', { at: format.dateTime(item.raisedAt), role: item.raisedByRole })],
    [
      t('case.days-waiting'),
      t('docket.waiting', { working: item.workingDaysWaiting, calendar: item.calendarDaysWaiting }),
    ],
    [t('case.reminder'), format.dateTime(item.reminderAt)],
    [t('case.deadline'), format.dateTime(item.deadlineAt)],
    [
      t('docket.col.overdue'),
      item.case?.overdue || item.overdue ? badge(t('docket.overdue'), 'bad') : badge(t('case.no'), 'good'),
    ],
    [t('case.round-trips'), String(item.roundCount)],
    [t('case.asked'), arrangementText(escalation?.askedArrangement) ?? item.askedArrangement],
    [t('case.offered'), arrangementText(escalation?.offeredArrangement) ?? item.offeredArrangement],
    [t('case.chair'), item.case?.chairRef],
    [t('case.members'), (item.case?.memberRefs ?? []).join(', ') || null],
    [t('case.tenants'), `${item.municipalityCode} · ${item.providerId ?? '—'}`],
    [
      t('timeline.workflows'),
      h(
        'span',
        {},
        h(
          'a',
          { href: `/ui/trajectories/${encodeURIComponent(item.trajectoryId)}`, id: 'timeline-link-top' },
          t('case.timeline'),
        ),
        ' · ',
        h(
          'a',
          { href: temporalWorkflowUrl(`breakthrough-${escalationId}`), target: '_blank', rel: 'noopener' },
          t('case.in-temporal'),
        ),
      ),
    ],
  ]);
}

function planSection(state) {
  const plan = state.plan;
  if (!plan) return section(t('case.plan'), h('p', { class: 'muted' }, t('case.no-plan')));
  const versions = [...new Set(state.rounds.map((r) => r.planVersion))].map((version) => {
    const rounds = state.rounds.filter((r) => r.planVersion === version);
    return { version, first: rounds[0], last: rounds[rounds.length - 1] };
  });
  return section(
    t('case.plan'),
    facts([
      [t('case.current-version'), `v${plan.version} · ${plan.status}`],
      [
        t('case.profile-intensity'),
        t('case.profile-intensity-value', {
          profile: plan.profileCode,
          intensity: plan.intensityCode,
          by: plan.intensityProposedBy,
        }),
      ],
      [t('case.arrangement'), arrangementText(plan.arrangement)],
      [
        t('timeline.lead-provider'),
        `${plan.leadProviderId}${plan.leadProviderChosenByFamily ? t('case.chosen-by-family') : ''}`,
      ],
      [t('case.subcontractors'), plan.subcontractorIds.join(', ') || null],
      [t('case.signatures'), plan.signatures.map((sg) => sg.party).join(', ') || null],
      [t('case.required-signatures'), plan.requiredSignatures.join(', ')],
    ]),
    h('h3', {}, t('case.results')),
    table(
      [
        { label: t('case.result'), value: (r) => r.id },
        { label: t('case.life-domain'), value: (r) => r.lifeDomain ?? r.resultAreaCode },
        { label: 'SMART', value: (r) => (r.smart ? t('case.yes') : t('case.no')) },
        { label: t('case.text-ref'), value: (r) => r.descriptionRef },
      ],
      plan.results,
    ),
    h('h3', {}, t('case.plan-versions')),
    table(
      [
        { label: t('case.version'), value: (v) => `v${v.version}` },
        {
          label: t('case.submitted'),
          value: (v) =>
            t('case.raised-by', { at: format.dateTime(v.first.submittedAt), role: v.first.submittedByRef }),
        },
        { label: t('case.outcome'), value: (v) => v.last.decision ?? t('case.waiting') },
      ],
      versions,
    ),
    h('h3', {}, t('timeline.rounds')),
    table(
      [
        { label: t('case.round'), class: 'num', value: (r) => String(r.round) },
        { label: t('case.plan-short'), value: (r) => `v${r.planVersion}` },
        { label: t('case.submitted'), value: (r) => format.dateTime(r.submittedAt) },
        { label: t('case.answer'), value: (r) => (r.decision ? badge(r.decision) : t('case.waiting')) },
        { label: t('case.by'), value: (r) => r.decidedByRef },
        { label: t('timeline.col.when'), value: (r) => format.dateTime(r.decidedAt) },
        { label: t('case.reason'), value: (r) => (r.reasonCode ? h('code', {}, r.reasonCode) : null) },
      ],
      state.rounds,
      (r) => ({ 'data-round': r.round }),
    ),
  );
}

function decisionsSoFar(item) {
  const decisions = item.case?.decisions ?? [];
  if (decisions.length === 0) return null;
  return section(
    t('case.decisions'),
    table(
      [
        { label: t('timeline.col.when'), value: (d) => format.dateTime(d.decidedAt) },
        { label: t('case.decision'), value: (d) => h('code', {}, d.decision.code) },
        { label: t('case.chair'), value: (d) => d.decision.decidedBy?.ref },
        { label: t('case.rationale'), value: (d) => d.decision.rationaleRef },
      ],
      decisions,
    ),
  );
}

function field(name, label, control) {
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: `f-${name}` }, label), control);
}

function input(name, attrs = {}) {
  return h('input', { id: `f-${name}`, name, autocomplete: 'off', ...attrs });
}

function select(name, options) {
  return h(
    'select',
    { id: `f-${name}`, name },
    options.map((o) => h('option', { value: o }, o || '—')),
  );
}

function decisionBody(form) {
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  const code = value('code');
  const body = { code, rationaleRef: value('rationaleRef') };
  const members = value('memberRefs');
  if (members) body.memberRefs = members.split(/[\s,]+/).filter(Boolean);
  for (const name of DECISIONS[code]) {
    if (name === 'familyConsent') body.familyConsent = form.elements.familyConsent.checked;
    else if (name === 'instructionCodes') {
      const codes = value(name)
        .split(/[\s,]+/)
        .filter(Boolean);
      if (codes.length) body.instructionCodes = codes;
    } else if (name === 'resubmitBy') {
      if (value(name)) body.resubmitBy = new Date(value(name)).toISOString();
    } else if (value(name)) body[name] = value(name);
  }
  return body;
}

function showFieldsFor(form) {
  const wanted = DECISIONS[form.elements.code.value];
  for (const node of form.querySelectorAll('[data-optional]')) {
    node.hidden = !wanted.includes(node.getAttribute('data-field'));
  }
}

function decisionForm(item, onDecided) {
  const result = h('div', { id: 'decision-result', role: 'status' });
  const optional = (name, label, control) => {
    const node = field(name, label, control);
    node.setAttribute('data-optional', '');
    return node;
  };
  const form = h(
    'form',
    { id: 'decision-form', class: 'form' },
    field('code', t('case.decision'), select('code', Object.keys(DECISIONS))),
    field(
      'rationaleRef',
      t('case.rationale-ref'),
      input('rationaleRef', {
        required: true,
        placeholder: 'rationale-2026-31',
        pattern: '[A-Za-z0-9][A-Za-z0-9._:\\-]{0,199}',
      }),
    ),
    field(
      'memberRefs',
      t('case.members-present'),
      input('memberRefs', { placeholder: 'member-1, member-2' }),
    ),
    optional(
      'arrangementCode',
      t('case.arrangement-code'),
      input('arrangementCode', { placeholder: item.askedArrangement ?? 'WF-J-B-OPV-M' }),
    ),
    optional('profileCode', t('case.profile-code'), input('profileCode')),
    optional('intensityCode', t('case.intensity-code'), input('intensityCode')),
    optional('segment', t('case.segment'), select('segment', ['', 'A', 'B', 'C'])),
    optional('complexity', t('case.complexity'), select('complexity', ['', 'LOW', 'HIGH'])),
    optional('leadProviderId', t('case.other-provider'), input('leadProviderId')),
    optional('familyConsent', t('case.family-consents'), input('familyConsent', { type: 'checkbox' })),
    optional(
      'instructionCodes',
      t('case.instruction-codes'),
      input('instructionCodes', { placeholder: 'CLARIFY_RESULTS' }),
    ),
    optional('resubmitBy', t('case.resubmit-by'), input('resubmitBy', { type: 'datetime-local' })),
    h('button', { type: 'submit', id: 'decide' }, t('case.record')),
    result,
  );
  form.elements.code.addEventListener('change', () => showFieldsFor(form));
  showFieldsFor(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('#decide');
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, t('case.recording')));
    try {
      const view = await api(`/escalations/${encodeURIComponent(escalationId)}/decision`, {
        method: 'POST',
        body: decisionBody(form),
        headers: { 'Idempotency-Key': `ui-${crypto.randomUUID()}` },
      });
      result.replaceChildren(
        h(
          'p',
          { class: 'success' },
          t('case.recorded'),
          h('strong', { id: 'trajectory-status', 'data-status': view.status }, view.status),
          '. ',
          h(
            'a',
            { href: `/ui/trajectories/${encodeURIComponent(view.trajectoryId)}`, id: 'timeline-link' },
            t('case.open-timeline'),
          ),
        ),
      );
      onDecided();
    } catch (error) {
      button.disabled = false;
      result.replaceChildren(errorBox(error));
    }
  });
  return section(t('case.record-title'), form);
}

async function load() {
  const item = await api(`/escalations/${encodeURIComponent(escalationId)}`);
  const state = await api(`/trajectories/${encodeURIComponent(item.trajectoryId)}/state`);
  return { item, state };
}

function render({ item, state }, form) {
  const escalation = state.escalations.find((e) => e.id === escalationId);
  const open = ['OPEN', 'PROVISIONAL'].includes(item.case?.status ?? item.status);
  const canDecide = hasRole(claims, 'BREAKTHROUGH_TABLE');
  mount(
    h('h1', {}, t('case.title'), ' ', h('code', {}, escalationId)),
    h(
      'p',
      { class: 'lead' },
      t('case.lead', {
        id: item.trajectoryId,
        domain: state.domain,
        segment: state.segment,
        complexity: state.complexity,
      }),
      badge(state.status),
    ),
    h(
      'div',
      { class: 'grid two' },
      section(t('case.the-case'), caseFacts(item, escalation)),
      planSection(state),
    ),
    decisionsSoFar(item),
    form ?? (open && canDecide ? decisionForm(item, refresh) : null),
    !canDecide && open ? h('p', { class: 'muted' }, t('case.only-table')) : null,
  );
}

async function refresh() {
  try {
    const form = document.getElementById('decision-form')?.closest('section');
    render(await load(), form);
  } catch (error) {
    mount(h('h1', {}, t('case.title')), errorBox(error));
  }
}

await refresh();
