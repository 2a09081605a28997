import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store } from '../../store/store.js';

export interface UserPoolGroup {
  groupName: string;
  roleArn: string;
  /** Lower wins: the role of a user's lowest-precedence group is the preferred one. */
  precedence: number;
}

export interface UserPoolUser {
  /** Cognito's immutable user id, the `sub` of every token. */
  sub: string;
  username: string;
  email: string;
  emailVerified: boolean;
  groups: readonly string[];
  /** scrypt of the password under a per-user salt; the password itself is never stored. */
  password: { salt: string; hash: string };
}

const USERS = 'cognito-users';
const USERNAMES = 'cognito-usernames';
const GROUPS = 'cognito-groups';
const HASH_BYTES = 32;

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** The users and groups of the local user pool (one pool, one app client). */
export class UserPool {
  constructor(
    private readonly store: Store,
    readonly userPoolId: string,
    readonly clientId: string,
  ) {}

  createGroup(group: UserPoolGroup): void {
    this.store.put(GROUPS, group.groupName, group);
  }

  getGroup(groupName: string): UserPoolGroup | undefined {
    return this.store.get<UserPoolGroup>(GROUPS, groupName);
  }

  /** AdminCreateUser with a permanent password and a verified email, then AdminAddUserToGroup. */
  async adminCreateUser(input: { username: string; password: string; email: string; groups: readonly string[] }): Promise<UserPoolUser> {
    const salt = randomBytes(16);
    const hash = await scryptAsync(input.password, salt, HASH_BYTES);
    const user: UserPoolUser = {
      sub: randomUUID(),
      username: input.username,
      email: input.email,
      emailVerified: true,
      groups: input.groups,
      password: { salt: salt.toString('base64'), hash: hash.toString('base64') },
    };
    this.store.put(USERS, user.sub, user);
    this.store.put(USERNAMES, user.username, user.sub);
    return user;
  }

  getUser(username: string): UserPoolUser | undefined {
    const sub = this.store.get<string>(USERNAMES, username);
    return sub === undefined ? undefined : this.getUserBySub(sub);
  }

  getUserBySub(sub: string): UserPoolUser | undefined {
    return this.store.get<UserPoolUser>(USERS, sub);
  }

  /** The user whose password this is, or undefined; an unknown username costs the same hashing as a wrong password. */
  async authenticate(username: string, password: string): Promise<UserPoolUser | undefined> {
    const user = this.getUser(username);
    const salt = user ? Buffer.from(user.password.salt, 'base64') : randomBytes(16);
    const hash = await scryptAsync(password, salt, HASH_BYTES);
    if (!user) return undefined;
    return timingSafeEqual(hash, Buffer.from(user.password.hash, 'base64')) ? user : undefined;
  }

  /** The user's groups that exist, by precedence (the first one's role is the preferred role). */
  groupsOf(user: UserPoolUser): UserPoolGroup[] {
    return user.groups
      .map((name) => this.getGroup(name))
      .filter((group): group is UserPoolGroup => group !== undefined)
      .sort((a, b) => a.precedence - b.precedence);
  }
}
