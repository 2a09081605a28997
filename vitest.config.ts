import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'emulator/**/*.test.ts', 'deploy/**/*.test.ts', '*.test.ts'],
    // Sized for a shared 2-core machine under load; tests of thousands of requests take timeForRequests (emulator/test/harness.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `vitest run --coverage` (npm test): the console's and the stack's sources, not the tests or their support modules.
    coverage: {
      provider: 'v8',
      include: ['app/**/*.{ts,tsx}', 'emulator/**/*.ts'],
      exclude: ['**/*.test.{ts,tsx}', '**/*test-support.ts', 'emulator/test/**'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
});
