import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '@app/contracts';
import { requireEnv, uniqueRef } from './support/stack';

const ROOT = resolve(__dirname, '..');
const SCRIPT = resolve(ROOT, 'scripts/lib/search-attributes.mjs');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; output: string }>((done) => {
    execFile(cmd, args, { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/**
 * What `npm start` does on a Temporal cluster it did not start (TEMPORAL_ADDRESS set): registers the project's
 * search attributes one by one and checks each is listed with its type (scripts/lib/search-attributes.mjs, run
 * here as its command-line entry). Each case gets a namespace of its own on the suite's dev server, so they
 * start without the attributes the dev server was started with.
 */
describe('search attributes on an external Temporal cluster', () => {
  const cli = requireEnv('TEMPORAL_CLI');
  const address = requireEnv('TEMPORAL_ADDRESS');

  async function newNamespace(prefix: string): Promise<string> {
    const namespace = uniqueRef(prefix).toLowerCase();
    const created = await run(cli, [
      'operator',
      'namespace',
      'create',
      '--address',
      address,
      '--namespace',
      namespace,
    ]);
    expect(created.code).toBe(0);
    return namespace;
  }
  const register = (namespace: string) =>
    run(process.execPath, [SCRIPT], {
      ...process.env,
      TEMPORAL_CLI: cli,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
    });
  async function listed(namespace: string): Promise<Record<string, string>> {
    const list = await run(cli, [
      'operator',
      'search-attribute',
      'list',
      '--address',
      address,
      '--namespace',
      namespace,
      '--output',
      'json',
    ]);
    return (JSON.parse(list.output) as { customAttributes: Record<string, string> }).customAttributes;
  }

  it('registers every attribute of libs/contracts with its type, and a second run changes nothing', async () => {
    const namespace = await newNamespace('sa-fresh');
    const first = await register(namespace);
    expect(first).toEqual({ code: 0, output: expect.stringContaining('search attributes registered') });
    const expected = Object.fromEntries(
      SEARCH_ATTRIBUTE_DEFINITIONS.map(({ name, cliType }) => [
        name,
        `INDEXED_VALUE_TYPE_${cliType.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      ]),
    );
    expect(await listed(namespace)).toEqual(expect.objectContaining(expected));

    expect((await register(namespace)).code).toBe(0);
    expect(await listed(namespace)).toEqual(expect.objectContaining(expected));
  }, 90_000);

  it('fails naming the attribute that exists with another type', async () => {
    const namespace = await newNamespace('sa-clash');
    const clash = await run(cli, [
      'operator',
      'search-attribute',
      'create',
      '--address',
      address,
      '--namespace',
      namespace,
      '--name',
      'Escalated',
      '--type',
      'Keyword',
    ]);
    expect(clash.code).toBe(0);
    const result = await register(namespace);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /search attributes missing or of another type: Escalated \(want Bool, found Keyword\)/,
    );
  }, 90_000);
});
