// The sections of the monitoring dashboard, one chart per figure group of GET /monitoring/indicators
// (domain.md §6). Every number keeps its API path in data-figure (charts.js).
import { barChart, figureAttrs } from './charts.js';
import { format, h } from './common.js';
import { t } from './texts.js';

const STAGES = {
  INTAKE_TO_DECISION: t('dash.stage.intake'),
  FIRST_SUBMISSION_TO_APPROVAL: t('dash.stage.submission'),
  TABLE_RAISED_TO_DECISION: t('dash.stage.table'),
  DECISION_TO_START: t('dash.stage.start'),
};

const key = (providerId) => providerId ?? '-';
const providerLabel = (providerId) => providerId ?? t('dash.no-provider');

export function outcomeCharts(outcomes) {
  const chart = (measure, title, note) =>
    barChart({
      id: `chart-${measure}`,
      title,
      series: [{ key: 'share', label: title }],
      format: format.percent,
      max: 1,
      note,
      width: 400,
      labelWidth: 120,
      rows: [
        {
          label: t('dash.all-providers'),
          bars: [
            { value: outcomes.overall[measure], figure: `outcomes.overall.${measure}`, series: 'share' },
          ],
        },
        ...outcomes.byProvider.map((p) => ({
          label: providerLabel(p.providerId),
          bars: [
            {
              value: p[measure],
              figure: `outcomes.byProvider[${key(p.providerId)}].${measure}`,
              series: 'share',
            },
          ],
        })),
      ],
    });
  return h(
    'div',
    { class: 'grid three' },
    chart('dropoutRate', t('dash.dropout'), t('dash.note.dropout')),
    chart('goalAttainment', t('dash.goal'), t('dash.note.goal')),
    chart('clientSatisfaction', t('dash.satisfaction'), t('dash.note.satisfaction')),
  );
}

/** K-O3 in the family's own answers (issue 18): the share positive and how many families answered. */
export function familySatisfactionChart(family) {
  const bars = (figures, prefix) => [
    { value: figures.satisfaction, figure: `${prefix}.satisfaction`, series: 'satisfaction' },
    { value: figures.responseRate, figure: `${prefix}.responseRate`, series: 'response' },
  ];
  return barChart({
    id: 'chart-family-satisfaction',
    title: t('dash.family.title'),
    series: [
      { key: 'satisfaction', label: t('dash.family.satisfaction') },
      { key: 'response', label: t('dash.family.response') },
    ],
    format: format.percent,
    max: 1,
    labelWidth: 160,
    note: t('dash.note.family', { asked: family.overall.asked, answered: family.overall.answered }),
    rows: [
      { label: t('dash.all-providers'), bars: bars(family.overall, 'familySatisfaction.overall') },
      ...family.byProvider.map((p) => ({
        label: providerLabel(p.providerId),
        bars: bars(p, `familySatisfaction.byProvider[${key(p.providerId)}]`),
      })),
    ],
  });
}

export function leadTimeChart(leadTimes) {
  return barChart({
    id: 'chart-lead-times',
    title: t('dash.lead.title'),
    series: [
      { key: 'median', label: t('dash.median') },
      { key: 'p90', label: t('dash.p90') },
    ],
    format: format.days,
    labelWidth: 230,
    note: t('dash.note.lead'),
    rows: leadTimes.map((l) => ({
      label: `${STAGES[l.stage] ?? l.stage} (n=${l.n})`,
      bars: [
        { value: l.medianDays, figure: `leadTimes[${l.stage}].medianDays`, series: 'median' },
        { value: l.p90Days, figure: `leadTimes[${l.stage}].p90Days`, series: 'p90' },
      ],
    })),
  });
}

export function roundTripChart(roundTrips) {
  return barChart({
    id: 'chart-round-trips',
    title: t('dash.rounds.title'),
    series: [{ key: 'plans', label: t('dash.plans') }],
    format: format.count,
    note: t('dash.note.rounds', {
      mean:
        roundTrips.meanRoundTrips === null || roundTrips.meanRoundTrips === undefined
          ? t('value.none')
          : format.decimal(roundTrips.meanRoundTrips, 2),
      plans: roundTrips.plans,
    }),
    rows: roundTrips.distribution.map((d) => ({
      label: t(d.roundTrips === 1 ? 'dash.round-trip' : 'dash.round-trips', { n: d.roundTrips }),
      bars: [{ value: d.plans, figure: `roundTrips.distribution[${d.roundTrips}].plans`, series: 'plans' }],
    })),
  });
}

export function escalationCharts(escalations) {
  return h(
    'div',
    { class: 'grid two' },
    barChart({
      id: 'chart-triggers',
      title: t('dash.triggers.title'),
      series: [
        { key: 'raised', label: t('dash.raised') },
        { key: 'decided', label: t('dash.decided') },
        { key: 'overdue', label: t('dash.overdue') },
      ],
      format: format.count,
      rows: escalations.byTrigger.map((t) => ({
        label: t.trigger,
        bars: ['raised', 'decided', 'overdue'].map((m) => ({
          value: t[m],
          figure: `escalations.byTrigger[${t.trigger}].${m}`,
          series: m,
        })),
      })),
    }),
    barChart({
      id: 'chart-decisions',
      title: t('dash.decisions.title'),
      series: [{ key: 'decisions', label: t('dash.decisions') }],
      format: format.count,
      rows: escalations.byDecision.map((d) => ({
        label: d.code,
        bars: [
          { value: d.decisions, figure: `escalations.byDecision[${d.code}].decisions`, series: 'decisions' },
        ],
      })),
    }),
  );
}

