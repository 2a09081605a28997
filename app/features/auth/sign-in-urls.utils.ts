import type { UserPoolConfig } from '../../config/app-config';
import { AUTH_CALLBACK_PATH } from '../../routing/routes';

/** Where the managed login sends the browser back with the authorization code: one of the app client's callback URLs. */
export function signInRedirectUri(userPool: UserPoolConfig, origin: string): string {
  return origin + userPool.redirectPath;
}

/**
 * Cognito's sign-out: `/logout` on the managed login domain with the app
 * client and where to go afterwards (one of its sign-out URLs). Cognito does
 * not take OIDC's end_session parameters, so the URL is built here.
 */
export function cognitoLogoutUrl(userPool: UserPoolConfig, origin: string): string {
  const url = new URL(`${userPool.domain}/logout`);
  url.searchParams.set('client_id', userPool.clientId);
  url.searchParams.set('logout_uri', origin + userPool.signOutPath);
  return url.href;
}

/**
 * Cognito's revocation endpoint, `/oauth2/revoke` on the managed login
 * domain: given to oidc-client-ts rather than read from the discovery
 * document, which lives on the issuer, another host on AWS.
 */
export function cognitoRevokeUrl(userPool: UserPoolConfig): string {
  return `${userPool.domain}/oauth2/revoke`;
}

/** A fresh `nonce` for an authorization request: 32 random bytes, base64url. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/**
 * The page to return to after sign-in: a path on the console's own origin,
 * or '/' for anything else, so no value can send the browser to another
 * site (an open redirect) or back into the callback. The normalised path is
 * what is returned, so one that normalises to `//host` (`/.//evil.example`)
 * is refused too: used as a URL, it would name another host.
 */
export function safeReturnPath(candidate: unknown, origin: string): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/')) return '/';
  const url = URL.parse(candidate, origin);
  if (!url || url.origin !== origin || url.pathname.startsWith('//') || url.pathname === AUTH_CALLBACK_PATH) return '/';
  return url.pathname + url.search + url.hash;
}
