import { returningRows } from '@app/contracts';
import type { DataSource } from 'typeorm';
import type { ProviderRegisterFacts, ProviderStanding } from '@app/domain';
import { RegisterError } from './register-error';

/** One contract (contract): a provider may deliver an arrangement in a region over a period. */
export interface ContractView {
  contractId: string;
  providerId: string;
  regionId: string;
  arrangementCode: string;
  /** R-ROLE-06: whether, as lead provider, it may work with subcontractors (a contract term). */
  subcontractingAllowed: boolean;
  validFrom: string;
  /** Inclusive; null = open-ended. */
  validTo: string | null;
  createdBy: string;
}

/** A client intake freeze (cliëntenstop, R-END-03): no new trajectories with this provider in the region. */
export interface IntakeFreezeView {
  freezeId: string;
  providerId: string;
  regionId: string;
  startsOn: string;
  /** Inclusive; null = until lifted. */
  endsOn: string | null;
  reasonCode: string;
  reasonRef: string | null;
  setBy: string;
  liftedOn: string | null;
  liftedBy: string | null;
}

export interface ProviderView {
  providerId: string;
  name: string;
  /** AGB code: how the iJw/iWmo chain names the provider (issue 17); null until contract management sets it. */
  agbCode: string | null;
  contracts: ContractView[];
  intakeFreezes: IntakeFreezeView[];
}

export interface NewContract {
  regionId: string;
  arrangementCode: string;
  subcontractingAllowed: boolean;
  validFrom: string;
  validTo?: string;
}

export interface NewIntakeFreeze {
  regionId: string;
  startsOn: string;
  endsOn?: string;
  reasonCode: string;
  reasonRef?: string;
}

const CONTRACT = `contract_id::text AS "contractId", provider_id AS "providerId", region_id AS "regionId",
  arrangement_code AS "arrangementCode", subcontracting_allowed AS "subcontractingAllowed",
  valid_from::text AS "validFrom", valid_to::text AS "validTo", created_by AS "createdBy"`;
const FREEZE = `freeze_id::text AS "freezeId", provider_id AS "providerId", region_id AS "regionId",
  starts_on::text AS "startsOn", ends_on::text AS "endsOn", reason_code AS "reasonCode",
  reason_ref AS "reasonRef", set_by AS "setBy", lifted_on::text AS "liftedOn", lifted_by AS "liftedBy"`;

/** PostgreSQL's exclusion_violation: the contract overlaps another of the same provider, region and arrangement. */
const EXCLUSION_VIOLATION = '23P01';
/** PostgreSQL's unique_violation: an AGB code of another provider. */
const UNIQUE_VIOLATION = '23505';

function isPgError(error: unknown, code: string): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === code || e?.driverError?.code === code;
}

/**
 * The provider register kept by contract management (issue 14: the plan is checked against the contracts):
 * providers, their contracts per region and arrangement, and intake freezes. Plain class over a TypeORM
 * DataSource; every change names the actor who made it.
 */
export class ProviderRegister {
  constructor(private readonly dataSource: DataSource) {}

  /** Providers with their contracts and freezes; with `regionId`, those with a contract or freeze there. */
  async list(filter: { regionId?: string } = {}): Promise<ProviderView[]> {
    const inRegion = `EXISTS (SELECT 1 FROM provider_contract c WHERE c.provider_id = p.provider_id AND c.region_id = $1)
       OR EXISTS (SELECT 1 FROM provider_intake_freeze f WHERE f.provider_id = p.provider_id AND f.region_id = $1)`;
    const providers: { providerId: string; name: string; agbCode: string | null }[] =
      await this.dataSource.query(
        `SELECT provider_id AS "providerId", name, agb_code AS "agbCode" FROM provider p
        ${filter.regionId === undefined ? '' : `WHERE ${inRegion}`} ORDER BY provider_id`,
        filter.regionId === undefined ? [] : [filter.regionId],
      );
    const ids = providers.map((p) => p.providerId);
    const { contracts, freezes } = await this.termsOf(ids);
    return providers.map((p) => ({
      ...p,
      contracts: contracts.filter((c) => c.providerId === p.providerId),
      intakeFreezes: freezes.filter((f) => f.providerId === p.providerId),
    }));
  }

