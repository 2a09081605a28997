import type { CredentialStore } from './auth/credentials.js';
import type { ActiveFaults } from './http/faults.js';
import type { UserPool } from './cognito/user-pool/users.js';
import type { Authorizer } from './iam/authorizer.js';
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
  /** The account's IAM roles; every S3 and KMS request is authorized against them. */
  iam: Authorizer;
  userPool: UserPool;
  /** The faults requests draw from now: options.faults at start, changed through the control API (/_local-aws/faults). */
  faults: ActiveFaults;
  /** http://HOST:PORT as clients reach the stack; set again once listening, as port 0 picks a free port. */
  endpoint: string;
}
