// A trend over months (issue 19): vertical bars per month, the region's beside a provider's, as inline SVG.
// Each bar carries `data-steering-figure` (`<indicator>.<group>[<month>]`, group `region` or the provider id)
// and `data-value` (the API's number untouched), so the page can be checked against GET /monitoring/steering.
import { h, s } from './common.js';
import { t } from './texts.js';

const HEIGHT = 120;
const TOP = 10;
const BAR = 12;
const GAP = 2;
const MONTH_GAP = 10;
const LEFT = 8;

/** series = [{ key, label, group, values }]; months as YYYY-MM; format(value) for labels and titles. */
export function trendChart({ id, title, months, series, format, note }) {
  const numbers = series.flatMap((x) => x.values).filter((v) => typeof v === 'number');
  const scale = Math.max(...numbers, 0);
  const groupWidth = series.length * (BAR + GAP) - GAP;
  const width = LEFT * 2 + months.length * (groupWidth + MONTH_GAP);
  const nodes = [];
  months.forEach((month, m) => {
    const x0 = LEFT + m * (groupWidth + MONTH_GAP);
    series.forEach((serie, i) => {
      const value = serie.values[m];
      const known = typeof value === 'number';
      const height =
        known && scale > 0 ? Math.max((Math.abs(value) / scale) * HEIGHT, value !== 0 ? 1 : 0) : 0;
      nodes.push(
        s(
          'g',
          {
            class: `bar ${serie.key}`,
            'data-steering-figure': `${id}.${serie.group}[${month}]`,
            'data-value': known ? String(value) : '',
          },
          s('rect', { x: x0 + i * (BAR + GAP), y: TOP + HEIGHT - height, width: BAR, height, rx: 1 }),
          s('title', {}, `${month} · ${serie.label}: ${known ? format(value) : t('value.none')}`),
        ),
      );
    });
    if (m === 0 || m === months.length - 1 || month.endsWith('-01')) {
      nodes.push(s('text', { x: x0, y: TOP + HEIGHT + 14, class: 'axis-label' }, month));
    }
  });
  nodes.push(s('line', { x1: 0, x2: width, y1: TOP + HEIGHT, y2: TOP + HEIGHT, class: 'axis' }));
  const last = (values) => [...values].reverse().find((v) => typeof v === 'number');
  return h(
    'figure',
    { class: 'chart-box trend', id: `trend-${id}` },
    h('figcaption', {}, title),
    s(
      'svg',
      {
        class: 'chart',
        width,
        height: HEIGHT + TOP + 20,
        viewBox: `0 0 ${width} ${HEIGHT + TOP + 20}`,
        role: 'img',
        'aria-label': title,
      },
      s('title', {}, title),
      nodes,
    ),
    h(
      'p',
      { class: 'legend' },
      series.map((x) =>
        h(
          'span',
          { class: `key ${x.key}` },
          `${x.label}: ${last(x.values) === undefined ? t('value.none') : format(last(x.values))}`,
        ),
      ),
    ),
    numbers.length === 0
      ? h('p', { class: 'muted small', 'data-no-data': id }, t('dash.steering.no-data'))
      : null,
    note ? h('p', { class: 'muted small' }, note) : null,
  );
}
