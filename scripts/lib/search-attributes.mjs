#!/usr/bin/env node
// The project's search attributes on a Temporal cluster that `npm start` did not start itself (TEMPORAL_ADDRESS
// set): registered one by one, idempotently, then checked by name and type. The dev server gets them from
// `--search-attribute` at start instead (services.mjs).
//
// Also runnable on its own, for an operator preparing a cluster:
//   TEMPORAL_ADDRESS=temporal.internal:7233 TEMPORAL_NAMESPACE=default node scripts/lib/search-attributes.mjs
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureTemporalCli } from './ensure.mjs';
import { log } from './log.mjs';
import { SEARCH_ATTRIBUTES } from './services.mjs';

/** `KeywordList` as the CLI's list prints it: `INDEXED_VALUE_TYPE_KEYWORD_LIST`. */
function indexedType(cliType) {
  return `INDEXED_VALUE_TYPE_${cliType.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

function temporal(cli, args) {
  const result = spawnSync(cli, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  const stdout = result.stdout ?? '';
  return { ok: result.status === 0, stdout, output: `${stdout}${result.stderr ?? ''}`.trim() };
}

/** Name → indexed type of the namespace's custom search attributes. */
function listCustomAttributes(cli, connection) {
  const listed = temporal(cli, ['operator', 'search-attribute', 'list', ...connection, '--output', 'json']);
  if (!listed.ok) throw new Error(`temporal operator search-attribute list failed: ${listed.output}`);
  return JSON.parse(listed.stdout).customAttributes ?? {};
}

/** `INDEXED_VALUE_TYPE_KEYWORD_LIST` back to the CLI's `KeywordList`. */
function cliTypeOf(indexed) {
  return indexed
    .replace('INDEXED_VALUE_TYPE_', '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_match, _sep, letter) => letter.toUpperCase());
}

/** The `Name=Type` pairs that are not listed with their type, described for a person. */
function problemsIn(listed, attributes) {
  return attributes.flatMap((pair) => {
    const [name, cliType] = pair.split('=');
    const found = listed[name];
    if (found === indexedType(cliType)) return [];
    return [`${name} (want ${cliType}, ${found ? `found ${cliTypeOf(found)}` : 'missing'})`];
  });
}

/**
 * Retries `attempt` every 500 ms until `deadline`. It returns undefined when done, else `{ why, final }`:
 * `final` means waiting cannot help. Resolves to undefined on success, else the last `why`.
 */
async function until(deadline, attempt) {
  for (;;) {
    const failure = attempt();
    if (failure === undefined) return undefined;
    if (failure.final || Date.now() > deadline) return failure.why;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Registers each `Name=Type` of `attributes` with its own `temporal operator search-attribute create` call
 * (one call naming several registered only the first on SQL visibility), taking "already exists" as success,
 * then checks that the namespace lists every one with its type. Failures that can pass (a namespace or an
 * attribute not yet visible through the frontend's caches, a frontend that blinks) are retried for up to
 * `timeoutMs`; an attribute of another type fails at once. Throws a message naming each attribute at fault.
 * Resolves to how many were missing before (0: nothing was registered).
 */
export async function registerSearchAttributes({
  cli,
  address,
  namespace,
  attributes = SEARCH_ATTRIBUTES,
  timeoutMs = 15000,
}) {
  const deadline = Date.now() + timeoutMs;
  const connection = ['--address', address, '--namespace', namespace];
  let listedBefore = {};
  try {
    listedBefore = listCustomAttributes(cli, connection);
  } catch {
    // The namespace is not visible yet: none is there as far as we know.
  }
  const missingBefore = problemsIn(listedBefore, attributes).length;
  for (const pair of attributes) {
    const [name, cliType] = pair.split('=');
    // Already there with its type: nothing to create (the server would log "already exists" for each).
    if (listedBefore[name] === indexedType(cliType)) continue;
    const args = ['operator', 'search-attribute', 'create', ...connection, '--name', name, '--type', cliType];
    const failure = await until(deadline, () => {
      const created = temporal(cli, args);
      // Newer servers accept the same type again; older ones say "already exists". A different type also
      // says so, and is reported by the check below.
      return created.ok || /already exists/i.test(created.output) ? undefined : { why: created.output };
    });
    if (failure !== undefined) {
      throw new Error(
        `could not register search attribute ${name} (${cliType}) in namespace ${namespace} at ${address}: ${failure}`,
      );
    }
  }
  const problems = await until(deadline, () => {
    const found = problemsIn(listCustomAttributes(cli, connection), attributes);
    if (found.length === 0) return undefined;
    // A missing one may still be on its way through the caches; one of another type stays so.
    return { why: found, final: found.some((problem) => !problem.endsWith('missing)')) };
  });
  if (problems !== undefined) {
    throw new Error(
      `Temporal at ${address}, namespace ${namespace}: search attributes missing or of another type: ` +
        `${problems.join(', ')}. The workflows cannot upsert them; fix them with \`temporal operator ` +
        'search-attribute` (a type cannot be changed: remove and create it) or use another namespace.',
    );
  }
  return missingBefore;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  registerSearchAttributes({ cli: ensureTemporalCli(), address, namespace }).then(
    () => log('temporal', `search attributes registered in namespace ${namespace} at ${address}`),
    (error) => {
      log('temporal', `ERROR: ${error.message}`);
      process.exit(1);
    },
  );
}
