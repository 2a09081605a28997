import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { DEMO_USERS } from '../seed/demo-users.js';
import { startTestStack, useTestStack, type TestStack } from './harness.js';
import {
  APP_ORIGIN,
  APP_REDIRECT_URI,
  authorizeUrl,
  exchangeCode,
  newPkce,
  openAuthorize,
  signIn,
  submitLogin,
  TestBrowser,
  tokenRequest,
  userPoolOf,
  type TokenSet,
} from './user-pool-client.js';

const stack = useTestStack();
const [alice, rob] = DEMO_USERS;

function verifyIdToken(target: TestStack, idToken: string) {
  const pool = userPoolOf(target);
  return jwtVerify(idToken, createRemoteJWKSet(new URL(pool.url('/.well-known/jwks.json'))), { issuer: pool.issuer, audience: pool.clientId });
}

function userInfo(target: TestStack, accessToken: string): Promise<Response> {
  return fetch(userPoolOf(target).url('/oauth2/userInfo'), { headers: { authorization: `Bearer ${accessToken}` } });
}

describe('discovery', () => {
  it('publishes the OpenID configuration under the issuer, with Cognito’s endpoint paths', async () => {
    const pool = userPoolOf(stack);
    expect(pool.issuer).toBe(`${stack.endpoint}/us-east-1_LocalPool`);
    const response = await fetch(pool.url('/.well-known/openid-configuration'));
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: pool.issuer,
      authorization_endpoint: pool.url('/oauth2/authorize'),
      token_endpoint: pool.url('/oauth2/token'),
      userinfo_endpoint: pool.url('/oauth2/userInfo'),
      revocation_endpoint: pool.url('/oauth2/revoke'),
      jwks_uri: pool.url('/.well-known/jwks.json'),
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
    });
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile', 'aws.cognito.signin.user.admin']));
    // Sign-out is Cognito's /logout, whose parameters are not OIDC's, so no end_session_endpoint is advertised.
    expect(discovery).not.toHaveProperty('end_session_endpoint');
  });

  it('serves the public signing key as a JWKS', async () => {
    const response = await fetch(userPoolOf(stack).url('/.well-known/jwks.json'));
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(keys[0].kid).toEqual(expect.any(String));
    for (const privateMember of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(privateMember);
  });

  it('leaves other paths to S3', async () => {
    const response = await fetch(`${stack.endpoint}/us-east-1_LocalPool`);
    expect(response.headers.get('content-type')).toBe('application/xml');
  });
});

