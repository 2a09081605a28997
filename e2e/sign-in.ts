import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_USERS, type DemoUser } from '../emulator/seed/demo-users';
import { E2E_STACK_PORT } from './ports';

function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

export const alice = demoUser('alice');
export const rob = demoUser('rob');

/** The stack's managed login page (the user pool's, not the console's). */
export function onStackLoginPage(url: URL): boolean {
  return url.port === String(E2E_STACK_PORT) && /\/login\//.test(url.pathname);
}

/** Fills and submits the managed login's form. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.waitForURL(onStackLoginPage);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The top navigation's menu of the signed-in user, which names them and their role. */
export function userMenu(page: Page, username: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${username} \\(`) });
}

/**
 * Signs `user` in as a person does: the console's sign-in page (opened at
 * `from`), its "Sign in" button, the stack's login form; waits until the
 * console is back at `from` and names the user.
 */
export async function signIn(page: Page, user: DemoUser, from = '/'): Promise<void> {
  await page.goto(from);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(page, user.username, user.password);
  await expect(userMenu(page, user.username)).toBeVisible();
}

/** The console's sign-in page, shown to a visitor who is not signed in. */
export function signInPage(page: Page): Locator {
  return page.getByRole('heading', { name: 'Sign in to S3 Encryption Console' });
}

/**
 * Signs `username` out from the top navigation and waits until the console's
 * sign-in page is back: sign-out first pauses the user's jobs and revokes the
 * refresh token, then goes through the user pool's /logout, so a navigation
 * started before that ends would be cut short.
 */
export async function signOut(page: Page, username: string): Promise<void> {
  await userMenu(page, username).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(signInPage(page)).toBeVisible();
}
