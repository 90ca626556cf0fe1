/* global document, location, history, URLSearchParams, Blob */
// The monitoring dashboard (domain.md §6, decisions.md 9). Every number comes from GET /monitoring/indicators
// for the chosen filter, so the page and the API cannot disagree; the CSV is GET /monitoring/indicators.csv.
import { tile } from './charts.js';
import { api, errorBox, format, h, mount, requireSignIn, section } from './common.js';
import {
  careCharts,
  costSection,
  escalationCharts,
  leadTimeChart,
  outcomeCharts,
  reentryChart,
  roundTripChart,
  familySatisfactionChart,
} from './dashboard-sections.js';
import { steeringSection } from './steering-section.js';
import { t } from './texts.js';

await requireSignIn('dashboard');

const FILTERS = ['municipality', 'provider', 'domain', 'from', 'to'];

function query() {
  const params = new URLSearchParams(location.search);
  const out = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) out.set(name, params.get(name));
  return out;
}

function filterForm(current) {
  const field = (name, label, control) =>
    h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label), control);
  const input = (name, attrs = {}) =>
    h('input', { id: `filter-${name}`, name, value: current.get(name) ?? '', autocomplete: 'off', ...attrs });
  const domain = h(
    'select',
    { id: 'filter-domain', name: 'domain' },
    ['', 'JEUGD', 'WMO'].map((d) =>
      h('option', { value: d, selected: current.get('domain') === d }, d || t('dash.all')),
    ),
  );
  const form = h(
    'form',
    { id: 'filters', class: 'filters' },
    field('municipality', t('docket.col.municipality'), input('municipality', { placeholder: 'GM0405' })),
    field('provider', t('docket.col.provider'), input('provider', { placeholder: 'PRV-…' })),
    field('domain', t('dash.domain'), domain),
    field('from', t('dash.from'), input('from', { type: 'date' })),
    field('to', t('dash.to'), input('to', { type: 'date' })),
    h('button', { type: 'submit', id: 'apply' }, t('dash.apply')),
    h(
      'button',
      { type: 'button', id: 'export-csv', class: 'secondary', onclick: exportCsv },
      t('dash.export'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) next.set(name, value);
    }
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    void load();
  });
  return form;
}

async function exportCsv() {
  try {
    const csv = await api(`/monitoring/indicators.csv?${query()}`, { headers: { Accept: 'text/csv' } });
    const link = h('a', {
      href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })),
      download: 'indicators.csv',
    });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    document.getElementById('dashboard-body').prepend(errorBox(error));
  }
}

/** The steering figures' query: the same tenant filters but the provider (its series is shown beside the region's). */
function steeringQuery() {
  const params = new URLSearchParams(location.search);
  const out = new URLSearchParams();
  for (const name of ['municipality', 'domain']) if (params.get(name)) out.set(name, params.get(name));
  if (params.get('from')) out.set('from', params.get('from').slice(0, 7));
  if (params.get('to')) out.set('to', params.get('to').slice(0, 7));
  return out;
}

function render(data, steering) {
  const o = data.outcomes.overall;
  return h(
    'div',
    { id: 'dashboard-body' },
    h(
      'div',
      { class: 'tiles' },
      tile(t('dash.tile.trajectories'), 'trajectories', data.trajectories, format.count),
      tile(t('dash.tile.closed'), 'outcomes.overall.closed', o.closed, format.count),
      tile(t('dash.dropout'), 'outcomes.overall.dropoutRate', o.dropoutRate, format.percent),
      tile(t('dash.goal'), 'outcomes.overall.goalAttainment', o.goalAttainment, format.percent),
      tile(
        t('dash.family.satisfaction'),
        'familySatisfaction.overall.satisfaction',
        data.familySatisfaction.overall.satisfaction,
        format.percent,
      ),
      tile(
        t('dash.family.response'),
        'familySatisfaction.overall.responseRate',
        data.familySatisfaction.overall.responseRate,
        format.percent,
      ),
      tile(
        t('dash.satisfaction'),
        'outcomes.overall.clientSatisfaction',
        o.clientSatisfaction,
        format.percent,
      ),
      tile(
        t('dash.tile.escalation'),
        'escalations.escalationRate',
        data.escalations.escalationRate,
        format.percent,
      ),
      tile(t('dash.tile.overdue'), 'evaluations.overdueNow', data.evaluations.overdueNow, format.count),
      tile(
        t('dash.tile.local-team'),
        'evaluations.localTeamParticipationRate',
        data.evaluations.localTeamParticipationRate,
        format.percent,
      ),
      tile(t('dash.tile.cost'), 'costs.meanCostCents', data.costs.meanCostCents, format.euro),
      tile(t('dash.tile.reentry'), 'reentry.overall.rate', data.reentry.overall.rate, format.percent),
    ),
    section(t('dash.sec.outcomes'), outcomeCharts(data.outcomes)),
    section(t('dash.sec.family'), familySatisfactionChart(data.familySatisfaction)),
    section(
      t('dash.sec.lead'),
      h('div', { class: 'grid two' }, leadTimeChart(data.leadTimes), roundTripChart(data.roundTrips)),
    ),
    section(t('dash.sec.escalations'), escalationCharts(data.escalations)),
    section(t('dash.sec.care'), careCharts(data.evaluations, data.scaling)),
    section(t('dash.sec.cost'), costSection(data.costs)),
    section(t('dash.sec.reentry'), reentryChart(data.reentry)),
    steering instanceof Error
      ? section(t('dash.sec.steering'), errorBox(steering))
      : steeringSection(steering, new URLSearchParams(location.search).get('provider')),
    h(
      'p',
      { class: 'muted small', id: 'generated-at' },
      t('dash.generated', { at: format.dateTime(data.generatedAt) }),
    ),
  );
}

const current = query();
const form = filterForm(current);
const body = h('div', { id: 'dashboard-body' }, h('p', { class: 'muted' }, t('dash.loading')));
mount(h('h1', {}, t('dash.title')), form, body);

async function load() {
  document.body.removeAttribute('data-ready');
  try {
    const [data, steering] = await Promise.all([
      api(`/monitoring/indicators?${query()}`),
      api(`/monitoring/steering?${steeringQuery()}`).catch((error) => error),
    ]);
    document.getElementById('dashboard-body').replaceWith(render(data, steering));
  } catch (error) {
    document.getElementById('dashboard-body').replaceChildren(errorBox(error));
  } finally {
    document.body.setAttribute('data-ready', 'true');
  }
}

await load();
