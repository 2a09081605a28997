import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CredentialStore } from './auth/credentials.js';
import type { StackContext } from './context.js';
import { createStackServer } from './http/server.js';
import { KeyStore } from './kms/key-store.js';
import { defaultOptions, type StackOptions } from './options.js';
import { AtRestCipher } from './s3/at-rest.js';
import { seedDemoData } from './seed/seed.js';
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
  };
}

export async function startStack(overrides: Partial<StackOptions> = {}): Promise<RunningStack> {
  const options = defaultOptions(overrides);
  const ctx = createContext(options);
  if (options.seed && !ctx.store.get(STACK_TABLE, 'seeded')) {
    await seedDemoData(ctx);
    ctx.store.put(STACK_TABLE, 'seeded', true);
  }
  const server = createStackServer(ctx);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${options.hostname}:${port}`,
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
