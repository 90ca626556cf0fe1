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
    ['Trigger', h('code', {}, item.trigger)],
    ['Context', item.context],
    ['Status', h('span', { id: 'case-status' }, badge(item.case?.status ?? item.status))],
    ['Raised', `${format.dateTime(item.raisedAt)} by ${item.raisedByRole}`],
    ['Days waiting', `${item.workingDaysWaiting} working days (${item.calendarDaysWaiting} calendar)`],
    ['Reminder', format.dateTime(item.reminderAt)],
    ['Deadline', format.dateTime(item.deadlineAt)],
    ['Overdue', item.case?.overdue || item.overdue ? badge('OVERDUE', 'bad') : badge('no', 'good')],
    ['Round trips before escalation', String(item.roundCount)],
    ['Arrangement asked', arrangementText(escalation?.askedArrangement) ?? item.askedArrangement],
    ['Arrangement offered', arrangementText(escalation?.offeredArrangement) ?? item.offeredArrangement],
    ['Chair', item.case?.chairRef],
    ['Members', (item.case?.memberRefs ?? []).join(', ') || null],
    ['Municipality · provider', `${item.municipalityCode} · ${item.providerId ?? '—'}`],
    [
      'Workflows',
      h(
        'span',
        {},
        h(
          'a',
          { href: `/ui/trajectories/${encodeURIComponent(item.trajectoryId)}`, id: 'timeline-link-top' },
          'Timeline',
        ),
        ' · ',
        h(
          'a',
          { href: temporalWorkflowUrl(`breakthrough-${escalationId}`), target: '_blank', rel: 'noopener' },
          'Case in Temporal UI',
        ),
      ),
    ],
  ]);
}

