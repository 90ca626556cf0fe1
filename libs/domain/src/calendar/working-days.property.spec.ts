import fc from 'fast-check';
import { addWorkingDays, dutchPublicHolidays, isWorkingDay, UTC_ZONE, workingDaysBetween } from './index';

/** The national holidays of 2025-2027 as a plain list (the calendar's rule, written out). */
const NL = [2025, 2026, 2027].flatMap(dutchPublicHolidays);
const instants = fc.date({
  min: new Date('2024-06-01T00:00:00Z'),
  max: new Date('2027-06-30T23:59:59Z'),
  noInvalidDate: true,
});
const zones = fc.constantFrom(undefined, UTC_ZONE);

describe('working-day properties', () => {
  it('addWorkingDays(d, n) lands on a working day and workingDaysBetween gives n back', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 400 }), zones, (d, n, zone) => {
        const due = addWorkingDays(d, n, NL, zone);
        expect(isWorkingDay(due, NL, zone)).toBe(true);
        expect(workingDaysBetween(d, due, NL, zone)).toBe(n);
        expect(due.getTime()).toBeGreaterThan(d.getTime());
      }),
    );
  });

  it('counting back from a working day is the inverse: workingDaysBetween(d, addWorkingDays(d, -n)) === -n', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 400 }), zones, (d, n, zone) => {
        fc.pre(isWorkingDay(d, NL, zone));
        const earlier = addWorkingDays(d, -n, NL, zone);
        expect(isWorkingDay(earlier, NL, zone)).toBe(true);
        expect(workingDaysBetween(d, earlier, NL, zone)).toBe(-n);
        expect(addWorkingDays(earlier, n, NL, zone)).toEqual(d);
      }),
    );
  });

  it('adding a then b working days equals adding a + b', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (d, a, b) => {
        expect(addWorkingDays(addWorkingDays(d, a, NL), b, NL)).toEqual(addWorkingDays(d, a + b, NL));
      }),
    );
  });

  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        expect(workingDaysBetween(a, b, NL) + workingDaysBetween(b, a, NL)).toBe(0);
      }),
    );
  });
});
