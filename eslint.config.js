// Lint, and with it the architecture: every folder is one runtime, and these rules fence each
// one in (as Actual's loot-core fences its platform files). An import that crosses a fence, or
// closes an import cycle anywhere, is an error.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'url',
  'util',
  'events',
  'stream',
];

/** Folders and what they may not import (import-x/no-restricted-paths zones). */
const fence = (target, from, message) => ({ target, from, message });
const ZONES = [
  fence(
    './shared',
    ['./electron', './renderer', './scripts', './tests'],
    'shared/ is pure: it imports only shared/.',
  ),
  fence(
    './electron/services',
    [
      './electron/main',
      './electron/preload',
      './electron/server',
      './electron/cli',
      './renderer',
      './scripts',
      './tests',
    ],
    'The Node core (electron/services) is imported by the transports, never the other way round.',
  ),
  fence(
    './electron/server',
    ['./electron/main', './electron/preload', './electron/cli', './renderer', './scripts', './tests'],
    'Browser mode transport: services and shared only.',
  ),
  fence(
    './electron/cli',
    ['./electron/main', './electron/preload', './renderer', './scripts', './tests'],
    'The CLI runs in plain Node: services, server and shared only.',
  ),
  fence(
    './electron/main',
    ['./electron/preload', './electron/cli', './electron/server', './renderer', './scripts', './tests'],
    'Electron main: services and shared only.',
  ),
  fence(
    './electron/preload',
    [
      './electron/main',
      './electron/services',
      './electron/server',
      './electron/cli',
      './renderer',
      './scripts',
      './tests',
    ],
    'The sandboxed preload bundles only shared/ code.',
  ),
  fence(
    './renderer',
    ['./electron', './scripts', './tests'],
    'The renderer reaches the backend only through window.api.',
  ),
];

/**
 * zod's `z` object (and its default export) holds every schema and locale, so a bundle that
 * imports it keeps all of zod (454 KB, ~25 ms more to start every CLI command); the namespace
 * import lets the bundler keep only the schemas used. Only shared/ imports zod.
 */
const ZOD_NAMESPACE = [
  'error',
  {
    selector:
      "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
    message: "import * as z from 'zod': the z object keeps all of zod in every bundle.",
  },
];

/** no-restricted-imports: exact module names, and patterns (node:*), with one message. */
const restrict = (names, patterns, message) => [
  'error',
  {
    paths: names.map((name) => ({ name, message })),
    patterns: patterns.length ? [{ group: patterns, message }] : [],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'test-results',
      'playwright-report',
      'tests/fixtures',
      '.tsbuild',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Without these, import-x skips TypeScript files when it follows imports, and no-cycle
      // silently sees no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', ...NODE_BUILTINS],
        ['electron/*', 'node:*', 'fs/*'],
        'shared/ runs everywhere: no Electron, no Node.',
      ),
      'no-restricted-syntax': ZOD_NAMESPACE,
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron'],
        ['electron/*'],
        'Only electron/main and electron/preload import electron.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        ['electron', ...NODE_BUILTINS],
        ['electron/*', 'node:*', 'fs/*'],
        'The renderer reaches the backend only through window.api.',
      ),
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        document: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
