// Charts drawn as inline SVG, no library. Every drawn number carries `data-figure` (its path in
// GET /monitoring/indicators, see libs/domain/src/monitoring/indicator-figures.ts) and `data-value` (the
// API's number, untouched), so the page can be checked against the API.
import { t } from './texts.js';
import { h, s } from './common.js';

const VALUE_WIDTH = 90;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const ROW_GAP = 12;

function dataValue(value) {
  return value === null || value === undefined ? '' : String(value);
}

/** A figure that is drawn or shown: the attributes the test and other tools read. */
export function figureAttrs(figure, value) {
  return { 'data-figure': figure, 'data-value': dataValue(value) };
}

/**
 * Horizontal bars, grouped per row: rows = [{ label, bars: [{ value, figure, series }] }], series =
 * [{ key, label }] (the legend), format(value) for the labels, max for a fixed scale (1 for shares). The SVG
 * is drawn at its natural size in pixels (width, labelWidth) and only shrinks to fit a narrow screen.
 */
export function barChart({ id, title, rows, series, format, max, note, width = 620, labelWidth = 200 }) {
  const barArea = width - labelWidth - VALUE_WIDTH;
  const numbers = rows.flatMap((r) => r.bars.map((b) => b.value)).filter((v) => typeof v === 'number');
  const scale = max ?? Math.max(...numbers, 0);
  const seriesLabel = Object.fromEntries(series.map((x) => [x.key, x.label]));
  const nodes = [];
  let y = 6;
  for (const row of rows) {
    const rowHeight = row.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
    nodes.push(
      s(
        'text',
        { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'axis-label' },
        row.label,
      ),
    );
    row.bars.forEach((bar, i) => {
      const top = y + i * (BAR_HEIGHT + BAR_GAP);
      const known = typeof bar.value === 'number';
      const length = known && scale > 0 ? Math.max(0, (bar.value / scale) * barArea) : 0;
      nodes.push(
        s(
          'g',
          { class: `bar ${bar.series}`, ...figureAttrs(bar.figure, bar.value) },
          s('rect', {
            x: labelWidth,
            y: top,
            width: Math.max(length, known && bar.value > 0 ? 1 : 0),
            height: BAR_HEIGHT,
            rx: 2,
          }),
          s(
            'text',
            { x: labelWidth + length + 6, y: top + BAR_HEIGHT - 4, class: 'value-label' },
            known ? format(bar.value) : t('value.none'),
          ),
          s(
            'title',
            {},
            `${row.label} · ${seriesLabel[bar.series] ?? bar.series}: ${known ? format(bar.value) : 'n/a'}`,
          ),
        ),
      );
    });
    y += rowHeight + ROW_GAP;
  }
  if (rows.length === 0) {
    nodes.push(
      s(
        'text',
        { x: width / 2, y: 26, 'text-anchor': 'middle', class: 'axis-label' },
        'No data for this filter',
      ),
    );
    y = 44;
  }
  nodes.push(s('line', { x1: labelWidth, x2: labelWidth, y1: 0, y2: y - ROW_GAP / 2, class: 'axis' }));
  const svg = s(
    'svg',
    { class: 'chart', width, height: y, viewBox: `0 0 ${width} ${y}`, role: 'img', 'aria-label': title },
    s('title', {}, title),
    nodes,
  );
  return h(
    'figure',
    { class: 'chart-box', id },
    h('figcaption', {}, title),
    svg,
    series.length > 1
      ? h(
          'p',
          { class: 'legend' },
          series.map((x) => h('span', { class: `key ${x.key}` }, x.label)),
        )
      : null,
    note ? h('p', { class: 'muted small' }, note) : null,
  );
}

/** One headline number. */
export function tile(label, figure, value, format) {
  return h(
    'div',
    { class: 'tile', ...figureAttrs(figure, value) },
    h('span', { class: 'tile-value' }, value === null || value === undefined ? 'n/a' : format(value)),
    h('span', { class: 'tile-label' }, label),
  );
}
