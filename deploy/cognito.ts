import { DEMO_GROUPS } from '../emulator/seed/demo-users.js';
import { CONSOLE_ROLES } from '../emulator/iam/console-policies.js';
import { getAtt, ifCondition, NO_VALUE, ref, sub, type CfnResource } from './cloudformation.js';
import { param } from './parameters.js';
import { IDENTITY_POOL, USER_POOL, USER_POOL_CLIENT } from './logical-ids.js';
import { GUESTS_ALLOWED, roleArn } from './roles.js';

/**
 * The user pool users sign in to through managed login, the console's app
 * client, the groups that pick each user's role, and the identity pool that
 * turns an ID token into credentials of that role: the same arrangement as
 * the local stack's (README: Signing in on the local stack).
 */

/** Tokens last as long as the local pool's: an hour, and 30 days for refresh tokens. */
const TOKEN_VALIDITY = {
  IdTokenValidity: 60,
  AccessTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
};

const userPool: CfnResource = {
  Type: 'AWS::Cognito::UserPool',
  Properties: {
    UserPoolName: sub('${AWS::StackName}-users'),
    UserPoolTier: 'ESSENTIALS',
    // Users sign in with their email address; administrators create them (no self sign-up).
    UsernameAttributes: ['email'],
    UsernameConfiguration: { CaseSensitive: false },
    AutoVerifiedAttributes: ['email'],
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    MfaConfiguration: 'OPTIONAL',
    EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    UserPoolAddOns: { AdvancedSecurityMode: 'OFF' },
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 7,
      },
    },
  },
};

/** The managed login pages (version 2), on https://PREFIX.auth.REGION.amazoncognito.com. */
const userPoolDomain: CfnResource = {
  Type: 'AWS::Cognito::UserPoolDomain',
  Properties: { Domain: param('DomainPrefix'), UserPoolId: ref(USER_POOL), ManagedLoginVersion: 2 },
};

/** Managed login shows an app client's pages only once the client has a style; Cognito's own will do. */
const managedLoginBranding: CfnResource = {
  Type: 'AWS::Cognito::ManagedLoginBranding',
  Properties: { UserPoolId: ref(USER_POOL), ClientId: ref(USER_POOL_CLIENT), UseCognitoProvidedValues: true },
};

/**
 * A public client: a browser cannot keep a secret. Authorization code flow
 * only (the console sends PKCE S256), through managed login alone: no
 * password flows of the API, just refresh tokens.
 */
const userPoolClient: CfnResource = {
  Type: 'AWS::Cognito::UserPoolClient',
  Properties: {
    ClientName: 'S3 Encryption Console',
    UserPoolId: ref(USER_POOL),
    GenerateSecret: false,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [sub('${ConsoleOrigin}${CallbackPath}')],
    LogoutURLs: [sub('${ConsoleOrigin}${SignOutPath}')],
    SupportedIdentityProviders: ['COGNITO'],
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
    ...TOKEN_VALIDITY,
  },
};

/** 're-encrypt' → the group's logical id 'ReEncryptGroup'. */
function groupLogicalId(groupName: string): string {
  return `${groupName.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase())}Group`;
}

/** A group's role goes into its members' ID tokens (cognito:preferred_role), where the identity pool reads it. */
const groups: Record<string, CfnResource> = Object.fromEntries(
  DEMO_GROUPS.map((group) => [
    groupLogicalId(group.groupName),
    {
      Type: 'AWS::Cognito::UserPoolGroup',
      Properties: {
        GroupName: group.groupName,
        UserPoolId: ref(USER_POOL),
        RoleArn: getAtt(group.roleName, 'Arn'),
        Precedence: group.precedence,
      },
    },
  ]),
);

const identityPool: CfnResource = {
  Type: 'AWS::Cognito::IdentityPool',
  Properties: {
    IdentityPoolName: sub('${AWS::StackName} console'),
    AllowUnauthenticatedIdentities: ifCondition(GUESTS_ALLOWED, true, false),
    AllowClassicFlow: false,
    CognitoIdentityProviders: [
      // ServerSideTokenCheck: a user signed out everywhere, or deleted, gets no more credentials.
      { ProviderName: getAtt(USER_POOL, 'ProviderName'), ClientId: ref(USER_POOL_CLIENT), ServerSideTokenCheck: true },
    ],
  },
};

/**
 * "Choose role from token": the role of the user's group (the ID token's
 * cognito:preferred_role); a user in no group gets the authenticated role,
 * read-only.
 */
const identityPoolRoles: CfnResource = {
  Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
  Properties: {
    IdentityPoolId: ref(IDENTITY_POOL),
    Roles: {
      authenticated: roleArn(CONSOLE_ROLES.readOnly),
      unauthenticated: ifCondition(GUESTS_ALLOWED, roleArn(CONSOLE_ROLES.guest), NO_VALUE),
    },
    RoleMappings: {
      UserPool: {
        IdentityProvider: sub('${UserPool.ProviderName}:${UserPoolClient}'),
        Type: 'Token',
        AmbiguousRoleResolution: 'AuthenticatedRole',
      },
    },
  },
};

export function cognitoResources(): Record<string, CfnResource> {
  return {
    [USER_POOL]: userPool,
    UserPoolDomain: userPoolDomain,
    [USER_POOL_CLIENT]: userPoolClient,
    ManagedLoginBranding: managedLoginBranding,
    ...groups,
    [IDENTITY_POOL]: identityPool,
    IdentityPoolRoles: identityPoolRoles,
  };
}
