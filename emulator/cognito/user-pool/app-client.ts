import type { ClientMetadata } from 'oidc-provider';

/**
 * The console's app client: public (no secret), code flow with PKCE. It runs
 * on a loopback address on whatever port is free, so its callback
 * (/auth/callback) and sign-out URL (/) are accepted on any port of
 * http://127.0.0.1 and http://localhost, as RFC 8252 has loopback redirects.
 */
const LOOPBACK_ORIGINS = ['http://127.0.0.1', 'http://localhost'];
const CALLBACK_PATH = '/auth/callback';
const SIGN_OUT_PATH = '/';

/**
 * oidc-provider's metadata for the client. `native` is its name for the
 * RFC 8252 rule: a loopback redirect_uri matches on any port.
 */
export function appClientMetadata(clientId: string): ClientMetadata {
  return {
    client_id: clientId,
    client_name: 'S3 Encryption Console',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: LOOPBACK_ORIGINS.map((origin) => origin + CALLBACK_PATH),
    require_auth_time: true,
  };
}

/** Whether a URL is on one of the client's loopback origins, any port. */
function onLoopbackOrigin(url: URL): boolean {
  return LOOPBACK_ORIGINS.some((origin) => {
    const allowed = new URL(origin);
    return url.protocol === allowed.protocol && url.hostname === allowed.hostname && url.username === '' && url.password === '';
  });
}

/** The client's sign-out URLs (Cognito's LogoutURLs), which /logout's logout_uri must be one of. */
export function isSignOutUrl(uri: string): boolean {
  const url = URL.parse(uri);
  return url !== null && onLoopbackOrigin(url) && url.pathname === SIGN_OUT_PATH && url.search === '' && url.hash === '';
}

/** A browser page of the console may call the token, userInfo and revoke endpoints (oidc-provider's clientBasedCORS). */
export function isAppOrigin(origin: string): boolean {
  const url = URL.parse(origin);
  return url !== null && url.origin === origin && onLoopbackOrigin(url);
}
