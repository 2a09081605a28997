import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../app/config/app-config.js';
import { AUTH_CALLBACK_PATH } from '../app/routing/routes.js';
import { CONSOLE_ROLES } from '../emulator/iam/console-policies.js';
import { generatedFiles } from './generate-template.js';
import {
  CLIENT_ID,
  CONSOLE_ORIGIN,
  DOMAIN_PREFIX,
  deployConsoleStack,
  IDENTITY_POOL_ID,
  LISTED_BUCKETS,
  propertiesOf,
  PROVIDER_NAME,
  REGION,
  roleArnOf,
  USER_POOL_ID,
} from './test-deployment.js';

describe('the committed files', () => {
  it.each(Object.keys(generatedFiles()))('deploy/%s is what npm run deploy:template writes', (name) => {
    expect(readFileSync(new URL(name, import.meta.url), 'utf8')).toBe(generatedFiles()[name]);
  });
});

describe('the user pool and its app client', () => {
  const stack = deployConsoleStack();

  it('signs users in by email, created by administrators, MFA optional, threat protection off', () => {
    expect(propertiesOf(stack, 'UserPool')).toMatchObject({
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolAddOns: { AdvancedSecurityMode: 'OFF' },
    });
  });

  it('has managed login on the domain prefix, styled for the app client', () => {
    expect(propertiesOf(stack, 'UserPoolDomain')).toEqual({ Domain: DOMAIN_PREFIX, UserPoolId: USER_POOL_ID, ManagedLoginVersion: 2 });
    expect(propertiesOf(stack, 'ManagedLoginBranding')).toEqual({ UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, UseCognitoProvidedValues: true });
  });

  it('has a public app client: no secret, code flow only, through managed login, back to the console', () => {
    // Cognito has no PKCE setting on a client: the console always sends an S256 code_challenge.
    expect(propertiesOf(stack, 'UserPoolClient')).toMatchObject({
      UserPoolId: USER_POOL_ID,
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      CallbackURLs: [`${CONSOLE_ORIGIN}${AUTH_CALLBACK_PATH}`],
      LogoutURLs: [`${CONSOLE_ORIGIN}/`],
      EnableTokenRevocation: true,
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
    });
  });

  it('takes other callback and sign-out paths', () => {
    const moved = deployConsoleStack({ CallbackPath: '/console/auth/callback', SignOutPath: '/console/' });
    expect(propertiesOf(moved, 'UserPoolClient')).toMatchObject({
      CallbackURLs: [`${CONSOLE_ORIGIN}/console/auth/callback`],
      LogoutURLs: [`${CONSOLE_ORIGIN}/console/`],
    });
  });

  it('puts users in groups whose roles go into their ID tokens, re-encrypt before read-only', () => {
    expect(propertiesOf(stack, 'ReEncryptGroup')).toEqual({
      GroupName: 're-encrypt',
      UserPoolId: USER_POOL_ID,
      RoleArn: roleArnOf(CONSOLE_ROLES.reEncrypt),
      Precedence: 1,
    });
    expect(propertiesOf(stack, 'ReadOnlyGroup')).toEqual({
      GroupName: 'read-only',
      UserPoolId: USER_POOL_ID,
      RoleArn: roleArnOf(CONSOLE_ROLES.readOnly),
      Precedence: 2,
    });
  });
});

