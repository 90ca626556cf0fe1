/* global location */
// The timeline of one trajectory: every stage, decision, timer, escalation, evaluation and payment on one
// time line, with who acted (GET /trajectories/:id/audit), the payments (GET /trajectories/:id/payments) and
// links to the workflows in the Temporal Web UI.
import {
  api,
  badge,
  errorBox,
  facts,
  format,
  h,
  hasRole,
  idFromPath,
  mount,
  requireSignIn,
  s,
  section,
  table,
  temporalWorkflowUrl,
} from './common.js';
import { t } from './texts.js';

const claims = await requireSignIn('timeline');
const trajectoryId = idFromPath();
// The timeline (the audit trail, the ledger) is the professionals' view; a resident reads its own page.
if (hasRole(claims, 'CLIENT')) {
  location.replace(`/ui/family?trajectory=${encodeURIComponent(trajectoryId)}`);
  await new Promise(() => {});
}

const LANES = ['stage', 'decision', 'escalation', 'timer', 'evaluation', 'payment'];
const LANE_LABELS = Object.fromEntries(LANES.map((lane) => [lane, t(`timeline.lane.${lane}`)]));

/** Which lane an audit event belongs on (the `type` strings the domain core records). */
function laneOf(event) {
  const type = event.type;
  if (event.stream !== 'trajectory') return 'escalation';
  if (type.includes('EVALUATION')) return 'evaluation';
  if (type === 'BREAKTHROUGH_DECIDED') return 'decision';
  if (type.includes('ESCALAT') || type.includes('BREAKTHROUGH')) return 'escalation';
  if (type.includes('TRANCHE') || type.includes('PAYMENT') || type === 'PERIOD_STARTED') return 'payment';
  if (event.actorRole === 'SYSTEM' || /_DUE$|_OVERDUE$|LAPSED|DEADLINE/.test(type)) return 'timer';
  if (/APPROVED|REJECTED|DECIDED|RETURNED|LAPSED|RENEWED|AMENDED/.test(type)) return 'decision';
  return 'stage';
}

function detailText(details) {
  return Object.entries(details ?? {})
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' · ');
}

function entriesOf(audit, payments) {
  const fromAudit = audit.map((a) => ({
    at: a.at,
    lane: laneOf(a),
    what: a.type,
    who: `${a.actorRole} · ${a.actorRef}`,
    stream: a.stream,
    detail: detailText(a.details),
  }));
  const fromLedger = payments.map((p) => ({
    at: p.createdAt,
    lane: 'payment',
    what: `${p.kind} ${format.euro(p.amountCents)}`,
    who: `${t('timeline.ledger')} · ${p.status}`,
    stream: 'ledger',
    detail: t('timeline.payment-detail', { due: p.dueDate, version: p.decisionVersion, basis: p.basis }),
  }));
  return [...fromAudit, ...fromLedger].sort((a, b) => a.at.localeCompare(b.at));
}

/** The time line as SVG: one lane per kind of event, a marker per event, date ticks along the axis. */
function timelineChart(entries) {
  const width = 1000;
  const left = 120;
  const right = 50;
  const laneHeight = 34;
  const top = 10;
  const height = top + LANES.length * laneHeight + 40;
  const times = entries.map((e) => Date.parse(e.at));
  const min = Math.min(...times);
  const max = Math.max(...times, min + 1000);
  const pad = (max - min) * 0.03;
  const x = (t) => left + ((t - (min - pad)) / (max - min + 2 * pad)) * (width - left - right);
  const y = (lane) => top + LANES.indexOf(lane) * laneHeight + laneHeight / 2;
  const tickLabel = max - min < 2 * 86_400_000 ? format.time : format.date;
  const ticks = Array.from({ length: 5 }, (_, i) => min - pad + (i * (max - min + 2 * pad)) / 4);
  return s(
    'svg',
    {
      class: 'chart timeline',
      id: 'timeline-chart',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': t('timeline.chart-label', { count: entries.length }),
    },
    LANES.map((lane) => [
      s('line', { x1: left, x2: width - right, y1: y(lane), y2: y(lane), class: 'lane' }),
      s(
        'text',
        { x: left - 10, y: y(lane) + 4, class: 'axis-label', 'text-anchor': 'end' },
        LANE_LABELS[lane],
      ),
    ]),
    ticks.map((t) => [
      s('line', { x1: x(t), x2: x(t), y1: top, y2: height - 32, class: 'tick' }),
      s(
        'text',
        { x: x(t), y: height - 14, class: 'axis-label', 'text-anchor': 'middle' },
        tickLabel(new Date(t).toISOString()),
      ),
    ]),
    entries.map((e) =>
      s(
        'circle',
        { cx: x(Date.parse(e.at)), cy: y(e.lane), r: 6, class: `marker ${e.lane}`, 'data-type': e.what },
        s('title', {}, `${format.dateTime(e.at)} · ${e.what} · ${e.who}`),
      ),
    ),
  );
}

