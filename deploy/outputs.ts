import { ref, sub, type CfnOutput } from './cloudformation.js';
import { param } from './parameters.js';
import { IDENTITY_POOL, USER_POOL, USER_POOL_CLIENT } from './logical-ids.js';

/** What the stack hands back: the ids config.json needs, and a config.json ready to serve. */

const ISSUER = 'https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}';
const MANAGED_LOGIN_DOMAIN = 'https://${DomainPrefix}.auth.${AWS::Region}.amazoncognito.com';

/** config.json for this stack; `allowGuests` is JSON true or false, and `buckets` a list of the bucket names. */
function configJson(): string {
  const config = {
    region: '${AWS::Region}',
    cognito: {
      identityPoolId: '${IdentityPool}',
      userPool: {
        issuer: ISSUER,
        clientId: '${UserPoolClient}',
        domain: MANAGED_LOGIN_DOMAIN,
        redirectPath: '${CallbackPath}',
        signOutPath: '${SignOutPath}',
      },
      allowGuests: '${AllowGuests}',
    },
    buckets: ['${BucketList}'],
  };
  return JSON.stringify(config, null, 2).replace('"${AllowGuests}"', () => '${AllowGuests}');
}

export function outputs(): Record<string, CfnOutput> {
  return {
    UserPoolId: { Description: 'The user pool users sign in to', Value: ref(USER_POOL) },
    ClientId: { Description: "The console's app client (public, no secret)", Value: ref(USER_POOL_CLIENT) },
    IdentityPoolId: { Description: 'The identity pool that hands out credentials', Value: ref(IDENTITY_POOL) },
    Issuer: { Description: "The user pool's OpenID Connect issuer", Value: sub(ISSUER) },
    ManagedLoginDomain: { Description: 'Managed login (sign-in and /logout pages)', Value: sub(MANAGED_LOGIN_DOMAIN) },
    ConfigJson: {
      Description: 'config.json for the console (add "policy" if compliance means SSE-KMS under given keys)',
      Value: sub(configJson(), { BucketList: { 'Fn::Join': ['", "', param('BucketNames')] } }),
    },
  };
}
