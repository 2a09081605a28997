import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers of ARCHITECTURE.md ("What the tools enforce") as `npm run lint` sees them: made-up files, linted
 * with the repository's own eslint.config.js at a path inside a layer, and the rule that must refuse them.
 */
let eslint: ESLint;

beforeAll(() => {
  // The made-up files are in no TypeScript project, and the layers' rules need no types.
  eslint = new ESLint({ cwd: import.meta.dirname, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

/** The rules that fire on `code` placed at `filePath`, as `rule: message` (the rule ids only the layers' rules use). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'import-x/no-restricted-paths' || message.ruleId === 'no-restricted-imports')
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the import boundaries', () => {
  // The first lint loads the plugins and resolver: slow on a busy machine.
  const LINT_TIMEOUT = 120_000;

  it(
    'refuse React and TanStack Query in app/domain',
    async () => {
      const errors = await layerErrors(
        'app/domain/boundary-probe.ts',
        "import { useState } from 'react';\nimport { useQuery } from '@tanstack/react-query';\nexport const probe = [useState, useQuery];\n",
      );
      expect(errors).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*'react'.*app\/domain.* plain TypeScript/),
        expect.stringMatching(/^no-restricted-imports: .*'@tanstack\/react-query'.*app\/domain.* plain TypeScript/),
      ]);
    },
    LINT_TIMEOUT,
  );

  it(
    'refuse api/, operations/ and ui/ in app/domain, and let it import itself and shared/',
    async () => {
      const code = [
        "import { headObjectQuery } from '../api/head-object';",
        "import { headObject } from '../operations/head-object';",
        "import { ProblemAlert } from '../ui/ProblemAlert';",
        "import { isFlagged } from './compliance';",
        "import { formatSize } from '../shared/format-size';",
        'export const probe = [headObjectQuery, headObject, ProblemAlert, isFlagged, formatSize];',
        '',
      ].join('\n');
      expect(await layerErrors('app/domain/boundary-probe.ts', code)).toEqual([
        expect.stringMatching(/^import-x\/no-restricted-paths: .*"\.\.\/api\/head-object".*app\/domain is plain TypeScript/),
        expect.stringMatching(/^import-x\/no-restricted-paths: .*"\.\.\/operations\/head-object".*app\/domain is plain TypeScript/),
        expect.stringMatching(/^import-x\/no-restricted-paths: .*"\.\.\/ui\/ProblemAlert".*app\/domain is plain TypeScript/),
      ]);
    },
    LINT_TIMEOUT,
  );

  it(
    'refuse one feature importing another, and let a feature import its own files',
    async () => {
      const code = [
        "import { keysToRead } from '../objects/objects.utils';",
        "import { useJobSnapshot } from './use-job-snapshot';",
        'export const probe = [keysToRead, useJobSnapshot];',
        '',
      ].join('\n');
      expect(await layerErrors('app/features/jobs/boundary-probe.ts', code)).toEqual([
        expect.stringMatching(/^import-x\/no-restricted-paths: .*"\.\.\/objects\/objects\.utils".*A feature never imports another feature/),
      ]);
    },
    LINT_TIMEOUT,
  );

  it(
    'refuse a feature in app/ui',
    async () => {
      const code = "import { keysToRead } from '../features/objects/objects.utils';\nexport const probe = keysToRead;\n";
      expect(await layerErrors('app/ui/boundary-probe.ts', code)).toEqual([expect.stringMatching(/app\/ui holds shared presentational pieces/)]);
    },
    LINT_TIMEOUT,
  );

  it(
    'keep the console and the stack apart, except in tests',
    async () => {
      const appImportsStack = "import { DEMO_BUCKET_NAMES } from '../../emulator/seed/demo-constants';\nexport const probe = DEMO_BUCKET_NAMES;\n";
      const stackImportsApp = "import { isFlagged } from '../../app/domain/compliance';\nexport const probe = isFlagged;\n";
      expect(await layerErrors('app/config/boundary-probe.ts', appImportsStack)).toEqual([
        expect.stringMatching(/The console never imports the local stack/),
      ]);
      expect(await layerErrors('emulator/s3/boundary-probe.ts', stackImportsApp)).toEqual([
        expect.stringMatching(/The local stack never imports the console/),
      ]);
      expect(await layerErrors('app/config/boundary-probe.test.ts', appImportsStack)).toEqual([]);
      expect(await layerErrors('emulator/s3/boundary-probe.test.ts', stackImportsApp)).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});
