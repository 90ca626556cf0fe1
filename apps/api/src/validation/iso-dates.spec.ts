import { validate } from 'class-validator';
import { IsIsoDate, IsIsoDateOrInstant, IsIsoInstant } from './iso-dates';
import { Optional } from './optional';

class Dates {
  @Optional()
  @IsIsoDate()
  day?: unknown;

  @Optional()
  @IsIsoInstant()
  at?: unknown;

  @Optional()
  @IsIsoDateOrInstant()
  bound?: unknown;
}

async function accepts(field: keyof Dates, value: unknown): Promise<boolean> {
  const dates = Object.assign(new Dates(), { [field]: value });
  return (await validate(dates)).length === 0;
}

describe('dates at the edge: what PostgreSQL and Date read the same way, and nothing else', () => {
  it('takes calendar dates that exist, from the year 1000', async () => {
    for (const day of ['2026-02-28', '2028-02-29', '1000-01-01', '9999-12-31']) {
      expect([day, await accepts('day', day)]).toEqual([day, true]);
    }
  });

  it('refuses days a month does not have, year 0, week and ordinal dates, and other shapes', async () => {
    for (const day of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '0000-01-01',
      '2026-W01',
      '2026-001',
      '20260101',
      '2026-1-1',
      '2026-01-01T00:00:00Z',
      20260101,
    ]) {
      expect([day, await accepts('day', day)]).toEqual([day, false]);
    }
  });

  it('takes RFC 3339 instants with seconds and an offset, fractions up to microseconds', async () => {
    for (const at of [
      '2026-12-01T09:00:00Z',
      '2026-12-01T09:00:00.123Z',
      '2026-12-01T09:00:00.123456+01:00',
      '2026-12-01T23:59:59-12:00',
    ]) {
      expect([at, await accepts('at', at)]).toEqual([at, true]);
    }
  });

  it('refuses instants without seconds or offset, with a leap second, nanoseconds, or on a day that does not exist', async () => {
    for (const at of [
      '2026-12-01T09:00Z',
      '2026-12-01T09:00:00',
      '2026-12-01 09:00:00Z',
      '2026-12-01T24:00:00Z',
      '2026-12-31T23:59:60Z',
      '2026-12-01T09:00:00.123456789Z',
      '2026-02-30T09:00:00Z',
      '2026-12-01',
    ]) {
      expect([at, await accepts('at', at)]).toEqual([at, false]);
    }
  });

  it('takes either for a filter bound; an optional date may be left out but is never null', async () => {
    expect(await accepts('bound', '2026-01-01')).toBe(true);
    expect(await accepts('bound', '2026-01-01T00:00:00Z')).toBe(true);
    expect(await accepts('bound', '2026-01')).toBe(false);
    expect(await accepts('bound', undefined)).toBe(true);
    expect(await accepts('bound', null)).toBe(false);
  });

  it('takes offsets clocks use (−14:00 … +14:00) and refuses the rest, which PostgreSQL would refuse', async () => {
    for (const at of [
      '2026-01-01T10:00:00+14:00',
      '2026-01-01T10:00:00-13:59',
      '2026-01-01T10:00:00+05:30',
    ]) {
      expect([at, await accepts('at', at)]).toEqual([at, true]);
    }
    for (const at of [
      '1252-02-10T14:11:20.175028+20:06',
      '2026-01-01T10:00:00+14:30',
      '2026-01-01T10:00:00-15:00',
    ]) {
      expect([at, await accepts('at', at)]).toEqual([at, false]);
    }
  });
});
