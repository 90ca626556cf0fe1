import type { MonitoringIndicators } from './monitoring-indicators';

/**
 * One number of the indicators, addressed by a stable path: `section[group].measure`, e.g.
 * `outcomes.byProvider[PRV-1].dropoutRate` or `leadTimes[DECISION_TO_START].medianDays`. The dashboard puts
 * the same path in its `data-figure` attributes, and the CSV export has one row per figure.
 */
export interface IndicatorFigure {
  figure: string;
  section: string;
  group: string;
  measure: string;
  value: number | null;
}

/** The field that names an element of a list of figures; a null provider is shown as '-'. */
const GROUP_KEYS = ['providerId', 'stage', 'trigger', 'code', 'arrangementCode', 'roundTrips'];
const NOT_FIGURES = new Set(['filter', 'period', 'generatedAt']);

export function figurePath(section: string, group: string, measure: string): string {
  return `${section}${group === '' ? '' : `[${group}]`}${measure === '' ? '' : `.${measure}`}`;
}

interface Position {
  section: string;
  group: string;
  measure: string[];
}

function walk(value: unknown, at: Position, out: IndicatorFigure[]): void {
  if (typeof value === 'number' || value === null) {
    const measure = at.measure.join('.');
    out.push({ figure: figurePath(at.section, at.group, measure), ...at, measure, value });
  } else if (Array.isArray(value)) {
    const section = [at.section, ...at.measure].join('.');
    for (const item of value as Record<string, unknown>[]) {
      const key = GROUP_KEYS.find((k) => k in item);
      if (key === undefined) continue;
      const group = item[key] === null ? '-' : String(item[key]);
      for (const [k, v] of Object.entries(item))
        if (k !== key) walk(v, { section, group, measure: [k] }, out);
    }
  } else if (typeof value === 'object' && value !== undefined) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v !== 'string') walk(v, { ...at, measure: [...at.measure, k] }, out);
    }
  }
}

/** Every number of the indicators with its path, in the document's order. */
export function indicatorFigures(indicators: MonitoringIndicators): IndicatorFigure[] {
  const out: IndicatorFigure[] = [];
  for (const [section, value] of Object.entries(indicators)) {
    if (!NOT_FIGURES.has(section)) walk(value, { section, group: '', measure: [] }, out);
  }
  return out;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The figures as CSV (RFC 4180, CRLF): one row per figure with its section, group, measure and value (empty
 * when there is nothing to compute it from), after the filter the figures were computed for.
 */
export function indicatorsCsv(indicators: MonitoringIndicators): string {
  const rows = [['section', 'group', 'measure', 'value']];
  for (const [name, value] of Object.entries(indicators.filter)) rows.push(['filter', '', name, value ?? '']);
  rows.push(['filter', '', 'generatedAt', indicators.generatedAt]);
  for (const f of indicatorFigures(indicators)) {
    rows.push([f.section, f.group, f.measure, f.value === null ? '' : String(f.value)]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
