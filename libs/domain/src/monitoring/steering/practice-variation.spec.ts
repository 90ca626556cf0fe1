import { practiceVariation, type ArrangementChoice } from './practice-variation';
import { steeringCsv, steeringReport } from './steering-report';

const choice = (
  municipalityCode: string,
  profile: string,
  arrangementCode: string,
  decisions: number,
): ArrangementChoice => ({ municipalityCode, profile, arrangementCode, decisions });

/**
 * Two local teams, one shared profile (youth, B, LOW) where they choose the opposite way, and one profile only
 * GM0001 meets (Wmo, A, LOW).
 */
const CHOICES = [
  choice('GM0001', 'JEUGD/B/LOW', 'X', 8),
  choice('GM0001', 'JEUGD/B/LOW', 'Y', 2),
  choice('GM0002', 'JEUGD/B/LOW', 'X', 2),
  choice('GM0002', 'JEUGD/B/LOW', 'Y', 8),
  choice('GM0001', 'WMO/A/LOW', 'X', 5),
];

describe('K-Q6 practice variation', () => {
  it('sets each municipality’s choices against the region’s for the same profile, weighted by its decisions', () => {
    // JEUGD/B/LOW: region X 10, Y 10 = ½, ½. GM0001 0.8, 0.2: ½(|0.8 − 0.5| + |0.2 − 0.5|) = 0.3; GM0002 the same.
    // WMO/A/LOW: GM0001 is the whole region: 0. GM0001 overall: (0.3 × 10 + 0 × 5) ÷ 15 = 0.2.
    const [first, second] = practiceVariation(CHOICES);
    expect(first).toMatchObject({ municipalityCode: 'GM0001', decisions: 15, deviation: 0.2 });
    expect(first.profiles).toEqual([
      {
        profile: 'JEUGD/B/LOW',
        decisions: 10,
        deviation: 0.3,
        mix: { X: 0.8, Y: 0.2 },
        regionMix: { X: 0.5, Y: 0.5 },
      },
      { profile: 'WMO/A/LOW', decisions: 5, deviation: 0, mix: { X: 1 }, regionMix: { X: 1 } },
    ]);
    expect(second).toMatchObject({ municipalityCode: 'GM0002', decisions: 10, deviation: 0.3 });
  });

  it('sets a scope of one municipality against its whole region, not against itself', () => {
    // A local team of GM0002 sees only GM0002; the yardstick is still West-Friesland's X ½, Y ½: 0.3.
    const own = CHOICES.filter((c) => c.municipalityCode === 'GM0002');
    expect(practiceVariation(own, CHOICES)).toEqual([
      expect.objectContaining({ municipalityCode: 'GM0002', decisions: 10, deviation: 0.3 }),
    ]);
    // Without the region it has nothing to differ from.
    expect(practiceVariation(own)[0].deviation).toBe(0);
  });

  it('signals a municipality further from the region than the threshold, from ten decisions, with its widest profile', () => {
    const report = steeringReport(
      [],
      [],
      ['2026-01'],
      { stackedCostCents: 10_000_000, mixDeviation: 0.25, averagingBalance: 0.9, practiceVariation: 0.25 },
      [],
      CHOICES,
    );
    // GM0002: 0.3 > 0.25 over 10 decisions. GM0001: 0.2 is within it.
    expect(report.signals).toEqual([
      {
        kind: 'PRACTICE_VARIATION',
        indicator: 'K-Q6',
        municipalityCode: 'GM0002',
        deviation: 0.3,
        threshold: 0.25,
        decisions: 10,
        profile: 'JEUGD/B/LOW',
        mix: { X: 0.2, Y: 0.8 },
        regionMix: { X: 0.5, Y: 0.5 },
        trajectoryIds: [],
      },
    ]);
    expect(steeringCsv(report)).toContain(
      'K-Q6,Practice variation,share,municipality:GM0002,2026-01/2026-01,0.3\r\n',
    );
  });

  it('gives no figure to nothing, and no signal under ten decisions however different', () => {
    expect(practiceVariation([])).toEqual([]);
    const few = [choice('GM0001', 'P', 'X', 9), choice('GM0002', 'P', 'Y', 9)];
    const report = steeringReport(
      [],
      [],
      ['2026-01'],
      { stackedCostCents: 1, mixDeviation: 0.25, averagingBalance: 0.9, practiceVariation: 0.25 },
      [],
      few,
    );
    // Each is ½ from the region (X ½, Y ½), but nine decisions are too few to call it a practice.
    expect(report.practiceVariation.map((v) => v.deviation)).toEqual([0.5, 0.5]);
    expect(report.signals).toEqual([]);
  });
});
