import type { StackContext } from '../../context.js';

type PoolAddress = Pick<StackContext, 'endpoint' | 'userPool'>;

/** The pool's issuer: the stack's endpoint and the pool id, as Cognito's is https://cognito-idp.REGION.amazonaws.com/POOL_ID. */
export function userPoolIssuer(ctx: PoolAddress): string {
  return `${ctx.endpoint}/${ctx.userPool.userPoolId}`;
}

/** How an identity pool's Logins name the pool: its issuer without the scheme. */
export function userPoolProviderName(ctx: PoolAddress): string {
  return userPoolIssuer(ctx).replace(/^https?:\/\//, '');
}
