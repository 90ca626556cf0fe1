import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Runs Schemathesis (`st run`, the CLI of `npm test`'s SCHEMATHESIS_BIN) against a running API's OpenAPI
 * document and reads its event stream (NDJSON report) into counts per status and the failed checks with the
 * request and answer that failed them. Used by the bounded suite (test/api-fuzz.e2e.test.ts) and the long run
 * (`npm run fuzz`, test/tools/api-fuzz.ts).
 */
export interface FuzzRun {
  bin: string;
  /** The API's base URL; the document is read from `<baseUrl>/docs-json`. */
  baseUrl: string;
  headers: Record<string, string>;
  maxExamples: number;
  reportDir: string;
  phases?: readonly string[];
  /** Per request, seconds. */
  requestTimeout?: number;
  /** Concurrent Schemathesis workers. */
  workers?: number;
  seed?: string;
  /** Kills the run after this long (a hung run fails the caller instead of the whole suite's timeout). */
  killAfterMs: number;
  /** More `st run` options, e.g. an operation filter. */
  extraArgs?: readonly string[];
  /** Each line Schemathesis prints (progress), e.g. for the long run's console. */
  onOutput?: (line: string) => void;
}

export const ALL_PHASES = ['examples', 'coverage', 'fuzzing', 'stateful'] as const;

/** One failed check of one request, with what is needed to judge it (and to reproduce it). */
export interface FuzzFailure {
  check: string;
  code: string;
  title: string;
  operation: string;
  message: string;
  method: string;
  uri: string;
  requestBody?: string;
  status?: number;
  /** The `code` of the API's error body, when the answer was one. */
  errorCode?: string;
  responseBody?: string;
}

export interface FuzzReport {
  exitCode: number | null;
  /** The run's seed as Schemathesis printed it (`--seed` repeats the run; JSON numbers cannot hold it). */
  seed?: string;
  durationMs: number;
  /** Requests whose answers the report holds (probes of some checks are not recorded, so this is a floor). */
  requests: number;
  byStatus: Record<string, number>;
  byOperation: Record<string, Record<string, number>>;
  failures: FuzzFailure[];
  /** Schemathesis's own errors (an operation it could not test, a schema it could not read). */
  errors: unknown[];
  summary: Record<string, unknown>;
  output: string;
}

interface RecordedInteraction {
  request: { method: string; uri: string; body?: { $base64?: string } };
  response?: { status_code: number; content?: { $base64?: string } } | null;
}

interface RecordedCheck {
  name: string;
  status: string;
  failure_info?: { failure: { code: string; title: string; operation: string; message: string } };
}

interface ScenarioFinished {
  recorder: {
    label: string;
    /** Absent for a scenario that sent nothing (an operation skipped). */
    interactions?: Record<string, RecordedInteraction>;
    checks?: Record<string, RecordedCheck[]>;
  };
}

export async function runSchemathesis(run: FuzzRun): Promise<FuzzReport> {
  // A fresh folder, also Schemathesis's working directory: it keeps the failures it found there
  // (.schemathesis/) and would replay them in the next run, which should depend on its seed only.
  rmSync(run.reportDir, { recursive: true, force: true });
  mkdirSync(run.reportDir, { recursive: true });
  const args = [
    'run',
    `${run.baseUrl}/docs-json`,
    '--checks',
    'all',
    '--phases',
    (run.phases ?? ALL_PHASES).join(','),
    '--max-examples',
    String(run.maxExamples),
    '--request-timeout',
    String(run.requestTimeout ?? 20),
    '--workers',
    String(run.workers ?? 1),
    '--report',
    'json,ndjson',
    '--report-dir',
    run.reportDir,
    '--no-color',
    // Every example of every operation, also after a failure (else an operation stops at its first failure,
    // a false positive included, and the run's size depends on what it found).
    '--continue-on-failure',
    // The suite's own database: examples remembered from an earlier run would make runs differ.
    '--generation-database',
    'none',
    ...(run.seed ? ['--seed', run.seed] : []),
    ...(run.extraArgs ?? []),
    ...Object.entries(run.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
  ];
  const started = Date.now();
  const lines: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(run.bin, args, { cwd: run.reportDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), run.killAfterMs);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        run.onOutput?.(line);
      });
    }
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  const report = await readReports(run.reportDir);
  const output = lines.join('\n');
  const seed = /Seed: (\d+)/.exec(output)?.[1];
  return { ...report, exitCode, seed, durationMs: Date.now() - started, output };
}

function newest(dir: string, prefix: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .sort();
  return files.length > 0 ? join(dir, files[files.length - 1]) : undefined;
}

const decode = (content?: { $base64?: string }) =>
  content?.$base64 ? Buffer.from(content.$base64, 'base64').toString('utf8') : undefined;

function errorCodeOf(body: string | undefined): string | undefined {
  try {
    const parsed: unknown = body ? JSON.parse(body) : undefined;
    const code = (parsed as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

async function readReports(
  dir: string,
): Promise<Omit<FuzzReport, 'exitCode' | 'seed' | 'durationMs' | 'output'>> {
  const ndjson = newest(dir, 'ndjson-');
  const json = newest(dir, 'json-');
  const byStatus: Record<string, number> = {};
  const byOperation: Record<string, Record<string, number>> = {};
  const failures: FuzzFailure[] = [];
  let requests = 0;
  if (ndjson) {
    const events = createInterface({ input: createReadStream(ndjson) });
    for await (const line of events) {
      if (!line.startsWith('{"ScenarioFinished"')) continue;
      const { recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
      for (const [caseId, interaction] of Object.entries(recorder.interactions ?? {})) {
        const status = interaction.response ? String(interaction.response.status_code) : 'no answer';
        const operation = `${interaction.request.method} ${new URL(interaction.request.uri).pathname}`;
        requests++;
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        const label = recorder.label.startsWith('Stateful') ? operation : recorder.label;
        byOperation[label] ??= {};
        byOperation[label][status] = (byOperation[label][status] ?? 0) + 1;
        for (const check of recorder.checks?.[caseId] ?? []) {
          if (check.status !== 'failure' || !check.failure_info) continue;
          const { failure } = check.failure_info;
          const responseBody = decode(interaction.response?.content ?? undefined);
          failures.push({
            check: check.name,
            code: failure.code,
            title: failure.title,
            operation: failure.operation,
            message: failure.message,
            method: interaction.request.method,
            uri: interaction.request.uri,
            requestBody: decode(interaction.request.body),
            status: interaction.response?.status_code,
            errorCode: errorCodeOf(responseBody),
            responseBody: responseBody?.slice(0, 2000),
          });
        }
      }
    }
  }
  const summary = json ? (JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>) : {};
  const errors = Array.isArray(summary.errors) ? summary.errors : [];
  return { requests, byStatus, byOperation, failures, errors, summary };
}

/** A failure without its noise, one line per distinct (check, operation, status, error code). */
export function distinctFailures(failures: readonly FuzzFailure[]): string[] {
  const lines = failures.map(
    (f) =>
      `${f.code} ${f.check} ${f.operation} → ${f.status ?? 'no answer'}${f.errorCode ? ` ${f.errorCode}` : ''}`,
  );
  return [...new Set(lines)].sort();
}
