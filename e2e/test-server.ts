import { preview } from 'vite';
import { demoConsoleConfig, serveConsoleConfig } from '../emulator/dev/console-config.js';
import { DEMO_MAX_COPY_SIZE } from '../emulator/seed/demo-constants.js';
import { loopbackOrigins } from '../emulator/options.js';
import { startStack } from '../emulator/stack.js';
import { E2E_APP_PORT, E2E_DIST_DIR, E2E_STACK_PORT } from './ports.js';

/** How long the user pool's ID tokens last: short (playwright.config.ts) so the console renews them during a run. */
const idTokenTtlSeconds = Number(process.env.E2E_ID_TOKEN_TTL ?? 3600);

/**
 * Playwright's web server: a fresh seeded in-memory stack and the built console pointed at it.
 * The stack answers the console's origin only, and gives guests credentials for the guest journey (auth.spec.ts).
 */
const stack = await startStack({
  port: E2E_STACK_PORT,
  dataDir: undefined,
  maxCopySize: DEMO_MAX_COPY_SIZE,
  idTokenTtlSeconds,
  consoleOrigins: loopbackOrigins(E2E_APP_PORT),
  allowUnauthenticated: true,
});
const { region, identityPoolId } = stack.ctx.options;
await preview({
  preview: { port: E2E_APP_PORT, strictPort: true },
  build: { outDir: E2E_DIST_DIR },
  plugins: [serveConsoleConfig(demoConsoleConfig(stack.endpoint, region, identityPoolId))],
});
console.log(`e2e: stack ${stack.endpoint} (ID tokens last ${idTokenTtlSeconds} s), console http://127.0.0.1:${E2E_APP_PORT}`);
