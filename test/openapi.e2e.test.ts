import request from 'supertest';
import type { App } from 'supertest/types';
import { IDEMPOTENCY_KEY } from '../apps/api/src/common/idempotency-key';
import { REF } from '../apps/api/src/trajectories/dto/ids';
import { bearer } from './support/auth';
import { bootStack, RunningStack, uniqueTaskQueue } from './support/stack';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the API serves, as "METHOD /openapi/{style}" strings, read from Express's router. */
function servedRoutes(stack: RunningStack): string[] {
  const instance = stack.api.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const routes: string[] = [];
  for (const layer of instance.router.stack) {
    if (!layer.route) continue;
    const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    if (path.startsWith('/docs')) continue; // Swagger UI's own assets
    for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${path}`);
  }
  return routes.sort();
}

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  required?: string[];
  [keyword: string]: unknown;
}

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    {
      content?: Record<string, { schema?: Schema }>;
      links?: Record<string, { operationId: string; parameters: object }>;
    }
  >;
  security?: Record<string, string[]>[];
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const ERROR_BODY = { $ref: '#/components/schemas/ApiErrorBody' };

/** Every operation as "METHOD /path" with its object. */
function operationsOf(spec: Document): { name: string; path: string; method: string; op: Operation }[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      op,
    })),
  );
}

/** The error codes an operation must document, by what it has (openapi/api-document.ts states the rule). */
function expectedErrorCodes(path: string, method: string, op: Operation): string[] {
  const authenticated = (op.security ?? []).length > 0;
  return [
    '400',
    ...(path.startsWith('/health') ? [] : ['429']),
    ...(authenticated ? ['401', '403', '503'] : []),
    ...(path.includes('{') ? ['404'] : []),
    ...(method === 'post' || method === 'put' ? ['413', '415'] : []),
    ...(authenticated && method === 'post' ? ['409', '422'] : []),
  ];
}

describe('OpenAPI document', () => {
  let stack: RunningStack;
  let http: App;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('openapi'));
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  it('documents every route the API serves (a new controller route missing from the spec fails here)', async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(spec.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = servedRoutes(stack);
    expect(served.length).toBeGreaterThan(3);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('names the roles of every authenticated operation, in words and as x-allowed-roles', async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; description?: string; 'x-allowed-roles'?: string[] }>
      >;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    const authenticated = operations.filter(({ op }) => (op.security ?? []).length > 0);
    expect(authenticated.length).toBeGreaterThan(40);
    const unnamed = authenticated.filter(({ op }) => {
      const roles = op['x-allowed-roles'] ?? [];
      return roles.length === 0 || !(op.description ?? '').includes(`Allowed roles: ${roles.join(', ')}.`);
    });
    expect(unnamed.map(({ name }) => name)).toEqual([]);
    // A lifecycle action documents exactly the roles of its command's descriptor in the domain.
    expect(spec.paths['/trajectories/{trajectoryId}/plan/approve'].post['x-allowed-roles']).toEqual([
      'LOCAL_TEAM',
    ]);
  });

  it('declares the bearer and API-key schemes and serves Swagger UI', async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body;
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);
    const ui = await request(http).get('/docs').redirects(1).expect(200);
    expect(ui.text).toMatch(/swagger-ui/i);
  });
  it('gives every operation a response schema for each success code, and the error body for each error code it can answer', async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body as Document;
    const problems: string[] = [];
    for (const { name, path, method, op } of operationsOf(spec)) {
      const codes = Object.keys(op.responses);
      // A browser route of the sign-in (GET /auth/login, /auth/callback) succeeds with a redirect.
      if (!codes.some((c) => c.startsWith('2') || c === '302')) problems.push(`${name}: no success response`);
      for (const code of expectedErrorCodes(path, method, op)) {
        if (!codes.includes(code)) problems.push(`${name}: ${code} undocumented`);
      }
      for (const [code, response] of Object.entries(op.responses)) {
        const media = Object.entries(response.content ?? {});
        // 204 No Content and a 302 redirect are the answers without a body.
        if ((media.length === 0) !== (code === '204' || code === '302'))
          problems.push(`${name} ${code}: body schema ${media.length}`);
        for (const [type, { schema }] of media) {
          if (!schema || (!schema.$ref && !schema.type)) problems.push(`${name} ${code} ${type}: no schema`);
          if (Number(code) >= 400 && (type !== 'application/json' || schema?.$ref !== ERROR_BODY.$ref))
            problems.push(`${name} ${code}: ${type} instead of the JSON error body`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(operationsOf(spec).length).toBeGreaterThan(55);
  });

  it('states the validation rules in the request schemas: patterns, integers, bounds, dates, closed bodies', async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body as Document;
    const { schemas } = spec.components;
    const submit = schemas.SubmitPlanDto;
    expect(submit.additionalProperties).toBe(false);
    expect(submit.properties!.leadProviderId).toMatchObject({ type: 'string', pattern: REF.source });
    expect(submit.properties!.results).toMatchObject({ type: 'array', minItems: 1, maxItems: 50 });
    expect(submit.properties!.subcontractorIds.items).toMatchObject({ type: 'string', pattern: REF.source });
    expect(submit.properties!.plannedEndAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schemas.PlanResultDto.properties!.targetDate).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas.PlanVersionDto.properties!.planVersion).toMatchObject({ type: 'integer', minimum: 1 });
    expect(schemas.PolicyDurationDto).toMatchObject({ minProperties: 1, maxProperties: 1 });
    // Optional is "may be left out", never "may be null": the API refuses null (validation/optional.ts).
    expect(schemas.WithdrawDto.required ?? []).toEqual([]);
    expect(schemas.WithdrawDto.properties!.reasonCode.nullable).toBeUndefined();

    // Every schema a request body reaches is closed, as the ValidationPipe forbids unknown properties. The
    // codec's body is Temporal's protocol, read by its own middleware, which ignores other properties.
    const open: string[] = [];
    const visit = (name: string, seen: Set<string>) => {
      if (seen.has(name)) return;
      seen.add(name);
      const schema = schemas[name];
      if (schema.additionalProperties !== false) open.push(name);
      const refs = JSON.stringify(schema.properties ?? {}).match(/#\/components\/schemas\/\w+/g) ?? [];
      refs.forEach((ref) => visit(ref.split('/').pop()!, seen));
    };
    const seen = new Set<string>();
    for (const { op, path } of operationsOf(spec)) {
      if (path.startsWith('/codec/')) continue;
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      if (ref) visit(ref.split('/').pop()!, seen);
    }
    expect(seen.size).toBeGreaterThan(25);
    expect(open).toEqual([]);

    const list = spec.paths['/trajectories'].get.parameters!;
    const param = (name: string) => list.find((p) => p.name === name)!.schema;
    expect(param('limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    expect(param('createdFrom').anyOf).toEqual([
      expect.objectContaining({ format: 'date' }),
      expect.objectContaining({ format: 'date-time' }),
    ]);
    const key = spec.paths['/trajectories/{trajectoryId}/plan/approve'].post.parameters!.find(
      (p) => p.name === 'Idempotency-Key',
    );
    expect(key).toMatchObject({ in: 'header', schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source } });
  });

  it('names the API key only where its role (CASE_SYSTEM) may act', async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body as Document;
    expect(spec.paths['/trajectories'].post.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    expect(spec.paths['/reconciliation'].get.security).toEqual([{ bearer: [] }]);
    expect(spec.paths['/health'].get.security).toBeUndefined();
  });

  it("links the lifecycle: a started trajectory's id feeds every per-trajectory operation", async () => {
    const spec = (await request(http).get('/docs-json').expect(200)).body as Document;
    const perTrajectory = operationsOf(spec).filter(({ path }) =>
      path.startsWith('/trajectories/{trajectoryId}'),
    );
    expect(perTrajectory.length).toBeGreaterThan(25);
    for (const status of ['200', '201']) {
      const links = spec.paths['/trajectories'].post.responses[status].links ?? {};
      for (const { op } of perTrajectory) {
        expect(links[op.operationId]).toEqual({
          operationId: op.operationId,
          parameters: { trajectoryId: '$response.body#/trajectoryId' },
        });
      }
    }
    const afterApproval =
      spec.paths['/trajectories/{trajectoryId}/plan/approve'].post.responses['200'].links!;
    expect(Object.keys(afterApproval)).toHaveLength(perTrajectory.length);
  });

  it('answers an error of a CSV route as JSON, not as text/csv', async () => {
    const res = await request(http)
      .get('/monitoring/indicators.csv?from=2026-02-30')
      .set('Authorization', bearer(['OPERATOR']))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'from' }] });
  });
});