describe('authorization code flow with PKCE', () => {
  it('signs alice in through the login page and issues Cognito’s ID token for her', async () => {
    const browser = new TestBrowser();
    const { verifier, challenge } = newPkce();
    const authorize = authorizeUrl(stack, { code_challenge: challenge, state: 'state-123' });
    const login = await openAuthorize(browser, authorize);
    expect(login.url.pathname).toMatch(/^\/us-east-1_LocalPool\/login\/[\w-]+$/);
    expect(login.response.status).toBe(200);
    expect(login.response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await login.response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<label for="username">Username</label>');
    expect(page).toContain('<label for="password">Password</label>');
    expect(page).toContain('Sign in to S3 Encryption Console');
    expect(page).not.toMatch(/\b(src|href)=/);

    const callback = await submitLogin(browser, login.url, alice.username, alice.password);
    expect(callback.response.status).toBe(303);
    expect(`${callback.url.origin}${callback.url.pathname}`).toBe(APP_REDIRECT_URI);
    expect(callback.url.searchParams.get('state')).toBe('state-123');
    const code = callback.url.searchParams.get('code')!;

    const response = await exchangeCode(stack, code, verifier);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenSet;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const { payload, protectedHeader } = await verifyIdToken(stack, tokens.id_token);
    expect(protectedHeader.alg).toBe('RS256');
    const user = stack.ctx.userPool.getUser('alice')!;
    expect(payload).toMatchObject({
      sub: user.sub,
      iss: userPoolOf(stack).issuer,
      aud: 'local-console-client',
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['re-encrypt'],
      'cognito:preferred_role': 'arn:aws:iam::000000000000:role/ConsoleReEncryptRole',
      email: 'alice@example.com',
      email_verified: true,
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.auth_time).toBeGreaterThan(0);
  });

  it('puts rob’s group in his ID token', async () => {
    const tokens = await signIn(stack, rob.username, rob.password);
    const { payload } = await verifyIdToken(stack, tokens.id_token);
    expect(payload).toMatchObject({ 'cognito:username': 'rob', 'cognito:groups': ['read-only'], email: 'rob@example.com' });
  });

  it('shows an error on a wrong password and issues no code', async () => {
    const browser = new TestBrowser();
    const login = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: newPkce().challenge }));
    for (const [username, password] of [
      ['alice', 'not-her-password'],
      ['nobody', 'Alice-Demo-Pass-1'],
    ]) {
      const retry = await submitLogin(browser, login.url, username, password);
      expect(retry.response.status).toBe(200);
      expect(retry.url.href).toBe(login.url.href);
      const page = await retry.response.text();
      expect(page).toContain('<p class="error" id="error" role="alert">Incorrect username or password.</p>');
      expect(page).toContain('aria-invalid="true"');
      expect(page).toContain(`value="${username}"`);
      expect(page).not.toContain(password);
    }
    const callback = await submitLogin(browser, login.url, alice.username, alice.password);
    expect(callback.url.searchParams.get('code')).toBeTruthy();
  });

  it('says a login page opened outside its sign-in (no interaction cookie) has expired', async () => {
    const login = await openAuthorize(new TestBrowser(), authorizeUrl(stack, { code_challenge: newPkce().challenge }));
    const elsewhere = await fetch(login.url);
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('Sign-in expired');
  });

  it('requires PKCE: no code_challenge is refused, a wrong verifier gets invalid_grant', async () => {
    const browser = new TestBrowser();
    const refused = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: undefined, code_challenge_method: undefined }));
    expect(`${refused.url.origin}${refused.url.pathname}`).toBe(APP_REDIRECT_URI);
    expect(refused.url.searchParams.get('error')).toBe('invalid_request');
    expect(refused.url.searchParams.get('code')).toBeNull();

    const { challenge } = newPkce();
    const login = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: challenge }));
    const callback = await submitLogin(browser, login.url, alice.username, alice.password);
    const code = callback.url.searchParams.get('code')!;
    const wrong = await exchangeCode(stack, code, newPkce().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code exchanged without its verifier', async () => {
    const browser = new TestBrowser();
    const login = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: newPkce().challenge }));
    const callback = await submitLogin(browser, login.url, alice.username, alice.password);
    const response = await exchangeCode(stack, callback.url.searchParams.get('code')!, undefined);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each(['http://evil.example/auth/callback', 'http://127.0.0.1:9999/auth/callback', 'http://localhost:5174/auth/callback'])(
    'refuses %s, not a callback on one of the console’s origins',
    async (redirectUri) => {
      const browser = new TestBrowser();
      const url = authorizeUrl(stack, { code_challenge: newPkce().challenge, redirect_uri: redirectUri });
      const response = await browser.fetch(url);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('redirect_uri');
    },
  );

  it('takes the callback on each of the console’s origins, as configured', async () => {
    const consoleOrigin = 'http://console.test:8080';
    const configured = await startTestStack({ consoleOrigins: [consoleOrigin] });
    try {
      const browser = new TestBrowser();
      const open = (redirectUri: string) =>
        openAuthorize(browser, authorizeUrl(configured, { code_challenge: newPkce().challenge, redirect_uri: redirectUri }));
      const login = await open(`${consoleOrigin}/auth/callback`);
      expect(login.response.status).toBe(200);
      expect(login.url.pathname).toMatch(/\/login\//);
      expect((await open(APP_REDIRECT_URI)).response.status).toBe(400);
    } finally {
      await configured.close();
    }
  });
});

