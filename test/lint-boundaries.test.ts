import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const ESLINT = resolve(ROOT, 'node_modules/eslint/bin/eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `code` as if it were the file `path` of this repository, with the project's own eslint.config.mjs,
 * exactly as `npm run lint` does (the ESLint CLI, reading the file from stdin). Returns the boundary findings.
 */
function lintAs(path: string, code: string): Promise<{ exitCode: number; boundaries: LintMessage[] }> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [ESLINT, '--stdin', '--stdin-filename', path, '--format', 'json'],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout) => {
        if (error && typeof error.code !== 'number') return fail(error);
        const [result] = JSON.parse(stdout) as { messages: LintMessage[] }[];
        done({
          exitCode: error ? Number(error.code) : 0,
          boundaries: result.messages.filter((m) => m.ruleId === 'boundaries/allowed-imports'),
        });
      },
    );
    child.stdin!.end(code);
  });
}

describe('import boundaries (eslint.config.mjs allow-lists, checked by npm run lint)', () => {
  it.each([
    ['workflows/x.ts', "import { createActivities } from '@app/activities';", 'activities'],
    ['workflows/x.ts', "import type { TrajectoryActivities } from '../activities';", 'activities'],
    ['workflows/x.ts', "import { PaymentLedger } from '@app/ledger';", 'libs/ledger/src'],
    ['workflows/x.ts', "import { Client } from '@temporalio/client';", '@temporalio/client'],
    ['workflows/x.ts', "import { readFileSync } from 'node:fs';", 'node:fs'],
    ['libs/domain/src/plan/x.ts', "import { Injectable } from '@nestjs/common';", '@nestjs/common'],
    [
      'libs/domain/src/plan/x.ts',
      "import { proxyActivities } from '@temporalio/workflow';",
      '@temporalio/workflow',
    ],
    [
      'libs/domain/src/plan/x.ts',
      "import { TRAJECTORY_ROW } from '../../../contracts/src';",
      'libs/contracts/src',
    ],
    [
      'libs/domain/src/shared/x.ts',
      "import { submitPlan } from '../plan/submit-plan';",
      'libs/domain/src/plan/submit-plan',
    ],
    [
      'libs/domain/src/care/x.ts',
      "import { scaling } from '../scaling/new-arrangement';",
      'libs/domain/src/scaling',
    ],
    ['libs/contracts/src/x.ts', "import { PaymentLedger } from '@app/ledger';", 'libs/ledger/src'],
    ['apps/api/src/x.ts', "import { createActivities } from '@app/activities';", 'activities'],
  ])('%s may not: %s', async (path, code, named) => {
    const { exitCode, boundaries } = await lintAs(path, `${code}\nexport const used = 1;\n`);
    expect(exitCode).toBe(1);
    expect(boundaries).toHaveLength(1);
    expect(boundaries[0].message).toContain(named);
  });

  it.each([
    [
      'workflows/x.ts',
      "import { defineQuery } from '@temporalio/workflow';\nimport { COMMANDS } from '@app/domain';",
    ],
    [
      'workflows/x.ts',
      "import type { TrajectoryActivities } from '@app/contracts';\nimport { runEffects } from './trajectory-effects';",
    ],
    [
      'libs/domain/src/care/x.ts',
      "import { closeTrajectory } from '../closure/closing';\nimport { deadlineFrom } from '../shared/policy-time';",
    ],
    ['libs/domain/src/plan/x.spec.ts', "import { applyCommand } from '@app/domain';"],
    [
      'activities/x.ts',
      "import { PaymentLedger } from '@app/ledger';\nimport type { DataSource } from 'typeorm';",
    ],
    ['apps/worker/src/x.ts', "import { createActivities } from '@app/activities';"],
  ])('%s may: %s', async (path, code) => {
    const { boundaries } = await lintAs(path, `${code}\nexport const used = 1;\n`);
    expect(boundaries).toEqual([]);
  });
});
