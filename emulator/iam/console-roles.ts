import type { StackOptions } from '../options.js';
import { CONSOLE_POLICY_NAME, consoleRolePolicies } from './console-policies.js';
import type { RoleStore } from './roles.js';

/**
 * The console's roles are the stack's configuration, not demo data: they are
 * made on every start where missing. On the local stack they cover every
 * bucket and KMS key of the account, so a bucket a user creates and adds by
 * hand works like a demo one; a deployment scopes the same documents to its
 * buckets and keys.
 */
export function ensureConsoleRoles(roles: RoleStore, options: Pick<StackOptions, 'region' | 'accountId'>): void {
  const policies = consoleRolePolicies({
    partition: 'aws',
    region: options.region,
    accountId: options.accountId,
    bucketArns: '*',
    kmsKeyArns: '*',
  });
  for (const [roleName, document] of Object.entries(policies)) {
    roles.ensure(roleName, [{ policyName: CONSOLE_POLICY_NAME, document }]);
  }
}
