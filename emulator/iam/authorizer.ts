import type { Store } from '../store/store.js';
import type { AccessDenial } from './access-denied.js';
import { evaluatePolicies } from './evaluate.js';
import type { AuthorizationRequest } from './policy.js';
import { RoleStore } from './roles.js';

/** Whoever signed the request: the role its credentials act as ('root' for the account's long-term key). */
export interface Principal {
  role: string;
}

export const ROOT_ROLE = 'root';

/**
 * The session name of credentials from a Cognito identity pool, which
 * assumes the role with AssumeRoleWithWebIdentity under this name.
 */
const COGNITO_SESSION_NAME = 'CognitoIdentityCredentials';

/** The account's roles, and the check every S3 and KMS request goes through before its handler. */
export class Authorizer {
  readonly roles: RoleStore;

  constructor(
    store: Store,
    private readonly accountId: string,
  ) {
    this.roles = new RoleStore(store, accountId);
  }

  /**
   * The first of `requests` the principal's role may not make, or undefined
   * when it may make them all. The root key is allowed everything, as an
   * account's root user is; a role the account lacks is allowed nothing.
   */
  authorize(
    principal: Principal,
    requests: readonly AuthorizationRequest[],
    context: Readonly<Record<string, string>> = {},
  ): AccessDenial | undefined {
    if (principal.role === ROOT_ROLE) return undefined;
    const documents = (this.roles.get(principal.role)?.policies ?? []).map((policy) => policy.document);
    const now = new Date();
    const global = { 'aws:CurrentTime': now.toISOString(), 'aws:EpochTime': String(Math.floor(now.getTime() / 1000)), ...context };
    for (const request of requests) {
      const decision = evaluatePolicies(documents, { ...request, context: { ...global, ...request.context } });
      if (decision !== 'Allow') {
        return { principalArn: this.sessionArn(principal), action: request.action, resource: request.resource, decision };
      }
    }
    return undefined;
  }

  private sessionArn(principal: Principal): string {
    return `arn:aws:sts::${this.accountId}:assumed-role/${principal.role}/${COGNITO_SESSION_NAME}`;
  }
}
