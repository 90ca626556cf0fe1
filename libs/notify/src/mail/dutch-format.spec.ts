import { formatDate, formatDateTime, formatLocalDay } from './dutch-format';

describe('mail dates on the Amsterdam clock', () => {
  it('writes a winter instant in Dutch and English (CET, UTC+1)', () => {
    expect(formatDate('2026-12-07T08:30:00.000Z', 'nl')).toBe('7 december 2026');
    expect(formatDateTime('2026-12-07T08:30:00.000Z', 'nl')).toBe('7 december 2026 om 09:30');
    expect(formatDate('2026-12-07T08:30:00.000Z', 'en')).toBe('7 December 2026');
    expect(formatDateTime('2026-12-07T08:30:00.000Z', 'en')).toBe('7 December 2026 at 09:30');
  });

  it('follows summer time (CEST, UTC+2)', () => {
    expect(formatDateTime('2026-07-07T07:30:00Z', 'nl')).toBe('7 juli 2026 om 09:30');
  });

  it('takes the Amsterdam day, not the UTC day, around midnight', () => {
    expect(formatDateTime('2026-12-06T23:30:00Z', 'nl')).toBe('7 december 2026 om 00:30');
    expect(formatDate('2026-03-31T22:15:00Z', 'en')).toBe('1 April 2026');
  });

  it('reads an instant with an explicit offset', () => {
    expect(formatDateTime('2026-12-07T09:30:00+01:00', 'nl')).toBe('7 december 2026 om 09:30');
  });

  it('refuses what is not an ISO instant with a zone', () => {
    for (const bad of ['', 'tomorrow', '2026-12-07', '2026-12-07T09:30:00', '2026-13-40T09:30:00Z']) {
      expect(() => formatDateTime(bad, 'nl')).toThrow(RangeError);
    }
  });

  it('writes a calendar day without shifting it', () => {
    expect(formatLocalDay('2026-12-07', 'nl')).toBe('7 december 2026');
    expect(formatLocalDay('2026-01-01', 'en')).toBe('1 January 2026');
    expect(() => formatLocalDay('2026-02-30', 'nl')).toThrow(RangeError);
    expect(() => formatLocalDay('7-12-2026', 'nl')).toThrow(RangeError);
  });
});
