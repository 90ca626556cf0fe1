import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './auth';

/** Region-wide contract management, as a regional procurement body's token would be. */
export const contractManagement = bearer(['CONTRACT_MANAGEMENT'], [], undefined, 'cm-regio-1');

/**
 * Puts a provider in the register and contracts it, through the API as contract management does, for the
 * given arrangements of a region (plan/submit refuses a provider without a contract). Safe to repeat: an
 * existing contract for the same arrangement answers 409 and is kept.
 */
export async function contractProvider(
  http: App,
  providerId: string,
  arrangementCodes: readonly string[] = ['WF-J-B-OPV-M', 'WF-J-B-OPV-Z'],
  { regionId = 'WEST-FRIESLAND', subcontractingAllowed = true } = {},
): Promise<void> {
  await request(http)
    .put(`/providers/${providerId}`)
    .set('Authorization', contractManagement)
    .send({ name: `${providerId} (test)` })
    .expect((res) => expect([200, 201]).toContain(res.status));
  for (const arrangementCode of arrangementCodes) {
    await request(http)
      .post(`/providers/${providerId}/contracts`)
      .set('Authorization', contractManagement)
      .send({ regionId, arrangementCode, subcontractingAllowed, validFrom: '2026-01-01' })
      .expect((res) => expect([201, 409]).toContain(res.status));
  }
}