describe('the identity pool', () => {
  it("trusts the user pool's ID tokens for the console's client, checking the user is still signed in", () => {
    expect(propertiesOf(deployConsoleStack(), 'IdentityPool')).toMatchObject({
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [{ ProviderName: PROVIDER_NAME, ClientId: CLIENT_ID, ServerSideTokenCheck: true }],
    });
  });

  it('chooses the role from the token, and gives read-only to users whose token names none', () => {
    expect(propertiesOf(deployConsoleStack(), 'IdentityPoolRoles')).toEqual({
      IdentityPoolId: IDENTITY_POOL_ID,
      Roles: { authenticated: roleArnOf(CONSOLE_ROLES.readOnly) },
      RoleMappings: {
        UserPool: { IdentityProvider: `${PROVIDER_NAME}:${CLIENT_ID}`, Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' },
      },
    });
  });

  it('has no guests and no guest role unless AllowGuests is true', () => {
    const closed = deployConsoleStack();
    expect(closed.resources[CONSOLE_ROLES.guest]).toBeUndefined();

    const open = deployConsoleStack({ AllowGuests: 'true' });
    expect(propertiesOf(open, 'IdentityPool').AllowUnauthenticatedIdentities).toBe(true);
    expect(propertiesOf(open, 'IdentityPoolRoles').Roles).toEqual({
      authenticated: roleArnOf(CONSOLE_ROLES.readOnly),
      unauthenticated: roleArnOf(CONSOLE_ROLES.guest),
    });
  });

  it.each([
    [CONSOLE_ROLES.reEncrypt, 'authenticated'],
    [CONSOLE_ROLES.readOnly, 'authenticated'],
    [CONSOLE_ROLES.guest, 'unauthenticated'],
  ])('is the only way into %s, for %s identities', (role, amr) => {
    expect(propertiesOf(deployConsoleStack({ AllowGuests: 'true' }), role).AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL_ID },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
          },
        },
      ],
    });
  });
});

describe('the parameters', () => {
  it.each(['https://console.example.com:8443', 'http://localhost:5173', 'http://localhost'])('take %s as the console origin', (origin) => {
    expect(propertiesOf(deployConsoleStack({ ConsoleOrigin: origin }), 'UserPoolClient').CallbackURLs).toEqual([`${origin}/auth/callback`]);
  });

  it.each([
    ['ConsoleOrigin', 'http://console.example.com'],
    ['ConsoleOrigin', 'https://console.example.com/'],
    ['ConsoleOrigin', 'https://console.example.com/app'],
    ['DomainPrefix', 'Example-Console'],
    ['DomainPrefix', '-console'],
    ['CallbackPath', 'auth/callback'],
    ['AllowGuests', 'yes'],
    ['KmsKeyArns', '*'],
    ['KmsKeyArns', 'arn:aws:kms:eu-west-1:111122223333:key/*'],
    ['KmsKeyArns', 'arn:aws:kms:eu-west-1:111122223333:alias/finance'],
    ['KmsKeyArns', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab,*'],
    ['KmsKeyArns', ''],
  ])('refuse %s %s', (name, value) => {
    expect(() => deployConsoleStack({ [name]: value })).toThrow(`Parameter ${name}`);
  });

  it.each(['BucketNames', 'KmsKeyArns', 'ConsoleOrigin', 'DomainPrefix'])('have no default for %s', (name) => {
    expect(() => deployConsoleStack({ [name]: undefined as unknown as string })).toThrow(`no value for parameter ${name}`);
  });
});

describe('the outputs', () => {
  const outputs = deployConsoleStack({ AllowGuests: 'true' }).outputs;

  it('name the pools, the client, the issuer and the managed login domain', () => {
    expect(outputs).toMatchObject({
      UserPoolId: USER_POOL_ID,
      ClientId: CLIENT_ID,
      IdentityPoolId: IDENTITY_POOL_ID,
      Issuer: `https://${PROVIDER_NAME}`,
      ManagedLoginDomain: `https://${DOMAIN_PREFIX}.auth.${REGION}.amazoncognito.com`,
    });
  });

  it('hold a config.json the console accepts, for this stack and these buckets', () => {
    expect(parseAppConfig(JSON.parse(outputs.ConfigJson as string))).toMatchObject({
      region: REGION,
      s3: { endpoint: undefined, forcePathStyle: false },
      kms: { endpoint: undefined },
      cognito: {
        identityPoolId: IDENTITY_POOL_ID,
        userPool: {
          issuer: `https://${PROVIDER_NAME}`,
          clientId: CLIENT_ID,
          domain: `https://${DOMAIN_PREFIX}.auth.${REGION}.amazoncognito.com`,
          redirectPath: AUTH_CALLBACK_PATH,
          signOutPath: '/',
        },
        allowGuests: true,
        endpoint: undefined,
      },
      buckets: LISTED_BUCKETS.map((name) => ({ name })),
      policy: { require: 'any-sse' },
    });
  });
});
