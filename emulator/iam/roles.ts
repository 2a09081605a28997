import type { Store } from '../store/store.js';
import type { PolicyDocument } from './policy.js';
import { checkPolicyDocument } from './policy-check.js';

/** An inline policy of a role, named as IAM names it (PutRolePolicy's PolicyName). */
export interface RolePolicy {
  policyName: string;
  document: PolicyDocument;
}

export interface Role {
  roleName: string;
  arn: string;
  policies: readonly RolePolicy[];
}

const ROLES = 'iam-roles';

/** The account's roles and their permissions policies. */
export class RoleStore {
  constructor(
    private readonly store: Store,
    private readonly accountId: string,
  ) {}

  get(roleName: string): Role | undefined {
    return this.store.get<Role>(ROLES, roleName);
  }

  /** Stores the role; a policy IAM would refuse throws MalformedPolicyDocument and nothing is stored. */
  put(roleName: string, policies: readonly RolePolicy[]): Role {
    for (const { policyName, document } of policies) checkPolicyDocument(policyName, document);
    const role: Role = { roleName, arn: `arn:aws:iam::${this.accountId}:role/${roleName}`, policies };
    this.store.put(ROLES, roleName, role);
    return role;
  }

  /** Creates the role unless it exists: a kept data folder keeps the policies it has. */
  ensure(roleName: string, policies: readonly RolePolicy[]): Role {
    return this.get(roleName) ?? this.put(roleName, policies);
  }
}
