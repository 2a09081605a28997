import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import type { StackContext } from '../../context.js';
import { userPoolIssuer } from './issuer.js';
import { loginInteraction } from './login.js';
import { cognitoLogout } from './logout.js';
import { userPoolConfiguration } from './provider-config.js';

export interface UserPoolMount {
  /** Whether a path belongs to the user pool: it starts with /<userPoolId>/. */
  serves(path: string): boolean;
  /** Answers a request the pool serves; oidc-provider reads the body itself. */
  handle(message: IncomingMessage, response: ServerResponse): Promise<void>;
}

/**
 * The user pool's HTTP endpoints under /<userPoolId>/: oidc-provider (a Koa
 * app) with the managed login page and Cognito's /logout in front of it. The
 * provider is made on the first request, once the stack listens and its
 * issuer (which holds the port) is known.
 */
export function mountUserPool(ctx: StackContext): UserPoolMount {
  const prefix = `/${ctx.userPool.userPoolId}`;
  let callback: ((message: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined;

  function provider() {
    const made = new Provider(userPoolIssuer(ctx), userPoolConfiguration(ctx));
    made.use(loginInteraction(made, ctx.userPool));
    made.use(cognitoLogout(made, ctx.options.consoleOrigins));
    made.on('server_error', (_koa: unknown, error: unknown) => console.error('[local-aws] user pool error:', error));
    return made.callback();
  }

  return {
    serves: (path) => path.startsWith(`${prefix}/`),
    handle(message, response) {
      callback ??= provider();
      // As a mounting framework does: oidc-provider derives its mount path from originalUrl minus url.
      const url = message.url ?? '/';
      Object.assign(message, { originalUrl: url, url: url.slice(prefix.length) });
      return callback(message, response);
    },
  };
}
