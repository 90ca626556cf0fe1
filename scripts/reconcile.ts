import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { ReconciliationService, type ReconciliationReport } from '@app/ledger';
import { dataSourceOptions } from '@app/persistence';

/**
 * Reconciles the payment ledger against the payment rules and prints every deviation with its reason.
 *   node dist/scripts/reconcile.js [--trajectory ID] [--municipality GM0405] [--provider ID] [--all] [--json]
 *   npx ts-node scripts/reconcile.ts …
 * Exit code: 0 no deviations, 1 deviations found, 2 the run itself failed (configuration, database).
 * Prints pseudonymous ids and amounts only.
 */
const USAGE =
  'usage: reconcile [--trajectory ID] [--municipality CODE] [--provider ID] [--all] [--json]\n' +
  '  --all   also list trajectories without deviations\n  --json  print the report as JSON';

/** 123456 → "1234.56", -5 → "-0.05": exact, from integer cents. */
function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function printText(report: ReconciliationReport, all: boolean): void {
  const t = report.totals;
  console.log(
    `reconciliation ${report.generatedAt}: ${report.trajectoriesChecked} trajectories, ` +
      `${report.trajectoriesWithDeviations} with deviations, ${report.deviationCount} deviations`,
  );
  console.log(
    `  expected EUR ${euros(t.expectedCents)}, issued EUR ${euros(t.issuedCents)}, withheld EUR ${euros(t.withheldCents)}`,
  );
  for (const r of report.trajectories) {
    if (!all && r.deviations.length === 0) continue;
    const expected = r.expectedCents === null ? 'n/a' : euros(r.expectedCents);
    console.log(
      `\n${r.trajectoryId} [${r.policyPreset ?? 'no policy'}; ${r.trajectoryStatus ?? 'no read model'}` +
        `${r.closureReason ? ` ${r.closureReason}` : ''}] expected ${expected}, issued ${euros(r.issuedCents)}, ` +
        `withheld ${euros(r.withheldCents)}`,
    );
    for (const d of r.deviations) console.log(`  ${d.code}: ${d.message}`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      trajectory: { type: 'string' },
      municipality: { type: 'string' },
      provider: { type: 'string' },
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataSource = await new DataSource(dataSourceOptions(loadConfig().databaseUrl, 2)).initialize();
  try {
    const report = await new ReconciliationService(dataSource).run({
      trajectoryId: values.trajectory,
      municipalityCode: values.municipality,
      providerId: values.provider,
    });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printText(report, values.all === true);
    return report.deviationCount > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`reconcile failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    process.exit(2);
  });
