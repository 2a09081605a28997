import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { userPoolSigningKey } from '../cognito/user-pool/pool-keys.js';
import { DEMO_USERS } from '../seed/demo-users.js';
import { startTestStack, useTestStack, type TestStack } from './harness.js';
import { signIn, tokenRequest, userPoolOf, type TokenSet } from './user-pool-client.js';

const stack = useTestStack();
const [alice, rob] = DEMO_USERS;

let aliceTokens: TokenSet;
let robTokens: TokenSet;
beforeAll(async () => {
  [aliceTokens, robTokens] = await Promise.all([signIn(stack, alice.username, alice.password), signIn(stack, rob.username, rob.password)]);
});

function loginsFor(target: TestStack, idToken: string, providerName = userPoolOf(target).providerName) {
  return { [providerName]: idToken };
}

/** GetId then GetCredentialsForIdentity with the same Logins, as the SDK's credential provider calls them. */
async function credentialsFor(target: TestStack, logins: Record<string, string>) {
  const { IdentityId } = await target.cognito.send(new GetIdCommand({ IdentityPoolId: target.ctx.options.identityPoolId, Logins: logins }));
  const { Credentials } = await target.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  return { identityId: IdentityId!, issued: target.ctx.credentials.find(Credentials!.AccessKeyId!) };
}

/** A token like alice's ID token with some claims changed, signed with the pool's own key unless another is given. */
async function forgedToken(target: TestStack, changes: JWTPayload, key?: CryptoKey) {
  const signingKey = userPoolSigningKey(target.ctx.store);
  return new SignJWT({ ...decodeJwt(aliceTokens.id_token), ...changes })
    .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(aliceTokens.id_token).kid })
    .sign(key ?? (await importJWK(signingKey, 'RS256')));
}

function getId(target: TestStack, logins?: Record<string, string>) {
  return target.cognito.send(new GetIdCommand({ IdentityPoolId: target.ctx.options.identityPoolId, Logins: logins }));
}

function notAuthorized(message: string | RegExp) {
  return { name: 'NotAuthorizedException', message: typeof message === 'string' ? message : expect.stringMatching(message) };
}