describe('tokens', () => {
  it('renews the ID token with the refresh token grant', async () => {
    const tokens = await signIn(stack, alice.username, alice.password);
    const response = await tokenRequest(stack, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as Partial<TokenSet>;
    const { payload } = await verifyIdToken(stack, renewed.id_token!);
    expect(payload).toMatchObject({ token_use: 'id', 'cognito:username': 'alice', 'cognito:groups': ['re-encrypt'] });
    expect(renewed.access_token).toEqual(expect.any(String));
    expect(renewed.access_token).not.toBe(tokens.access_token);
  });

  it('answers userInfo for the access token', async () => {
    const tokens = await signIn(stack, rob.username, rob.password);
    const response = await userInfo(stack, tokens.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: stack.ctx.userPool.getUser('rob')!.sub,
      username: 'rob',
      email: 'rob@example.com',
      email_verified: true,
    });
    const anonymous = await userInfo(stack, 'not-a-token');
    expect(anonymous.status).toBe(401);
  });

  it('revokes a refresh token and the access tokens issued with it', async () => {
    const tokens = await signIn(stack, alice.username, alice.password);
    const revoke = await fetch(userPoolOf(stack).url('/oauth2/revoke'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token, client_id: 'local-console-client' }).toString(),
    });
    expect(revoke.status).toBe(200);
    const refresh = await tokenRequest(stack, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await userInfo(stack, tokens.access_token)).status).toBe(401);
  });

  it('answers a browser on the app’s origin at the token and userInfo endpoints (CORS), and no other origin', async () => {
    const preflight = await fetch(userPoolOf(stack).url('/oauth2/token'), {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);

    const tokens = await signIn(stack, alice.username, alice.password);
    const refresh = (origin: string) =>
      fetch(userPoolOf(stack).url('/oauth2/token'), {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'local-console-client' }).toString(),
      });
    const allowed = await refresh(APP_ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    for (const other of ['http://evil.example', 'http://127.0.0.1:9999']) {
      expect((await refresh(other)).headers.get('access-control-allow-origin')).toBeNull();
    }

    const info = await fetch(userPoolOf(stack).url('/oauth2/userInfo'), {
      headers: { origin: APP_ORIGIN, authorization: `Bearer ${tokens.access_token}` },
    });
    expect(info.status).toBe(200);
    expect(info.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});

describe('sign-out (/logout)', () => {
  const logoutUrl = (logoutUri: string, clientId = 'local-console-client') => {
    const url = new URL(userPoolOf(stack).url('/logout'));
    url.search = new URLSearchParams({ client_id: clientId, logout_uri: logoutUri }).toString();
    return url;
  };

  it('ends the session and redirects to a registered sign-out URL; signing in again asks for the password', async () => {
    const browser = new TestBrowser();
    await signIn(stack, alice.username, alice.password, browser);
    const again = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: newPkce().challenge }));
    expect(again.url.searchParams.get('code')).toBeTruthy();

    const logout = await browser.fetch(logoutUrl('http://127.0.0.1:5173/'));
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe('http://127.0.0.1:5173/');

    const afterLogout = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: newPkce().challenge }));
    expect(afterLogout.url.pathname).toMatch(/\/login\//);
    expect(afterLogout.response.status).toBe(200);
  });

  it('refuses a logout_uri that is not a sign-out URL of the client, and keeps the session', async () => {
    const browser = new TestBrowser();
    await signIn(stack, alice.username, alice.password, browser);
    const refusals = [logoutUrl('http://evil.example/'), logoutUrl('http://127.0.0.1:9999/'), logoutUrl('http://127.0.0.1:5173/', 'unknown-client')];
    for (const url of refusals) {
      const refused = await browser.fetch(url);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('location')).toBeNull();
      expect(await refused.text()).toContain('role="alert"');
    }
    const still = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: newPkce().challenge }));
    expect(still.url.searchParams.get('code')).toBeTruthy();
  });
});

describe('a restart with a data folder', () => {
  it('keeps the signing key, refresh tokens and the sign-in session', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-user-pool-'));
    try {
      const first = await startTestStack({ dataDir });
      const browser = new TestBrowser();
      const tokens = await signIn(first, alice.username, alice.password, browser);
      await first.close();

      // Another port, so another issuer: the old ID token's signature still verifies with the kept key.
      const second = await startTestStack({ dataDir });
      try {
        const jwks = createRemoteJWKSet(new URL(userPoolOf(second).url('/.well-known/jwks.json')));
        const { payload } = await jwtVerify(tokens.id_token, jwks, { audience: 'local-console-client' });
        expect(payload['cognito:username']).toBe('alice');
        const refresh = await tokenRequest(second, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
        expect(refresh.status).toBe(200);
        const renewed = (await refresh.json()) as TokenSet;
        expect((await verifyIdToken(second, renewed.id_token)).protectedHeader.kid).toBe(decodeProtectedHeader(tokens.id_token).kid);
        const sso = await openAuthorize(browser, authorizeUrl(second, { code_challenge: newPkce().challenge }));
        expect(sso.url.searchParams.get('code')).toBeTruthy();
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