export function careCharts(evaluations, scaling) {
  return h(
    'div',
    { class: 'grid two' },
    barChart({
      id: 'chart-overdue-evaluations',
      title: t('dash.overdue.title'),
      series: [
        { key: 'overdueNow', label: t('dash.overdue-now') },
        { key: 'overdueEvents', label: t('dash.overdue-events') },
      ],
      format: format.count,
      rows: [
        {
          label: t('dash.all-providers'),
          bars: ['overdueNow', 'overdueEvents'].map((m) => ({
            value: evaluations[m],
            figure: `evaluations.${m}`,
            series: m,
          })),
        },
        ...evaluations.byProvider.map((p) => ({
          label: providerLabel(p.providerId),
          bars: ['overdueNow', 'overdueEvents'].map((m) => ({
            value: p[m],
            figure: `evaluations.byProvider[${key(p.providerId)}].${m}`,
            series: m,
          })),
        })),
      ],
    }),
    barChart({
      id: 'chart-scaling',
      title: t('dash.scaling.title'),
      series: [
        { key: 'up', label: t('dash.up') },
        { key: 'down', label: t('dash.down') },
      ],
      format: format.count,
      rows: [
        {
          label: t('dash.all-providers'),
          bars: ['up', 'down'].map((m) => ({ value: scaling[m], figure: `scaling.${m}`, series: m })),
        },
        ...scaling.byProvider.map((p) => ({
          label: providerLabel(p.providerId),
          bars: ['up', 'down'].map((m) => ({
            value: p[m],
            figure: `scaling.byProvider[${key(p.providerId)}].${m}`,
            series: m,
          })),
        })),
      ],
    }),
  );
}

export function costSection(costs) {
  const chart = barChart({
    id: 'chart-costs',
    title: t('dash.cost.title'),
    series: [
      { key: 'cost', label: t('dash.mean-cost') },
      { key: 'tariff', label: t('dash.mean-tariff') },
    ],
    format: format.euro,
    note: t('dash.note.cost'),
    rows: costs.byArrangement.map((a) => ({
      label: `${a.arrangementCode} (${a.trajectories})`,
      bars: [
        {
          value: a.meanCostCents,
          figure: `costs.byArrangement[${a.arrangementCode}].meanCostCents`,
          series: 'cost',
        },
        {
          value: a.meanTariffCents,
          figure: `costs.byArrangement[${a.arrangementCode}].meanTariffCents`,
          series: 'tariff',
        },
      ],
    })),
  });
  const ratios = h(
    'table',
    { class: 'compact' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          t('case.arrangement'),
          t('dash.pricing-basis'),
          t('dash.trajectories'),
          t('dash.ledger'),
          t('dash.cost-tariff'),
        ].map((l) => h('th', {}, l)),
      ),
    ),
    h(
      'tbody',
      {},
      costs.byArrangement.map((a) =>
        h(
          'tr',
          {},
          h('td', {}, a.arrangementCode),
          h('td', {}, a.pricingBasis ?? '—'),
          h(
            'td',
            {
              class: 'num',
              ...figureAttrs(`costs.byArrangement[${a.arrangementCode}].trajectories`, a.trajectories),
            },
            String(a.trajectories),
          ),
          h(
            'td',
            {
              class: 'num',
              ...figureAttrs(`costs.byArrangement[${a.arrangementCode}].ledgerCents`, a.ledgerCents),
            },
            format.euro(a.ledgerCents),
          ),
          h(
            'td',
            {
              class: 'num',
              ...figureAttrs(`costs.byArrangement[${a.arrangementCode}].costToTariff`, a.costToTariff),
            },
            a.costToTariff === null ? t('value.none') : format.decimal(a.costToTariff, 2),
          ),
        ),
      ),
    ),
  );
  return h('div', { class: 'grid two' }, chart, h('div', {}, ratios));
}

export function reentryChart(reentry) {
  return barChart({
    id: 'chart-reentry',
    title: t('dash.reentry.title'),
    series: [{ key: 'rate', label: t('dash.reentry-rate') }],
    format: format.percent,
    max: 1,
    note: t('dash.note.reentry'),
    rows: [
      {
        label: `${t('dash.all-providers')} (${reentry.overall.closures})`,
        bars: [{ value: reentry.overall.rate, figure: 'reentry.overall.rate', series: 'rate' }],
      },
      ...reentry.byProvider.map((p) => ({
        label: `${providerLabel(p.providerId)} (${p.closures})`,
        bars: [{ value: p.rate, figure: `reentry.byProvider[${key(p.providerId)}].rate`, series: 'rate' }],
      })),
    ],
  });
}
