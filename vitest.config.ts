import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'emulator/**/*.test.ts', 'deploy/**/*.test.ts'],
    // Sized for a shared 2-core machine under load; tests of thousands of requests take timeForRequests (emulator/test/harness.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
