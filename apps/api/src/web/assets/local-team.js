// The local team's workspace (issue 18): plans to approve, what is overdue, the cases it brought to the
// breakthrough table, and one trajectory at a time with the forms of what the team may do now — submit a plan
// from the catalogue's arrangements, sign, approve or ask for changes, record an evaluation, ask for or decide a
// scaling, confirm completion.
import { api, errorBox, format, h, section, table } from './common.js';
import { t } from './texts.js';
import { deadline, workspacePage, worklist } from './workspace.js';

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
  let cases;
  try {
    cases = (await api('/escalations')).filter((c) => c.raisedByRole === 'LOCAL_TEAM');
  } catch (error) {
    return section(t('work.lt.table-cases'), errorBox(error));
  }
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

await workspacePage({
  page: 'local-team',
  role: 'LOCAL_TEAM',
  title: () => t('work.lt.title'),
  notYours: t('work.lt.only'),
  offered: OFFERED,
  signAs: ['LOCAL_TEAM', 'CLIENT', 'LEGAL_REPRESENTATIVE'],
  lists: async (open) => [
    await worklist('to-approve', t('work.lt.to-approve'), '/worklists/to-approve', open, [
      deadline(t('work.approval-deadline'), 'approvalDeadline'),
    ]),
    await worklist('overdue', t('work.lt.overdue'), '/worklists/overdue', open, [
      deadline(t('work.next-evaluation'), 'nextEvaluationAt'),
    ]),
    await tableCases(open),
  ],
});
