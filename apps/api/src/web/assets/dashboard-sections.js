// The sections of the monitoring dashboard, one chart per figure group of GET /monitoring/indicators
// (domain.md §6). Every number keeps its API path in data-figure (charts.js).
import { barChart, figureAttrs } from './charts.js';
import { format, h } from './common.js';

const STAGES = {
  INTAKE_TO_DECISION: 'Intake → decision',
  FIRST_SUBMISSION_TO_APPROVAL: 'Submission → approval',
  TABLE_RAISED_TO_DECISION: 'Escalation → table decision',
  DECISION_TO_START: 'Decision → start',
};

const key = (providerId) => providerId ?? '-';
const providerLabel = (providerId) => providerId ?? '(no provider)';

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
          label: 'All providers',
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
    chart('dropoutRate', 'Dropout (K-O1)', 'EARLY_DROPOUT ÷ trajectories closed in the period'),
    chart(
      'goalAttainment',
      'Goal attainment (K-O2)',
      'Mean attainment at closure; a partial result counts ½',
    ),
    chart('clientSatisfaction', 'Client satisfaction (K-O3)', 'Positive ÷ clients asked'),
  );
}

export function leadTimeChart(leadTimes) {
  return barChart({
    id: 'chart-lead-times',
    title: 'Lead times per stage (calendar days)',
    series: [
      { key: 'median', label: 'median' },
      { key: 'p90', label: '90th percentile' },
    ],
    format: format.days,
    labelWidth: 230,
    note: 'K-P1 submission → approval, K-P4 table decision time, K-P5 decision → start. A case counts in the period in which its stage ended.',
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
    title: 'Plan round trips before the decision (K-P2)',
    series: [{ key: 'plans', label: 'plans' }],
    format: format.count,
    note: `Mean ${roundTrips.meanRoundTrips ?? 'n/a'} over ${roundTrips.plans} plans decided in the period.`,
    rows: roundTrips.distribution.map((d) => ({
      label: `${d.roundTrips} round trip${d.roundTrips === 1 ? '' : 's'}`,
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
      title: 'Escalations by trigger (raised in the period)',
      series: [
        { key: 'raised', label: 'raised' },
        { key: 'decided', label: 'decided' },
        { key: 'overdue', label: 'overdue' },
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
      title: "The table's decisions (decided in the period)",
      series: [{ key: 'decisions', label: 'decisions' }],
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
      title: 'Overdue evaluations (K-P6)',
      series: [
        { key: 'overdueNow', label: 'overdue now' },
        { key: 'overdueEvents', label: 'went overdue in the period' },
      ],
      format: format.count,
      rows: [
        {
          label: 'All providers',
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
      title: 'Scaling up vs down (K-Q3, approved in the period)',
      series: [
        { key: 'up', label: 'scale up' },
        { key: 'down', label: 'scale down' },
      ],
      format: format.count,
      rows: [
        {
          label: 'All providers',
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
    title: 'Cost per trajectory by arrangement, against its tariff',
    series: [
      { key: 'cost', label: 'mean cost (payment ledger)' },
      { key: 'tariff', label: 'mean tariff' },
    ],
    format: format.euro,
    note: 'Trajectories whose care started in the period; every payment instruction not cancelled or withheld. A tariff is an average price per unit of its pricing basis.',
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
        ['Arrangement', 'Pricing basis', 'Trajectories', 'Ledger', 'Cost ÷ tariff'].map((l) =>
          h('th', {}, l),
        ),
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
            a.costToTariff === null ? 'n/a' : a.costToTariff.toFixed(2),
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
    title: 'Re-entry within 12 months (decisions.md 9)',
    series: [{ key: 'rate', label: 're-entry rate' }],
    format: format.percent,
    max: 1,
    note: 'Closures in the period whose client starts a new trajectory in the same domain within 12 months. A product addition: the documents do not ask for it (domain.md §6.7).',
    rows: [
      {
        label: `All providers (${reentry.overall.closures})`,
        bars: [{ value: reentry.overall.rate, figure: 'reentry.overall.rate', series: 'rate' }],
      },
      ...reentry.byProvider.map((p) => ({
        label: `${providerLabel(p.providerId)} (${p.closures})`,
        bars: [{ value: p.rate, figure: `reentry.byProvider[${key(p.providerId)}].rate`, series: 'rate' }],
      })),
    ],
  });
}