function workflowLinks(view, escalations) {
  return h(
    'ul',
    { class: 'links' },
    h(
      'li',
      {},
      h(
        'a',
        { href: temporalWorkflowUrl(trajectoryId), target: '_blank', rel: 'noopener', id: 'temporal-link' },
        t('timeline.workflow-link', { id: trajectoryId }),
      ),
    ),
    escalations.map((id) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: temporalWorkflowUrl(`breakthrough-${id}`), target: '_blank', rel: 'noopener' },
          t('timeline.case-workflow-link', { id }),
        ),
        ' · ',
        h('a', { href: `/ui/cases/${encodeURIComponent(id)}` }, t('timeline.case-page')),
      ),
    ),
    view.predecessorTrajectoryId
      ? h(
          'li',
          {},
          t('timeline.predecessor'),
          h(
            'a',
            { href: `/ui/trajectories/${encodeURIComponent(view.predecessorTrajectoryId)}` },
            view.predecessorTrajectoryId,
          ),
        )
      : null,
    view.successorTrajectoryId
      ? h(
          'li',
          {},
          t('timeline.successor'),
          h(
            'a',
            { href: `/ui/trajectories/${encodeURIComponent(view.successorTrajectoryId)}` },
            view.successorTrajectoryId,
          ),
        )
      : null,
  );
}

async function paymentsOrNote() {
  try {
    return {
      items: (await api(`/trajectories/${encodeURIComponent(trajectoryId)}/payments?limit=200`)).items,
      note: null,
    };
  } catch (error) {
    if (error.status === 403) return { items: [], note: t('timeline.payments-hidden') };
    throw error;
  }
}

try {
  const path = `/trajectories/${encodeURIComponent(trajectoryId)}`;
  const [view, audit, payments] = await Promise.all([api(path), api(`${path}/audit`), paymentsOrNote()]);
  const entries = entriesOf(audit, payments.items);
  const escalations = [...new Set(audit.filter((a) => a.stream !== 'trajectory').map((a) => a.stream))];
  const deadlines = Object.entries(view.deadlines ?? {}).map(([k, v]) => [k, format.dateTime(v)]);
  mount(
    h('h1', {}, t('timeline.title'), ' ', h('code', {}, trajectoryId)),
    h(
      'p',
      { class: 'lead' },
      t('timeline.status'),
      ' ',
      h('strong', { id: 'trajectory-status', 'data-status': view.status, class: 'status' }, view.status),
      view.closure
        ? t('timeline.closed', { at: format.dateTime(view.closure.closedAt), reason: view.closure.reason })
        : '',
    ),
    h(
      'div',
      { class: 'grid two' },
      section(
        t('timeline.now'),
        facts([
          [t('timeline.plan-version'), view.planVersion ? `v${view.planVersion}` : null],
          [t('timeline.decision-version'), view.decisionVersion ? `v${view.decisionVersion}` : null],
          [t('timeline.lead-provider'), view.leadProviderId],
          [t('timeline.rounds'), String(view.rounds)],
          [
            t('timeline.waiting-for'),
            view.blocking.map((b) => `${b.party} (${b.reason})`).join(', ') || null,
          ],
          [
            t('timeline.open-escalation'),
            view.openEscalation ? `${view.openEscalation.id} · ${view.openEscalation.trigger}` : null,
          ],
          ...deadlines,
        ]),
      ),
      section(t('timeline.workflows'), workflowLinks(view, escalations)),
    ),
    section(
      t('timeline.time-line'),
      entries.length ? timelineChart(entries) : h('p', { class: 'muted' }, t('timeline.no-events')),
      h(
        'p',
        { class: 'legend' },
        LANES.map((l) => h('span', { class: `key ${l}` }, LANE_LABELS[l])),
      ),
    ),
    section(
      t('timeline.events'),
      payments.note ? h('p', { class: 'muted' }, payments.note) : null,
      table(
        [
          { label: t('timeline.col.when'), value: (e) => format.instant(e.at) },
          { label: t('timeline.col.kind'), value: (e) => badge(LANE_LABELS[e.lane], e.lane) },
          { label: t('timeline.col.what'), value: (e) => h('code', {}, e.what) },
          { label: t('timeline.col.who'), value: (e) => e.who },
          { label: t('timeline.col.details'), class: 'details', value: (e) => e.detail || null },
        ],
        entries,
        (e) => ({ 'data-event': e.what, 'data-lane': e.lane }),
      ),
    ),
  );
} catch (error) {
  mount(h('h1', {}, t('timeline.title'), ' ', h('code', {}, trajectoryId)), errorBox(error));
}
