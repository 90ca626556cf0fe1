import type { DataSource } from 'typeorm';
import {
  isPaymentPolicyPreset,
  isTrajectoryPricedPreset,
  selectPaymentPolicy,
  type PaymentPolicyPreset,
  type PricingBasis,
} from '@app/domain';
import { centsFromDb } from './cents';
import { toIsoDate } from './dates';
import { LedgerError } from './ledger-error';

/** One tariff version of an arrangement (domain.md §7.2 Arrangement) as the API shows it. */
export interface ArrangementView {
  code: string;
  region: string;
  domain: 'WMO' | 'JEUGD';
  segment: 'A' | 'B' | 'C';
  profileCode: string;
  profileLabel: string;
  /** domain.md C2: an ordered code with a display label. */
  intensity: { code: string; rank: number; label: string };
  pricingBasis: PricingBasis;
  /** An AVERAGE price per unit of the pricing basis, not a maximum (R-TAR-05). */
  tariffCents: number;
  trajectoryType: 'RECOVERY' | 'DURABLE' | 'ANNUAL_HIGH_COMPLEX' | 'OTHER';
  defaultDuration: { value: number; unit: 'MONTHS' | 'WEEKS' };
  validFrom: string;
  /** Inclusive; null = open-ended. */
  validTo: string | null;
  iStandaarden: { productCategory: string; productCode: string; unitCode: string; frequencyCode: string };
  /** The catalogue's override, or null. */
  paymentPresetOverride: PaymentPolicyPreset | null;
  /** The override, else the preset the pricing basis implies with the region's split (decisions.md 1, 7). */
  effectivePaymentPreset: PaymentPolicyPreset;
  /** true: demonstration numbers, not a real tariff. */
  demo: boolean;
}

export interface ArrangementFilter {
  code?: string;
  domain?: string;
  segment?: string;
  region?: string;
  /** 'YYYY-MM-DD': only versions valid on that day. */
  validOn?: string;
}

const COLUMNS = `code, region, domain, segment, profile_code, profile_label, intensity_code, intensity_rank,
  intensity_label, pricing_basis, tariff_cents::text AS tariff_cents, trajectory_type, default_duration_value,
  default_duration_unit, valid_from::text AS valid_from, valid_to::text AS valid_to, product_category,
  product_code, unit_code, frequency_code, payment_preset, demo,
  (SELECT payment_split FROM region WHERE region.region_id = arrangement.region) AS region_split`;

function toView(r: Record<string, unknown>): ArrangementView {
  const override = isPaymentPolicyPreset(r.payment_preset) ? r.payment_preset : null;
  const pricingBasis = r.pricing_basis as PricingBasis;
  return {
    code: r.code as string,
    region: r.region as string,
    domain: r.domain as ArrangementView['domain'],
    segment: r.segment as ArrangementView['segment'],
    profileCode: r.profile_code as string,
    profileLabel: r.profile_label as string,
    intensity: {
      code: r.intensity_code as string,
      rank: Number(r.intensity_rank),
      label: r.intensity_label as string,
    },
    pricingBasis,
    tariffCents: centsFromDb(r.tariff_cents as string, 'tariff_cents'),
    trajectoryType: r.trajectory_type as ArrangementView['trajectoryType'],
    defaultDuration: {
      value: Number(r.default_duration_value),
      unit: r.default_duration_unit as 'MONTHS' | 'WEEKS',
    },
    validFrom: r.valid_from as string,
    validTo: (r.valid_to as string | null) ?? null,
    iStandaarden: {
      productCategory: r.product_category as string,
      productCode: r.product_code as string,
      unitCode: r.unit_code as string,
      frequencyCode: r.frequency_code as string,
    },
    paymentPresetOverride: override,
    effectivePaymentPreset:
      override ??
      selectPaymentPolicy({
        arrangementPricingBasis: pricingBasis,
        ...(isTrajectoryPricedPreset(r.region_split) ? { regionTrajectorySplit: r.region_split } : {}),
      }).preset,
    demo: r.demo === true,
  };
}

/** The regional arrangement catalogue: versioned tariffs, read-only here (changes go through migrations). */
export class ArrangementCatalogue {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: ArrangementFilter = {}): Promise<ArrangementView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.code !== undefined) add('code = ?', filter.code);
    if (filter.domain !== undefined) add('domain = ?', filter.domain);
    if (filter.segment !== undefined) add('segment = ?', filter.segment);
    if (filter.region !== undefined) add('region = ?', filter.region);
    if (filter.validOn !== undefined) {
      add(
        'valid_from <= ?::date AND (valid_to IS NULL OR valid_to >= ?::date)',
        toIsoDate(filter.validOn, 'validOn'),
      );
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM arrangement ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY domain, segment, profile_code, intensity_rank, code, valid_from`,
      params,
    );
    return rows.map(toView);
  }

  /** Every tariff version of one code, oldest first; NOT_FOUND when the code is unknown. */
  async versions(code: string): Promise<ArrangementView[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM arrangement WHERE code = $1 ORDER BY valid_from`,
      [code],
    );
    if (rows.length === 0) throw new LedgerError('NOT_FOUND', `no arrangement with code ${code}`);
    return rows.map(toView);
  }

  /** The version of `code` valid on `date`; NOT_FOUND when there is none. */
  async validOn(code: string, date: string): Promise<ArrangementView> {
    const [row] = await this.list({ code, validOn: date });
    if (!row) throw new LedgerError('NOT_FOUND', `arrangement ${code} has no tariff valid on ${date}`);
    return row;
  }
}
