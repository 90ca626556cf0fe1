/**
 * The production deployment (docker/compose.yaml), checked with a compose implementation that needs no Docker
 * engine (infra.md §7): Debian's docker-compose 1.29 by default, any compose CLI via COMPOSE_BIN. Nothing is
 * built or started; this checks what `docker compose up` would be handed, and that compose itself rejects
 * the mistakes that would otherwise only show up at deploy time.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '@app/contracts';

const ROOT = resolve(__dirname, '..');
const DOCKER_DIR = join(ROOT, 'docker');
const COMPOSE_FILE = join(DOCKER_DIR, 'compose.yaml');
const ENV_FILE = join(DOCKER_DIR, '.env.example');
const COMPOSE_BIN = process.env.COMPOSE_BIN || 'docker-compose';

// Only what the CLI needs. Variables from the caller's shell would win over the env file (and COMPOSE_FILE or
// COMPOSE_PROJECT_NAME would change what is validated), making the result depend on who runs the test.
const CLEAN_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
  LANG: 'C.UTF-8',
};

const ONE_SHOT_JOBS = ['migrate', 'temporal-schema', 'temporal-setup'];
const APP_SERVICES = ['api', 'worker'];
const REQUIRED_VARIABLES = [
  'APP_VERSION',
  'POSTGRES_PASSWORD',
  'APP_DB_PASSWORD',
  'TEMPORAL_DB_PASSWORD',
  'JWT_SECRET',
  'PAYLOAD_KEYS',
];

type DependsOn = Record<string, { condition?: string }>;
interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  depends_on?: DependsOn | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: Array<string | { target?: number; published?: number | string; host_ip?: string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  restart?: string;
  container_name?: string;
}
interface ComposeModel {
  services: Record<string, Service>;
}
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function compose(
  args: string[],
  options: { file?: string; envFile?: string; projectDir?: string } = {},
): Run {
  const argv = ['-f', options.file ?? COMPOSE_FILE];
  // Relative paths (build contexts, bind mounts) resolve against the project directory: a copy elsewhere
  // must still point at docker/, or it would fail for the wrong reason.
  if (options.projectDir) argv.push('--project-directory', options.projectDir);
  argv.push('--env-file', options.envFile ?? ENV_FILE, ...args);
  const run = spawnSync(COMPOSE_BIN, argv, { cwd: ROOT, env: CLEAN_ENV, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw new Error(`cannot run ${COMPOSE_BIN}: ${run.error.message}`);
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * An interpreter with PyYAML. Debian's docker-compose is a Python script depending on python3-yaml, so the
 * interpreter in its shebang has it, whatever `python3` comes first on PATH.
 */
function pythonWithYaml(): string {
  const located = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', COMPOSE_BIN], {
    env: CLEAN_ENV,
    encoding: 'utf8',
  });
  const path = located.stdout.trim();
  if (path.startsWith('/')) {
    const head = Buffer.alloc(128);
    const fd = openSync(path, 'r');
    const read = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const shebang = /^#!\s*(\/\S*python[\d.]*)\s/.exec(head.subarray(0, read).toString('latin1'));
    if (shebang) return shebang[1];
  }
  return 'python3';
}

