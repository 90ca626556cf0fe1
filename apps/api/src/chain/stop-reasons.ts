import type { ChainStandard } from '@app/chain';

/**
 * RedenBeeindiging of a 307 (JZ588 for iJw, WMO588 for iWmo) as the lifecycle reads it. A premature end by
 * the client, the provider, agreement, circumstances, death, a move or another domain is an early dropout
 * (R-END-01: the final tranche is cancelled) with its own reason code (K-O1). The others are no dropout.
 */
const DROPOUTS: Record<ChainStandard['name'], Record<string, string>> = {
  iJw: {
    '02': 'CLIENT_DECEASED',
    '32': 'CLIENT_STOPPED',
    '33': 'PROVIDER_STOPPED',
    '34': 'ENDED_BY_AGREEMENT',
    '35': 'EXTERNAL_CIRCUMSTANCES',
    '39': 'OTHER_DOMAIN',
  },
  iWmo: {
    '02': 'CLIENT_DECEASED',
    '21': 'CLIENT_STOPPED',
    '22': 'PROVIDER_STOPPED',
    '23': 'ENDED_BY_AGREEMENT',
    '31': 'CLIENT_MOVED',
    '39': 'OTHER_DOMAIN',
  },
};

/**
 * Stops that are not the provider's to decide: completion per plan needs the local team's final evaluation
 * (the three outcome indicators), a switch or a municipality's end the case system's command, a temporary
 * stop is no end. The 307 is recorded with what it reports; the trajectory waits for that party.
 */
const RECORDED: Record<ChainStandard['name'], Record<string, string>> = {
  iJw: {
    '20': 'TEMPORARY_STOP_RECORDED',
    '31': 'COMPLETION_REPORTED',
    '36': 'MUNICIPALITY_STOP_RECORDED',
    '37': 'CHANGE_REQUEST_STOP_RECORDED',
    '38': 'SWITCH_REPORTED',
  },
  iWmo: {
    '19': 'COMPLETION_REPORTED',
    '20': 'TEMPORARY_STOP_RECORDED',
    '36': 'MUNICIPALITY_STOP_RECORDED',
    '37': 'CHANGE_REQUEST_STOP_RECORDED',
    '38': 'SWITCH_REPORTED',
  },
};

export function dropoutReasonOf(standard: ChainStandard, reason: string): string | undefined {
  return DROPOUTS[standard.name][reason];
}

export function stopActionOf(standard: ChainStandard, reason: string): string {
  return RECORDED[standard.name][reason] ?? 'STOP_RECORDED';
}
