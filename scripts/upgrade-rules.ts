import { Client, Connection } from '@temporalio/client';
import { EncryptionCodec, KeyRing } from '@app/codec';
import { loadConfig } from '@app/config';
import { upgradeRulesSignal, WORKFLOW_TYPES } from '@app/contracts';

/**
 * Wakes every running trajectory so that one begun under earlier rules moves to the current ones now (a
 * deadline on every wait, issue 14), not only at its next command or deadline. Safe to run more than once:
 * a trajectory already under the current rules ignores the signal.
 *   node dist/scripts/upgrade-rules.js
 * Exit code: 0 done, 1 the run failed (configuration, Temporal). Prints workflow ids only (pseudonymous).
 */
async function main(): Promise<number> {
  const { temporal, payloadKeys } = loadConfig();
  const connection = await Connection.connect({ address: temporal.address });
  try {
    const client = new Client({
      connection,
      namespace: temporal.namespace,
      // Like the API's client: whatever it sends or reads of the workflows is encrypted.
      dataConverter: { payloadCodecs: [new EncryptionCodec(new KeyRing(payloadKeys))] },
    });
    let signalled = 0;
    const query = `WorkflowType = '${WORKFLOW_TYPES.trajectory}' AND ExecutionStatus = 'Running'`;
    for await (const execution of client.workflow.list({ query })) {
      await client.workflow.getHandle(execution.workflowId).signal(upgradeRulesSignal);
      signalled += 1;
    }
    console.log(`upgradeRules signalled to ${signalled} running trajectories`);
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
