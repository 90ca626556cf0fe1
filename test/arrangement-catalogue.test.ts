import { DataSource } from 'typeorm';
import { ArrangementCatalogue } from '@app/ledger';
import { useLedgerSuite } from './support/ledger-suite';

/** The demo arrangement catalogue in PostgreSQL: its tariffs, iStandaarden fields and validity. */
describe('payment ledger on PostgreSQL: the demo arrangement catalogue and its validity', () => {
  const suite = useLedgerSuite();
  const { count } = suite;
  let db: DataSource;
  beforeAll(() => ({ db } = suite.handles()));

  describe('demo arrangement catalogue', () => {
    it('holds 2026 and 2027 demo tariffs for both domains, segments B and C and every pricing basis', async () => {
      const all = await new ArrangementCatalogue(db).list({ region: 'WEST-FRIESLAND' });
      const demo = all.filter((a) => a.demo);
      expect(new Set(demo.map((a) => a.domain))).toEqual(new Set(['JEUGD', 'WMO']));
      expect(new Set(demo.map((a) => a.segment))).toEqual(new Set(['B', 'C']));
      expect(new Set(demo.map((a) => a.pricingBasis))).toEqual(
        new Set(['PER_TRAJECTORY', 'PER_MONTH', 'PER_4_WEEKS', 'PER_YEAR_AVERAGE']),
      );
      for (const code of new Set(demo.map((a) => a.code))) {
        expect(demo.filter((a) => a.code === code).map((a) => a.validFrom)).toEqual([
          '2026-01-01',
          '2027-01-01',
        ]);
      }
      for (const a of demo) {
        expect(a.tariffCents).toBeGreaterThan(0);
        expect(Number.isSafeInteger(a.tariffCents)).toBe(true);
        const expectedUnit = {
          PER_TRAJECTORY: ['83', '6'],
          PER_MONTH: ['82', '4'],
          PER_4_WEEKS: ['82', '6'],
          PER_YEAR_AVERAGE: ['83', '6'],
          TASK: [],
        }[a.pricingBasis];
        expect([a.iStandaarden.unitCode, a.iStandaarden.frequencyCode]).toEqual(expectedUnit);
      }
      const byBasis = Object.fromEntries(demo.map((a) => [a.pricingBasis, a.effectivePaymentPreset]));
      expect(byBasis).toEqual({
        PER_TRAJECTORY: 'WF_RECOVERY',
        PER_MONTH: 'MONTHLY',
        PER_4_WEEKS: 'PERIOD_4W_BLOCKS',
        PER_YEAR_AVERAGE: 'ANNUAL_HIGH_COMPLEX',
      });
    });

    it('has no overlapping validity, and the database refuses an overlapping version', async () => {
      expect(
        await count(
          `SELECT count(*) n FROM arrangement a JOIN arrangement b ON a.code = b.code AND a.id < b.id
           AND daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')`,
          [],
        ),
      ).toBe(0);
      const valid = await new ArrangementCatalogue(db).list({ validOn: '2026-06-01' });
      expect(valid.length).toBe(new Set(valid.map((a) => a.code)).size);
      await expect(
        db.query(
          `INSERT INTO arrangement (code, region, domain, segment, profile_code, profile_label, intensity_code,
             intensity_rank, intensity_label, pricing_basis, tariff_cents, trajectory_type, default_duration_value,
             default_duration_unit, valid_from, valid_to, product_category, product_code, unit_code, frequency_code)
           SELECT code, region, domain, segment, profile_code, profile_label, intensity_code, intensity_rank,
             intensity_label, pricing_basis, 1, trajectory_type, default_duration_value, default_duration_unit,
             '2026-07-01', '2027-06-30', product_category, product_code, unit_code, frequency_code
           FROM arrangement WHERE code = 'WF-J-B-OPV-M' AND valid_from = '2026-01-01'`,
        ),
      ).rejects.toThrow(/ex_arrangement_validity/);
    });

    it("shows each region's split as the effective preset of its trajectory-priced arrangements", async () => {
      const catalogue = new ArrangementCatalogue(db);
      for (const [region, split] of [
        ['WEST-FRIESLAND', 'WF_RECOVERY'],
        ['FRIESLAND', 'FRIESLAND_70_30'],
        ['WEST-BRABANT-WEST', 'WBW_50_50'],
      ] as const) {
        const priced = (await catalogue.list({ region })).filter((a) => a.pricingBasis === 'PER_TRAJECTORY');
        expect(priced.length).toBeGreaterThan(0);
        expect(new Set(priced.map((a) => a.effectivePaymentPreset))).toEqual(new Set([split]));
      }
      // Every catalogue row names a region that exists (fk_arrangement_region).
      await expect(
        db.query(`UPDATE arrangement SET region = 'NOWHERE' WHERE code = 'WF-J-B-OPV-M'`),
      ).rejects.toThrow(/fk_arrangement_region/);
    });
  });
});
