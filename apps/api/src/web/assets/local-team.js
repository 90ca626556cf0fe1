// The local team's workspace (issue 18): plans to approve, what is overdue, the cases it brought to the
// breakthrough table, and one trajectory at a time with the forms of what the team may do now — submit a plan
// from the catalogue's arrangements, sign, approve or ask for changes, record an evaluation, ask for or decide a
// scaling, confirm completion.
import { api, format, h, hasRole, mount, requireSignIn, section, table } from './common.js';
import { t } from './texts.js';
import { deadline, openForm, panel, worklist } from './workspace.js';

const claims = await requireSignIn('local-team');

const OFFERED = [
  'submitPlan',
  'signPlan',
  'approvePlan',
  'requestChanges',
  'recordEvaluation',
  'decideEvaluationProposal',
  'requestArrangementChange',
  'decideArrangementChange',
  'confirmCompletion',
];

async function tableCases(open) {
  const cases = (await api('/escalations').catch(() => [])).filter((c) => c.raisedByRole === 'LOCAL_TEAM');
  return section(
    t('work.lt.table-cases'),
    cases.length === 0
      ? h('p', { class: 'muted' }, t('work.empty'))
      : table(
          [
            {
              label: t('work.trajectory-col'),
              value: (c) =>
                h(
                  'button',
                  { type: 'button', class: 'link', onclick: () => open(c.trajectoryId) },
                  c.trajectoryId,
                ),
            },
            { label: t('work.trigger'), value: (c) => h('code', {}, c.trigger) },
            { label: t('work.deadline'), value: (c) => format.dateTime(c.deadlineAt) },
            {
              label: t('work.case'),
              value: (c) =>
                h('a', { href: `/ui/cases/${encodeURIComponent(c.escalationId)}` }, t('work.case-open')),
            },
          ],
          cases,
        ),
  );
}

if (!hasRole(claims, 'LOCAL_TEAM')) {
  mount(h('h1', {}, t('work.lt.title')), h('p', { class: 'muted' }, t('work.lt.only')));
} else {
  const arrangements = await api('/arrangements').catch(() => []);
  const holder = h('div', { id: 'panel' });
  const { open, initial } = panel(holder, {
    offered: OFFERED,
    role: 'LOCAL_TEAM',
    signAs: ['LOCAL_TEAM', 'CLIENT', 'LEGAL_REPRESENTATIVE'],
    arrangements,
  });
  mount(
    h('h1', {}, t('work.lt.title')),
    h('div', { class: 'card' }, openForm(open)),
    holder,
    await worklist('to-approve', t('work.lt.to-approve'), '/worklists/to-approve', open, [
      deadline(t('work.approval-deadline'), 'approvalDeadline'),
    ]),
    await worklist('overdue', t('work.lt.overdue'), '/worklists/overdue', open, [
      deadline(t('work.next-evaluation'), 'nextEvaluationAt'),
    ]),
    await tableCases(open),
  );
  if (initial) await open(initial);
}
