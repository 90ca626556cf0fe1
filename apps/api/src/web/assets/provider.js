// The provider's workspace (issue 18): its own trajectories, next deadline first, and one at a time with the
// forms of what it may do now — submit the plan (youth care), sign as lead provider, confirm the start, record an
// evaluation (a proposal where the local team decides), ask for scaling, report that care stopped.
import { t } from './texts.js';
import { deadline, workspacePage, worklist } from './workspace.js';

await workspacePage({
  page: 'provider',
  role: 'PROVIDER',
  title: (claims) => t('work.prv.title', { provider: claims.providerId ?? '' }),
  notYours: t('work.prv.only'),
  offered: [
    'submitPlan',
    'signPlan',
    'confirmStart',
    'recordEvaluation',
    'requestArrangementChange',
    'reportDropout',
  ],
  signAs: ['LEAD_PROVIDER'],
  lists: async (open) => [
    await worklist('my-trajectories', t('work.prv.mine'), '/worklists/my-trajectories', open, [
      deadline(t('work.start-deadline'), 'providerStartDeadline'),
      deadline(t('work.next-evaluation'), 'nextEvaluationAt'),
    ]),
    await worklist('overdue', t('work.prv.overdue'), '/worklists/overdue', open),
  ],
});
