import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { bootStack, eventually, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * The operators' rules upgrade (scripts/upgrade-rules.ts): it signals every running trajectory, and one that
 * already runs under the current rules goes on as it was (its move from rules 1 is specified in
 * libs/domain/src/lifecycle/trajectory-waits.spec.ts; the recorded histories of rules 1 replay unchanged).
 */
describe('scripts/upgrade-rules.ts', () => {
  let stack: RunningStack;
  let http: App;
  const municipality = 'GM0405';
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-hoorn');

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('upgrade-rules'));
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  const runScript = () =>
    new Promise<{ code: number; stdout: string }>((done) => {
      execFile(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'scripts/upgrade-rules.ts',
        ],
        { cwd: resolve(__dirname, '..'), env: process.env, timeout: 60_000 },
        (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });

  it('signals every running trajectory; one under the current rules is unchanged', async () => {
    const caseReference = uniqueRef('UPG');
    const started = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send({
        municipalityCode: municipality,
        caseReference,
        clientId: 'c-upg-1',
        domain: 'JEUGD',
        segment: 'B',
        complexity: 'LOW',
        requestType: 'SUPPORT',
      })
      .expect(201);
    const id = started.body.trajectoryId as string;
    const state = async () =>
      (await request(http).get(`/trajectories/${id}/state`).set('Authorization', caseSystem).expect(200))
        .body;
    expect(await state()).toMatchObject({ rulesVersion: 2, status: 'INTAKE' });

    const { code, stdout } = await runScript();
    expect(code).toBe(0);
    const signalled = Number(/signalled to (\d+) running/.exec(stdout)?.[1]);
    expect(signalled).toBeGreaterThanOrEqual(1);

    // The signal woke the run; nothing changed: no RULES_UPGRADED, the same intake deadline.
    const audit = await eventually(async () => {
      const res = await request(http).get(`/trajectories/${id}/audit`).set('Authorization', caseSystem);
      return res.status === 200 ? (res.body as { type: string }[]) : undefined;
    });
    expect(audit.map((a) => a.type)).not.toContain('RULES_UPGRADED');
    expect(await state()).toMatchObject({ rulesVersion: 2, status: 'INTAKE' });
  });
});
