import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CredentialStore } from './auth/credentials.js';
import { UserPool } from './cognito/user-pool/users.js';
import type { StackContext } from './context.js';
import { ActiveFaults } from './http/faults.js';
import { createStackServer } from './http/server.js';
import { Authorizer } from './iam/authorizer.js';
import { ensureConsoleRoles } from './iam/console-roles.js';
import { KeyStore } from './kms/key-store.js';
import { defaultOptions, type StackOptions } from './options.js';
import { AtRestCipher } from './s3/at-rest.js';
import { referencedBlobIds } from './s3/blob-references.js';
import { DEMO_APP_CLIENT_ID, DEMO_USER_POOL_ID } from './seed/demo-users.js';
import { seedDemoData } from './seed/seed.js';
import { seedDemoUsers } from './seed/users.js';
import { DiskStore } from './store/disk-store.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';

export interface RunningStack {
  endpoint: string;
  port: number;
  ctx: StackContext;
  close(): Promise<void>;
}

const STACK_TABLE = 'stack';

/** The stack's own master key (it wraps SSE-S3 data keys); made once per data folder. */
function masterKey(store: Store): Buffer {
  const existing = store.get<string>(STACK_TABLE, 'master-key');
  if (existing) return Buffer.from(existing, 'base64');
  const key = randomBytes(32);
  store.put(STACK_TABLE, 'master-key', key.toString('base64'));
  return key;
}

export function createContext(options: StackOptions): StackContext {
  const store: Store = options.dataDir ? new DiskStore(options.dataDir) : new MemoryStore();
  const kms = new KeyStore(store, options.region, options.accountId);
  return {
    options,
    store,
    kms,
    credentials: new CredentialStore(store, {
      accessKeyId: options.rootAccessKeyId,
      secretAccessKey: options.rootSecretAccessKey,
    }),
    atRest: new AtRestCipher(store, kms, masterKey(store)),
    iam: new Authorizer(store, options.accountId),
    userPool: new UserPool(store, DEMO_USER_POOL_ID(options.region), DEMO_APP_CLIENT_ID),
    faults: new ActiveFaults(options.faults),
    endpoint: `http://${options.hostname}:${options.port}`,
  };
}

export async function startStack(overrides: Partial<StackOptions> = {}): Promise<RunningStack> {
  const options = defaultOptions(overrides);
  const ctx = createContext(options);
  // Writes store bytes before the record naming them and delete old bytes after it, so a stack that stopped
  // mid-request may have left bytes nothing names: they go before anything is served.
  ctx.store.removeBlobsExcept(referencedBlobIds(ctx.store));
  ensureConsoleRoles(ctx.iam.roles, options);
  if (options.seed && !ctx.store.get(STACK_TABLE, 'seeded')) {
    await seedDemoData(ctx);
    ctx.store.put(STACK_TABLE, 'seeded', true);
  }
  await seedDemoUsers(ctx);
  const server = createStackServer(ctx);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  ctx.endpoint = `http://${options.hostname}:${port}`;
  return {
    endpoint: ctx.endpoint,
    port,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          ctx.store.close();
          resolve();
        });
      }),
  };
}
