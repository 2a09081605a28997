import { CONSOLE_ROLES } from '../iam/console-policies.js';

/**
 * The local user pool's demo sign-ins, its app client and its groups. Plain
 * data, safe to import in a browser. The passwords are public on purpose:
 * never reuse them anywhere else.
 */

export interface DemoUser {
  username: string;
  password: string;
  email: string;
  /** The group the user belongs to, which picks the IAM role the identity pool hands out. */
  group: string;
}

export interface DemoGroup {
  groupName: string;
  /** The IAM role (in the stack's account) members receive, as a Cognito group's RoleArn names it. */
  roleName: string;
  /** Lower wins when a user is in several groups (Cognito's Precedence). */
  precedence: number;
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { groupName: 're-encrypt', roleName: CONSOLE_ROLES.reEncrypt, precedence: 1 },
  { groupName: 'read-only', roleName: CONSOLE_ROLES.readOnly, precedence: 2 },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'alice', password: 'Alice-Demo-Pass-1', email: 'alice@example.com', group: 're-encrypt' },
  { username: 'rob', password: 'Rob-Demo-Pass-1', email: 'rob@example.com', group: 'read-only' },
];

/** A user pool id is REGION_ID; this one can never be an S3 bucket name (no '_' or capitals there). */
export function DEMO_USER_POOL_ID(region: string): string {
  return `${region}_LocalPool`;
}

/** The console's app client: public (no secret), authorization code with PKCE. */
export const DEMO_APP_CLIENT_ID = 'local-console-client';
