import type { AccountClaims, FindAccount } from 'oidc-provider';
import type { UserPool, UserPoolUser } from './users.js';

/**
 * Which claims each scope releases. Cognito puts the cognito:* claims and
 * token_use in every ID token; email needs the email scope. oidc-provider
 * releases only the claims listed here.
 */
export const USER_POOL_CLAIMS = {
  openid: ['sub', 'token_use', 'cognito:username', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role', 'username'],
  email: ['email', 'email_verified'],
  phone: [],
  profile: [],
  'aws.cognito.signin.user.admin': [],
};

/** The claims of an ID token as Cognito issues them; the role claims appear when the user's groups carry roles. */
function idTokenClaims(pool: UserPool, user: UserPoolUser): AccountClaims {
  const groups = pool.groupsOf(user);
  return {
    sub: user.sub,
    token_use: 'id',
    'cognito:username': user.username,
    ...(groups.length > 0 && {
      'cognito:groups': groups.map((group) => group.groupName),
      'cognito:roles': groups.map((group) => group.roleArn),
      'cognito:preferred_role': groups[0].roleArn,
    }),
    email: user.email,
    email_verified: user.emailVerified,
  };
}

/** What Cognito's userInfo endpoint answers. */
function userInfoClaims(user: UserPoolUser): AccountClaims {
  return { sub: user.sub, username: user.username, email: user.email, email_verified: user.emailVerified };
}

/** oidc-provider's account lookup: an account id is the user's sub. */
export function findUserPoolAccount(pool: UserPool): FindAccount {
  return (_ctx, sub) => {
    const user = pool.getUserBySub(sub);
    if (!user) return undefined;
    return {
      accountId: user.sub,
      claims: (use) => (use === 'id_token' ? idTokenClaims(pool, user) : userInfoClaims(user)),
    };
  };
}
