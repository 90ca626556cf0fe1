import { ADAPTERS, startAdapterApp, type AdapterKind } from './adapter-app';

/**
 * One adapter app in a process of its own, so its CPU is measured apart from the load generator:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/adapters/server.ts <kind> <port>
 * Prints `ready` once listening; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const [kind, port] = process.argv.slice(2);
  if (!(ADAPTERS as readonly string[]).includes(kind) || !Number.isSafeInteger(Number(port))) {
    throw new Error(`usage: server.ts ${ADAPTERS.join('|')} <port>`);
  }
  const app = await startAdapterApp(kind as AdapterKind, Number(port));
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  console.log('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
