import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://app:secret@localhost:5432/app' };

describe('loadConfig', () => {
  it('applies documented defaults when only DATABASE_URL is set', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.workerHealthHost).toBe('127.0.0.1');
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'trajectories',
      uiUrl: 'http://127.0.0.1:8233',
    });
    expect(config.workflowBundlePath).toBeUndefined();
  });

  it('fails fast naming every bad variable, without echoing the database password', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://u:topsecret@h/db',
        PORT: 'eighty',
        TEMPORAL_ADDRESS: 'nohost',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/PORT="eighty"/);
    expect(problems).toMatch(/TEMPORAL_ADDRESS="nohost"/);
    expect(problems).toMatch(/LOG_LEVEL="loud"/);
    expect(problems).not.toMatch(/topsecret/);
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });

  it('listens where HOST and WORKER_HEALTH_HOST say, e.g. on every interface in a container', () => {
    const config = loadConfig({ ...valid, HOST: '0.0.0.0', WORKER_HEALTH_HOST: '::' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.workerHealthHost).toBe('::');
    expect(loadConfig({ ...valid, HOST: 'api.internal' }).host).toBe('api.internal');
  });

  it("serves the worker's SDK metrics only when WORKER_METRICS_PORT is set, on a port of its own", () => {
    expect(loadConfig(valid).workerMetricsPort).toBeUndefined();
    expect(loadConfig({ ...valid, WORKER_METRICS_PORT: '9464' }).workerMetricsPort).toBe(9464);
    expect(() => loadConfig({ ...valid, WORKER_METRICS_PORT: 'metrics' })).toThrow(
      /WORKER_METRICS_PORT="metrics" must be a positive integer/,
    );
    expect(() => loadConfig({ ...valid, WORKER_METRICS_PORT: '3001' })).toThrow(
      /WORKER_METRICS_PORT=3001 is WORKER_HEALTH_PORT too/,
    );
  });

  it('rejects a listen host with a port, a scheme or a space', () => {
    for (const bad of ['0.0.0.0:3000', 'http://localhost', 'my host']) {
      expect(() => loadConfig({ ...valid, HOST: bad })).toThrow(
        /HOST=".*" must be an IP address or a host name/,
      );
      expect(() => loadConfig({ ...valid, WORKER_HEALTH_HOST: bad })).toThrow(/WORKER_HEALTH_HOST="/);
    }
  });

  it('carries the payload keys, and requires them in production like the JWT secret', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig({ ...valid, PAYLOAD_KEYS: `k2:${key},k1:${key}` }).payloadKeys.map((k) => k.id),
    ).toEqual(['k2', 'k1']);
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /PAYLOAD_KEYS or PAYLOAD_KEYS_FILE is required in production/,
    );
    expect(() => loadConfig({ ...valid, PAYLOAD_KEYS: `k1:${key.slice(0, 20)}` })).toThrow(
      /PAYLOAD_KEYS entry 1 \(id "k1"\): the key must be 32 bytes/,
    );
  });

  it('compresses payloads unless PAYLOAD_COMPRESSION is false (an upgrade from a release before issue 20)', () => {
    expect(loadConfig(valid).payloadCompression).toBe(true);
    expect(loadConfig({ ...valid, PAYLOAD_COMPRESSION: 'false' }).payloadCompression).toBe(false);
    expect(() => loadConfig({ ...valid, PAYLOAD_COMPRESSION: 'sometimes' })).toThrow(/PAYLOAD_COMPRESSION/);
  });

  it('refuses private webhook targets by default in production, allows them by default elsewhere', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const production = {
      ...valid,
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      PAYLOAD_KEYS: `k1:${key}`,
    };
    expect(loadConfig(production).delivery.allowPrivateTargets).toBe(false);
    expect(
      loadConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).delivery.allowPrivateTargets,
    ).toBe(true);
    expect(loadConfig(valid).delivery.allowPrivateTargets).toBe(true);
  });

  it('retries a webhook for at least 24 hours by default before it becomes a dead letter (issue 16)', () => {
    const schedule = loadConfig(valid).delivery.webhookRetrySchedule;
    const total = schedule.reduce((a, b) => a + b, 0);
    // 5 s + 5 min + 30 min + 2 h + 5 h + 10 h + 10 h = 27 h 35 min 5 s.
    expect(total).toBe(((27 * 60 + 35) * 60 + 5) * 1000);
    expect(total).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ ...valid, PORT: '70000' })).toThrow(/PORT=70000 is not a TCP port/);
  });
});
