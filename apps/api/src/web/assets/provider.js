// The provider's workspace (issue 18): its own trajectories, next deadline first, and one at a time with the
// forms of what it may do now — submit the plan (youth care), sign as lead provider, confirm the start, record an
// evaluation (a proposal where the local team decides), ask for scaling, report that care stopped.
import { api, h, hasRole, mount, requireSignIn } from './common.js';
import { t } from './texts.js';
import { deadline, openForm, panel, worklist } from './workspace.js';

const claims = await requireSignIn('provider');

const OFFERED = [
  'submitPlan',
  'signPlan',
  'confirmStart',
  'recordEvaluation',
  'requestArrangementChange',
  'reportDropout',
];

if (!hasRole(claims, 'PROVIDER')) {
  mount(h('h1', {}, t('work.prv.title')), h('p', { class: 'muted' }, t('work.prv.only')));
} else {
  const arrangements = await api('/arrangements').catch(() => []);
  const holder = h('div', { id: 'panel' });
  const { open, initial } = panel(holder, {
    offered: OFFERED,
    role: 'PROVIDER',
    signAs: ['LEAD_PROVIDER'],
    arrangements,
  });
  mount(
    h('h1', {}, t('work.prv.title', { provider: claims.providerId ?? '' })),
    h('div', { class: 'card' }, openForm(open)),
    holder,
    await worklist('my-trajectories', t('work.prv.mine'), '/worklists/my-trajectories', open, [
      deadline(t('work.start-deadline'), 'providerStartDeadline'),
      deadline(t('work.next-evaluation'), 'nextEvaluationAt'),
    ]),
    await worklist('overdue', t('work.prv.overdue'), '/worklists/overdue', open),
  );
  if (initial) await open(initial);
}
