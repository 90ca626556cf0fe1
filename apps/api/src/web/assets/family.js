/* global location, URLSearchParams */
// The family's page (issue 18): the perspective plan is the resident's own instrument [001:L283]. In plain
// words: what the plan wants to reach, who does what, when it is looked at again; and what only the family does —
// sign the plan (its own signature, R-ROLE-04), choose the lead provider among the contracted ones (R-ROLE-05),
// and say after each evaluation and at the end whether each result went well enough (K-O3). Everything comes
// from GET /trajectories/:id/family and …/satisfaction: nothing of the professionals' own records.
import { api, errorBox, format, h, hasRole, mount, requireSignIn, section } from './common.js';
import { actionForm, field, radios, select, valueOf } from './forms.js';
import { lifeDomainLabel, statusLabel, t } from './texts.js';

const claims = await requireSignIn('family');

const resultName = (r) => lifeDomainLabel(r.lifeDomain ?? r.resultAreaCode);

function resultsList(view) {
  if (view.results.length === 0) return h('p', { class: 'muted' }, t('family.no-plan-yet'));
  return h(
    'ul',
    { class: 'results', id: 'plan-results' },
    view.results.map((r) =>
      h(
        'li',
        { 'data-result': r.id },
        h('strong', {}, resultName(r)),
        r.targetDate ? ` · ${t('family.target', { date: format.date(r.targetDate) })}` : '',
        r.lastAttainment ? ` · ${t(`family.attainment.${r.lastAttainment}`)}` : '',
      ),
    ),
  );
}

function whoDoesWhat(view) {
  return h(
    'dl',
    { class: 'facts', id: 'who-does-what' },
    h('dt', {}, t('family.lead-provider')),
    h('dd', {}, view.leadProvider?.name ?? t('family.not-chosen')),
    view.subcontractors.length
      ? [
          h('dt', {}, t('family.subcontractors')),
          h('dd', {}, view.subcontractors.map((p) => p.name).join(', ')),
        ]
      : null,
    h('dt', {}, t('family.local-team')),
    h('dd', {}, t('family.local-team-does')),
    h('dt', {}, t('family.next-evaluation')),
    h('dd', { id: 'next-evaluation' }, format.date(view.nextEvaluationAt) ?? t('family.not-planned')),
  );
}

function signForm(view, reload) {
  const parties = ['CLIENT', 'LEGAL_REPRESENTATIVE'].filter((p) => view.missingSignatures.includes(p));
  if (!view.yourActions.includes('signPlan') || parties.length === 0) return null;
  // Nothing chosen for the person: who signs is theirs to say (the API refuses a missing party).
  return actionForm({
    id: 'family-sign',
    title: t('family.sign-title'),
    intro: t('family.sign-intro', { version: view.planVersion }),
    submit: t('family.sign'),
    path: `/trajectories/${encodeURIComponent(view.trajectoryId)}/plan/sign`,
    fields: [
      radios(
        'family-sign',
        'party',
        t('family.sign-as'),
        parties.map((p) => [p, t(`family.party.${p}`)]),
      ),
    ],
    body: (f) => ({ planVersion: view.planVersion, party: valueOf(f, 'party') }),
    done: reload,
  });
}

function chooseForm(view, reload) {
  if (!view.yourActions.includes('chooseLeadProvider')) return null;
  return actionForm({
    id: 'family-choose',
    title: t('family.choose-title'),
    intro: t('family.choose-intro'),
    submit: t('family.choose'),
    path: `/trajectories/${encodeURIComponent(view.trajectoryId)}/lead-provider`,
    fields: [
      field(
        'family-choose',
        'leadProviderId',
        t('family.provider'),
        select(
          view.leadProviderOptions.map((p) => [p.providerId, p.name]),
          { blank: t('family.choose-blank'), value: view.leadProvider?.providerId },
        ),
      ),
    ],
    body: (f) => ({ leadProviderId: valueOf(f, 'leadProviderId') }),
    done: reload,
  });
}

function occasionTitle(o) {
  return o.kind === 'CLOSURE'
    ? t('family.question.closure', { date: format.date(o.at) })
    : t('family.question.evaluation', { date: format.date(o.at) });
}

