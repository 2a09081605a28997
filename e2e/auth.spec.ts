import { expect, test, type Page } from '@playwright/test';
import { decodeJwt } from 'jose';
import { DEMO_BUCKETS } from '../emulator/seed/demo-constants';
import { DEMO_APP_CLIENT_ID, DEMO_USER_POOL_ID } from '../emulator/seed/demo-users';
import { E2E_STACK_PORT } from './ports';
import { alice, onStackLoginPage, rob, signIn, signInPage, signOut, submitLogin, userMenu } from './sign-in';

const USER_POOL_URL = `http://127.0.0.1:${E2E_STACK_PORT}/${DEMO_USER_POOL_ID('us-east-1')}`;
const DEEP_LINK = `/buckets/${DEMO_BUCKETS.legacy}?prefix=logs%2F`;

interface StoredUser {
  id_token: string;
  refresh_token: string;
}

/** The sign-in oidc-client-ts keeps for the tab, or undefined; and whether anything of it leaked into localStorage. */
async function storedSignIn(page: Page): Promise<{ user?: StoredUser; inLocalStorage: string[] }> {
  return page.evaluate(() => {
    const userKey = Object.keys(sessionStorage).find((key) => key.startsWith('oidc.user:'));
    const tokenLike = /eyJ[\w-]+\.[\w-]+\./;
    return {
      user: userKey ? (JSON.parse(sessionStorage.getItem(userKey)!) as StoredUser) : undefined,
      inLocalStorage: Object.keys(localStorage).filter((key) => key.startsWith('oidc.') || tokenLike.test(localStorage.getItem(key) ?? '')),
    };
  });
}

async function idTokenClaims(page: Page) {
  const { user } = await storedSignIn(page);
  expect(user, 'no sign-in in sessionStorage').toBeDefined();
  return decodeJwt(user!.id_token);
}

/** The Region cell of a bucket's row: filled only when S3 answered with the user's credentials. */
function bucketRegion(page: Page, bucket: string) {
  return page
    .getByRole('row', { name: new RegExp(`^${bucket}\\b`) })
    .locator('th, td')
    .nth(1);
}

function folderLink(page: Page, name: string) {
  return page.getByRole('link', { name, exact: true });
}

/** Waits, as a user would, until the stored ID token has expired by the stack's clock (the same machine's). */
async function waitUntilIdTokenExpired(page: Page, exp: number): Promise<void> {
  const ttl = exp - Number((await idTokenClaims(page)).iat);
  expect(ttl, 'run the stack with short-lived ID tokens (E2E_ID_TOKEN_TTL, 20 s in playwright.config.ts)').toBeLessThanOrEqual(60);
  await page.waitForFunction((expiry) => Date.now() / 1000 > expiry + 1, exp, { timeout: (ttl + 10) * 1000, polling: 500 });
}

test('alice signs in from a deep link, returns to it, and browses with ConsoleReEncryptRole credentials', async ({ page }) => {
  await page.goto(DEEP_LINK);
  await expect(signInPage(page)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(page, alice.username, alice.password);
  await expect(page).toHaveURL(DEEP_LINK);
  await expect(userMenu(page, 'alice')).toHaveText('alice (ConsoleReEncryptRole)');
  await expect(folderLink(page, 'app-1/')).toBeVisible();

  await page.getByRole('link', { name: 'Buckets', exact: true }).click();
  await expect(bucketRegion(page, DEMO_BUCKETS.mixed)).toHaveText('us-east-1');

  const claims = await idTokenClaims(page);
  expect(claims).toMatchObject({ 'cognito:username': 'alice', aud: DEMO_APP_CLIENT_ID, iss: USER_POOL_URL });
  expect((await storedSignIn(page)).inLocalStorage).toEqual([]);
});

test('rob signs in with ConsoleReadOnlyRole credentials', async ({ page }) => {
  await signIn(page, rob);
  await userMenu(page, 'rob').click();
  await expect(page.getByText('rob@example.com').filter({ visible: true })).toBeVisible();
  await expect(userMenu(page, 'rob')).toHaveText('rob (ConsoleReadOnlyRole)');
  await expect(bucketRegion(page, DEMO_BUCKETS.versioned)).toHaveText('us-east-1');
});

test('a wrong password shows the login page’s error and starts no session', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(page, alice.username, 'not-her-password');
  await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
  expect(onStackLoginPage(new URL(page.url()))).toBe(true);

  await page.goto('/');
  await expect(signInPage(page)).toBeVisible();
  expect((await storedSignIn(page)).user).toBeUndefined();
});

test('signing out ends the console’s and the user pool’s sessions, so signing in again asks for the password', async ({ page }) => {
  await signIn(page, alice, DEEP_LINK);
  await userMenu(page, 'alice').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  await expect(signInPage(page)).toBeVisible();
  await expect(page).toHaveURL('/');
  expect((await storedSignIn(page)).user).toBeUndefined();

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await submitLogin(page, alice.username, alice.password);
  await expect(userMenu(page, 'alice')).toHaveText('alice (ConsoleReEncryptRole)');
});

