import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';

/**
 * OpenAPI links: where the ids an answer carries can be used next. They document the lifecycle (a started
 * trajectory's id feeds every per-trajectory operation, an action's answer feeds the next action, an
 * escalation's id the table's case) and let a stateful client, Schemathesis's stateful phase among them,
 * walk it instead of guessing ids.
 */
interface LinkRule {
  /** "METHOD /path" of the operation whose answer carries the ids. */
  from: string | ((key: string) => boolean);
  statuses: string[];
  /** The operations the ids feed. */
  to: (key: string) => boolean;
  /** Path parameter → runtime expression on the answer. */
  parameters: Record<string, string>;
}

const TRAJECTORY = '/trajectories/{trajectoryId}';
const under = (prefix: string) => (key: string) => key.split(' ')[1].startsWith(prefix);
const exactly =
  (...keys: string[]) =>
  (key: string) =>
    keys.includes(key);
const isLifecycleAction = (key: string) => key.startsWith(`POST ${TRAJECTORY}/`);

const RULES: LinkRule[] = [
  {
    from: 'POST /trajectories',
    statuses: ['200', '201'],
    to: under(TRAJECTORY),
    parameters: { trajectoryId: '$response.body#/trajectoryId' },
  },
  {
    from: isLifecycleAction,
    statuses: ['200'],
    to: under(TRAJECTORY),
    parameters: { trajectoryId: '$response.body#/trajectoryId' },
  },
  {
    from: 'GET /trajectories',
    statuses: ['200'],
    to: under(TRAJECTORY),
    parameters: { trajectoryId: '$response.body#/items/0/trajectoryId' },
  },
  {
    from: exactly(`POST ${TRAJECTORY}/escalate`, `GET ${TRAJECTORY}`),
    statuses: ['200'],
    to: under('/escalations/{escalationId}'),
    parameters: { escalationId: '$response.body#/openEscalation/id' },
  },
  {
    from: 'GET /escalations',
    statuses: ['200'],
    to: under('/escalations/{escalationId}'),
    parameters: { escalationId: '$response.body#/0/escalationId' },
  },
  {
    from: exactly('GET /payments', `GET ${TRAJECTORY}/payments`),
    statuses: ['200'],
    to: exactly('POST /payments/{idempotencyKey}/withhold'),
    parameters: { idempotencyKey: '$response.body#/items/0/idempotencyKey' },
  },
  {
    from: 'POST /payments/exports',
    statuses: ['201'],
    to: under('/payments/exports/{batchId}'),
    parameters: { batchId: '$response.body#/batch/id' },
  },
  {
    from: 'PUT /providers/{providerId}',
    statuses: ['200', '201'],
    to: exactly(
      'GET /providers/{providerId}',
      'POST /providers/{providerId}/contracts',
      'POST /providers/{providerId}/intake-freezes',
    ),
    parameters: { providerId: '$response.body#/providerId' },
  },
  {
    from: 'POST /providers/{providerId}/contracts',
    statuses: ['201'],
    to: exactly('POST /providers/{providerId}/contracts/{contractId}/end'),
    parameters: { providerId: '$response.body#/providerId', contractId: '$response.body#/contractId' },
  },
  {
    from: 'POST /providers/{providerId}/intake-freezes',
    statuses: ['201'],
    to: exactly('POST /providers/{providerId}/intake-freezes/{freezeId}/lift'),
    parameters: { providerId: '$response.body#/providerId', freezeId: '$response.body#/freezeId' },
  },
  {
    from: 'GET /regions',
    statuses: ['200'],
    to: exactly('GET /regions/{regionId}'),
    parameters: { regionId: '$response.body#/0/regionId' },
  },
  {
    from: 'GET /arrangements',
    statuses: ['200'],
    to: exactly('GET /arrangements/{code}'),
    parameters: { code: '$response.body#/0/code' },
  },
];

/** Adds the links of RULES to the document's success responses; a rule that matches nothing is an error. */
export function addLifecycleLinks(document: OpenAPIObject): void {
  const operations = new Map<string, OperationObject>();
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(byMethod) as [string, OperationObject][]) {
      operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  for (const rule of RULES) {
    const matches = typeof rule.from === 'string' ? (key: string) => key === rule.from : rule.from;
    const sources = [...operations.keys()].filter(matches);
    const targets = [...operations.entries()].filter(([key]) => rule.to(key));
    if (sources.length === 0 || targets.length === 0)
      throw new Error(`link rule ${String(rule.from)} matches nothing`);
    for (const source of sources) {
      for (const status of rule.statuses) {
        const response = operations.get(source)!.responses[status] as ResponseObject | undefined;
        if (!response) continue;
        response.links ??= {};
        for (const [key, target] of targets) {
          if (!target.operationId) throw new Error(`${key} has no operationId to link to`);
          const parameters = Object.fromEntries(
            Object.entries(rule.parameters).filter(([name]) => key.includes(`{${name}}`)),
          );
          response.links[target.operationId] = { operationId: target.operationId, parameters };
        }
      }
    }
  }
}
