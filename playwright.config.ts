import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_APP_PORT } from './e2e/ports';

const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: 'retain-on-failure',
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
    timeout: 60_000,
    stdout: 'pipe',
  },
});
