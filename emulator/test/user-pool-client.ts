import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { userPoolIssuer, userPoolProviderName } from '../cognito/user-pool/issuer.js';
import type { RunningStack } from '../stack.js';

/** The console's callback on its dev server, one of the stack's default console origins (the app client's callback URLs). */
export const APP_REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';
export const APP_ORIGIN = new URL(APP_REDIRECT_URI).origin;

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

/** The pool's addresses on a running stack. */
export function userPoolOf(stack: RunningStack) {
  const issuer = userPoolIssuer(stack.ctx);
  return {
    issuer,
    providerName: userPoolProviderName(stack.ctx),
    clientId: stack.ctx.userPool.clientId,
    url: (path: string) => `${issuer}${path}`,
  };
}

/**
 * What a browser keeps between requests in the sign-in flow: cookies (by name
 * and path) and no automatic redirects, so each hop can be checked.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter((c) => target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) this.remember(header);
    return response;
  }

  /** Follows redirects while they stay on the stack; returns the last response and its URL. */
  async follow(response: Response, from: string | URL): Promise<{ response: Response; url: URL }> {
    let url = new URL(from);
    let current = response;
    while (current.status >= 300 && current.status < 400) {
      const next = new URL(current.headers.get('location') ?? '', url);
      if (next.origin !== url.origin) return { response: current, url: next };
      url = next;
      current = await this.fetch(url);
    }
    return { response: current, url };
  }

  private remember(header: string): void {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice('path='.length) ?? '/';
    const expired = attributes.some((a) => /^expires=.*1970/i.test(a)) || value === '';
    if (expired) this.cookies.delete(`${name};${path}`);
    else this.cookies.set(`${name};${path}`, { name, value, path });
  }
}

export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The app's authorization request; a parameter set to undefined is left out. */
export function authorizeUrl(stack: RunningStack, params: Record<string, string | undefined>): URL {
  const url = new URL(userPoolOf(stack).url('/oauth2/authorize'));
  const all: Record<string, string | undefined> = {
    client_id: stack.ctx.userPool.clientId,
    response_type: 'code',
    redirect_uri: APP_REDIRECT_URI,
    scope: 'openid email',
    state: randomBytes(8).toString('hex'),
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(name, value);
  return url;
}

/** GET authorize and follow it to the login page (or to wherever the pool sends the browser). */
export function openAuthorize(browser: TestBrowser, url: URL): Promise<{ response: Response; url: URL }> {
  return browser.fetch(url).then((response) => browser.follow(response, url));
}

/** Submits the login form at `loginUrl` and follows the pool's redirects. */
export async function submitLogin(browser: TestBrowser, loginUrl: URL, username: string, password: string) {
  const response = await browser.fetch(loginUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  return browser.follow(response, loginUrl);
}

export function exchangeCode(stack: RunningStack, code: string, verifier: string | undefined): Promise<Response> {
  return tokenRequest(stack, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: APP_REDIRECT_URI,
    ...(verifier === undefined ? {} : { code_verifier: verifier }),
  });
}

export function tokenRequest(stack: RunningStack, form: Record<string, string>): Promise<Response> {
  return fetch(userPoolOf(stack).url('/oauth2/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: stack.ctx.userPool.clientId, ...form }).toString(),
  });
}

/** The whole authorization code flow with PKCE in `browser`: the user signs in and the app gets its tokens. */
export async function signIn(stack: RunningStack, username: string, password: string, browser = new TestBrowser()): Promise<TokenSet> {
  const { verifier, challenge } = newPkce();
  const login = await openAuthorize(browser, authorizeUrl(stack, { code_challenge: challenge }));
  expect(login.response.status).toBe(200);
  const callback = await submitLogin(browser, login.url, username, password);
  const code = callback.url.searchParams.get('code');
  expect(code, `no code in ${callback.url.href}`).toBeTruthy();
  const response = await exchangeCode(stack, code!, verifier);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenSet;
}
