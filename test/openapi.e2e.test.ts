import request from 'supertest';
import type { App } from 'supertest/types';
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
});
