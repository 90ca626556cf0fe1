/** Audiences a page link is made for (the mail templates' audiences). */
type LinkAudience =
  'LOCAL_TEAM' | 'PROVIDER' | 'BREAKTHROUGH_TABLE' | 'FINANCE' | 'CONTRACT_MANAGEMENT' | 'DRAFTERS';

/** The pages a mail links to, absolute, where the recipient acts (the API's `/ui` pages). */
export interface PageLinks {
  /** Where the recipient acts on a trajectory: its workspace for the local team and a provider, else the timeline. */
  trajectory(trajectoryId: string, audience?: LinkAudience): string;
  tableCase(escalationId: string): string;
  worklist(audience: LinkAudience): string;
}

/** The workspace of an audience, where its work waits (issue 18); the drafters' mail goes to the provider. */
const WORKSPACES: Record<LinkAudience, string> = {
  LOCAL_TEAM: '/ui/local-team',
  PROVIDER: '/ui/provider',
  DRAFTERS: '/ui/provider',
  BREAKTHROUGH_TABLE: '/ui/docket',
  FINANCE: '/ui/finance',
  CONTRACT_MANAGEMENT: '/ui/dashboard',
};

/**
 * Links on `PUBLIC_BASE_URL`: a trajectory opened in the recipient's workspace (the local team's, the
 * provider's) or its timeline, a table case, and per role the page where its work waits.
 */
export function pageLinks(publicBaseUrl: string): PageLinks {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    trajectory: (id, audience) =>
      audience === 'LOCAL_TEAM' || audience === 'PROVIDER' || audience === 'DRAFTERS'
        ? `${base}${WORKSPACES[audience]}?trajectory=${encodeURIComponent(id)}`
        : `${base}/ui/trajectories/${encodeURIComponent(id)}`,
    tableCase: (id) => `${base}/ui/cases/${encodeURIComponent(id)}`,
    worklist: (audience) => `${base}${WORKSPACES[audience]}`,
  };
}