  /** NOT_FOUND when the register does not know the provider. */
  async get(providerId: string): Promise<ProviderView> {
    const [provider] = (await this.dataSource.query(
      `SELECT provider_id AS "providerId", name, agb_code AS "agbCode" FROM provider WHERE provider_id = $1`,
      [providerId],
    )) as { providerId: string; name: string; agbCode: string | null }[];
    if (!provider) throw new RegisterError('NOT_FOUND', `no provider ${providerId} in the register`);
    const { contracts, freezes: intakeFreezes } = await this.termsOf([providerId]);
    return { ...provider, contracts, intakeFreezes };
  }

  /**
   * Adds the provider or renames it; `created` says which. An AGB code, when given, is set (one provider per
   * code: CONFLICT when another holds it); left out, the stored one stays.
   */
  async upsert(
    providerId: string,
    name: string,
    agbCode?: string,
  ): Promise<{ provider: ProviderView; created: boolean }> {
    try {
      const [row] = (await this.dataSource.query(
        `INSERT INTO provider (provider_id, name, agb_code) VALUES ($1, $2, $3)
         ON CONFLICT (provider_id) DO UPDATE
           SET name = EXCLUDED.name, agb_code = coalesce(EXCLUDED.agb_code, provider.agb_code), updated_at = now()
         RETURNING (xmax = 0) AS created`,
        [providerId, name, agbCode ?? null],
      )) as { created: boolean }[];
      return { provider: await this.get(providerId), created: row.created };
    } catch (error) {
      if (isPgError(error, UNIQUE_VIOLATION)) {
        throw new RegisterError('CONFLICT', `AGB code ${agbCode} belongs to another provider`, 'agbCode');
      }
      throw error;
    }
  }

  /**
   * A new contract. RULE_VIOLATION when the region is unknown or its catalogue has no such arrangement
   * (R-TAR-03: a region contracts from its own catalogue); CONFLICT when it overlaps an existing one.
   */
  async addContract(providerId: string, input: NewContract, actorRef: string): Promise<ContractView> {
    await this.get(providerId);
    await this.requireRegion(input.regionId);
    // The table's CHECK says the same; refused here first, as a rule with its field, not a database error.
    if (input.validTo !== undefined && input.validTo < input.validFrom) {
      throw new RegisterError('RULE_VIOLATION', 'a contract cannot end before it begins', 'validTo');
    }
    const [known] = (await this.dataSource.query(
      `SELECT 1 FROM arrangement WHERE region = $1 AND code = $2 LIMIT 1`,
      [input.regionId, input.arrangementCode],
    )) as unknown[];
    if (!known) {
      throw new RegisterError(
        'RULE_VIOLATION',
        `the catalogue of ${input.regionId} has no arrangement ${input.arrangementCode} (R-TAR-03)`,
        'arrangementCode',
      );
    }
    try {
      const [contract] = (await this.dataSource.query(
        `INSERT INTO provider_contract
           (provider_id, region_id, arrangement_code, subcontracting_allowed, valid_from, valid_to, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${CONTRACT}`,
        [
          providerId,
          input.regionId,
          input.arrangementCode,
          input.subcontractingAllowed,
          input.validFrom,
          input.validTo ?? null,
          actorRef,
        ],
      )) as ContractView[];
      return contract;
    } catch (error) {
      if (isPgError(error, EXCLUSION_VIOLATION)) {
        throw new RegisterError(
          'CONFLICT',
          `${providerId} already holds a contract for ${input.arrangementCode} in ${input.regionId} in that period`,
        );
      }
      throw error;
    }
  }

