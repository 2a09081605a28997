import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * package.json's `dependencies` are exactly the packages the browser bundle
 * imports; whatever only the stack, the tests, the benchmark or the
 * deployment use is a devDependency (`npm ci` installs both, so every
 * script keeps working).
 */

const ROOT = resolve(import.meta.dirname, '..');
const ENTRY = resolve(ROOT, 'app/main.tsx');

/** Value imports and re-exports, side-effect imports (CSS) and dynamic imports; `import type` leaves nothing in the bundle. */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function moduleFile(specifier: string, importer: string): string {
  const base = resolve(dirname(importer), specifier);
  const file = [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
  if (!file) throw new Error(`${importer} imports ${specifier}, which is no file`);
  return file;
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The packages reached from the entry point through the app's own modules. */
function bundledPackages(): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [ENTRY];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith('.')) pending.push(moduleFile(specifier, file));
      else packages.add(packageOf(specifier));
    }
  }
  return [...packages].sort();
}

describe('package.json', () => {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it('lists as dependencies exactly the packages the browser bundle imports', () => {
    expect(Object.keys(manifest.dependencies).sort()).toEqual(bundledPackages());
  });
});
