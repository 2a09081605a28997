import type { Plugin } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_BUCKET_NAMES, DEMO_MAX_COPY_SIZE } from '../seed/demo-constants.js';
import { DEMO_APP_CLIENT_ID, DEMO_USER_POOL_ID } from '../seed/demo-users.js';

/** The console's config.json for a stack at `endpoint`; public/config.json is this for the default port. */
export function demoConsoleConfig(endpoint: string, region: string, identityPoolId: string) {
  // The stack serves the managed login (and its /logout) under the issuer, so domain and issuer are one URL.
  const userPoolUrl = `${endpoint}/${DEMO_USER_POOL_ID(region)}`;
  return {
    region,
    s3: { endpoint, forcePathStyle: true },
    kms: { endpoint },
    cognito: {
      identityPoolId,
      endpoint,
      userPool: { issuer: userPoolUrl, clientId: DEMO_APP_CLIENT_ID, domain: userPoolUrl, redirectPath: '/auth/callback', signOutPath: '/' },
      allowGuests: false,
    },
    buckets: DEMO_BUCKET_NAMES.map((name) => ({ name })),
    policy: { require: 'any-sse' },
    // The stack runs with the demo's copy limit (npm start, e2e), so the console plans multipart copies by it.
    copySizeLimit: DEMO_MAX_COPY_SIZE,
  };
}

/** Serves /config.json from memory, so a stack on any port gets a matching console. */
export function serveConsoleConfig(config: object): Plugin {
  const body = JSON.stringify(config, null, 2);
  const handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.url?.split('?')[0] !== '/config.json') return next();
    response.setHeader('content-type', 'application/json');
    response.setHeader('cache-control', 'no-store');
    response.end(body);
  };
  return {
    name: 'serve-console-config',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}
