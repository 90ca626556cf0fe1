import { HttpStatus } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { isRegionWide } from '../auth/tenant-scope';
import { ApiException } from '../common/domain-errors';

/**
 * The part of the ledger a caller may see, following auth/tenant-scope.ts: FINANCE and OPERATOR without
 * municipalities are region-wide; a PROVIDER sees its own payments; everyone else its municipalities.
 */
export interface LedgerScope {
  municipalityCodes?: readonly string[];
  providerId?: string;
}

export function ledgerScope(principal: Principal): LedgerScope {
  if (isRegionWide(principal)) return {};
  if (principal.roles.includes('PROVIDER') && principal.providerId)
    return { providerId: principal.providerId };
  return { municipalityCodes: principal.municipalities };
}

/** Exports and confirmations cover the whole region; a municipality-scoped caller may not run them. */
export function requireRegionWide(principal: Principal): void {
  if (!isRegionWide(principal)) {
    throw new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Finance exports cover the whole region');
  }
}
