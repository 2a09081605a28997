import type { ClientMetadata } from 'oidc-provider';

/**
 * The console's app client: public (no secret), code flow with PKCE. Its
 * callback (/auth/callback) and sign-out URL (/) are registered on the
 * console's origins (options.consoleOrigins) and nowhere else, as a Cognito
 * app client's CallbackURLs and LogoutURLs are: a page on another port of
 * this machine cannot have a user's code sent to it.
 */
const CALLBACK_PATH = '/auth/callback';
const SIGN_OUT_PATH = '/';

/** oidc-provider's metadata for the client; a `web` client's redirect_uri matches exactly, port included. */
export function appClientMetadata(clientId: string, consoleOrigins: readonly string[]): ClientMetadata {
  return {
    client_id: clientId,
    client_name: 'S3 Encryption Console',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: consoleOrigins.map((origin) => origin + CALLBACK_PATH),
    require_auth_time: true,
  };
}

/** The client's sign-out URLs (Cognito's LogoutURLs), which /logout's logout_uri must be one of. */
export function isSignOutUrl(uri: string, consoleOrigins: readonly string[]): boolean {
  return consoleOrigins.some((origin) => uri === origin + SIGN_OUT_PATH);
}

/** A browser page of the console may call the token, userInfo and revoke endpoints (oidc-provider's clientBasedCORS). */
export function isAppOrigin(origin: string, consoleOrigins: readonly string[]): boolean {
  return consoleOrigins.includes(origin);
}
