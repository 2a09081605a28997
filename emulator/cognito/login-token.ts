import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { StackContext } from '../context.js';
import { JsonServiceError } from '../http/json-protocol.js';
import { userPoolIssuer, userPoolProviderName } from './user-pool/issuer.js';
import { userPoolJwks } from './user-pool/pool-keys.js';

/** A user pool sign-in the identity pool accepted. */
export interface VerifiedLogin {
  /** Stable across restarts on other ports (the provider name holds the port): the pool id and the user's sub. */
  key: string;
  claims: JWTPayload;
}

function notAuthorized(message: string): JsonServiceError {
  return new JsonServiceError('NotAuthorizedException', message);
}

const NOT_AN_ID_TOKEN = 'Invalid login token. Not a valid OpenId Connect identity token.';
const UNSUPPORTED_PROVIDER = 'Token is not from a supported provider of this identity pool.';

/** Cognito names a provider without its scheme; an issuer is compared the same way. */
function withoutScheme(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/**
 * Checks a Logins map as Cognito's identity pool does for a user pool
 * provider, with Cognito's messages: the token's issuer must be the key it
 * is given under, the key must be this pool's, then signature (the pool's
 * JWKS), expiry, audience (the app client) and token_use 'id'.
 */
export async function verifyLogins(ctx: StackContext, logins: Record<string, string>): Promise<VerifiedLogin> {
  const entries = Object.entries(logins);
  if (entries.length !== 1) throw notAuthorized(UNSUPPORTED_PROVIDER);
  const [[providerName, token]] = entries;
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw notAuthorized(NOT_AN_ID_TOKEN);
  }
  if (typeof unverified.iss !== 'string' || withoutScheme(unverified.iss) !== providerName) {
    throw notAuthorized("Invalid login token. Issuer doesn't match providerName");
  }
  if (providerName !== userPoolProviderName(ctx)) throw notAuthorized(UNSUPPORTED_PROVIDER);

  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, createLocalJWKSet(userPoolJwks(ctx.store)), {
      algorithms: ['RS256'],
      issuer: userPoolIssuer(ctx),
      audience: ctx.userPool.clientId,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw notAuthorized(`Invalid login token. Token expired: ${Math.floor(Date.now() / 1000)} >= ${String(error.payload.exp)}`);
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') throw notAuthorized(UNSUPPORTED_PROVIDER);
    throw notAuthorized("Invalid login token. Couldn't verify signed token.");
  }
  if (claims.token_use !== 'id' || typeof claims.sub !== 'string') throw notAuthorized(NOT_AN_ID_TOKEN);
  return { key: `${ctx.userPool.userPoolId}/${claims.sub}`, claims };
}
