import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleWorkflows } from '@app/platform';

/** Prebuilds the workflow bundle for production workers (WORKFLOW_BUNDLE_PATH), so they start without webpack. */
async function main(): Promise<void> {
  const code = await bundleWorkflows();
  const out = resolve(__dirname, '..', 'workflow-bundle.js');
  await writeFile(out, code);
  console.log(`workflow bundle written: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