function yamlToJson(yaml: string): unknown {
  const script = 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)';
  const run = spawnSync(pythonWithYaml(), ['-c', script], { input: yaml, env: CLEAN_ENV, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`YAML to JSON failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout);
}

/**
 * The fully resolved model. Compose v2 prints JSON itself; 1.29 has no --format (it prints its usage and still
 * exits 0), so its YAML is converted.
 */
function resolvedModel(): ComposeModel {
  const json = compose(['config', '--format', 'json']);
  if (json.code === 0 && json.stdout.trimStart().startsWith('{'))
    return JSON.parse(json.stdout) as ComposeModel;
  const yaml = compose(['config']);
  if (yaml.code !== 0) throw new Error(`compose config failed:\n${yaml.stderr}`);
  return yamlToJson(yaml.stdout) as ComposeModel;
}

/** name → condition only (v2 adds `required`/`restart` keys that are not under test here). */
function dependsOn(service: Service): DependsOn {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps)
    ? Object.fromEntries(deps.map((name) => [name, {}]))
    : Object.fromEntries(Object.entries(deps).map(([name, { condition }]) => [name, { condition }]));
}

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)])
    : Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries);
}

/** Short (`[ip:]published:target[/proto]`) and long syntax, as 1.29 and v2 print them. */
function ports(service: Service): Array<{ hostIp: string; published: string; target: string }> {
  return (service.ports ?? []).map((port) => {
    if (typeof port !== 'string') {
      return {
        hostIp: port.host_ip ?? '',
        published: String(port.published ?? ''),
        target: String(port.target),
      };
    }
    const parts = port.replace(/\/\w+$/, '').split(':');
    const target = parts.pop() ?? '';
    const published = parts.pop() ?? '';
    return { hostIp: parts.join(':'), published, target };
  });
}

function bindMountSources(service: Service): string[] {
  return (service.volumes ?? []).flatMap((volume) => {
    if (typeof volume !== 'string') return volume.type === 'bind' && volume.source ? [volume.source] : [];
    const source = volume.split(':')[0];
    return source.startsWith('/') ? [source] : [];
  });
}

function healthcheckEnabled(service: Service): boolean {
  const check = service.healthcheck;
  if (!check || check.disable) return false;
  const test = Array.isArray(check.test) ? check.test : [check.test ?? ''];
  return test.length > 0 && test[0] !== 'NONE' && test.join(' ').trim() !== '';
}

/** The tag of `[registry/]repo[:tag][@digest]`, or undefined when there is none. */
function imageTag(image: string): string | undefined {
  const name = image.split('@')[0];
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  return colon === -1 ? undefined : name.slice(colon + 1);
}

const tempDirs: string[] = [];
function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'compose-test-'));
  tempDirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

let model: ComposeModel;
let services: Record<string, Service>;
let longRunning: string[];

beforeAll(() => {
  const version = spawnSync(COMPOSE_BIN, ['version'], { env: CLEAN_ENV, encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(
      `compose CLI "${COMPOSE_BIN}" is not runnable (${version.error?.message ?? version.stderr}). ` +
        'npm test installs Debian docker-compose; or set COMPOSE_BIN.',
    );
  }
  model = resolvedModel();
  services = model.services;
  longRunning = Object.keys(services).filter((name) => !ONE_SHOT_JOBS.includes(name));
});

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('docker/compose.yaml', () => {
  it('passes `config -q` with docker/.env.example', () => {
    const run = compose(['config', '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('has exactly the expected services', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'api',
        'migrate',
        'postgresql',
        'temporal',
        'temporal-schema',
        'temporal-setup',
        'temporal-ui',
        'worker',
      ].sort(),
    );
  });

  it('treats as one-shot jobs exactly what others wait on with service_completed_successfully', () => {
    const awaitedJobs = new Set(
      Object.values(services).flatMap((service) =>
        Object.entries(dependsOn(service))
          .filter(([, dep]) => dep.condition === 'service_completed_successfully')
          .map(([name]) => name),
      ),
    );
    expect([...awaitedJobs].sort()).toEqual([...ONE_SHOT_JOBS].sort());
    for (const job of ONE_SHOT_JOBS) {
      // A restart policy would re-run a finished job, or loop on a failed one instead of halting the rollout.
      expect({ job, restart: services[job].restart ?? 'no' }).toEqual({ job, restart: 'no' });
    }
  });

  it('gives every long-running service a health check and a restart policy', () => {
    for (const name of longRunning) {
      expect({ name, healthcheck: healthcheckEnabled(services[name]) }).toEqual({ name, healthcheck: true });
      expect({ name, restart: services[name].restart }).toEqual({ name, restart: 'unless-stopped' });
    }
  });

  it('orders start-up with conditions only: healthy for services, completed for jobs', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(dependsOn(service))) {
        const expected = ONE_SHOT_JOBS.includes(dependency)
          ? 'service_completed_successfully'
          : 'service_healthy';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected });
      }
    }
  });

  it.each(APP_SERVICES)(
    'starts %s only after PostgreSQL, Temporal, the Temporal setup and the migrations',
    (name) => {
      expect(dependsOn(services[name])).toEqual({
        postgresql: { condition: 'service_healthy' },
        temporal: { condition: 'service_healthy' },
        'temporal-setup': { condition: 'service_completed_successfully' },
        migrate: { condition: 'service_completed_successfully' },
      });
    },
  );

  it('runs the Temporal schema job before the server, and the namespace setup after it', () => {
    expect(dependsOn(services.temporal)['temporal-schema']).toEqual({
      condition: 'service_completed_successfully',
    });
    expect(dependsOn(services['temporal-setup']).temporal).toEqual({ condition: 'service_healthy' });
    expect(dependsOn(services.migrate).postgresql).toEqual({ condition: 'service_healthy' });
  });

  it('pins every image to an explicit tag, never latest', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, image: typeof service.image }).toEqual({ name, image: 'string' });
      const tag = imageTag(service.image as string);
      expect({ name, tagged: tag !== undefined && tag !== '' && tag !== 'latest' }).toEqual({
        name,
        tagged: true,
      });
    }
  });

  it('keeps temporal-sql-tool (admin-tools) at the exact server version, since it owns the schema', () => {
    const version = imageTag(services.temporal.image as string);
    expect(services.temporal.image).toMatch(/^temporalio\/server:1\.32\.\d+$/);
    expect(imageTag(services['temporal-schema'].image as string)).toBe(version);
    expect(imageTag(services['temporal-setup'].image as string)).toBe(version);
  });

  it('builds api and worker from the repository root, and migrates with the api image', () => {
    for (const name of APP_SERVICES) {
      expect(services[name].build).toMatchObject({ context: ROOT, dockerfile: `docker/Dockerfile.${name}` });
    }
    expect(services.migrate.image).toBe(services.api.image);
    expect(services.migrate.build).toBeUndefined();
  });

  it('configures the app services for production against the in-stack PostgreSQL and Temporal', () => {
    for (const name of ['migrate', ...APP_SERVICES]) {
      const env = environment(services[name]);
      expect(env.NODE_ENV).toBe('production');
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/app:[^@]+@postgresql:5432\/app$/);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.JWT_SECRET).toBeTruthy();
      expect(env.PAYLOAD_KEYS).toBeTruthy();
      // Webhooks go to the internet only (issue 16); mail links start at the public address.
      expect(env.WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe('false');
      expect(env.PUBLIC_BASE_URL).toMatch(/^https?:\/\//);
    }
    expect(environment(services.api).PORT).toBe('3000');
  });

  it('points the worker at the prebuilt workflow bundle and keeps it scalable', () => {
    const worker = services.worker;
    expect(environment(worker).WORKFLOW_BUNDLE_PATH).toBe('/app/dist/workflow-bundle.js');
    // `--scale worker=N` needs no fixed container name and no published ports.
    expect(worker.container_name).toBeUndefined();
    expect(ports(worker)).toEqual([]);
  });

  it('makes the apps listen on every interface of their container (they default to loopback)', () => {
    expect(environment(services.api).HOST).toBe('0.0.0.0');
    expect(environment(services.worker).WORKER_HEALTH_HOST).toBe('0.0.0.0');
  });

  it('registers exactly the search attributes defined in libs/contracts', () => {
    const configured = environment(services['temporal-setup']).TEMPORAL_SEARCH_ATTRIBUTES.trim().split(/\s+/);
    const defined = SEARCH_ATTRIBUTE_DEFINITIONS.map(({ name, cliType }) => `${name}=${cliType}`);
    expect(defined).toHaveLength(11);
    expect(configured.sort()).toEqual(defined.sort());
  });

  it('publishes only the API on all interfaces; Temporal and its UI on loopback; PostgreSQL not at all', () => {
    expect(ports(services.api)).toEqual([{ hostIp: '', published: '3000', target: '3000' }]);
    expect(ports(services.temporal)).toEqual([{ hostIp: '127.0.0.1', published: '7233', target: '7233' }]);
    expect(ports(services['temporal-ui'])).toEqual([
      { hostIp: '127.0.0.1', published: '8080', target: '8080' },
    ]);
    expect(ports(services.postgresql)).toEqual([]);
  });

  it('mounts only files that exist in docker/', () => {
    const sources = Object.values(services).flatMap(bindMountSources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, inDockerDir: source.startsWith(DOCKER_DIR + '/') }).toEqual({
        source,
        inDockerDir: true,
      });
      expect({ source, exists: existsSync(source) }).toEqual({ source, exists: true });
    }
  });

  it.each(REQUIRED_VARIABLES)('refuses to render without %s', (variable) => {
    const withoutIt = readFileSync(ENV_FILE, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith(`${variable}=`))
      .join('\n');
    const run = compose(['config', '-q'], { envFile: tempFile('.env', withoutIt) });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(variable);
  });

  describe('a modified copy', () => {
    // The source file as data; JSON is YAML, so a mutated copy can be written back without a YAML emitter.
    const source = (): ComposeModel => yamlToJson(readFileSync(COMPOSE_FILE, 'utf8')) as ComposeModel;
    const check = (doc: ComposeModel): Run =>
      compose(['config', '-q'], {
        file: tempFile('compose.json', JSON.stringify(doc)),
        projectDir: DOCKER_DIR,
      });

    it('is accepted unchanged (so the rejections below are caused by the change alone)', () => {
      const run = check(source());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    });

    const breakages: Array<[string, (doc: ComposeModel) => void, RegExp]> = [
      [
        'a dependency on a missing service',
        (doc) => ((doc.services.worker.depends_on as DependsOn).ghost = { condition: 'service_healthy' }),
        /ghost/,
      ],
      [
        'an unknown depends_on condition',
        (doc) => ((doc.services.api.depends_on as DependsOn).migrate = { condition: 'service_finished' }),
        /depends_on\.migrate\.condition/,
      ],
      [
        'a start-up cycle',
        (doc) =>
          ((doc.services['temporal-schema'].depends_on as DependsOn).temporal = {
            condition: 'service_healthy',
          }),
        /circular|cycle/i,
      ],
    ];
    it.each(breakages)('is rejected with %s', (_name, breakIt, message) => {
      const doc = source();
      breakIt(doc);
      const run = check(doc);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(message);
    });
  });
});

describe('docker/Dockerfile.{api,worker} (static: there is no Docker engine to build them here)', () => {
  const dockerfile = (name: string): string => readFileSync(join(DOCKER_DIR, `Dockerfile.${name}`), 'utf8');
  const runtimeStage = (text: string): string => text.slice(text.indexOf('FROM base AS runtime'));

  it.each(APP_SERVICES)('%s: glibc Node 20 base, production deps only, non-root, health check', (name) => {
    const text = dockerfile(name);
    expect(text).toMatch(/^ARG NODE_IMAGE=node:20\.\d+\.\d+-bookworm-slim$/m);
    expect(text).toMatch(/npm ci --omit=dev/);
    const runtime = runtimeStage(text);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(existsSync(join(DOCKER_DIR, `Dockerfile.${name}.dockerignore`))).toBe(true);
  });

  it('shares the build stages byte for byte, so BuildKit compiles the project once for both images', () => {
    const buildStages = (text: string): string =>
      text.slice(text.indexOf('ARG NODE_IMAGE'), text.indexOf('FROM base AS runtime'));
    expect(buildStages(dockerfile('worker'))).toBe(buildStages(dockerfile('api')));
  });

  it('sets the listen addresses in the images too, so they answer outside their container without compose', () => {
    expect(runtimeStage(dockerfile('api'))).toMatch(/^\s+HOST=0\.0\.0\.0 \\$/m);
    expect(runtimeStage(dockerfile('worker'))).toMatch(/^\s+WORKER_HEALTH_HOST=0\.0\.0\.0 \\$/m);
  });

  it('bakes into the worker image the bundle path that compose passes', () => {
    expect(runtimeStage(dockerfile('worker'))).toContain('WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js');
  });

  it.each(APP_SERVICES)('%s: every COPY source from the build context exists', (name) => {
    const sources = [...dockerfile(name).matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
      m[1].split(/\s+/),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources)
      expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
  });
});
