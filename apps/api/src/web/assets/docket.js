// The breakthrough table's docket (doorbraaktafel, domain.md §4.6): open escalations, oldest first.
import { api, badge, errorBox, format, h, mount, requireSignIn, section, table } from './common.js';

await requireSignIn('docket');

const COLUMNS = [
  {
    label: 'Case',
    value: (e) =>
      h('a', { href: `/ui/cases/${encodeURIComponent(e.escalationId)}`, class: 'case-link' }, e.escalationId),
  },
  { label: 'Trigger', value: (e) => h('code', {}, e.trigger) },
  { label: 'Context', value: (e) => e.context },
  { label: 'Status', value: (e) => badge(e.status) },
  {
    label: 'Days waiting',
    class: 'num',
    value: (e) => `${e.workingDaysWaiting} working (${e.calendarDaysWaiting} calendar)`,
  },
  { label: 'Deadline', value: (e) => format.dateTime(e.deadlineAt) },
  { label: 'Municipality', value: (e) => e.municipalityCode },
  { label: 'Provider', value: (e) => e.providerId },
  { label: 'Arrangement asked', value: (e) => e.askedArrangement },
  { label: 'Offered', value: (e) => e.offeredArrangement },
  { label: 'Rounds', class: 'num', value: (e) => String(e.roundCount) },
  { label: 'Overdue', value: (e) => (e.overdue ? badge('OVERDUE', 'bad') : badge('on time', 'good')) },
];

try {
  const items = await api('/escalations');
  const overdue = items.filter((e) => e.overdue).length;
  mount(
    h('h1', {}, 'Breakthrough table docket'),
    h(
      'p',
      { class: 'lead', id: 'docket-summary' },
      `${items.length} open case${items.length === 1 ? '' : 's'}, ${overdue} overdue. `,
      'The table never approves by default: a case waits for its decision (decisions.md 10).',
    ),
    section(
      'Open escalations',
      items.length === 0
        ? h('p', { class: 'muted' }, 'Nothing on the docket.')
        : table(COLUMNS, items, (e) => ({
            'data-escalation-id': e.escalationId,
            class: e.overdue ? 'overdue' : null,
          })),
    ),
  );
} catch (error) {
  mount(h('h1', {}, 'Breakthrough table docket'), errorBox(error));
}
