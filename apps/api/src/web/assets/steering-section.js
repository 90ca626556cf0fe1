// The dashboard's steering section (issue 19): each figure of GET /monitoring/steering as a trend over the
// months, the region's beside the chosen provider's, with its definition and source; and the signals, each
// linked to the trajectories behind it.
import { format, h, section, table } from './common.js';
import { LANG, t } from './texts.js';
import { trendChart } from './trend-chart.js';

const FORMAT = {
  cents: format.euro,
  count: format.count,
  share: format.percent,
};

function figureChart(figure, months, provider) {
  const own = provider ? figure.byProvider.find((p) => p.providerId === provider) : undefined;
  const series = [
    ...(figure.region.some((v) => v !== null) || !provider
      ? [{ key: 'region', label: t('dash.steering.region'), group: 'region', values: figure.region }]
      : []),
    ...(provider && figure.perProvider
      ? [{ key: 'provider', label: provider, group: provider, values: own?.values ?? months.map(() => null) }]
      : []),
  ];
  return trendChart({
    id: figure.id,
    title: `${figure.name[LANG] ?? figure.name.en} (${figure.id})`,
    months,
    series,
    format: FORMAT[figure.unit] ?? format.count,
    note: `${figure.definition} — ${figure.source}`,
  });
}

function signalsTable(signals) {
  if (signals.length === 0)
    return h('p', { class: 'muted', id: 'no-signals' }, t('dash.steering.no-signals'));
  const link = (id) => h('a', { href: `/ui/trajectories/${encodeURIComponent(id)}` }, id);
  return table(
    [
      { label: t('dash.steering.signal'), value: (s) => h('code', {}, `${s.indicator} ${s.kind}`) },
      {
        label: t('dash.steering.subject'),
        value: (s) =>
          s.kind === 'STACKED_COST'
            ? `${s.municipalityCode} · ${s.clientId}`
            : s.kind === 'AVERAGING_BALANCE'
              ? `${s.providerId} · ${s.regionId} · ${s.year}`
              : s.providerId,
      },
      {
        label: t('dash.steering.value'),
        value: (s) =>
          s.kind === 'STACKED_COST'
            ? `${format.euro(s.yearlyCents)} > ${format.euro(s.thresholdCents)}`
            : s.kind === 'AVERAGING_BALANCE'
              ? `${format.percent(s.balance)} < ${format.percent(s.threshold)}`
              : `${format.percent(s.deviation)} > ${format.percent(s.threshold)} (n=${s.decisions})`,
      },
      {
        label: t('dash.steering.behind'),
        value: (s) =>
          s.kind === 'STACKED_COST'
            ? h(
                'span',
                {},
                s.trajectoryIds.flatMap((id, i) => (i ? [', ', link(id)] : [link(id)])),
              )
            : h(
                'a',
                { href: `/ui/dashboard?provider=${encodeURIComponent(s.providerId)}` },
                t('dash.steering.provider-view'),
              ),
      },
    ],
    signals,
    (s) => ({ 'data-signal': s.kind }),
  );
}

/** K-F1 per provider, region and year: paid against the cost the provider reported; "not reported" when missing. */
function balanceTable(rows) {
  if (rows.length === 0) return h('p', { class: 'muted', id: 'no-balance' }, t('dash.steering.no-payments'));
  return table(
    [
      { label: t('dash.steering.year'), value: (b) => String(b.year) },
      { label: t('docket.col.provider'), value: (b) => b.providerId },
      { label: t('dash.steering.region'), value: (b) => b.regionId },
      { label: t('dash.steering.paid'), value: (b) => format.euro(b.paidCents) },
      {
        label: t('dash.steering.reported'),
        value: (b) =>
          b.reportedCostCents === null ? t('dash.steering.not-reported') : format.euro(b.reportedCostCents),
      },
      {
        label: t('dash.steering.balance'),
        value: (b) =>
          h(
            'span',
            { 'data-balance': `${b.providerId}/${b.regionId}/${b.year}`, 'data-value': b.balance ?? '' },
            b.balance === null ? t('value.none') : format.percent(b.balance),
          ),
      },
    ],
    rows,
  );
}

export function steeringSection(report, provider) {
  return section(
    t('dash.sec.steering'),
    h(
      'p',
      { class: 'muted' },
      t('dash.steering.lead', { from: report.months[0], to: report.months[report.months.length - 1] }),
    ),
    h(
      'div',
      { class: 'grid two', id: 'steering-trends' },
      report.figures.map((f) => figureChart(f, report.months, provider)),
    ),
    h('h3', {}, t('dash.steering.balance-title')),
    h('p', { class: 'muted small' }, t('dash.steering.balance-note')),
    h('div', { id: 'steering-balance' }, balanceTable(report.averagingBalance)),
    h('h3', {}, t('dash.steering.signals')),
    h('div', { id: 'steering-signals' }, signalsTable(report.signals)),
  );
}
