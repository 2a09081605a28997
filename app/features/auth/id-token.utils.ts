/** The ID token claims the console reads (Cognito's, as oidc-client-ts keeps them in the user's profile). */
export interface IdTokenClaims {
  readonly [claim: string]: unknown;
  sub: string;
  exp: number;
  iat: number;
  email?: unknown;
  'cognito:username'?: unknown;
  'cognito:preferred_role'?: unknown;
}

/** Who is signed in, as the top navigation shows them. */
export interface SignedInUser {
  /** The user's never-reused id in the user pool: what their jobs and added buckets are kept under. */
  sub: string;
  username: string;
  email?: string;
  /**
   * The IAM role the identity pool hands out for this token: the role of the
   * user's highest-precedence group (cognito:preferred_role). Absent when no
   * group carries a role: the pool then gives its authenticated role.
   */
  roleName?: string;
}

const LONGEST_RENEWAL_MARGIN_SECONDS = 60;

/**
 * Whether to renew the ID token before handing it to the identity pool,
 * which refuses an expired one: when less than a minute is left, or a
 * quarter of its life for short-lived tokens (so a 20-second token is not
 * renewed on every use).
 */
export function idTokenNeedsRenewal({ exp, iat }: Pick<IdTokenClaims, 'exp' | 'iat'>, nowSeconds: number): boolean {
  const margin = Math.min(LONGEST_RENEWAL_MARGIN_SECONDS, (exp - iat) / 4);
  return exp - nowSeconds <= margin;
}

/** An IAM role ARN's last path segment is the role's name (arn:aws:iam::ACCOUNT:role/path/NAME). */
function roleNameOf(arn: unknown): string | undefined {
  if (typeof arn !== 'string' || !/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(arn)) return undefined;
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function signedInUserOf(claims: IdTokenClaims): SignedInUser {
  const username = claims['cognito:username'];
  const roleName = roleNameOf(claims['cognito:preferred_role']);
  return {
    sub: claims.sub,
    username: typeof username === 'string' ? username : claims.sub,
    ...(typeof claims.email === 'string' && { email: claims.email }),
    ...(roleName && { roleName }),
  };
}
