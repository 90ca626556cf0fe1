// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importBoundaries from './scripts/lint/import-boundaries.mjs';

/**
 * The domain's folders, lowest first: each may import itself and the folders before it, never one after it,
 * so no two folders import each other (README, "Architecture"). Specs test through `@app/domain`.
 */
const DOMAIN_LAYERS = [
  'calendar',
  'payments',
  'policy',
  'monitoring',
  'shared',
  'breakthrough',
  'trajectory',
  'decision',
  'finance',
  'escalation',
  'closure',
  'care',
  'scaling',
  'plan',
  'lifecycle',
  'table-outcome',
];
const LIB = (name) => `libs/${name}/src/**`;
const TESTS = ['**/*.spec.ts', 'test/**', 'bench/**', 'libs/*/testing/**'];

/** Per folder, what its production files may import; the first zone whose `files` match applies. */
const ZONES = [
  ...DOMAIN_LAYERS.map((layer, i) => ({
    name: `libs/domain/src/${layer}`,
    files: [`libs/domain/src/${layer}/**`],
    ignores: TESTS,
    allow: DOMAIN_LAYERS.slice(0, i + 1).map((lower) => `libs/domain/src/${lower}/**`),
  })),
  // The domain's index lists every folder's public names; nothing else, and no framework or Temporal.
  { name: 'libs/domain/src', files: ['libs/domain/src/*.ts'], ignores: TESTS, allow: [LIB('domain')] },
  {
    name: 'libs/contracts',
    files: [LIB('contracts')],
    ignores: TESTS,
    allow: [LIB('contracts'), LIB('domain'), '@temporalio/workflow', '@temporalio/common'],
  },
  {
    // Temporal's deterministic sandbox: the workflow SDK and pure project code only.
    name: 'workflows',
    files: ['workflows/**'],
    ignores: TESTS,
    allow: ['workflows/**', LIB('contracts'), LIB('domain'), '@temporalio/workflow'],
  },
  {
    name: 'activities',
    files: ['activities/**'],
    ignores: TESTS,
    allow: [
      'activities/**',
      LIB('contracts'),
      LIB('domain'),
      LIB('ledger'),
      LIB('persistence'),
      LIB('chain'),
      '@temporalio/activity',
      '@temporalio/common',
      'typeorm',
      'node:*',
    ],
  },
  {
    name: 'libs/ledger',
    files: [LIB('ledger')],
    ignores: TESTS,
    allow: [LIB('ledger'), LIB('contracts'), LIB('domain'), 'typeorm', 'node:*'],
  },
  {
    // Reference data kept by contract management: regions and the provider register.
    name: 'libs/register',
    files: [LIB('register')],
    ignores: TESTS,
    allow: [LIB('register'), LIB('contracts'), LIB('domain'), 'typeorm', 'node:*'],
  },
  {
    name: 'libs/persistence',
    files: [LIB('persistence')],
    ignores: TESTS,
    allow: [
      LIB('persistence'),
      LIB('config'),
      LIB('contracts'),
      LIB('notify'),
      LIB('chain'),
      'typeorm',
      'reflect-metadata',
      'node:*',
    ],
  },
  { name: 'libs/config', files: [LIB('config')], ignores: TESTS, allow: [LIB('config'), 'node:*'] },
  {
    // Telling people and systems (issue 16): the event catalogue, webhook signing, mail templates; pure.
    name: 'libs/notify',
    files: [LIB('notify')],
    ignores: TESTS,
    allow: [LIB('notify'), LIB('contracts'), LIB('domain'), 'node:*'],
  },
  {
    // The iJw/iWmo chain (issue 17): message schemas, codelists, XML reading and writing, the pure rules of
    // assignments and declarations. No database, no framework.
    name: 'libs/chain',
    files: [LIB('chain')],
    ignores: TESTS,
    allow: [LIB('chain'), LIB('contracts'), LIB('domain'), 'fast-xml-parser', 'node:*'],
  },
  {
    // The payload codec: pure crypto over Temporal's Payload type, no framework.
    name: 'libs/codec',
    files: [LIB('codec')],
    ignores: TESTS,
    allow: [LIB('codec'), '@temporalio/common', 'node:*'],
  },
  {
    name: 'libs/platform',
    files: [LIB('platform')],
    ignores: TESTS,
    allow: [
      LIB('platform'),
      LIB('config'),
      LIB('contracts'),
      LIB('persistence'),
      '@nestjs/*',
      '@temporalio/worker',
      'express',
      'jsonwebtoken',
      'typeorm',
      'node:*',
    ],
  },
  {
    // The API talks to workflows through Temporal's client only: no workflow or activity code in it.
    name: 'apps/api',
    files: ['apps/api/**'],
    ignores: TESTS,
    allow: [
      'apps/api/**',
      ...[
        'chain',
        'codec',
        'config',
        'contracts',
        'domain',
        'ledger',
        'notify',
        'persistence',
        'platform',
        'register',
      ].map(LIB),
      '*',
    ],
  },
  {
    name: 'apps/worker',
    files: ['apps/worker/**'],
    ignores: TESTS,
    allow: [
      'apps/worker/**',
      'activities/**',
      ...['chain', 'codec', 'config', 'contracts', 'domain', 'notify', 'persistence', 'platform'].map(LIB),
      '*',
    ],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', 'tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The architecture's arrows as allow-lists: a file may import only what its folder's zone names (below).
    files: ['**/*.ts'],
    plugins: { boundaries: importBoundaries },
    rules: { 'boundaries/allowed-imports': ['error', ZONES] },
  },
);
