/* global location, URLSearchParams */
// The family's page (issue 18): the perspective plan is the resident's own instrument [001:L283]. In plain
// words: what the plan wants to reach, who does what, when it is looked at again; and what only the family does —
// sign the plan (its own signature, R-ROLE-04), choose the lead provider among the contracted ones (R-ROLE-05),
// and say after each evaluation and at the end whether each result went well enough (K-O3).
import { api, errorBox, format, h, hasRole, mount, requireSignIn, section } from './common.js';
import { actionForm, field, radios, select, valueOf } from './forms.js';
import { lifeDomainLabel, t } from './texts.js';

const claims = await requireSignIn('family');

const today = new Date().toISOString().slice(0, 10);
const active = (from, to) => from <= today && (to === null || to === undefined || to >= today);

/** The contracted providers a family can choose from: a contract of its region for its domain, no intake stop. */
async function choosableProviders(state) {
  const [providers, arrangements] = await Promise.all([api('/providers'), api('/arrangements')]);
  const region = { regionId: state.policy?.regionId };
  const domainCodes = new Set(arrangements.filter((a) => a.domain === state.domain).map((a) => a.code));
  return providers.filter(
    (p) =>
      p.contracts.some(
        (c) =>
          c.regionId === region?.regionId &&
          domainCodes.has(c.arrangementCode) &&
          active(c.validFrom, c.validTo),
      ) && !p.intakeFreezes.some((f) => f.regionId === region?.regionId && active(f.startsOn, f.endsOn)),
  );
}

async function providerName(providerId) {
  if (!providerId) return null;
  try {
    return (await api(`/providers/${encodeURIComponent(providerId)}`)).name;
  } catch {
    return providerId;
  }
}

function resultsList(state) {
  const results = state.plan?.results ?? [];
  const last = state.evaluations?.[state.evaluations.length - 1];
  const attainment = (id) => last?.resultAssessments.find((a) => a.resultId === id)?.attainment;
  if (results.length === 0) return h('p', { class: 'muted' }, t('family.no-plan-yet'));
  return h(
    'ul',
    { class: 'results', id: 'plan-results' },
    results.map((r) =>
      h(
        'li',
        { 'data-result': r.id },
        h('strong', {}, lifeDomainLabel(r.lifeDomain ?? r.resultAreaCode)),
        r.targetDate ? ` · ${t('family.target', { date: format.date(r.targetDate) })}` : '',
        attainment(r.id) ? ` · ${t(`family.attainment.${attainment(r.id)}`)}` : '',
      ),
    ),
  );
}

async function whoDoesWhat(view, state) {
  const lead = await providerName(view.leadProviderId ?? state.leadProviderChoice?.providerId);
  const subs = await Promise.all((state.plan?.subcontractorIds ?? []).map(providerName));
  return h(
    'dl',
    { class: 'facts', id: 'who-does-what' },
    h('dt', {}, t('family.lead-provider')),
    h('dd', {}, lead ?? t('family.not-chosen')),
    subs.length ? [h('dt', {}, t('family.subcontractors')), h('dd', {}, subs.join(', '))] : null,
    h('dt', {}, t('family.local-team')),
    h('dd', {}, t('family.local-team-does')),
    h('dt', {}, t('family.next-evaluation')),
    h(
      'dd',
      { id: 'next-evaluation' },
      format.date(view.deadlines.nextEvaluationAt) ?? t('family.not-planned'),
    ),
  );
}

function signForm(view, reload) {
  const parties = ['CLIENT', 'LEGAL_REPRESENTATIVE'].filter((p) => view.missingSignatures.includes(p));
  if (!view.yourActions.includes('signPlan') || parties.length === 0) return null;
  const form = actionForm({
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
  form.querySelector('input[type="radio"]').checked = true;
  return form;
}

async function chooseForm(view, state, reload) {
  if (!view.yourActions.includes('chooseLeadProvider')) return null;
  const providers = await choosableProviders(state);
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
          providers.map((p) => [p.providerId, p.name]),
          { value: state.leadProviderChoice?.providerId },
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

function satisfactionForms(view, state, occasions, reload) {
  const results = state.plan?.results ?? [];
  return occasions.map((o) => {
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
    return actionForm({
      id,
      title: occasionTitle(o),
      intro: t('family.question.intro', { date: format.date(o.openUntil) }),
      submit: t('family.answer'),
      method: 'PUT',
      path: `/trajectories/${encodeURIComponent(view.trajectoryId)}/satisfaction/${o.id}`,
      fields: results.map((r, i) =>
        radios(id, `answers.${i}.answer`, lifeDomainLabel(r.lifeDomain ?? r.resultAreaCode), [
          ['POSITIVE', t('family.answer.POSITIVE')],
          ['NEGATIVE', t('family.answer.NEGATIVE')],
        ]),
      ),
      body: (f) => ({
        answers: results
          .map((r, i) => ({ resultId: r.id, answer: valueOf(f, `answers.${i}.answer`) }))
          .filter((a) => a.answer !== ''),
      }),
      done: reload,
    });
  });
}

async function trajectoryCard(trajectoryId) {
  const holder = h('div', { class: 'family-trajectory', 'data-trajectory-id': trajectoryId });
  const render = async () => {
    try {
      const base = `/trajectories/${encodeURIComponent(trajectoryId)}`;
      const [view, state, satisfaction] = await Promise.all([
        api(base),
        api(`${base}/state`),
        api(`${base}/satisfaction`),
      ]);
      const actions = [signForm(view, render), await chooseForm(view, state, render)].filter(Boolean);
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
            resultsList(state),
            h('h3', {}, t('family.who')),
            await whoDoesWhat(view, state),
          ),
          actions.length ? section(t('family.to-do'), actions) : null,
          satisfaction.occasions.length
            ? section(
                t('family.satisfaction'),
                satisfactionForms(view, state, satisfaction.occasions, render),
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

if (!hasRole(claims, 'CLIENT')) {
  mount(h('h1', {}, t('family.title')), h('p', { class: 'muted' }, t('family.only-family')));
} else {
  const page = await api('/trajectories?limit=20');
  const wanted = new URLSearchParams(location.search).get('trajectory');
  const items = page.items.filter((i) => !wanted || i.trajectoryId === wanted);
  mount(
    h('h1', {}, t('family.title')),
    h('p', {}, t('family.lead')),
    items.length === 0
      ? h('p', { class: 'muted', id: 'no-trajectory' }, t('family.none'))
      : await Promise.all(items.map((i) => trajectoryCard(i.trajectoryId))),
  );
}
