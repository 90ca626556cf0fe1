import type { PhaseResult } from '../harness/phase-result';
import type { PersistenceFacts } from '../harness/services';

/** What a scenario hands to bench/run.ts, which adds machine, versions and settings and writes the file. */
export interface ScenarioOutput {
  persistence: PersistenceFacts;
  postgresVersion?: string;
  phases: PhaseResult[];
  /** Scenario-specific derived numbers (ratios, growth curve, storage per trajectory). */
  summary?: Record<string, unknown>;
  /** Anything a reader must know to interpret the numbers (seeded rows, skipped parts). */
  notes: string[];
}
