import { isNonPublicAddress, nextRetryDelay, targetProblem } from '@app/notify';

describe('webhook targets', () => {
  const production = { allowPrivateTargets: false };
  const local = { allowPrivateTargets: true };

  it.each([
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://172.20.0.1/hook',
    'https://192.168.1.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/hook',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:10.0.0.1]/hook',
    'https://localhost/hook',
    'https://api.localhost/hook',
    'https://intranet/hook',
  ])('refuses %s in production', (url) => {
    expect(targetProblem(url, production)).toMatch(/loopback, link-local or private/);
    expect(targetProblem(url, local)).toBeUndefined();
  });

  it('accepts a public https receiver and refuses plain http, credentials and non-URLs', () => {
    expect(targetProblem('https://zaaksysteem.gemeente.example/hooks', production)).toBeUndefined();
    expect(targetProblem('https://203.0.114.10/hooks', production)).toBeUndefined();
    expect(targetProblem('http://zaaksysteem.gemeente.example/hooks', production)).toBe('must use https');
    expect(targetProblem('https://user:pw@example.org/', production)).toMatch(/credentials/);
    expect(targetProblem('ftp://example.org/', local)).toMatch(/https/);
    expect(targetProblem('not a url', local)).toMatch(/absolute/);
  });

  it('tells public from non-public addresses', () => {
    expect(isNonPublicAddress('8.8.8.8')).toBe(false);
    expect(isNonPublicAddress('2a00:1450:400e:80f::200e')).toBe(false);
    expect(isNonPublicAddress('127.0.0.53')).toBe(true);
    expect(isNonPublicAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isNonPublicAddress('not-an-ip')).toBe(true);
  });
});

describe('retry schedule', () => {
  it('waits the schedule with at most 10 % jitter, then gives up', () => {
    const schedule = [5000, 300_000];
    expect(nextRetryDelay(schedule, 1, () => 0)).toBe(5000);
    expect(nextRetryDelay(schedule, 2, () => 0.999)).toBeLessThanOrEqual(330_000);
    expect(nextRetryDelay(schedule, 3)).toBeUndefined();
  });
});