  /** Ends a contract on `validTo` (inclusive); it may only be shortened, never extended past its end. */
  async endContract(providerId: string, contractId: string, validTo: string): Promise<ContractView> {
    const current = await this.contract(providerId, contractId);
    if (validTo < current.validFrom) {
      throw new RegisterError(
        'RULE_VIOLATION',
        `a contract cannot end before it begins (${current.validFrom})`,
        'validTo',
      );
    }
    if (current.validTo !== null && current.validTo <= validTo) {
      throw new RegisterError('CONFLICT', `contract ${contractId} already ends on ${current.validTo}`);
    }
    const [ended] = returningRows<ContractView>(
      await this.dataSource.query(
        `UPDATE provider_contract SET valid_to = $3 WHERE provider_id = $1 AND contract_id::text = $2
         RETURNING ${CONTRACT}`,
        [providerId, contractId, validTo],
      ),
    );
    return ended;
  }

  /** A client intake freeze with its dates and reason (R-END-03). */
  async addIntakeFreeze(
    providerId: string,
    input: NewIntakeFreeze,
    actorRef: string,
  ): Promise<IntakeFreezeView> {
    await this.get(providerId);
    await this.requireRegion(input.regionId);
    if (input.endsOn !== undefined && input.endsOn < input.startsOn) {
      throw new RegisterError('RULE_VIOLATION', 'a freeze cannot end before it starts', 'endsOn');
    }
    const [freeze] = (await this.dataSource.query(
      `INSERT INTO provider_intake_freeze (provider_id, region_id, starts_on, ends_on, reason_code, reason_ref, set_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${FREEZE}`,
      [
        providerId,
        input.regionId,
        input.startsOn,
        input.endsOn ?? null,
        input.reasonCode,
        input.reasonRef ?? null,
        actorRef,
      ],
    )) as IntakeFreezeView[];
    return freeze;
  }

  /** Lifts a freeze from `liftedOn`; CONFLICT when it was lifted already. */
  async liftIntakeFreeze(
    providerId: string,
    freezeId: string,
    liftedOn: string,
    actorRef: string,
  ): Promise<IntakeFreezeView> {
    const current = await this.intakeFreeze(providerId, freezeId);
    if (current.liftedOn !== null) {
      throw new RegisterError('CONFLICT', `intake freeze ${freezeId} was lifted on ${current.liftedOn}`);
    }
    const [lifted] = (await this.dataSource.query(
      `UPDATE provider_intake_freeze SET lifted_on = $3, lifted_by = $4
        WHERE provider_id = $1 AND freeze_id::text = $2 RETURNING ${FREEZE}`,
      [providerId, freezeId, liftedOn, actorRef],
    )) as [IntakeFreezeView[], number];
    return lifted[0];
  }

