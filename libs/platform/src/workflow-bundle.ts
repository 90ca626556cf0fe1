import { bundleWorkflowCode, DefaultLogger, type BundleOptions } from '@temporalio/worker';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The workflow code of this repository (workflows/index), next to this library in the source tree and in
 * dist/ alike (libs/platform/src → ../../../workflows).
 */
export const WORKFLOWS_PATH = resolve(__dirname, '../../../workflows');

/** The nearest tsconfig.json above `from`: the source of truth for the `@app/*` path aliases. */
function findTsconfig(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = resolve(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * webpack aliases for the `@app/*` imports of tsconfig.json, resolved in the tree the workflows are bundled
 * from: the TypeScript sources (tests, `ts-node`) or dist/ (whose compiled imports are relative already, so
 * the aliases are unused there). Path aliases are where workflow bundles usually break: webpack knows
 * nothing of tsconfig `paths`, so this one function feeds them to every bundle the project builds.
 */
export function workflowAliases(workflowsPath: string = WORKFLOWS_PATH): Record<string, string> {
  const tsconfig = findTsconfig(__dirname);
  if (tsconfig === undefined) return {};
  const { compilerOptions } = JSON.parse(readFileSync(tsconfig, 'utf8')) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const treeRoot = resolve(dirname(require.resolve(workflowsPath)), '..');
  const aliases: Record<string, string> = {};
  for (const [alias, [target]] of Object.entries(compilerOptions?.paths ?? {})) {
    // Exact aliases only (no `/*`): deep imports into a library are not part of its contract.
    if (target !== undefined && !alias.includes('*')) aliases[`${alias}$`] = resolve(treeRoot, target);
  }
  return aliases;
}

/** The bundler options the worker, the production build and the tests share. */
export function workflowBundlerOptions(
  workflowsPath: string = WORKFLOWS_PATH,
): Required<Pick<BundleOptions, 'webpackConfigHook'>> {
  const aliases = workflowAliases(workflowsPath);
  return {
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases } },
    }),
  };
}

/** Bundles the workflows (what the worker would do at start-up) and returns the code. */
export async function bundleWorkflows(workflowsPath: string = WORKFLOWS_PATH): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: new DefaultLogger('WARN'),
    ...workflowBundlerOptions(workflowsPath),
  });
  return code;
}
