import type { Role } from '@app/contracts';

/**
 * The HTTP contract of the platform API the benchmark drives, as test/api-lifecycle.e2e.test.ts uses it.
 * Keys are the shape's command names (bench/trajectory-shape.ts) plus the reads. `role` is the token the
 * driver sends by default (libs/domain/src/trajectory/command-access.ts says who may send what); a call may
 * name another role (a plan signature is sent by the signing party). Paths use `:id`, `:escalationId`
 * placeholders; latencies are reported per `METHOD path` with the placeholders kept.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  role: Role;
}

export const ROUTES = {
  start: { method: 'POST', path: '/trajectories', role: 'CASE_SYSTEM' },
  beginDrafting: { method: 'POST', path: '/trajectories/:id/drafting', role: 'LOCAL_TEAM' },
  chooseLeadProvider: { method: 'POST', path: '/trajectories/:id/lead-provider', role: 'LOCAL_TEAM' },
  submitPlan: { method: 'POST', path: '/trajectories/:id/plan/submit', role: 'PROVIDER' },
  signPlan: { method: 'POST', path: '/trajectories/:id/plan/sign', role: 'CASE_SYSTEM' },
  approvePlan: { method: 'POST', path: '/trajectories/:id/plan/approve', role: 'LOCAL_TEAM' },
  escalate: { method: 'POST', path: '/trajectories/:id/escalate', role: 'LOCAL_TEAM' },
  decideEscalation: {
    method: 'POST',
    path: '/escalations/:escalationId/decision',
    role: 'BREAKTHROUGH_TABLE',
  },
  escalation: { method: 'GET', path: '/escalations/:escalationId', role: 'BREAKTHROUGH_TABLE' },
  confirmStart: { method: 'POST', path: '/trajectories/:id/start', role: 'PROVIDER' },
  recordEvaluation: { method: 'POST', path: '/trajectories/:id/evaluations', role: 'LOCAL_TEAM' },
  requestArrangementChange: {
    method: 'POST',
    path: '/trajectories/:id/arrangement-changes',
    role: 'LOCAL_TEAM',
  },
  decideArrangementChange: {
    method: 'POST',
    path: '/trajectories/:id/arrangement-changes/decision',
    role: 'LOCAL_TEAM',
  },
  confirmCompletion: { method: 'POST', path: '/trajectories/:id/completion', role: 'LOCAL_TEAM' },
  get: { method: 'GET', path: '/trajectories/:id', role: 'LOCAL_TEAM' },
  list: { method: 'GET', path: '/trajectories', role: 'LOCAL_TEAM' },
  payments: { method: 'GET', path: '/trajectories/:id/payments', role: 'FINANCE' },
  subscribe: { method: 'POST', path: '/webhooks/subscriptions', role: 'CASE_SYSTEM' },
  updateSubscription: {
    method: 'PATCH',
    path: '/webhooks/subscriptions/:subscriptionId',
    role: 'CASE_SYSTEM',
  },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(ROUTES, name);
}

/** `/trajectories/:id/plan/sign` with the placeholders filled in (URL-encoded). */
export function routePath(route: Route, params: Record<string, string | undefined>): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`route ${route.path} needs :${name}`);
    return encodeURIComponent(value);
  });
}
