import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { ROOT } from './project-scripts';

export interface MachineFacts {
  hostname: string;
  platform: string;
  kernel: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  /** 1/5/15-minute load when the run began: other work on the machine skews every number. */
  loadAverageAtStart: number[];
}

export interface VersionFacts {
  node: string;
  temporalSdk: string;
  temporalCli: string;
  gitCommit: string;
  /** Uncommitted changes in the working tree when the run began. */
  gitDirty: boolean;
  postgres?: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadAverage(),
  };
}

/** 1/5/15-minute load average, rounded. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

export function versionFacts(temporalCli: string): VersionFacts {
  const sdk = JSON.parse(
    readFileSync(resolve(ROOT, 'node_modules/@temporalio/client/package.json'), 'utf8'),
  ) as { version: string };
  return {
    node: process.version,
    temporalSdk: sdk.version,
    temporalCli: quiet(temporalCli, ['--version']).replace(/^temporal version /, ''),
    gitCommit: quiet('git', ['rev-parse', '--short', 'HEAD']),
    gitDirty: quiet('git', ['status', '--porcelain']).length > 0,
  };
}

function quiet(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}
