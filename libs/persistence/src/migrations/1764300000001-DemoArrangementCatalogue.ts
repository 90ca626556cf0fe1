import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A DEMO arrangement catalogue for region West-Friesland, 2026 and 2027.
 *
 * THESE ARE DEMONSTRATION NUMBERS, NOT REAL TARIFFS. The source documents contain no tariff amounts in euros
 * (domain.md §0.3.5: "Tariffs must be data (versioned tables), never code"); every row is marked `demo = true`
 * and a region loads its real table through its own migration or import. The 2027 versions are the 2026
 * prices indexed by 3% (rounded to the cent), to show a yearly tariff change (domain.md §7.1, R-TIME-02).
 *
 * Shape of the catalogue (domain.md §1.2, §3.2, decisions.md 1):
 * - recovery trajectories (hersteltrajecten): PER_TRAJECTORY, iStandaarden unit 83 (euro's), frequency 6
 *   (totaal binnen geldigheidsduur toewijzing): "specifiek voor een traject" (references.md §5.2);
 * - durable support: PER_MONTH, unit 82 (stuks output), frequency 4 (per maand);
 * - segment C high complexity: PER_YEAR_AVERAGE, unit 83, frequency 6 over a one-year assignment (R-TAR-08);
 * - one result-area building block (T&A style, R-TAR-07): PER_4_WEEKS, unit 82, frequency 6. iWmo 3.2 has no
 *   "per 4 weeks" frequency code, so the volume is the number of 4-week blocks within the assignment.
 * - intensities are ordered codes with a display label (domain.md C2): licht/midden/zwaar, and the Wmo labels
 *   "intensiteit B/C" for durable support.
 * Product categories are real iJw JZ020 / iWmo WMO020 codes; product codes are invented regional codes.
 */
interface DemoArrangement {
  code: string;
  domain: 'WMO' | 'JEUGD';
  segment: 'B' | 'C';
  profileCode: string;
  profileLabel: string;
  intensity: [code: string, rank: number, label: string];
  pricingBasis: 'PER_TRAJECTORY' | 'PER_MONTH' | 'PER_4_WEEKS' | 'PER_YEAR_AVERAGE';
  trajectoryType: 'RECOVERY' | 'DURABLE' | 'ANNUAL_HIGH_COMPLEX';
  duration: [value: number, unit: 'MONTHS' | 'WEEKS'];
  iStandaard: [productCategory: string, productCode: string, unitCode: string, frequencyCode: string];
  /** Demo tariff 2026 in cents; 2027 = round(2026 × 1.03). */
  tariff2026Cents: number;
}

const REGION = 'WEST-FRIESLAND';

const LICHT: DemoArrangement['intensity'] = ['LICHT', 1, 'licht'];
const MIDDEN: DemoArrangement['intensity'] = ['MIDDEN', 2, 'midden'];
const ZWAAR: DemoArrangement['intensity'] = ['ZWAAR', 3, 'zwaar'];

const TRAJECTORY = { pricingBasis: 'PER_TRAJECTORY', trajectoryType: 'RECOVERY' } as const;
const MONTHLY = { pricingBasis: 'PER_MONTH', trajectoryType: 'DURABLE' } as const;
const ANNUAL = { pricingBasis: 'PER_YEAR_AVERAGE', trajectoryType: 'ANNUAL_HIGH_COMPLEX' } as const;

const J_OPV = {
  domain: 'JEUGD',
  segment: 'B',
  profileCode: 'J-OPV',
  profileLabel: 'Opvoed- en opgroeiondersteuning',
} as const;
const W_ZRH = {
  domain: 'WMO',
  segment: 'B',
  profileCode: 'W-ZRH',
  profileLabel: 'Zelfredzaamheid herstellen',
} as const;
const W_BGD = {
  domain: 'WMO',
  segment: 'B',
  profileCode: 'W-BGD',
  profileLabel: 'Begeleiding duurzaam',
} as const;

export const DEMO_ARRANGEMENTS: readonly DemoArrangement[] = [
  {
    code: 'WF-J-B-OPV-L',
    ...J_OPV,
    intensity: LICHT,
    ...TRAJECTORY,
    duration: [6, 'MONTHS'],
    iStandaard: ['45', '45R11', '83', '6'],
    tariff2026Cents: 285_000,
  },
  {
    code: 'WF-J-B-OPV-M',
    ...J_OPV,
    intensity: MIDDEN,
    ...TRAJECTORY,
    duration: [9, 'MONTHS'],
    iStandaard: ['45', '45R12', '83', '6'],
    tariff2026Cents: 540_000,
  },
  {
    code: 'WF-J-B-OPV-Z',
    ...J_OPV,
    intensity: ZWAAR,
    ...TRAJECTORY,
    duration: [12, 'MONTHS'],
    iStandaard: ['45', '45R13', '83', '6'],
    tariff2026Cents: 975_000,
  },
  {
    code: 'WF-J-B-GGZ-M',
    domain: 'JEUGD',
    segment: 'B',
    profileCode: 'J-GGZ',
    profileLabel: 'Jeugd-ggz ambulant',
    intensity: MIDDEN,
    ...TRAJECTORY,
    duration: [9, 'MONTHS'],
    iStandaard: ['54', '54R12', '83', '6'],
    tariff2026Cents: 630_000,
  },
  {
    code: 'WF-J-B-DUU-M',
    domain: 'JEUGD',
    segment: 'B',
    profileCode: 'J-DUU',
    profileLabel: 'Langdurige gezinsondersteuning',
    intensity: MIDDEN,
    ...MONTHLY,
    duration: [12, 'MONTHS'],
    iStandaard: ['45', '45D12', '82', '4'],
    tariff2026Cents: 78_000,
  },
  {
    code: 'WF-J-C-HC-Z',
    domain: 'JEUGD',
    segment: 'C',
    profileCode: 'J-HC',
    profileLabel: 'Hoogcomplexe jeugdhulp',
    intensity: ZWAAR,
    ...ANNUAL,
    duration: [12, 'MONTHS'],
    iStandaard: ['50', '50C13', '83', '6'],
    tariff2026Cents: 4_600_000,
  },
  {
    code: 'WF-W-B-ZRH-L',
    ...W_ZRH,
    intensity: LICHT,
    ...TRAJECTORY,
    duration: [6, 'MONTHS'],
    iStandaard: ['02', '02R11', '83', '6'],
    tariff2026Cents: 195_000,
  },
  {
    code: 'WF-W-B-ZRH-M',
    ...W_ZRH,
    intensity: MIDDEN,
    ...TRAJECTORY,
    duration: [9, 'MONTHS'],
    iStandaard: ['02', '02R12', '83', '6'],
    tariff2026Cents: 390_000,
  },
  {
    code: 'WF-W-B-BGD-B',
    ...W_BGD,
    intensity: ['B', 1, 'intensiteit B'],
    ...MONTHLY,
    duration: [12, 'MONTHS'],
    iStandaard: ['02', '02D21', '82', '4'],
    tariff2026Cents: 52_000,
  },
  {
    code: 'WF-W-B-BGD-C',
    ...W_BGD,
    intensity: ['C', 2, 'intensiteit C'],
    ...MONTHLY,
    duration: [12, 'MONTHS'],
    iStandaard: ['02', '02D22', '82', '4'],
    tariff2026Cents: 115_000,
  },
  {
    code: 'WF-W-C-INT-Z',
    domain: 'WMO',
    segment: 'C',
    profileCode: 'W-INT',
    profileLabel: 'Intensieve ondersteuning thuis',
    intensity: ZWAAR,
    ...ANNUAL,
    duration: [12, 'MONTHS'],
    iStandaard: ['10', '10C13', '83', '6'],
    tariff2026Cents: 2_850_000,
  },
  {
    code: 'WF-W-B-RGHH-M',
    domain: 'WMO',
    segment: 'B',
    profileCode: 'W-RG-HH',
    profileLabel: 'Resultaatgebied schoon en leefbaar huis',
    intensity: MIDDEN,
    pricingBasis: 'PER_4_WEEKS',
    trajectoryType: 'DURABLE',
    duration: [52, 'WEEKS'],
    iStandaard: ['01', '01P12', '82', '6'],
    tariff2026Cents: 23_600,
  },
];

const TARIFF_YEARS: ReadonlyArray<{ from: string; to: string; index: (cents: number) => number }> = [
  { from: '2026-01-01', to: '2026-12-31', index: (cents) => cents },
  { from: '2027-01-01', to: '2027-12-31', index: (cents) => Math.round((cents * 103) / 100) },
];

export class DemoArrangementCatalogue1764300000001 implements MigrationInterface {
  name = 'DemoArrangementCatalogue1764300000001';

  public async up(q: QueryRunner): Promise<void> {
    for (const a of DEMO_ARRANGEMENTS) {
      for (const year of TARIFF_YEARS) {
        const [intensityCode, intensityRank, intensityLabel] = a.intensity;
        const [productCategory, productCode, unitCode, frequencyCode] = a.iStandaard;
        await q.query(
          `INSERT INTO arrangement
             (code, region, domain, segment, profile_code, profile_label, intensity_code, intensity_rank,
              intensity_label, pricing_basis, tariff_cents, trajectory_type, default_duration_value,
              default_duration_unit, valid_from, valid_to, product_category, product_code, unit_code,
              frequency_code, payment_preset, demo)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,NULL,true)
           ON CONFLICT (code, valid_from) DO NOTHING`,
          [
            a.code,
            REGION,
            a.domain,
            a.segment,
            a.profileCode,
            a.profileLabel,
            intensityCode,
            intensityRank,
            intensityLabel,
            a.pricingBasis,
            year.index(a.tariff2026Cents),
            a.trajectoryType,
            a.duration[0],
            a.duration[1],
            year.from,
            year.to,
            productCategory,
            productCode,
            unitCode,
            frequencyCode,
          ],
        );
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM arrangement WHERE demo AND region = $1 AND code = ANY($2)`, [
      REGION,
      DEMO_ARRANGEMENTS.map((a) => a.code),
    ]);
  }
}
