import type { Role } from '@app/contracts';
import { bearer } from './auth';
import { requireEnv } from './stack';
import { runSchemathesis, type FuzzReport } from './schemathesis';

/**
 * Who Schemathesis calls the API as. One token cannot reach every route: a municipality-bound token cannot
 * export for the region, a region-wide one cannot open trajectories, a provider sees only its own. So the
 * API is fuzzed once per identity, each over the operations it is the one to reach.
 */
export interface FuzzIdentity {
  name: string;
  roles: Role[];
  municipalities: string[];
  providerId?: string;
  /** Whether this identity fuzzes the operation (its path and its x-allowed-roles). */
  covers(path: string, roles: readonly string[]): boolean;
}

const REGION_WIDE_ONLY = /^\/payments\/exports/;

export const FUZZ_IDENTITIES: readonly FuzzIdentity[] = [
  {
    // Every role but PROVIDER, acting for one municipality: opens trajectories there (CASE_SYSTEM), acts on
    // them, keeps the provider register (CONTRACT_MANAGEMENT) and reads everything it may see.
    name: 'municipality GM0405, every role but PROVIDER',
    roles: ['CASE_SYSTEM', 'LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'FINANCE', 'OPERATOR', 'CONTRACT_MANAGEMENT'],
    municipalities: ['GM0405'],
    covers: (path, roles) => !REGION_WIDE_ONLY.test(path) && roles.some((r) => r !== 'PROVIDER'),
  },
  {
    // Exports and their confirmation cover the whole region: FINANCE without municipalities.
    name: 'region-wide FINANCE and OPERATOR',
    roles: ['FINANCE', 'OPERATOR'],
    municipalities: [],
    covers: (path) => REGION_WIDE_ONLY.test(path),
  },
  {
    // What only a provider may do (its worklist, confirming the start of care).
    name: 'provider PRV-HORIZON',
    roles: ['PROVIDER'],
    municipalities: [],
    providerId: 'PRV-HORIZON',
    covers: (_path, roles) => roles.length > 0 && roles.every((r) => r === 'PROVIDER'),
  },
];

interface DocumentOperation {
  operationId?: string;
  'x-allowed-roles'?: string[];
}

/** The operation ids an identity fuzzes, read from the running API's document. */
async function operationIdsFor(baseUrl: string, identity: FuzzIdentity): Promise<string[]> {
  const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as {
    paths: Record<string, Record<string, DocumentOperation>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.values(operations)
      .filter((op) => op.operationId && identity.covers(path, op['x-allowed-roles'] ?? []))
      .map((op) => op.operationId!),
  );
}

export interface FuzzSuiteOptions {
  baseUrl: string;
  reportDir: string;
  /** Examples per operation for the first identity; the others, with few operations each, get the same. */
  maxExamples: number;
  /** For all identities together: a run still going at the end is killed (and has no exit code). */
  killAfterMs: number;
  seed?: string;
  onOutput?: (line: string) => void;
}

export interface IdentityReport extends FuzzReport {
  identity: string;
  operations: number;
}

/** Runs Schemathesis (every check, every phase) once per identity, one after the other. */
export async function fuzzAsEveryIdentity(options: FuzzSuiteOptions): Promise<IdentityReport[]> {
  const reports: IdentityReport[] = [];
  const deadline = Date.now() + options.killAfterMs;
  for (const [i, identity] of FUZZ_IDENTITIES.entries()) {
    const ids = await operationIdsFor(options.baseUrl, identity);
    if (ids.length === 0) continue;
    const token = bearer(identity.roles, identity.municipalities, identity.providerId, `fuzz-${i}`);
    const report = await runSchemathesis({
      bin: requireEnv('SCHEMATHESIS_BIN'),
      baseUrl: options.baseUrl,
      headers: { Authorization: token },
      maxExamples: options.maxExamples,
      reportDir: `${options.reportDir}/${i}`,
      killAfterMs: Math.max(1_000, deadline - Date.now()),
      seed: options.seed,
      extraArgs: ['--include-operation-id-regex', `^(${ids.map(escapeRegex).join('|')})$`],
      onOutput: options.onOutput,
    });
    reports.push({ ...report, identity: identity.name, operations: ids.length });
  }
  return reports;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Requests per status over all runs. */
export function statusCounts(reports: readonly FuzzReport[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const report of reports) {
    for (const [status, n] of Object.entries(report.byStatus)) counts[status] = (counts[status] ?? 0) + n;
  }
  return counts;
}
