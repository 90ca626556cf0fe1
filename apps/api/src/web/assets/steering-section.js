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
  days: format.days,
  score: (n) => (n === null || n === undefined ? t('value.none') : format.decimal(n, 1)),
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

/** How each kind of signal names its subject, its value and the trajectories (or view) behind it. */
const SIGNAL_KINDS = {
  STACKED_COST: {
    subject: (s) => `${s.municipalityCode} · ${s.clientId}`,
    value: (s) => `${format.euro(s.yearlyCents)} > ${format.euro(s.thresholdCents)}`,
    behind: (s) => trajectoryLinks(s.trajectoryIds),
  },
  AVERAGING_BALANCE: {
    subject: (s) => `${s.providerId} · ${s.regionId} · ${s.year}`,
    value: (s) => `${format.percent(s.balance)} < ${format.percent(s.threshold)}`,
    behind: (s) => providerView(s.providerId),
  },
  INTENSITY_MIX: {
    subject: (s) => s.providerId,
    value: (s) => `${format.percent(s.deviation)} > ${format.percent(s.threshold)} (n=${s.decisions})`,
    behind: (s) => providerView(s.providerId),
  },
  PRACTICE_VARIATION: {
    subject: (s) => `${s.municipalityCode} · ${s.profile}`,
    value: (s) => `${format.percent(s.deviation)} > ${format.percent(s.threshold)} (n=${s.decisions})`,
    behind: (s) => trajectoryLinks(s.trajectoryIds),
  },
};

function trajectoryLinks(ids) {
  const link = (id) => h('a', { href: `/ui/trajectories/${encodeURIComponent(id)}` }, id);
  return h(
    'span',
    {},
    ids.flatMap((id, i) => (i ? [', ', link(id)] : [link(id)])),
  );
}

function providerView(providerId) {
  return h(
    'a',
    { href: `/ui/dashboard?provider=${encodeURIComponent(providerId)}` },
    t('dash.steering.provider-view'),
  );
}

function signalsTable(signals) {
  if (signals.length === 0)
    return h('p', { class: 'muted', id: 'no-signals' }, t('dash.steering.no-signals'));
  return table(
    [
      { label: t('dash.steering.signal'), value: (s) => h('code', {}, `${s.indicator} ${s.kind}`) },
      { label: t('dash.steering.subject'), value: (s) => SIGNAL_KINDS[s.kind].subject(s) },
      { label: t('dash.steering.value'), value: (s) => SIGNAL_KINDS[s.kind].value(s) },
      { label: t('dash.steering.behind'), value: (s) => SIGNAL_KINDS[s.kind].behind(s) },
    ],
    signals,
    (s) => ({ 'data-signal': s.kind }),
  );
}

/** K-F2 per year, the year before the window included: the region's, and each provider's. */
function yearlyTable(rows) {
  if (rows.length === 0) return h('p', { class: 'muted', id: 'no-yearly' }, t('dash.steering.no-payments'));
  return table(
    [
      { label: t('dash.steering.year'), value: (y) => String(y.year) },
      { label: t('docket.col.provider'), value: (y) => y.providerId ?? t('dash.steering.region') },
      { label: t('dash.steering.paid'), value: (y) => format.euro(y.paidCents) },
      { label: t('dash.steering.clients'), value: (y) => format.count(y.clients) },
      { label: t('dash.steering.per-client'), value: (y) => format.euro(y.centsPerClient) },
    ],
    rows,
    (y) => ({ 'data-year': `${y.year}/${y.providerId ?? 'region'}` }),
  );
}

/** K-Q2 over the window by domain and segment: the days care took against the days first granted. */
function durationTable(rows) {
  if (rows.length === 0)
    return h('p', { class: 'muted', id: 'no-durations' }, t('dash.steering.no-closures'));
  return table(
    [
      { label: t('dash.steering.domain'), value: (d) => d.domain },
      { label: t('dash.steering.segment'), value: (d) => d.segment },
      { label: t('dash.steering.actual-days'), value: (d) => format.count(d.actualDays) },
      { label: t('dash.steering.planned-days'), value: (d) => format.count(d.plannedDays) },
      {
        label: t('dash.steering.duration-ratio'),
        value: (d) => (d.ratio === null ? t('value.none') : format.percent(d.ratio)),
      },
    ],
    rows,
    (d) => ({ 'data-segment': `${d.domain}/${d.segment}` }),
  );
}

/** K-Q6 per municipality over the window: how far its first choices lie from the region's for the same profiles. */
function variationTable(rows) {
  if (rows.length === 0) return h('p', { class: 'muted', id: 'no-variation' }, t('dash.steering.no-choices'));
  return table(
    [
      { label: t('dash.steering.municipality'), value: (v) => v.municipalityCode },
      { label: t('dash.steering.decisions'), value: (v) => format.count(v.decisions) },
      {
        label: t('dash.steering.variation'),
        value: (v) => (v.deviation === null ? t('value.none') : format.percent(v.deviation)),
      },
    ],
    rows,
    (v) => ({ 'data-municipality': v.municipalityCode }),
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
      t('dash.steering.lead', {
        from: report.months[0],
        to: report.months[report.months.length - 1],
        asOf: format.dateTime(report.asOf),
      }),
    ),
    h(
      'div',
      { class: 'grid two', id: 'steering-trends' },
      report.figures.map((f) => figureChart(f, report.months, provider)),
    ),
    h('h3', {}, t('dash.steering.balance-title')),
    h('p', { class: 'muted small' }, t('dash.steering.balance-note')),
    h('div', { id: 'steering-balance' }, balanceTable(report.averagingBalance)),
    h('h3', {}, t('dash.steering.yearly-title')),
    h('div', { id: 'steering-yearly' }, yearlyTable(report.yearlyCostPerClient)),
    h('h3', {}, t('dash.steering.duration-title')),
    h('div', { id: 'steering-durations' }, durationTable(report.durationBySegment)),
    h('h3', {}, t('dash.steering.variation-title')),
    h('p', { class: 'muted small' }, t('dash.steering.variation-note')),
    h('div', { id: 'steering-variation' }, variationTable(report.practiceVariation)),
    h('h3', {}, t('dash.steering.signals')),
    h('div', { id: 'steering-signals' }, signalsTable(report.signals)),
  );
}
