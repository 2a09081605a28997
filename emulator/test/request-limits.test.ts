import { request as httpRequest, type ClientRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, DeleteObjectsCommand, GetBucketCorsCommand, HeadBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { signRaw, useTestStack, type RawResponse } from './harness.js';

/** Request bodies are refused by their operation's limit as soon as they pass it, unread, so no client waits on another's. */
const stack = useTestStack();
const BUCKET = 'request-limits';
const TEN_MB = 10 * 1024 * 1024;

beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

/** A request whose headers are sent at once and whose body the test writes as it chooses (and need never finish). */
function openRequest(headers: Record<string, string>, method: string, path: string): { outgoing: ClientRequest; response: Promise<RawResponse> } {
  let outgoing!: ClientRequest;
  const response = new Promise<RawResponse>((resolve, reject) => {
    outgoing = httpRequest({ host: '127.0.0.1', port: stack.port, method, path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
    });
    // Writing into a connection the stack has closed fails; the answer, already received, is what the test reads.
    outgoing.on('error', (error) => (outgoing.destroyed ? undefined : reject(error)));
  });
  outgoing.flushHeaders();
  return { outgoing, response };
}

/** A CORS document of `size` bytes, as the SDK would send it. */
function corsDocument(size: number): Buffer {
  const rule = '<CORSRule><AllowedOrigin>http://app.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>';
  return Buffer.from(`<CORSConfiguration>${rule.repeat(Math.ceil(size / rule.length))}</CORSConfiguration>`);
}

async function signedPutCors(extraHeaders: Record<string, string>) {
  const signed = await signRaw(stack, {
    method: 'PUT',
    path: `/${BUCKET}`,
    query: { cors: '' },
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...extraHeaders },
  });
  return openRequest(signed.headers, 'PUT', `/${BUCKET}?cors=`);
}

function errorCode(response: RawResponse): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(response.body.toString('utf8'))?.[1];
}

describe('an XML configuration body', () => {
  it('of 10 MB declared is refused with MaxMessageLengthExceeded while it is still being sent, and other clients are answered meanwhile', async () => {
    const document = corsDocument(TEN_MB);
    const big = await signedPutCors({ 'content-length': String(document.length) });
    big.outgoing.write(document.subarray(0, 64 * 1024));

    // The rest of the document is never sent: the answer cannot have waited for it.
    const refused = await big.response;
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('MaxMessageLengthExceeded');
    expect(refused.body.toString('utf8')).toContain('<Message>Your request was too big.</Message>');
    expect(refused.headers.connection).toBe('close');

    await stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    big.outgoing.destroy();
    await expect(stack.s3.send(new GetBucketCorsCommand({ Bucket: BUCKET }))).rejects.toMatchObject({ name: 'NoSuchCORSConfiguration' });
  });

  it('streamed without a declared length is refused once it passes the limit, unread beyond it', async () => {
    const big = await signedPutCors({ 'transfer-encoding': 'chunked' });
    big.outgoing.write(corsDocument(1024 * 1024));

    const refused = await big.response;
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('MaxMessageLengthExceeded');
    await stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    big.outgoing.destroy();
  });

  it('within the limit is taken, through the SDK', async () => {
    const rules = Array.from({ length: 100 }, (_, i) => ({ AllowedOrigins: [`http://app-${i}.example`], AllowedMethods: ['GET'] }));
    await stack.s3.send(new PutBucketCorsCommand({ Bucket: BUCKET, CORSConfiguration: { CORSRules: rules } }));
    expect((await stack.s3.send(new GetBucketCorsCommand({ Bucket: BUCKET }))).CORSRules).toHaveLength(100);
  });
});

describe('DeleteObjects', () => {
  it('takes its largest request, 1,000 keys of 1,024 bytes with version ids', async () => {
    const Objects = Array.from({ length: 1000 }, (_, i) => ({ Key: String(i).padStart(1024, 'k'), VersionId: 'null' }));
    const { Deleted, Errors } = await stack.s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects, Quiet: false } }));
    expect(Errors).toBeUndefined();
    expect(Deleted).toHaveLength(1000);
  });
});

describe('an object upload', () => {
  it('declared over 5 GiB is refused with EntityTooLarge before a byte of it is sent', async () => {
    const size = 5 * 1024 ** 3 + 1;
    const signed = await signRaw(stack, {
      method: 'PUT',
      path: `/${BUCKET}/huge.bin`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(size) },
    });
    const upload = openRequest(signed.headers, 'PUT', `/${BUCKET}/huge.bin`);
    const refused = await upload.response;
    upload.outgoing.destroy();
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('EntityTooLarge');
    expect(refused.body.toString('utf8')).toContain(`<ProposedSize>${size}</ProposedSize><MaxSizeAllowed>5368709120</MaxSizeAllowed>`);
  });
});

describe('an upload sent with Expect: 100-continue', () => {
  async function expectingUpload(key: string, size: number) {
    const signed = await signRaw(stack, {
      method: 'PUT',
      path: `/${BUCKET}/${key}`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(size), expect: '100-continue' },
    });
    const upload = openRequest(signed.headers, 'PUT', `/${BUCKET}/${key}`);
    const continued = new Promise<'continue'>((resolve) => upload.outgoing.once('continue', () => resolve('continue')));
    return { ...upload, continued };
  }

  it('over 5 GiB is refused before the client is told to send it', async () => {
    const upload = await expectingUpload('huge-expecting.bin', 5 * 1024 ** 3 + 1);
    const first = await Promise.race([upload.continued, upload.response]);
    upload.outgoing.destroy();
    expect(first).not.toBe('continue');
    expect(errorCode(await upload.response)).toBe('EntityTooLarge');
  });

  it('within the limit is told to continue, then stored', async () => {
    const upload = await expectingUpload('small-expecting.txt', 5);
    expect(await upload.continued).toBe('continue');
    upload.outgoing.end('hello');
    expect((await upload.response).status).toBe(200);
  });
});

describe('a JSON service call', () => {
  it('far over any KMS or Cognito input is refused with 413, unread', async () => {
    const call = openRequest(
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.Encrypt', 'content-length': String(TEN_MB) },
      'POST',
      '/',
    );
    call.outgoing.write('{"Plaintext":"');
    const refused = await call.response;
    call.outgoing.destroy();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual({
      __type: 'RequestEntityTooLargeException',
      message: `The request body of ${TEN_MB} bytes is over the limit of 65536 bytes.`,
    });
  });
});
