import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFault } from './http/faults.js';
import { defaultOptions, type StackOptions } from './options.js';
import { DEMO_APP_CLIENT_ID, DEMO_USER_POOL_ID, DEMO_USERS } from './seed/demo-users.js';
import { startStack } from './stack.js';

const USAGE = `Usage: npm run stack -- [options]

  --port N              port to listen on (default 4566, or $PORT)
  --data DIR            folder that keeps state across restarts (default .local-aws)
  --memory              keep everything in memory
  --empty               start without the demo data
  --region R            region the stack serves (default us-east-1)
  --credential-ttl S    lifetime of Cognito-issued credentials in seconds (default 3600)
  --id-token-ttl S      lifetime of the user pool's ID tokens in seconds (default 3600)
  --allow-guests        the identity pool gives unauthenticated (guest) identities
  --console-origin URL  an origin the console is served from (repeatable; default
                        http://127.0.0.1:5173 and http://localhost:5173)
  --max-copy-size B     largest object one CopyObject copies, in bytes (default 5 GiB)
  --latency MS          delay added to every response
  --fault K:RATE[:OPS]  inject faults: K is SlowDown, InternalError or drop; OPS a comma list
  --cors-everywhere     answer CORS on the service endpoint too, for the console's origins
                        (ListBuckets from the console)
`;

export function parseCli(argv: string[]): Partial<StackOptions> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      memory: { type: 'boolean' },
      empty: { type: 'boolean' },
      region: { type: 'string' },
      'credential-ttl': { type: 'string' },
      'id-token-ttl': { type: 'string' },
      'allow-guests': { type: 'boolean' },
      'console-origin': { type: 'string', multiple: true },
      'max-copy-size': { type: 'string' },
      latency: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'cors-everywhere': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const number = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
    return n;
  };
  const overrides: Partial<StackOptions> = {};
  const port = number(values.port ?? process.env.PORT, 'port');
  if (port !== undefined) overrides.port = port;
  if (values.memory) overrides.dataDir = undefined;
  else if (values.data) overrides.dataDir = values.data;
  if (values.empty) overrides.seed = false;
  if (values.region) overrides.region = values.region;
  const ttl = number(values['credential-ttl'], 'credential-ttl');
  if (ttl !== undefined) overrides.credentialTtlSeconds = ttl;
  const idTokenTtl = number(values['id-token-ttl'], 'id-token-ttl');
  if (idTokenTtl !== undefined) overrides.idTokenTtlSeconds = idTokenTtl;
  if (values['allow-guests']) overrides.allowUnauthenticated = true;
  if (values['console-origin']) overrides.consoleOrigins = values['console-origin'].map(checkedOrigin);
  const maxCopy = number(values['max-copy-size'], 'max-copy-size');
  if (maxCopy !== undefined) overrides.maxCopySize = maxCopy;
  const latency = number(values.latency, 'latency');
  if (latency !== undefined) overrides.latencyMs = latency;
  if (values.fault) overrides.faults = values.fault.map(parseFault);
  if (values['cors-everywhere']) overrides.corsEverywhere = true;
  return overrides;
}

/** An origin as browsers send it: scheme, host and port, nothing else. */
function checkedOrigin(value: string): string {
  if (URL.parse(value)?.origin !== value) throw new Error(`--console-origin must be an origin such as http://127.0.0.1:5173, not "${value}"`);
  return value;
}

export function describeStack(endpoint: string, options: StackOptions): string {
  return [
    `Local AWS stack listening on ${endpoint}`,
    `  region            ${options.region}`,
    `  identity pool     ${options.identityPoolId}${options.allowUnauthenticated ? ' (guests allowed)' : ''}`,
    `  console origins   ${options.consoleOrigins.join(', ')}`,
    `  user pool         ${DEMO_USER_POOL_ID(options.region)}, issuer ${endpoint}/${DEMO_USER_POOL_ID(options.region)}, app client ${DEMO_APP_CLIENT_ID}`,
    `  sign in as        ${DEMO_USERS.map((user) => `${user.username} / ${user.password} (${user.group})`).join(', ')}`,
    `  root access key   ${options.rootAccessKeyId}`,
    `  root secret key   ${options.rootSecretAccessKey}`,
    `  storage           ${options.dataDir ?? 'memory'}`,
    `  try: AWS_ACCESS_KEY_ID=${options.rootAccessKeyId} AWS_SECRET_ACCESS_KEY=${options.rootSecretAccessKey} aws --endpoint-url ${endpoint} s3 ls`,
  ].join('\n');
}

async function main(): Promise<void> {
  const overrides = parseCli(process.argv.slice(2));
  const stack = await startStack(overrides);
  console.log(describeStack(stack.endpoint, defaultOptions(overrides)));
  const stop = () => void stack.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// pathToFileURL percent-encodes as import.meta.url does (a checkout path may hold spaces).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
