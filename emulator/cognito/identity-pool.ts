import { randomUUID } from 'node:crypto';
import type { AuthFailure } from '../auth/sigv4.js';
import { JsonServiceError, type JsonHandler, type JsonService } from '../http/json-protocol.js';

interface IdentityRecord {
  identityId: string;
  identityPoolId: string;
  creationDate: number;
}

const IDENTITIES = 'cognito-identities';
export const GUEST_ROLE = 'Cognito_LocalUnauth_Role';

function requireString(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new JsonServiceError('InvalidParameterException', `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

const getId: JsonHandler = ({ input, ctx }) => {
  const poolId = requireString(input, 'IdentityPoolId');
  if (poolId !== ctx.options.identityPoolId) {
    throw new JsonServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
  }
  if (input.Logins !== undefined && Object.keys(input.Logins as object).length > 0) {
    throw new JsonServiceError('NotAuthorizedException', 'Logins are not accepted by this identity pool yet; sign in as a guest.');
  }
  const identity: IdentityRecord = {
    identityId: `${ctx.options.region}:${randomUUID()}`,
    identityPoolId: poolId,
    creationDate: Date.now(),
  };
  ctx.store.put(IDENTITIES, identity.identityId, identity);
  return { IdentityId: identity.identityId };
};

const getCredentialsForIdentity: JsonHandler = ({ input, ctx }) => {
  const identityId = requireString(input, 'IdentityId');
  const identity = ctx.store.get<IdentityRecord>(IDENTITIES, identityId);
  if (!identity) throw new JsonServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
  const credentials = ctx.credentials.issueSession(ctx.options.credentialTtlSeconds, identityId, GUEST_ROLE);
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
