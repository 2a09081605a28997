import { readFileSync } from 'node:fs';
import { parseAppConfig } from '../app/config/app-config.js';
import { headerPolicy } from '../app/config/content-security-policy.js';

/**
 * Prints the Content-Security-Policy header the host should send with the console, for the
 * config.json it serves (npm run deploy:csp -- dist/config.json): config.json names the services
 * the console connects to, so the header follows it.
 */
const path = process.argv[2];
if (!path) {
  console.error('usage: npm run deploy:csp -- PATH/TO/config.json');
  process.exit(2);
}
try {
  console.log(headerPolicy(parseAppConfig(JSON.parse(readFileSync(path, 'utf8')))));
} catch (error) {
  console.error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
