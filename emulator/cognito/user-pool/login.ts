import type { IncomingMessage } from 'node:http';
import { errors, type default as Provider } from 'oidc-provider';
import { errorPage, loginPage, PAGE_SECURITY_HEADERS } from './login-page.js';
import type { UserPool } from './users.js';

export type ProviderMiddleware = Parameters<Provider['use']>[0];
type KoaContext = Parameters<ProviderMiddleware>[0];

/** Where oidc-provider sends the browser when the user must sign in: LOGIN_PATH/<interaction uid>. */
export const LOGIN_PATH = '/login';

/** Cognito's answer to a wrong username or password; it does not say which was wrong. */
const WRONG_CREDENTIALS = 'Incorrect username or password.';
const MAX_FORM_BYTES = 8 * 1024;

/** The posted form; an oversized one is read to its end (so the page can still be answered) and taken as empty. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_FORM_BYTES) chunks.push(chunk);
  }
  return new URLSearchParams(size <= MAX_FORM_BYTES ? Buffer.concat(chunks).toString('utf8') : '');
}

/** Answers with one of the managed login's pages. */
export function sendPage(koa: KoaContext, status: number, html: string): void {
  koa.status = status;
  koa.type = 'html';
  koa.set({ ...PAGE_SECURITY_HEADERS, 'cache-control': 'no-store' });
  koa.body = html;
}

/**
 * The managed login page: GET shows the form, POST checks the password and
 * hands the signed-in user back to oidc-provider, which finishes the
 * authorization request (no consent step, as Cognito has none).
 */
export function loginInteraction(provider: Provider, pool: UserPool): ProviderMiddleware {
  return async (koa, next) => {
    const uid = koa.path.startsWith(`${LOGIN_PATH}/`) ? koa.path.slice(LOGIN_PATH.length + 1) : undefined;
    if (!uid || (koa.method !== 'GET' && koa.method !== 'POST')) {
      await next();
      return;
    }

    let interaction;
    try {
      interaction = await provider.interactionDetails(koa.req, koa.res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
      sendPage(koa, 400, errorPage('Sign-in expired', 'This sign-in page is no longer valid. Start signing in again from the app.'));
      return;
    }
    if (interaction.uid !== uid) {
      await next();
      return;
    }
    const client = await provider.Client.find(String(interaction.params.client_id));
    const clientName = client?.clientName ?? String(interaction.params.client_id);

    if (koa.method === 'GET') {
      sendPage(koa, 200, loginPage({ clientName }));
      return;
    }
    const form = await readForm(koa.req);
    const username = form.get('username') ?? '';
    const user = await pool.authenticate(username, form.get('password') ?? '');
    if (!user) {
      sendPage(koa, 200, loginPage({ clientName, username, error: WRONG_CREDENTIALS }));
      return;
    }
    const returnTo = await provider.interactionResult(koa.req, koa.res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    koa.status = 303;
    koa.redirect(returnTo);
  };
}
