import type Provider from 'oidc-provider';
import { isSignOutUrl } from './app-client.js';
import { errorPage } from './login-page.js';
import { sendPage, type ProviderMiddleware } from './login.js';

/** The session cookie's options as oidc-provider sets it (its default `cookies.long`), needed to clear it. */
const SESSION_COOKIE = { httpOnly: true, sameSite: 'lax' } as const;

/**
 * Cognito's sign-out endpoint, `/logout?client_id=…&logout_uri=…` (not OIDC's
 * end_session): the logout_uri must be one of the app client's sign-out URLs;
 * the managed login session ends (issued tokens stay valid until they expire
 * or are revoked, as on Cognito) and the browser goes to logout_uri.
 */
export function cognitoLogout(provider: Provider, consoleOrigins: readonly string[]): ProviderMiddleware {
  return async (koa, next) => {
    if (koa.path !== '/logout' || koa.method !== 'GET') {
      await next();
      return;
    }
    const { client_id: clientId, logout_uri: logoutUri } = koa.query;
    const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
    if (!client || typeof logoutUri !== 'string' || !isSignOutUrl(logoutUri, consoleOrigins)) {
      const problem = client
        ? 'logout_uri is not one of the app client’s sign-out URLs.'
        : 'client_id does not name an app client of this user pool.';
      sendPage(koa, 400, errorPage('Sign-out failed', problem));
      return;
    }
    const session = await provider.Session.get(koa);
    await session.destroy();
    koa.cookies.set(provider.cookieName('session'), null, SESSION_COOKIE);
    koa.set('cache-control', 'no-store');
    koa.redirect(logoutUri);
  };
}
