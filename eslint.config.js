// ESLint: typescript-eslint's type-checked rules, the rules of hooks, and the layers of ARCHITECTURE.md
// ("What the tools enforce") as import rules, so a cross-layer import fails `npm run lint`.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** Tests and the modules only tests import may reach across app/ and emulator/: they drive the console's code against the stack. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*test-support.ts', 'app/test-support/**'];

const features = readdirSync('app/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A feature never imports another: what two features share moves down to ui/, api/ or domain/. */
const featureZones = features.map((feature) => ({
  target: `./app/features/${feature}`,
  from: './app/features',
  except: [`./${feature}`],
  message: 'A feature never imports another feature: move what they share down to app/ui, app/api or app/domain.',
}));

const domainZone = {
  target: './app/domain',
  from: ['./app/api', './app/operations', './app/ui', './app/features', './app/jobs', './app/aws'],
  message:
    'app/domain is plain TypeScript: it imports nothing from api/, operations/, ui/, features/, jobs/ or aws/ (they import it); it reaches S3 through the ports it owns.',
};

/** app/shared holds helpers every layer may use, so it imports no layer. */
const sharedZone = {
  target: './app/shared',
  from: ['./app/api', './app/operations', './app/domain', './app/ui', './app/features', './app/jobs', './app/aws', './app/config', './app/routing'],
  message: 'app/shared imports nothing of the app: every layer imports it.',
};

/** The plain S3/KMS operations know nothing of the queries, components and runtime built on them. */
const operationsZone = {
  target: './app/operations',
  from: ['./app/api', './app/ui', './app/features', './app/jobs'],
  message: 'app/operations are plain S3/KMS calls: the queries (api/), components and job runtime are built on them, not the reverse.',
};

const uiZone = {
  target: './app/ui',
  from: './app/features',
  message: 'app/ui holds shared presentational pieces: it never imports a feature.',
};

const appZones = [...featureZones, domainZone, sharedZone, operationsZone, uiZone];

const appNeverImportsEmulator = {
  target: './app',
  from: './emulator',
  message: 'The console never imports the local stack (only tests and their support modules may).',
};

const emulatorNeverImportsApp = {
  target: './emulator',
  from: './app',
  message: 'The local stack never imports the console (only tests may).',
};

const restrictedPaths = (zones) => ({ 'import-x/no-restricted-paths': ['error', { zones }] });

export default defineConfig(
  {
    ignores: ['dist/**', 'dist-*/**', 'coverage/**', 'test-results*/**', 'playwright-report/**', 'node_modules/**', '.data/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A promise-returning interface implemented without awaiting stays `async`, so a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // A variable a callback reads before it is assigned (a job a watcher pauses) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Tests have no components: their use* helpers (useTestStack) are Vitest hooks, not React's.
  { files: ['app/**/*.{ts,tsx}'], ignores: TEST_FILES, extends: [reactHooks.configs.flat.recommended] },
  // Vitest's asymmetric matchers (expect.stringMatching, expect.any, ...) are typed `any` by design.
  { files: TEST_FILES, rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } },
  // The layers: zones of import-x/no-restricted-paths. One block per set of files, since a later block's options
  // for a rule replace an earlier block's.
  { files: ['app/**'], ignores: TEST_FILES, rules: restrictedPaths([...appZones, appNeverImportsEmulator]) },
  { files: TEST_FILES.map((pattern) => `app/${pattern}`), rules: restrictedPaths(appZones) },
  { files: ['emulator/**'], ignores: TEST_FILES, rules: restrictedPaths([emulatorNeverImportsApp]) },
  {
    files: ['app/domain/**', 'app/operations/**', 'app/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*', '@cloudscape-design/*'],
              message: 'app/domain, app/operations and app/shared are plain TypeScript: no React, TanStack Query or Cloudscape.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
