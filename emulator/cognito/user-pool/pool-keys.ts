import { generateKeyPairSync, randomBytes, randomUUID, type JsonWebKey } from 'node:crypto';
import type { Store } from '../../store/store.js';

/** A JWK with the members the pool's JWKS publishes (kid, alg, use), as Cognito's does. */
export type SigningJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

const TABLE = 'cognito-user-pool';
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** Made on first use and kept in the store, so a restart with the same data folder keeps it. */
function keptInStore<T>(store: Store, id: string, make: () => T): T {
  const existing = store.get<T>(TABLE, id);
  if (existing !== undefined) return existing;
  const made = make();
  store.put(TABLE, id, made);
  return made;
}

/** The pool's RS256 signing key: tokens issued before a restart still verify after it. */
export function userPoolSigningKey(store: Store): SigningJwk {
  return keptInStore(store, 'signing-key', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  });
}

/** The pool's public keys, as `/.well-known/jwks.json` serves them. */
export function userPoolJwks(store: Store): { keys: SigningJwk[] } {
  const publicKey: SigningJwk = { ...userPoolSigningKey(store) };
  for (const member of PRIVATE_MEMBERS) delete publicKey[member];
  return { keys: [publicKey] };
}

/** The key that signs the sign-in session cookies, so a session outlives a restart as its tokens do. */
export function userPoolCookieKey(store: Store): string {
  return keptInStore(store, 'cookie-key', () => randomBytes(32).toString('base64'));
}