function satisfactionForm(view, o, reload) {
  if (!o.open) {
    return h(
      'div',
      { class: 'answered', 'data-occasion': o.id },
      h('h3', {}, occasionTitle(o)),
      h(
        'p',
        { class: 'muted' },
        o.answeredAt
          ? t('family.thanks', { date: format.date(o.answeredAt) })
          : t('family.closed', { date: format.date(o.openUntil) }),
      ),
    );
  }
  const id = `satisfaction-${o.id}`;
  const groups = view.results.map((r, i) =>
    radios(id, `result.${i}`, resultName(r), [
      ['POSITIVE', t('family.answer.POSITIVE')],
      ['NEGATIVE', t('family.answer.NEGATIVE')],
    ]),
  );
  return actionForm({
    id,
    title: occasionTitle(o),
    intro: t('family.question.intro', { date: format.date(o.openUntil) }),
    submit: t('family.answer'),
    method: 'PUT',
    path: `/trajectories/${encodeURIComponent(view.trajectoryId)}/satisfaction/${o.id}`,
    fields: groups,
    body: (f) => {
      // A result may be left unanswered: the API names an answer by its place in what is sent, so each answered
      // group takes that place as its field name (an error lands beside the right question).
      const answers = [];
      view.results.forEach((r, i) => {
        const answer = valueOf(f, `result.${i}`);
        groups[i].setAttribute('data-field', answer ? `answers.${answers.length}` : `result.${i}`);
        if (answer) answers.push({ resultId: r.id, answer });
      });
      return { answers };
    },
    done: reload,
  });
}

async function trajectoryCard(trajectoryId) {
  const holder = h('div', { class: 'family-trajectory', 'data-trajectory-id': trajectoryId });
  const render = async () => {
    try {
      const base = `/trajectories/${encodeURIComponent(trajectoryId)}`;
      const [view, satisfaction] = await Promise.all([api(`${base}/family`), api(`${base}/satisfaction`)]);
      const actions = [signForm(view, render), chooseForm(view, render)].filter(Boolean);
      // replaceChildren takes nodes only (a null would show as text): the sections there are.
      holder.replaceChildren(
        ...[
          section(
            t('family.your-plan'),
            h(
              'p',
              { class: 'lead', id: 'family-status', 'data-status': view.status },
              t(`family.status.${view.status}`),
            ),
            h('h3', {}, t('family.results')),
            resultsList(view),
            h('h3', {}, t('family.who')),
            whoDoesWhat(view),
          ),
          actions.length ? section(t('family.to-do'), actions) : null,
          satisfaction.occasions.length
            ? section(
                t('family.satisfaction'),
                satisfaction.occasions.map((o) => satisfactionForm(view, o, render)),
              )
            : null,
        ].filter(Boolean),
      );
    } catch (error) {
      holder.replaceChildren(section(t('family.your-plan'), errorBox(error)));
    }
  };
  await render();
  return holder;
}

/** More than one trajectory (a new care need, another provider): one at a time, the others as links. */
function otherTrajectories(items, shown) {
  const others = items.filter((i) => i.trajectoryId !== shown);
  if (others.length === 0) return null;
  return section(
    t('family.other-trajectories'),
    h(
      'ul',
      {},
      others.map((i) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `/ui/family?trajectory=${encodeURIComponent(i.trajectoryId)}` },
            `${format.date(i.createdAt)} · ${statusLabel(i.status)}`,
          ),
        ),
      ),
    ),
  );
}

if (!hasRole(claims, 'CLIENT')) {
  mount(h('h1', {}, t('family.title')), h('p', { class: 'muted' }, t('family.only-family')));
} else {
  const page = await api('/trajectories?limit=50');
  const wanted = new URLSearchParams(location.search).get('trajectory');
  // The asked one (the API answers 404 for one that is not theirs, shown as such), or else the newest still
  // running, or else the newest.
  const shown = wanted ?? (page.items.find((i) => i.status !== 'CLOSED') ?? page.items[0])?.trajectoryId;
  mount(
    h('h1', {}, t('family.title')),
    h('p', {}, t('family.lead')),
    shown ? await trajectoryCard(shown) : h('p', { class: 'muted', id: 'no-trajectory' }, t('family.none')),
    otherTrajectories(page.items, shown),
  );
}
