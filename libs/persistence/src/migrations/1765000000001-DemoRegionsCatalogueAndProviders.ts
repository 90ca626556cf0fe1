import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DEMO data for the regions of 1765000000000: catalogues for Friesland and West-Brabant West, and a few
 * contracted providers per region.
 *
 * THESE ARE DEMONSTRATION NUMBERS AND ORGANISATIONS, NOT REAL ONES. Each region gets the West-Friesland demo
 * catalogue (1764300000001) under its own code prefix: the same profiles, intensities, pricing bases and
 * demo tariffs. What differs is what the regions' policies differ in: the trajectory split (R-PAY-01..03).
 * A region loads its real catalogue and contracts through its own migration or import.
 */
const CATALOGUES = [
  { region: 'FRIESLAND', prefix: 'FR-' },
  { region: 'WEST-BRABANT-WEST', prefix: 'WBW-' },
] as const;

/** Demo providers, each contracted for every demo arrangement of its region from 2026. */
export const DEMO_PROVIDERS = [
  {
    id: 'PRV-HORIZON',
    name: 'Horizon Jeugd en Gezin (demo)',
    region: 'WEST-FRIESLAND',
    subcontracting: true,
  },
  { id: 'PRV-DE-BRUG', name: 'De Brug Zorg (demo)', region: 'WEST-FRIESLAND', subcontracting: false },
  { id: 'PRV-KOMPAS', name: 'Kompas Fryslân (demo)', region: 'FRIESLAND', subcontracting: true },
  {
    id: 'PRV-ZORGKRACHT',
    name: 'Zorgkracht West-Brabant (demo)',
    region: 'WEST-BRABANT-WEST',
    subcontracting: true,
  },
] as const;

const CONTRACTS_FROM = '2026-01-01';

export class DemoRegionsCatalogueAndProviders1765000000001 implements MigrationInterface {
  name = 'DemoRegionsCatalogueAndProviders1765000000001';

  public async up(q: QueryRunner): Promise<void> {
    for (const c of CATALOGUES) {
      await q.query(
        `INSERT INTO arrangement
           (code, region, domain, segment, profile_code, profile_label, intensity_code, intensity_rank,
            intensity_label, pricing_basis, tariff_cents, trajectory_type, default_duration_value,
            default_duration_unit, valid_from, valid_to, product_category, product_code, unit_code,
            frequency_code, payment_preset, demo)
         SELECT $2 || substr(code, 4), $1, domain, segment, profile_code, profile_label, intensity_code,
                intensity_rank, intensity_label, pricing_basis, tariff_cents, trajectory_type,
                default_duration_value, default_duration_unit, valid_from, valid_to, product_category,
                product_code, unit_code, frequency_code, NULL, true
           FROM arrangement
          WHERE region = 'WEST-FRIESLAND' AND demo AND code LIKE 'WF-%'
         ON CONFLICT (code, valid_from) DO NOTHING`,
        [c.region, c.prefix],
      );
    }
    for (const p of DEMO_PROVIDERS) {
      await q.query(`INSERT INTO provider (provider_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        p.id,
        p.name,
      ]);
      await q.query(
        `INSERT INTO provider_contract
           (provider_id, region_id, arrangement_code, subcontracting_allowed, valid_from, created_by)
         SELECT DISTINCT $1::varchar, $2::varchar, code, $3::boolean, $4::date, 'migration:demo'
           FROM arrangement WHERE region = $2 AND demo`,
        [p.id, p.region, p.subcontracting, CONTRACTS_FROM],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const ids = DEMO_PROVIDERS.map((p) => p.id);
    await q.query(`DELETE FROM provider_intake_freeze WHERE provider_id = ANY($1)`, [ids]);
    await q.query(`DELETE FROM provider_contract WHERE provider_id = ANY($1)`, [ids]);
    await q.query(`DELETE FROM provider WHERE provider_id = ANY($1)`, [ids]);
    await q.query(`DELETE FROM arrangement WHERE demo AND region = ANY($1)`, [
      CATALOGUES.map((c) => c.region),
    ]);
  }
}