/** Asks the user pool's token endpoint, as any holder of the token could, for new tokens with a refresh token. */
function refreshWith(refreshToken: string): Promise<Response> {
  return fetch(`${USER_POOL_URL}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: DEMO_APP_CLIENT_ID, refresh_token: refreshToken }),
  });
}

async function signOutForgettingTokens(page: Page, username: string): Promise<void> {
  await signOut(page, username);
  expect((await storedSignIn(page)).user).toBeUndefined();
}

test('signing out revokes the refresh token: the user pool refuses it afterwards', async ({ page }) => {
  await signIn(page, alice);
  const { user } = await storedSignIn(page);
  await signOutForgettingTokens(page, 'alice');

  const refreshed = await refreshWith(user!.refresh_token);
  expect(refreshed.status).toBe(400);
  expect(await refreshed.json()).toMatchObject({ error: 'invalid_grant' });
});

test('a revocation that fails does not keep the user signed in, and the console logs it', async ({ page }) => {
  await signIn(page, rob);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.route('**/oauth2/revoke', (route) => route.abort('connectionrefused'));
  await signOutForgettingTokens(page, 'rob');
  expect(warnings.join('\n')).toContain('Signed out without revoking the refresh token');
});

test('the authorize request carries a fresh nonce, which the ID token repeats', async ({ page }) => {
  const authorizeUrls: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/oauth2/authorize')) authorizeUrls.push(url);
  });
  await signIn(page, alice);
  const nonce = authorizeUrls[0]?.searchParams.get('nonce');
  expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect((await idTokenClaims(page)).nonce).toBe(nonce);

  await signOutForgettingTokens(page, 'alice');
  await signIn(page, alice);
  expect(authorizeUrls[1]?.searchParams.get('nonce')).not.toBe(nonce);
});

test('an ID token whose nonce is not the one the console sent is refused', async ({ page }) => {
  // The user pool mints its ID token for another nonce than the console's: as a token made for another request would be.
  await page.route('**/oauth2/authorize?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('nonce', 'a-nonce-the-console-never-sent');
    return route.continue({ url: url.href });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(page, alice.username, alice.password);
  await expect(page.getByText('Sign-in did not complete')).toBeVisible();
  expect((await storedSignIn(page)).user).toBeUndefined();
});

test('an ID token that expires during use is renewed with the refresh token, without the user noticing', async ({ page }) => {
  await signIn(page, alice);
  const first = await idTokenClaims(page);
  await page.getByRole('link', { name: DEMO_BUCKETS.legacy, exact: true }).click();
  await folderLink(page, 'logs/').click();
  await waitUntilIdTokenExpired(page, first.exp!);

  // New credentials are needed (a reload forgets them): the identity pool, which refuses an expired token, gets a renewed one.
  await page.reload();
  await expect(folderLink(page, 'app-1/')).toBeVisible();
  await expect(userMenu(page, 'alice')).toHaveText('alice (ConsoleReEncryptRole)');
  await expect(signInPage(page)).toHaveCount(0);
  const renewed = await idTokenClaims(page);
  expect(renewed.exp).toBeGreaterThan(first.exp!);
  expect(renewed).toMatchObject({ sub: first.sub, auth_time: first.auth_time });
});

test('a session whose refresh token was revoked ends with a clear message, and signing in again returns to the page', async ({ page }) => {
  await signIn(page, alice, DEEP_LINK);
  const { user } = await storedSignIn(page);
  const revoked = await fetch(`${USER_POOL_URL}/oauth2/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEMO_APP_CLIENT_ID, token: user!.refresh_token, token_type_hint: 'refresh_token' }),
  });
  expect(revoked.status).toBe(200);
  await waitUntilIdTokenExpired(page, decodeJwt(user!.id_token).exp!);

  await page.reload();
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await expect(folderLink(page, 'app-1/')).toHaveCount(0);
  expect((await storedSignIn(page)).user).toBeUndefined();

  // The managed login's own session is still on, as on Cognito: it signs alice in without the form.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(DEEP_LINK);
  await expect(userMenu(page, 'alice')).toBeVisible();
  await expect(folderLink(page, 'app-1/')).toBeVisible();
});

test('where config.json allows guests, a guest browses and signs in from the top navigation, back to the same page', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { cognito: Record<string, unknown> };
    await route.fulfill({ response, json: { ...config, cognito: { ...config.cognito, allowGuests: true } } });
  });
  await page.goto(DEEP_LINK);
  await expect(folderLink(page, 'app-1/')).toBeVisible();
  await expect(signInPage(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(page, rob.username, rob.password);
  await expect(page).toHaveURL(DEEP_LINK);
  await expect(userMenu(page, 'rob')).toHaveText('rob (ConsoleReadOnlyRole)');
  await expect(folderLink(page, 'app-1/')).toBeVisible();
});

test('a callback that no sign-in of this tab started says so and offers to sign in again', async ({ page }) => {
  await page.goto('/auth/callback?code=forged&state=not-from-this-tab');
  await expect(page.getByText('Sign-in did not complete')).toBeVisible();
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await submitLogin(page, rob.username, rob.password);
  await expect(page).toHaveURL('/');
  await expect(userMenu(page, 'rob')).toBeVisible();
});
