// The breakthrough table's docket (doorbraaktafel, domain.md §4.6): open escalations, oldest first.
import { api, badge, errorBox, format, h, mount, requireSignIn, section, table } from './common.js';
import { t } from './texts.js';

await requireSignIn('docket');

const COLUMNS = [
  {
    label: t('docket.col.case'),
    value: (e) =>
      h('a', { href: `/ui/cases/${encodeURIComponent(e.escalationId)}`, class: 'case-link' }, e.escalationId),
  },
  { label: t('docket.col.trigger'), value: (e) => h('code', {}, e.trigger) },
  { label: t('docket.col.context'), value: (e) => e.context },
  { label: t('docket.col.status'), value: (e) => badge(e.status) },
  {
    label: t('docket.col.waiting'),
    class: 'num',
    value: (e) => t('docket.waiting', { working: e.workingDaysWaiting, calendar: e.calendarDaysWaiting }),
  },
  { label: t('docket.col.deadline'), value: (e) => format.dateTime(e.deadlineAt) },
  { label: t('docket.col.municipality'), value: (e) => e.municipalityCode },
  { label: t('docket.col.provider'), value: (e) => e.providerId },
  { label: t('docket.col.asked'), value: (e) => e.askedArrangement },
  { label: t('docket.col.offered'), value: (e) => e.offeredArrangement },
  { label: t('docket.col.rounds'), class: 'num', value: (e) => String(e.roundCount) },
  {
    label: t('docket.col.overdue'),
    value: (e) => (e.overdue ? badge(t('docket.overdue'), 'bad') : badge(t('docket.on-time'), 'good')),
  },
];

try {
  const items = await api('/escalations');
  const overdue = items.filter((e) => e.overdue).length;
  mount(
    h('h1', {}, t('docket.title')),
    h(
      'p',
      { class: 'lead', id: 'docket-summary', 'data-open': items.length, 'data-overdue': overdue },
      t('docket.summary', {
        open: items.length,
        cases: t(items.length === 1 ? 'docket.case' : 'docket.cases'),
        overdue,
      }),
      t('docket.never'),
    ),
    section(
      t('docket.open'),
      items.length === 0
        ? h('p', { class: 'muted' }, t('docket.empty'))
        : table(COLUMNS, items, (e) => ({
            'data-escalation-id': e.escalationId,
            class: e.overdue ? 'overdue' : null,
          })),
    ),
  );
} catch (error) {
  mount(h('h1', {}, t('docket.title')), errorBox(error));
}
