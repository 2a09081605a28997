import { createServer } from 'vite';
import { describeStack } from '../cli.js';
import { DEMO_MAX_COPY_SIZE } from '../seed/demo-constants.js';
import { CONSOLE_DEV_PORT, loopbackOrigins } from '../options.js';
import { startStack } from '../stack.js';
import { demoConsoleConfig, serveConsoleConfig } from './console-config.js';

/** `npm start`: the seeded stack and the console's dev server in one process. */
async function main(): Promise<void> {
  const stack = await startStack({ maxCopySize: DEMO_MAX_COPY_SIZE, consoleOrigins: loopbackOrigins(CONSOLE_DEV_PORT) });
  const { region, identityPoolId } = stack.ctx.options;
  const vite = await createServer({
    // The stack answers the console on its origins only, so the console may not move to another port.
    server: { port: CONSOLE_DEV_PORT, strictPort: true },
    plugins: [serveConsoleConfig(demoConsoleConfig(stack.endpoint, region, identityPoolId))],
  });
  await vite.listen();
  const consoleUrl = vite.resolvedUrls?.local[0] ?? `${stack.ctx.options.consoleOrigins[0]}/`;
  console.log(describeStack(stack.endpoint, stack.ctx.options));
  console.log(`\nS3 Encryption Console on ${consoleUrl}`);
  console.log('  "Sign in" opens the user pool\'s login page: use one of the demo users above.');
  const stop = () => void Promise.all([vite.close(), stack.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