describe('signed-in identities', () => {
  it('gives alice ConsoleReEncryptRole credentials, always for the same IdentityId', async () => {
    const first = await credentialsFor(stack, loginsFor(stack, aliceTokens.id_token));
    expect(first.issued).toMatchObject({ role: 'ConsoleReEncryptRole', identityId: first.identityId });
    expect(first.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);

    const renewed = (await (await tokenRequest(stack, { grant_type: 'refresh_token', refresh_token: aliceTokens.refresh_token })).json()) as TokenSet;
    const again = await credentialsFor(stack, loginsFor(stack, renewed.id_token));
    expect(again.identityId).toBe(first.identityId);
    expect(again.issued?.accessKeyId).not.toBe(first.issued?.accessKeyId);
  });

  it('gives rob ConsoleReadOnlyRole credentials under his own IdentityId', async () => {
    const [aliceIdentity, robIdentity] = await Promise.all([
      credentialsFor(stack, loginsFor(stack, aliceTokens.id_token)),
      credentialsFor(stack, loginsFor(stack, robTokens.id_token)),
    ]);
    expect(robIdentity.issued).toMatchObject({ role: 'ConsoleReadOnlyRole', identityId: robIdentity.identityId });
    expect(robIdentity.identityId).not.toBe(aliceIdentity.identityId);
  });

  it('gives a user without a group the pool’s authenticated role', async () => {
    await stack.ctx.userPool.adminCreateUser({ username: 'nina', password: 'Nina-Test-Pass-1', email: 'nina@example.com', groups: [] });
    const tokens = await signIn(stack, 'nina', 'Nina-Test-Pass-1');
    expect(decodeJwt(tokens.id_token)).not.toHaveProperty('cognito:groups');
    const { issued } = await credentialsFor(stack, loginsFor(stack, tokens.id_token));
    expect(issued?.role).toBe('ConsoleReadOnlyRole');
  });

  it('requires the Logins again for a signed-in identity’s credentials', async () => {
    const { IdentityId } = await getId(stack, loginsFor(stack, aliceTokens.id_token));
    await expect(stack.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }))).rejects.toMatchObject(
      notAuthorized(`Access to Identity '${IdentityId}' is forbidden.`),
    );
    await expect(
      stack.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: loginsFor(stack, robTokens.id_token) })),
    ).rejects.toMatchObject(notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool."));
  });

  it('works through fromCognitoIdentityPool with a logins function', async () => {
    let currentIdToken = aliceTokens.id_token;
    const provider = fromCognitoIdentityPool({
      identityPoolId: stack.ctx.options.identityPoolId,
      logins: { [userPoolOf(stack).providerName]: async () => currentIdToken },
      clientConfig: { endpoint: stack.endpoint, region: stack.ctx.options.region },
    });
    const credentials = await provider();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(stack.ctx.credentials.find(credentials.accessKeyId)).toMatchObject({
      role: 'ConsoleReEncryptRole',
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
    currentIdToken = 'not-a-token';
    await expect(provider()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('refused login tokens', () => {
  it('refuses an expired ID token', async () => {
    const shortLived = await startTestStack({ idTokenTtlSeconds: 1 });
    try {
      const tokens = await signIn(shortLived, alice.username, alice.password);
      const { exp } = decodeJwt(tokens.id_token);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      await expect(getId(shortLived, loginsFor(shortLived, tokens.id_token))).rejects.toMatchObject(
        notAuthorized(new RegExp(`^Invalid login token\\. Token expired: \\d+ >= ${exp}$`)),
      );
    } finally {
      await shortLived.close();
    }
  });

  it('refuses a token for another app client', async () => {
    const token = await forgedToken(stack, { aud: 'another-client' });
    await expect(getId(stack, loginsFor(stack, token))).rejects.toMatchObject(
      notAuthorized('Token is not from a supported provider of this identity pool.'),
    );
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await forgedToken(stack, {}, privateKey);
    await expect(getId(stack, loginsFor(stack, token))).rejects.toMatchObject(notAuthorized("Invalid login token. Couldn't verify signed token."));
  });

  it('refuses a token given under another provider name than its issuer', async () => {
    const elsewhere = userPoolOf(stack).providerName.replace('127.0.0.1', 'localhost');
    await expect(getId(stack, loginsFor(stack, aliceTokens.id_token, elsewhere))).rejects.toMatchObject(
      notAuthorized("Invalid login token. Issuer doesn't match providerName"),
    );
    const otherIssuer = await forgedToken(stack, { iss: `http://${elsewhere}` });
    await expect(getId(stack, loginsFor(stack, otherIssuer, elsewhere))).rejects.toMatchObject(
      notAuthorized('Token is not from a supported provider of this identity pool.'),
    );
  });

  it('refuses what is not an ID token: an access token, a token_use of access', async () => {
    for (const token of [aliceTokens.access_token, await forgedToken(stack, { token_use: 'access' })]) {
      await expect(getId(stack, loginsFor(stack, token))).rejects.toMatchObject(
        notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.'),
      );
    }
  });
});

describe('unauthenticated identities', () => {
  it('are refused unless the pool allows them, as AllowUnauthenticatedIdentities is off by default; users still sign in', async () => {
    await expect(getId(stack)).rejects.toMatchObject(notAuthorized('Unauthenticated access is not supported for this identity pool.'));
    const tokens = await signIn(stack, rob.username, rob.password);
    const { issued } = await credentialsFor(stack, loginsFor(stack, tokens.id_token));
    expect(issued?.role).toBe('ConsoleReadOnlyRole');
  });

  describe('when the pool allows them (allowUnauthenticated, --allow-guests)', () => {
    let open: TestStack;
    beforeAll(async () => {
      open = await startTestStack({ allowUnauthenticated: true });
    });
    afterAll(() => open.close());

    it('are guests with ConsoleGuestRole', async () => {
      const { IdentityId } = await getId(open);
      const { Credentials } = await open.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
      expect(open.ctx.credentials.find(Credentials!.AccessKeyId!)).toMatchObject({ role: 'ConsoleGuestRole', identityId: IdentityId });
    });
  });
});
