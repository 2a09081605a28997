import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bucketCorsConfiguration } from './bucket-cors.js';
import { consoleStackTemplate } from './console-stack.js';

/**
 * Writes deploy/console-stack.json and deploy/bucket-cors.json from the
 * TypeScript sources the local stack uses (npm run deploy:template). Both are
 * committed, and a test fails when they differ from what this produces.
 */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** File name (in deploy/) → its content. */
export function generatedFiles(): Record<string, string> {
  return {
    'console-stack.json': json(consoleStackTemplate()),
    'bucket-cors.json': json(bucketCorsConfiguration()),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, content] of Object.entries(generatedFiles())) {
    writeFileSync(new URL(name, import.meta.url), content);
    console.log(`wrote deploy/${name}`);
  }
}
