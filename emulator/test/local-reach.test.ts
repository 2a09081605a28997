import { describe, expect, it } from 'vitest';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { HttpRequest } from '@smithy/protocol-http';
import { CONTROL_SIGNING_NAME } from '../http/control-api.js';
import { sendRaw, stackSigner, useTestStack } from './harness.js';

/** Only this machine's console reaches the stack: not a page whose domain resolves to 127.0.0.1, not a presigned control URL. */
const stack = useTestStack();

describe('the Host header', () => {
  const poolDiscovery = () => `/${stack.ctx.userPool.userPoolId}/.well-known/openid-configuration`;

  it.each(['rebound.example', 'rebound.example:PORT', '127.0.0.1.rebound.example:PORT', 'localhost.rebound.example', '10.0.0.2:PORT'])(
    'refuses %s with 403 before S3, KMS, the control API and the user pool see the request',
    async (host) => {
      const withPort = host.replace('PORT', String(stack.port));
      const requests = [
        { method: 'GET', path: '/' },
        { method: 'POST', path: '/', headers: { 'x-amz-target': 'TrentService.ListKeys' } },
        { method: 'POST', path: '/_local-aws/sessions/expire' },
        { method: 'GET', path: poolDiscovery() },
      ];
      for (const { method, path, headers } of requests) {
        const refused = await sendRaw(stack, { method, path, headers: { ...headers, host: withPort } });
        expect(refused.status, `${method} ${path}`).toBe(403);
        expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(refused.body.toString('utf8')).toContain(`the Host header "${withPort}" is not a loopback name`);
      }
    },
  );

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST', '[::1]:PORT'])('answers %s', async (host) => {
    const discovery = await sendRaw(stack, { method: 'GET', path: poolDiscovery(), headers: { host: host.replace('PORT', String(stack.port)) } });
    expect(discovery.status).toBe(200);
  });

  it('answers virtual-hosted buckets on BUCKET.localhost', async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: 'reach.virtual-hosted' }));
    const unsigned = await sendRaw(stack, { method: 'GET', path: '/', headers: { host: `reach.virtual-hosted.localhost:${stack.port}` } });
    // S3's own refusal of an unsigned request, for that bucket: the Host was let through.
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers['content-type']).toBe('application/xml');
  });
});

describe('the control API', () => {
  it('refuses a presigned URL, which any web page could make a browser send, and ends no session', async () => {
    const session = stack.ctx.credentials.issueSession(3600, 'reach-test-identity', 'ConsoleReadOnlyRole');
    const presigned = await stackSigner(stack, { service: CONTROL_SIGNING_NAME }).presign(
      new HttpRequest({
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: stack.port,
        path: '/_local-aws/sessions/expire',
        headers: { host: `127.0.0.1:${stack.port}` },
      }),
    );
    const query = Object.entries(presigned.query ?? {}).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    const refused = await sendRaw(stack, { method: 'POST', path: `/_local-aws/sessions/expire?${query.join('&')}`, headers: {} });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual({
      code: 'AccessDenied',
      message: 'The control API takes only requests signed in the Authorization header, never a presigned URL.',
    });
    expect(stack.ctx.credentials.find(session.accessKeyId)?.expiresAt).toBe(session.expiresAt);
  });
});
