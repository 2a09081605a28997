import { randomUUID } from 'node:crypto';
import type { AuthFailure } from '../auth/sigv4.js';
import type { StackContext } from '../context.js';
import { CONSOLE_ROLES } from '../iam/console-policies.js';
import { JsonServiceError, type JsonHandler, type JsonService } from '../http/json-protocol.js';
import { verifyLogins, type VerifiedLogin } from './login-token.js';

interface IdentityRecord {
  identityId: string;
  identityPoolId: string;
  creationDate: number;
  /** The sign-ins linked to the identity (VerifiedLogin keys); none for a guest identity. */
  logins?: readonly string[];
}

const IDENTITIES = 'cognito-identities';
/** Which identity each sign-in was given, so the same user always gets the same IdentityId. */
const LOGIN_IDENTITIES = 'cognito-login-identities';

/** The pool's role for signed-in users whose token names no role (Cognito's authenticated role). */
const AUTHENTICATED_ROLE = CONSOLE_ROLES.readOnly;
/** The pool's role for unauthenticated (guest) identities. */
const GUEST_ROLE = CONSOLE_ROLES.guest;

function requireString(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new JsonServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

/** The request's Logins map, or undefined when it names no provider. */
function loginsOf(input: Record<string, unknown>): Record<string, string> | undefined {
  const logins = input.Logins;
  if (logins === undefined || logins === null) return undefined;
  if (typeof logins !== 'object' || Object.values(logins).some((token) => typeof token !== 'string')) {
    throw new JsonServiceError(
      'InvalidParameterException',
      "1 validation error detected: Value at 'logins' failed to satisfy constraint: Map value must be a string",
    );
  }
  return Object.keys(logins).length > 0 ? (logins as Record<string, string>) : undefined;
}

function requireGuestAccess(ctx: StackContext): void {
  if (!ctx.options.allowUnauthenticated) {
    throw new JsonServiceError('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.');
  }
}

function createIdentity(ctx: StackContext, identityPoolId: string, login: VerifiedLogin | undefined): IdentityRecord {
  const identity: IdentityRecord = {
    identityId: `${ctx.options.region}:${randomUUID()}`,
    identityPoolId,
    creationDate: Date.now(),
    ...(login && { logins: [login.key] }),
  };
  ctx.store.put(IDENTITIES, identity.identityId, identity);
  if (login) ctx.store.put(LOGIN_IDENTITIES, login.key, identity.identityId);
  return identity;
}

/**
 * Cognito's "choose role from token": the role of the user's
 * highest-precedence group (cognito:preferred_role), else the pool's
 * authenticated role. Issued credentials carry the role's name.
 */
function roleFromToken(login: VerifiedLogin): string {
  const preferred = login.claims['cognito:preferred_role'];
  return typeof preferred === 'string' ? preferred.slice(preferred.lastIndexOf('/') + 1) : AUTHENTICATED_ROLE;
}

const getId: JsonHandler = async ({ input, ctx }) => {
  const poolId = requireString(input, 'IdentityPoolId');
  if (poolId !== ctx.options.identityPoolId) {
    throw new JsonServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
  }
  const logins = loginsOf(input);
  if (!logins) {
    requireGuestAccess(ctx);
    return { IdentityId: createIdentity(ctx, poolId, undefined).identityId };
  }
  const login = await verifyLogins(ctx, logins);
  const known = ctx.store.get<string>(LOGIN_IDENTITIES, login.key);
  return { IdentityId: known ?? createIdentity(ctx, poolId, login).identityId };
};

/** The role a call may act as: a signed-in identity must present one of its logins again, as on Cognito. */
async function roleFor(ctx: StackContext, identity: IdentityRecord, logins: Record<string, string> | undefined): Promise<string> {
  if (!identity.logins?.length) {
    if (logins)
      throw new JsonServiceError(
        'NotAuthorizedException',
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
      );
    requireGuestAccess(ctx);
    return GUEST_ROLE;
  }
  if (!logins) throw new JsonServiceError('NotAuthorizedException', `Access to Identity '${identity.identityId}' is forbidden.`);
  const login = await verifyLogins(ctx, logins);
  if (!identity.logins.includes(login.key)) {
    throw new JsonServiceError(
      'NotAuthorizedException',
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  }
  return roleFromToken(login);
}

const getCredentialsForIdentity: JsonHandler = async ({ input, ctx }) => {
  const identityId = requireString(input, 'IdentityId');
  const identity = ctx.store.get<IdentityRecord>(IDENTITIES, identityId);
  if (!identity) throw new JsonServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
  const role = await roleFor(ctx, identity, loginsOf(input));
  const credentials = ctx.credentials.issueSession(ctx.options.credentialTtlSeconds, identityId, role);
  return {
    IdentityId: identityId,
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: Math.floor((credentials.expiresAt ?? 0) / 1000),
    },
  };
};

export const cognitoIdentityService: JsonService = {
  targetPrefix: 'AWSCognitoIdentityService',
  signingName: 'cognito-identity',
  handlers: { GetId: getId, GetCredentialsForIdentity: getCredentialsForIdentity },
  unsignedOperations: new Set(['GetId', 'GetCredentialsForIdentity']),
  authError: (failure: AuthFailure) => new JsonServiceError('NotAuthorizedException', failure.message),
};
