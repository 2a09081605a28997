import { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { StackContext } from '../../context.js';
import { findUserPoolAccount, USER_POOL_CLAIMS } from './account.js';
import { storeAdapter } from './adapter.js';
import { appClientMetadata, isAppOrigin } from './app-client.js';
import { errorPage } from './login-page.js';
import { LOGIN_PATH, sendPage } from './login.js';
import { userPoolCookieKey, userPoolSigningKey } from './pool-keys.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Cognito's managed login session lasts an hour; refresh tokens 30 days; authorization codes 5 minutes. */
const TTL = {
  AccessToken: HOUR,
  AuthorizationCode: 5 * 60,
  Interaction: HOUR,
  Session: HOUR,
  RefreshToken: 30 * DAY,
  Grant: 30 * DAY,
};

/** Cognito has no consent screen: the grant covers whatever the signed-in user's app asks for. */
async function grantWithoutConsent(ctx: KoaContextWithOIDC) {
  const { provider, client, session } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = session.grantIdFor(client.clientId);
  const grant = (grantId && (await provider.Grant.find(grantId))) || new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
  await grant.save();
  return grant;
}

function noConsentPolicy() {
  const policy = interactionPolicy.base();
  policy.remove('consent');
  return policy;
}

/** oidc-provider's settings that make it answer as a Cognito user pool does. */
export function userPoolConfiguration(ctx: StackContext): Configuration {
  const { userPool, store, options } = ctx;
  return {
    adapter: storeAdapter(store),
    clients: [appClientMetadata(userPool.clientId, options.consoleOrigins)],
    clientBasedCORS: (_ctx, origin) => isAppOrigin(origin, options.consoleOrigins),
    findAccount: findUserPoolAccount(userPool),
    claims: USER_POOL_CLAIMS,
    scopes: Object.keys(USER_POOL_CLAIMS),
    // Cognito's ID tokens carry the scope's claims although userInfo exists.
    conformIdTokenClaims: false,
    jwks: { keys: [userPoolSigningKey(store)] },
    cookies: { keys: [userPoolCookieKey(store)] },
    pkce: { required: () => true },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Cognito does not rotate refresh tokens by default, and signing out of managed login leaves tokens valid.
    rotateRefreshToken: false,
    expiresWithSession: () => false,
    loadExistingGrant: grantWithoutConsent,
    interactions: {
      policy: noConsentPolicy(),
      url: (_ctx, interaction) => `/${userPool.userPoolId}${LOGIN_PATH}/${interaction.uid}`,
    },
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userInfo',
      revocation: '/oauth2/revoke',
      jwks: '/.well-known/jwks.json',
    },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      // Cognito revokes a token for the app client it was issued to.
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      userinfo: { enabled: true },
      // Cognito signs out at /logout with its own parameters (logout.ts), not OIDC's end_session.
      rpInitiatedLogout: { enabled: false },
      // Neither is offered by Cognito, so neither is advertised.
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
    },
    ttl: { ...TTL, IdToken: options.idTokenTtlSeconds },
    renderError: (koa, out) => sendPage(koa, koa.status, errorPage('Sign-in failed', `${out.error}: ${out.error_description ?? ''}`)),
  };
}