function planSection(state) {
  const plan = state.plan;
  if (!plan)
    return section('Perspective plan', h('p', { class: 'muted' }, 'No plan (exempted or not drafted).'));
  const versions = [...new Set(state.rounds.map((r) => r.planVersion))].map((version) => {
    const rounds = state.rounds.filter((r) => r.planVersion === version);
    return { version, first: rounds[0], last: rounds[rounds.length - 1] };
  });
  return section(
    'Perspective plan',
    facts([
      ['Current version', `v${plan.version} · ${plan.status}`],
      [
        'Profile · intensity',
        `${plan.profileCode} · ${plan.intensityCode} (proposed by ${plan.intensityProposedBy})`,
      ],
      ['Arrangement', arrangementText(plan.arrangement)],
      [
        'Lead provider',
        `${plan.leadProviderId}${plan.leadProviderChosenByFamily ? ' (chosen by the family)' : ''}`,
      ],
      ['Subcontractors', plan.subcontractorIds.join(', ') || null],
      ['Signatures', plan.signatures.map((sg) => sg.party).join(', ') || null],
      ['Required signatures', plan.requiredSignatures.join(', ')],
    ]),
    h('h3', {}, 'Results'),
    table(
      [
        { label: 'Result', value: (r) => r.id },
        { label: 'Life domain', value: (r) => r.lifeDomain ?? r.resultAreaCode },
        { label: 'SMART', value: (r) => (r.smart ? 'yes' : 'no') },
        { label: 'Text reference', value: (r) => r.descriptionRef },
      ],
      plan.results,
    ),
    h('h3', {}, 'Plan versions'),
    table(
      [
        { label: 'Version', value: (v) => `v${v.version}` },
        {
          label: 'Submitted',
          value: (v) => `${format.dateTime(v.first.submittedAt)} by ${v.first.submittedByRef}`,
        },
        { label: 'Outcome', value: (v) => v.last.decision ?? 'waiting' },
      ],
      versions,
    ),
    h('h3', {}, 'Approval rounds'),
    table(
      [
        { label: 'Round', class: 'num', value: (r) => String(r.round) },
        { label: 'Plan', value: (r) => `v${r.planVersion}` },
        { label: 'Submitted', value: (r) => format.dateTime(r.submittedAt) },
        { label: 'Answer', value: (r) => (r.decision ? badge(r.decision) : 'waiting') },
        { label: 'By', value: (r) => r.decidedByRef },
        { label: 'When', value: (r) => format.dateTime(r.decidedAt) },
        { label: 'Reason', value: (r) => (r.reasonCode ? h('code', {}, r.reasonCode) : null) },
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
    "The table's decisions",
    table(
      [
        { label: 'When', value: (d) => format.dateTime(d.decidedAt) },
        { label: 'Decision', value: (d) => h('code', {}, d.decision.code) },
        { label: 'Chair', value: (d) => d.decision.decidedBy?.ref },
        { label: 'Rationale', value: (d) => d.decision.rationaleRef },
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
    field('code', 'Decision', select('code', Object.keys(DECISIONS))),
    field(
      'rationaleRef',
      'Rationale reference (required)',
      input('rationaleRef', {
        required: true,
        placeholder: 'rationale-2026-31',
        pattern: '[A-Za-z0-9][A-Za-z0-9._:\\-]{0,199}',
      }),
    ),
    field(
      'memberRefs',
      'Members present (references, optional)',
      input('memberRefs', { placeholder: 'member-1, member-2' }),
    ),
    optional(
      'arrangementCode',
      'Arrangement code',
      input('arrangementCode', { placeholder: item.askedArrangement ?? 'WF-J-B-OPV-M' }),
    ),
    optional('profileCode', 'Profile code', input('profileCode')),
    optional('intensityCode', 'Intensity code', input('intensityCode')),
    optional('segment', 'Segment', select('segment', ['', 'A', 'B', 'C'])),
    optional('complexity', 'Complexity', select('complexity', ['', 'LOW', 'HIGH'])),
    optional('leadProviderId', 'Other lead provider', input('leadProviderId')),
    optional('familyConsent', 'The family consents', input('familyConsent', { type: 'checkbox' })),
    optional(
      'instructionCodes',
      'Instruction codes',
      input('instructionCodes', { placeholder: 'CLARIFY_RESULTS' }),
    ),
    optional('resubmitBy', 'Resubmit by', input('resubmitBy', { type: 'datetime-local' })),
    h('button', { type: 'submit', id: 'decide' }, 'Record decision'),
    result,
  );
  form.elements.code.addEventListener('change', () => showFieldsFor(form));
  showFieldsFor(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('#decide');
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Recording…'));
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
          'Decision recorded. The trajectory is now ',
          h('strong', { id: 'trajectory-status', 'data-status': view.status }, view.status),
          '. ',
          h(
            'a',
            { href: `/ui/trajectories/${encodeURIComponent(view.trajectoryId)}`, id: 'timeline-link' },
            'Open its timeline',
          ),
        ),
      );
      onDecided();
    } catch (error) {
      button.disabled = false;
      result.replaceChildren(errorBox(error));
    }
  });
  return section('Record the decision', form);
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
    h('h1', {}, 'Case ', h('code', {}, escalationId)),
    h(
      'p',
      { class: 'lead' },
      `Trajectory ${item.trajectoryId} · ${state.domain} · segment ${state.segment} · ${state.complexity} · trajectory status `,
      badge(state.status),
    ),
    h('div', { class: 'grid two' }, section('The case', caseFacts(item, escalation)), planSection(state)),
    decisionsSoFar(item),
    form ?? (open && canDecide ? decisionForm(item, refresh) : null),
    !canDecide && open
      ? h('p', { class: 'muted' }, 'Only the breakthrough table (role BREAKTHROUGH_TABLE) records decisions.')
      : null,
  );
}

async function refresh() {
  try {
    const form = document.getElementById('decision-form')?.closest('section');
    render(await load(), form);
  } catch (error) {
    mount(h('h1', {}, 'Case'), errorBox(error));
  }
}

await refresh();
