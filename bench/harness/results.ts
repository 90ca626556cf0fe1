import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './project-scripts';

export const RESULTS_DIR = resolve(ROOT, 'bench', 'results');

/**
 * Writes one run's results to bench/results/<scenario>-<timestamp>.json (git keeps them: they are the
 * evidence behind the README's numbers) and returns the path relative to the repository.
 */
export function writeResults(scenario: string, results: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = resolve(RESULTS_DIR, `${scenario}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file.slice(ROOT.length + 1);
}