  /**
   * What the register says on `onDate` about the providers a plan names, for the plan's arrangement in the
   * trajectory's region: the facts the domain checks at plan/submit (plan/provider-register-facts.ts).
   */
  async standings(
    regionId: string,
    arrangementCode: string,
    providerIds: readonly string[],
    onDate: string,
  ): Promise<ProviderRegisterFacts> {
    const ids = [...new Set(providerIds)];
    const contracts: { provider_id: string; subcontracting_allowed: boolean }[] = await this.dataSource.query(
      `SELECT provider_id, subcontracting_allowed FROM provider_contract
        WHERE region_id = $1 AND arrangement_code = $2 AND provider_id = ANY($3)
          AND valid_from <= $4 AND (valid_to IS NULL OR valid_to >= $4)`,
      [regionId, arrangementCode, ids, onDate],
    );
    const freezes: { provider_id: string; starts_on: string; reason_code: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (provider_id) provider_id, starts_on::text AS starts_on, reason_code
         FROM provider_intake_freeze
        -- In force on $3: begun, not ended, not lifted by then.
        WHERE region_id = $1 AND provider_id = ANY($2) AND starts_on <= $3
          AND (ends_on IS NULL OR ends_on >= $3) AND (lifted_on IS NULL OR lifted_on > $3)
        ORDER BY provider_id, starts_on`,
        [regionId, ids, onDate],
      );
    const providers: Record<string, ProviderStanding> = {};
    for (const c of contracts) {
      providers[c.provider_id] = { contracted: true, subcontractingAllowed: c.subcontracting_allowed };
    }
    for (const f of freezes) {
      providers[f.provider_id] = {
        ...(providers[f.provider_id] ?? { contracted: false, subcontractingAllowed: false }),
        intakeFreeze: { since: f.starts_on, reasonCode: f.reason_code },
      };
    }
    return { regionId, arrangementCode, providers };
  }

  /**
   * The providers a family may choose as lead provider on `onDate` (R-ROLE-05): a contract of the region for an
   * arrangement of the trajectory's domain, and no intake freeze in force there. By name.
   */
  async choosableLeadProviders(
    regionId: string,
    domain: string,
    onDate: string,
  ): Promise<{ providerId: string; name: string }[]> {
    const rows: { provider_id: string; name: string }[] = await this.dataSource.query(
      `SELECT p.provider_id, p.name FROM provider p
        WHERE EXISTS (
                SELECT 1 FROM provider_contract c
                  JOIN arrangement a ON a.code = c.arrangement_code AND a.region = c.region_id
                 WHERE c.provider_id = p.provider_id AND c.region_id = $1 AND a.domain = $2
                   AND c.valid_from <= $3 AND (c.valid_to IS NULL OR c.valid_to >= $3))
          AND NOT EXISTS (
                SELECT 1 FROM provider_intake_freeze f
                 WHERE f.provider_id = p.provider_id AND f.region_id = $1 AND f.starts_on <= $3
                   AND (f.ends_on IS NULL OR f.ends_on >= $3) AND (f.lifted_on IS NULL OR f.lifted_on > $3))
        ORDER BY p.name, p.provider_id`,
      [regionId, domain, onDate],
    );
    return rows.map((r) => ({ providerId: r.provider_id, name: r.name }));
  }

  /** One contract of a provider; NOT_FOUND when it has none with that id. */
  async contract(providerId: string, contractId: string): Promise<ContractView> {
    const [contract] = (await this.dataSource.query(
      `SELECT ${CONTRACT} FROM provider_contract WHERE provider_id = $1 AND contract_id::text = $2`,
      [providerId, contractId],
    )) as ContractView[];
    if (!contract) throw new RegisterError('NOT_FOUND', `no contract ${contractId} of ${providerId}`);
    return contract;
  }

  /** One intake freeze of a provider; NOT_FOUND when it has none with that id. */
  async intakeFreeze(providerId: string, freezeId: string): Promise<IntakeFreezeView> {
    const [freeze] = (await this.dataSource.query(
      `SELECT ${FREEZE} FROM provider_intake_freeze WHERE provider_id = $1 AND freeze_id::text = $2`,
      [providerId, freezeId],
    )) as IntakeFreezeView[];
    if (!freeze) throw new RegisterError('NOT_FOUND', `no intake freeze ${freezeId} of ${providerId}`);
    return freeze;
  }

  /** The contracts and freezes of these providers, in two queries. */
  private async termsOf(
    providerIds: readonly string[],
  ): Promise<{ contracts: ContractView[]; freezes: IntakeFreezeView[] }> {
    const contracts: ContractView[] = await this.dataSource.query(
      `SELECT ${CONTRACT} FROM provider_contract WHERE provider_id = ANY($1)
        ORDER BY provider_id, region_id, arrangement_code, valid_from`,
      [providerIds],
    );
    const freezes: IntakeFreezeView[] = await this.dataSource.query(
      `SELECT ${FREEZE} FROM provider_intake_freeze WHERE provider_id = ANY($1)
        ORDER BY provider_id, starts_on, freeze_id`,
      [providerIds],
    );
    return { contracts, freezes };
  }

  private async requireRegion(regionId: string): Promise<void> {
    const [region] = (await this.dataSource.query(`SELECT 1 FROM region WHERE region_id = $1`, [
      regionId,
    ])) as unknown[];
    if (!region) throw new RegisterError('RULE_VIOLATION', `no region ${regionId}`, 'regionId');
  }
}
