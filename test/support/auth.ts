import { loadConfig } from '@app/config';
import type { Role } from '@app/contracts';
import { mintDevToken } from '@app/platform';

/** `Authorization` header value for a locally minted token (the API under test uses the development secret). */
export function bearer(
  roles: Role[],
  municipalities: string[] = [],
  providerId?: string,
  sub?: string,
): string {
  const token = mintDevToken(loadConfig(), {
    sub: sub ?? `test-${roles[0].toLowerCase()}`,
    roles,
    municipalities,
    providerId,
  });
  return `Bearer ${token}`;
}

/** A resident's (CLIENT) token: one pseudonymous client of one municipality, as the portal signs them in. */
export function clientBearer(municipality: string, clientId: string, sub = `resident-${clientId}`): string {
  return `Bearer ${mintDevToken(loadConfig(), { sub, roles: ['CLIENT'], municipalities: [municipality], clientId })}`;
}
