// Lint walls between layers (docs/architecture.md "Walls"): boundaries allow-lists, package bans, Electron security.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import electronSecurity from 'eslint-plugin-electron-security';
import globals from 'globals';

const nodeBans = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads'], message: 'No Node APIs here: this layer runs in the browser sandbox or anywhere.' },
];
const everywhere = [{ name: 'ag-grid-enterprise', message: 'Community modules only.' }];
const testSupportBan = { group: ['**/test/support/*'], message: 'Test helpers are for *.test.ts files only.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', 'bench-out/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: ['shared/tsconfig.json', 'renderer/tsconfig.json', 'electron/tsconfig.json', 'e2e/tsconfig.json', 'test/tsconfig.json'], noWarnOnMultipleProjects: true } },
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared/**', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
        { type: 'preload', pattern: 'electron/preload/**', partialMatch: false },
        { type: 'electron', pattern: 'electron/**', partialMatch: false },
        { type: 'e2e', pattern: 'e2e/**', partialMatch: false },
        { type: 'tooling', pattern: 'scripts/**', partialMatch: false },
        { type: 'test-support', pattern: 'test/**', partialMatch: false },
      ],
      'boundaries/include': ['shared/**', 'renderer/**', 'electron/**', 'e2e/**', 'scripts/**', 'test/**'],
    },
    rules: {
      'no-restricted-imports': ['error', { paths: everywhere }],
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
            { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
            { from: { element: { type: 'renderer' } }, allow: { to: { element: { types: { anyOf: ['renderer', 'shared'] } } } } },
            { from: { element: { type: 'preload' } }, allow: { to: { element: { types: { anyOf: ['preload', 'shared'] } } } } },
            { from: { element: { type: 'electron' } }, allow: { to: { element: { types: { anyOf: ['electron', 'shared'] } } } } },
            { from: { element: { type: 'e2e' } }, allow: { to: { element: { types: { anyOf: ['e2e', 'shared'] } } } } },
            // Unit tests sit beside their code and may use test/support; code that is not a test may not
            // (no-restricted-imports below, and tsc: no source project references test/).
            { from: { element: { types: { anyOf: ['shared', 'renderer', 'electron'] } } }, allow: { to: { element: { type: 'test-support' } } } },
            { from: { element: { type: 'test-support' } }, allow: { to: { element: { types: { anyOf: ['test-support', 'shared'] } } } } },
            { from: { element: { type: 'tooling' } }, allow: { to: { element: { types: { anyOf: ['tooling', 'shared', 'electron'] } } } } },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...everywhere, { name: 'electron', message: 'shared/ is pure: no Electron.' }, { name: 'react', message: 'shared/ is pure: no React.' }], patterns: [...nodeBans, testSupportBan] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...everywhere, { name: 'electron', message: 'The renderer never imports Electron: use renderer/platform.' }], patterns: [...nodeBans, testSupportBan] }],
      'no-restricted-properties': ['error', { object: 'window', property: 'licensePrep', message: 'Only renderer/platform/electron.ts touches the bridge.' }],
    },
  },
  {
    files: ['renderer/platform/electron.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    plugins: { 'electron-security': electronSecurity },
    languageOptions: { globals: globals.node },
    rules: {
      ...Object.fromEntries(Object.keys(electronSecurity.rules ?? {}).map((rule) => [`electron-security/${rule}`, 'error'])),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: everywhere, patterns: [testSupportBan] }] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...everywhere], patterns: [...nodeBans, { group: ['../main/*', '../cli/*', '../files/*'], message: 'The preload only builds the API from shared/ipc.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Benchmarks drop references on purpose (to let the GC reclaim between runs) and pass code to the page.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-useless-assignment': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
