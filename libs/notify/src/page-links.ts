/** Audiences a page link is made for (the mail templates' audiences). */
type LinkAudience =
  'LOCAL_TEAM' | 'PROVIDER' | 'BREAKTHROUGH_TABLE' | 'FINANCE' | 'CONTRACT_MANAGEMENT' | 'DRAFTERS';

/** The pages a mail links to, absolute, where the recipient acts (the API's `/ui` pages). */
export interface PageLinks {
  trajectory(trajectoryId: string): string;
  tableCase(escalationId: string): string;
  worklist(audience: LinkAudience): string;
}

/**
 * Links on `PUBLIC_BASE_URL`: a trajectory's timeline, a table case, and per role the page where its work
 * waits (the table's docket; the dashboard for contract management and finance; the start page otherwise).
 */
export function pageLinks(publicBaseUrl: string): PageLinks {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    trajectory: (id) => `${base}/ui/trajectories/${encodeURIComponent(id)}`,
    tableCase: (id) => `${base}/ui/cases/${encodeURIComponent(id)}`,
    worklist: (audience) =>
      audience === 'BREAKTHROUGH_TABLE'
        ? `${base}/ui/docket`
        : audience === 'CONTRACT_MANAGEMENT' || audience === 'FINANCE'
          ? `${base}/ui/dashboard`
          : `${base}/ui`,
  };
}
