import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'emulator/**/*.test.ts', 'deploy/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
