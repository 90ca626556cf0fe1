import { HttpStatus } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { isClientScoped, isProviderScoped, isRegionWide } from '../auth/tenant-scope';
import { ApiException } from '../common/domain-errors';

/**
 * The part of the ledger a caller may see, following auth/tenant-scope.ts: FINANCE and OPERATOR without
 * municipalities are region-wide; a PROVIDER sees its own payments only; everyone else its municipalities.
 */
export interface LedgerScope {
  municipalityCodes?: readonly string[];
  providerId?: string;
}

export function ledgerScope(principal: Principal): LedgerScope {
  // A resident reads no ledger (its routes do not admit CLIENT); should one ever, it sees nothing.
  if (isClientScoped(principal)) return { municipalityCodes: [] };
  if (isProviderScoped(principal)) {
    // A provider token without a provider id sees nothing: an empty municipality list matches no row.
    return principal.providerId !== undefined
      ? { providerId: principal.providerId }
      : { municipalityCodes: [] };
  }
  if (isRegionWide(principal)) return {};
  return { municipalityCodes: principal.municipalities };
}

/** Exports and confirmations cover the whole region; a municipality-scoped caller may not run them. */
export function requireRegionWide(principal: Principal): void {
  if (!isRegionWide(principal)) {
    throw new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Finance exports cover the whole region');
  }
}
