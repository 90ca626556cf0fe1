import { DUTCH_PUBLIC_HOLIDAYS_2025_2027, isValidIsoDate } from './index';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), as an ISO date. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('DUTCH_PUBLIC_HOLIDAYS_2025_2027 (demo data)', () => {
  it('holds valid, sorted, unique ISO dates and is frozen', () => {
    const list = [...DUTCH_PUBLIC_HOLIDAYS_2025_2027];
    expect(list.every(isValidIsoDate)).toBe(true);
    expect(list).toEqual([...list].sort());
    expect(new Set(list).size).toBe(list.length);
    expect(Object.isFrozen(DUTCH_PUBLIC_HOLIDAYS_2025_2027)).toBe(true);
  });

  it.each([2025, 2026, 2027])(
    'has the eleven holidays of %i, Easter-based ones computed from Easter',
    (year) => {
      const easter = easterSunday(year);
      const koningsdag = year === 2025 ? '2025-04-26' : `${year}-04-27`;
      const expected = [
        `${year}-01-01`,
        plusDays(easter, -2), // Goede Vrijdag
        easter,
        plusDays(easter, 1),
        koningsdag,
        `${year}-05-05`,
        plusDays(easter, 39), // Hemelvaartsdag
        plusDays(easter, 49), // Pinksteren
        plusDays(easter, 50),
        `${year}-12-25`,
        `${year}-12-26`,
      ].sort();
      expect(DUTCH_PUBLIC_HOLIDAYS_2025_2027.filter((d) => d.startsWith(`${year}-`))).toEqual(expected);
    },
  );

  it('moves Koningsdag to Saturday 26 April 2025 because 27 April 2025 is a Sunday', () => {
    expect(new Date('2025-04-27T12:00:00Z').getUTCDay()).toBe(0);
    expect(new Date('2025-04-26T12:00:00Z').getUTCDay()).toBe(6);
  });
});
