import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_APP_PORT, E2E_RESULTS_DIR } from './e2e/ports';

const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Sized for a shared 2-core machine under load (CI runs beside other work): waits are for events, and an
  // event that takes 5 s when the machine is idle can take 20 s when it is not.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // A failed test leaves its trace and screenshot here; .ci/run prints the folder's files when the suite fails.
  outputDir: E2E_RESULTS_DIR,
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      // Without these, Chromium keeps reaching for Google services this closed network refuses.
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'npx tsx e2e/test-server.ts',
    url: `http://127.0.0.1:${E2E_APP_PORT}/config.json`,
    reuseExistingServer: false,
    // ID tokens that expire during the run: a page that needs credentials later goes through the console's renewal.
    env: { E2E_ID_TOKEN_TTL: process.env.E2E_ID_TOKEN_TTL ?? '20' },
    // Seeding the demo's 3,565 objects takes seconds on an idle machine, several times that on a busy one.
    timeout: 180_000,
    stdout: 'pipe',
  },
});
