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
} from './dashboard-sections.js';

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
      h('option', { value: d, selected: current.get('domain') === d }, d || 'all'),
    ),
  );
  const form = h(
    'form',
    { id: 'filters', class: 'filters' },
    field('municipality', 'Municipality', input('municipality', { placeholder: 'GM0405' })),
    field('provider', 'Provider', input('provider', { placeholder: 'PRV-…' })),
    field('domain', 'Domain', domain),
    field('from', 'From', input('from', { type: 'date' })),
    field('to', 'To (inclusive)', input('to', { type: 'date' })),
    h('button', { type: 'submit', id: 'apply' }, 'Apply'),
    h('button', { type: 'button', id: 'export-csv', class: 'secondary', onclick: exportCsv }, 'Export CSV'),
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

function render(data) {
  const o = data.outcomes.overall;
  return h(
    'div',
    { id: 'dashboard-body' },
    h(
      'div',
      { class: 'tiles' },
      tile('Trajectories in scope', 'trajectories', data.trajectories, format.count),
      tile('Closed in the period', 'outcomes.overall.closed', o.closed, format.count),
      tile('Dropout (K-O1)', 'outcomes.overall.dropoutRate', o.dropoutRate, format.percent),
      tile('Goal attainment (K-O2)', 'outcomes.overall.goalAttainment', o.goalAttainment, format.percent),
      tile(
        'Client satisfaction (K-O3)',
        'outcomes.overall.clientSatisfaction',
        o.clientSatisfaction,
        format.percent,
      ),
      tile(
        'Escalation rate (K-P3)',
        'escalations.escalationRate',
        data.escalations.escalationRate,
        format.percent,
      ),
      tile('Overdue evaluations now', 'evaluations.overdueNow', data.evaluations.overdueNow, format.count),
      tile(
        'Local team at evaluations (K-P7)',
        'evaluations.localTeamParticipationRate',
        data.evaluations.localTeamParticipationRate,
        format.percent,
      ),
      tile('Mean cost per trajectory', 'costs.meanCostCents', data.costs.meanCostCents, format.euro),
      tile('Re-entry within 12 months', 'reentry.overall.rate', data.reentry.overall.rate, format.percent),
    ),
    section('Outcome indicators per provider', outcomeCharts(data.outcomes)),
    section(
      'Lead times and round trips',
      h('div', { class: 'grid two' }, leadTimeChart(data.leadTimes), roundTripChart(data.roundTrips)),
    ),
    section('Escalations to the breakthrough table', escalationCharts(data.escalations)),
    section('Evaluations and scaling', careCharts(data.evaluations, data.scaling)),
    section('Cost', costSection(data.costs)),
    section('Re-entry', reentryChart(data.reentry)),
    h(
      'p',
      { class: 'muted small', id: 'generated-at' },
      `Figures of ${format.dateTime(data.generatedAt)} from GET /monitoring/indicators.`,
    ),
  );
}

const current = query();
const form = filterForm(current);
const body = h('div', { id: 'dashboard-body' }, h('p', { class: 'muted' }, 'Loading…'));
mount(h('h1', {}, 'Monitoring dashboard'), form, body);

async function load() {
  document.body.removeAttribute('data-ready');
  try {
    const data = await api(`/monitoring/indicators?${query()}`);
    document.getElementById('dashboard-body').replaceWith(render(data));
  } catch (error) {
    document.getElementById('dashboard-body').replaceChildren(errorBox(error));
  } finally {
    document.body.setAttribute('data-ready', 'true');
  }
}

await load();
