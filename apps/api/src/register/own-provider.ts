import { RegisterError } from '@app/register';
import type { Principal } from '../auth/principal';
import { isProviderScoped } from '../auth/tenant-scope';
import { PROVIDER_ID } from './dto/provider.dto';

/** A provider acts for itself only; anyone else's id is simply not found. */
export function own(principal: Principal, providerId: string): string {
  if (!PROVIDER_ID.test(providerId)) throw new RegisterError('NOT_FOUND', `no provider ${providerId}`);
  if (isProviderScoped(principal) && principal.providerId !== providerId) {
    throw new RegisterError('NOT_FOUND', `no provider ${providerId}`);
  }
  return providerId;
}
