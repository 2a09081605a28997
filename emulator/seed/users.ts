import type { StackContext } from '../context.js';
import { DEMO_GROUPS, DEMO_USERS } from './demo-users.js';

/**
 * The demo groups and users of the local user pool, made when missing. They
 * exist on every stack, --empty ones included, so the console can always sign in.
 */
export async function seedDemoUsers(ctx: StackContext): Promise<void> {
  for (const { groupName, roleName, precedence } of DEMO_GROUPS) {
    if (ctx.userPool.getGroup(groupName)) continue;
    const role = ctx.iam.roles.get(roleName);
    if (!role) throw new Error(`group ${groupName} names role ${roleName}, which the account does not have`);
    ctx.userPool.createGroup({ groupName, roleArn: role.arn, precedence });
  }
  for (const { username, password, email, group } of DEMO_USERS) {
    if (ctx.userPool.getUser(username)) continue;
    await ctx.userPool.adminCreateUser({ username, password, email, groups: [group] });
  }
}
