import type { DataSource } from 'typeorm';
import { RegisterError } from './register-error';

/** A report names a provider in the register and a known region; otherwise 404 (the region's on `regionId`). */
export async function assertProviderAndRegion(
  dataSource: DataSource,
  providerId: string,
  regionId: string,
): Promise<void> {
  const known: { provider: boolean; region: boolean }[] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM provider WHERE provider_id = $1) AS provider,
            EXISTS (SELECT 1 FROM region WHERE region_id = $2) AS region`,
    [providerId, regionId],
  );
  if (!known[0].provider) throw new RegisterError('NOT_FOUND', `no provider ${providerId} in the register`);
  if (!known[0].region) throw new RegisterError('NOT_FOUND', `no region ${regionId}`, 'regionId');
}
