import type { CredentialStore } from './auth/credentials.js';
import type { KeyStore } from './kms/key-store.js';
import type { StackOptions } from './options.js';
import type { AtRestCipher } from './s3/at-rest.js';
import type { Store } from './store/store.js';

/** The services one running stack shares between its protocols. */
export interface StackContext {
  options: StackOptions;
  store: Store;
  credentials: CredentialStore;
  kms: KeyStore;
  atRest: AtRestCipher;
}
