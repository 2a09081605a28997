import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch milliseconds; absent for the root key. */
  expiresAt?: number;
  /** The Cognito identity the credentials were issued to. */
  identityId?: string;
  /** The role the credentials act as ('root' for the long-term key). */
  role: string;
}

const TABLE = 'credentials';

/** The access keys the stack accepts: one long-term root key, and session keys it issued. */
export class CredentialStore {
  constructor(
    private readonly store: Store,
    private readonly root: { accessKeyId: string; secretAccessKey: string },
  ) {}

  find(accessKeyId: string): IssuedCredentials | undefined {
    if (accessKeyId === this.root.accessKeyId) return { ...this.root, role: 'root' };
    return this.store.get<IssuedCredentials>(TABLE, accessKeyId);
  }

  issueSession(ttlSeconds: number, identityId: string, role: string): IssuedCredentials {
    const credentials: IssuedCredentials = {
      accessKeyId: 'ASIA' + randomBytes(8).toString('hex').toUpperCase(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(48).toString('base64'),
      expiresAt: Date.now() + ttlSeconds * 1000,
      identityId,
      role,
    };
    this.store.put(TABLE, credentials.accessKeyId, credentials);
    return credentials;
  }

  /** Ends every issued session now (the root key never expires): their next request gets ExpiredToken. */
  expireAll(now = Date.now()): number {
    const sessions = this.store.list<IssuedCredentials>(TABLE);
    for (const [accessKeyId, credentials] of sessions) {
      this.store.put(TABLE, accessKeyId, { ...credentials, expiresAt: Math.min(credentials.expiresAt ?? now, now) });
    }
    return sessions.length;
  }
}
