import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://app:secret@localhost:5432/app' };

describe('loadConfig', () => {
  it('applies documented defaults when only DATABASE_URL is set', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
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

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ ...valid, PORT: '70000' })).toThrow(/PORT=70000 is not a TCP port/);
  });
});
