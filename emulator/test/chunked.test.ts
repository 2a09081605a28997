import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { verifySigV4 } from '../auth/sigv4.js';
import { CredentialStore } from '../auth/credentials.js';
import { decodeAwsChunked } from '../http/aws-chunked.js';
import { MemoryStore } from '../store/memory-store.js';
import { sendRaw, signRaw, stackSigner, useTestStack, type RawResponse } from './harness.js';

const BUCKET = 'chunked-tests';
const EMPTY_SHA256 = createHash('sha256').digest('hex');
const MiB = 1024 * 1024;

const stack = useTestStack();
beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

function crc32Base64(bytes: Buffer): string {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(crc32(bytes));
  return value.toString('base64');
}

/** Bytes that differ from chunk to chunk, so a reordered or dropped chunk shows. */
function pattern(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

async function readAll(bucket: string, key: string): Promise<Buffer> {
  const get = await stack.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await get.Body!.transformToByteArray());
}

function xmlCode(reply: RawResponse): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(reply.body.toString('utf8'))?.[1];
}

describe('stream bodies as the SDK sends them (STREAMING-UNSIGNED-PAYLOAD-TRAILER)', () => {
  /** Records the headers of the request the SDK puts on the wire. */
  function recordHeaders(): Record<string, string> {
    const seen: Record<string, string> = {};
    stack.s3.middlewareStack.add(
      (next) => async (args) => {
        Object.assign(seen, (args.request as { headers: Record<string, string> }).headers);
        return next(args);
      },
      { step: 'deserialize', priority: 'low', name: 'recordWireHeaders', override: true },
    );
    return seen;
  }

  it('stores a PutObject stream body with its trailing CRC32 and no aws-chunked Content-Encoding', async () => {
    const parts = [pattern(100_000, 1), pattern(70_000, 2), pattern(12_345, 3)];
    const whole = Buffer.concat(parts);
    const seen = recordHeaders();
    const put = await stack.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'stream.bin', Body: Readable.from(parts), ContentLength: whole.length }),
    );
    stack.s3.middlewareStack.remove('recordWireHeaders');
    expect(seen['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    expect(seen['content-encoding']).toBe('aws-chunked');
    expect(seen['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(put.ChecksumCRC32).toBe(crc32Base64(whole));
    expect(put.ETag).toBe(`"${createHash('md5').update(whole).digest('hex')}"`);

    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'stream.bin', ChecksumMode: 'ENABLED' }));
    expect(head.ContentLength).toBe(whole.length);
    expect(head.ContentEncoding).toBeUndefined();
    expect(head.ChecksumCRC32).toBe(crc32Base64(whole));
    expect((await readAll(BUCKET, 'stream.bin')).equals(whole)).toBe(true);
  });

  it('keeps a real Content-Encoding sent alongside aws-chunked', async () => {
    const body = Buffer.from('pretend this is gzip');
    await stack.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'encoded.bin', Body: Readable.from([body]), ContentLength: body.length, ContentEncoding: 'gzip' }),
    );
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'encoded.bin' }));
    expect(head.ContentEncoding).toBe('gzip');
  });

  it('assembles UploadPart stream bodies into the completed object', async () => {
    const key = 'multipart-stream.bin';
    const partBytes = [pattern(5 * MiB, 4), pattern(1000, 5)];
    const { UploadId } = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
    const parts = [];
    for (const [index, bytes] of partBytes.entries()) {
      const part = await stack.s3.send(
        new UploadPartCommand({
          Bucket: BUCKET,
          Key: key,
          UploadId,
          PartNumber: index + 1,
          Body: Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
          ContentLength: bytes.length,
        }),
      );
      expect(part.ChecksumCRC32).toBe(crc32Base64(bytes));
      parts.push({ PartNumber: index + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
    }
    await stack.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
    expect((await readAll(BUCKET, key)).equals(Buffer.concat(partBytes))).toBe(true);
  });
});

interface SignedUpload {
  key: string;
  chunks: Buffer[];
  /** Trailing checksum header, for STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER. */
  trailer?: [name: string, value: string];
  /** Changes one thing after signing, to check it is refused. */
  tamper?: 'chunk-signature' | 'chunk-data' | 'trailer-signature';
  decodedContentLength?: number;
}

/**
 * A PutObject with a signed aws-chunked body built by hand as the SigV4
 * streaming spec describes it: a seed signature over the headers, then each
 * chunk's signature chained from the previous one, then (optionally) the
 * trailer's chained from the final empty chunk's.
 */
async function putSignedChunks(upload: SignedUpload): Promise<RawResponse> {
  const mode = upload.trailer ? 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' : 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
  const decodedLength = upload.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  // SigV4 dates have whole seconds; chunk signatures reuse the seed's.
  const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
  const signed = await signRaw(
    stack,
    {
      method: 'PUT',
      path: `/${BUCKET}/${upload.key}`,
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': mode,
        'x-amz-decoded-content-length': String(upload.decodedContentLength ?? decodedLength),
        ...(upload.trailer ? { 'x-amz-trailer': upload.trailer[0] } : {}),
      },
    },
    { signingDate },
  );
  const longDate = signed.headers['x-amz-date'];
  const scope = `${longDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const signer = stackSigner(stack);
  const chain = async (algorithm: string, previous: string, hashes: string[]) =>
    signer.sign([algorithm, longDate, scope, previous, ...hashes].join('\n'), { signingDate });

  let previous = /Signature=([0-9a-f]{64})/.exec(signed.headers['authorization'])![1];
  const frames: Buffer[] = [];
  for (const [index, chunk] of [...upload.chunks, Buffer.alloc(0)].entries()) {
    let signature = await chain('AWS4-HMAC-SHA256-PAYLOAD', previous, [EMPTY_SHA256, createHash('sha256').update(chunk).digest('hex')]);
    previous = signature;
    let data = chunk;
    if (index === 0 && upload.tamper === 'chunk-signature') signature = signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    if (index === 0 && upload.tamper === 'chunk-data') data = Buffer.from(chunk).fill(0x21, 0, 1);
    frames.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`), data, Buffer.from('\r\n'));
  }
  if (upload.trailer) {
    frames.pop();
    const [name, value] = upload.trailer;
    const trailerSignature = await chain('AWS4-HMAC-SHA256-TRAILER', previous, [createHash('sha256').update(`${name}:${value}\n`).digest('hex')]);
    const sent = upload.tamper === 'trailer-signature' ? EMPTY_SHA256 : trailerSignature;
    frames.push(Buffer.from(`${name}:${value}\r\nx-amz-trailer-signature:${sent}\r\n\r\n`));
  }
  return sendRaw(stack, { ...signed, body: Buffer.concat(frames) });
}

describe('signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
  const chunks = [pattern(64 * 1024, 7), pattern(64 * 1024, 8), pattern(1024, 9)];

  it('stores a body whose chunk signatures all verify', async () => {
    const reply = await putSignedChunks({ key: 'signed.bin', chunks });
    expect(reply.status).toBe(200);
    expect((await readAll(BUCKET, 'signed.bin')).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('refuses a wrong chunk signature with 403 SignatureDoesNotMatch and stores nothing', async () => {
    const reply = await putSignedChunks({ key: 'bad-signature.bin', chunks, tamper: 'chunk-signature' });
    expect(reply.status).toBe(403);
    expect(xmlCode(reply)).toBe('SignatureDoesNotMatch');
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'bad-signature.bin' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses chunk data changed after signing with 403 SignatureDoesNotMatch', async () => {
    const reply = await putSignedChunks({ key: 'bad-data.bin', chunks, tamper: 'chunk-data' });
    expect(reply.status).toBe(403);
    expect(xmlCode(reply)).toBe('SignatureDoesNotMatch');
  });

  it('refuses an x-amz-decoded-content-length that is not the decoded size with 400 IncompleteBody', async () => {
    const reply = await putSignedChunks({ key: 'bad-length.bin', chunks, decodedContentLength: 64 * 1024 * 2 + 1024 + 10 });
    expect(reply.status).toBe(400);
    expect(xmlCode(reply)).toBe('IncompleteBody');
  });

  it('stores the signed trailing checksum and refuses a wrong trailer signature', async () => {
    const whole = Buffer.concat(chunks);
    const ok = await putSignedChunks({ key: 'trailer.bin', chunks, trailer: ['x-amz-checksum-crc32', crc32Base64(whole)] });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-amz-checksum-crc32']).toBe(crc32Base64(whole));
    const bad = await putSignedChunks({
      key: 'bad-trailer.bin',
      chunks,
      trailer: ['x-amz-checksum-crc32', crc32Base64(whole)],
      tamper: 'trailer-signature',
    });
    expect(bad.status).toBe(403);
    expect(xmlCode(bad)).toBe('SignatureDoesNotMatch');
  });

  it('refuses a signed trailing checksum that does not match the bytes with 400 BadDigest', async () => {
    const reply = await putSignedChunks({ key: 'wrong-crc.bin', chunks, trailer: ['x-amz-checksum-crc32', crc32Base64(Buffer.from('other'))] });
    expect(reply.status).toBe(400);
    expect(xmlCode(reply)).toBe('BadDigest');
  });
});

describe("AWS's published chunked-upload example (sigv4-streaming.html)", () => {
  const credentials = new CredentialStore(new MemoryStore(), {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  });
  const headers = {
    host: 's3.amazonaws.com',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '66560',
    'content-length': '66824',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
      'SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class, ' +
      'Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  };
  const frame = (size: number, signature: string) =>
    Buffer.concat([Buffer.from(`${size.toString(16)};chunk-signature=${signature}\r\n`), Buffer.alloc(size, 'a'), Buffer.from('\r\n')]);
  const body = Buffer.concat([
    frame(65536, 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648'),
    frame(1024, '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497'),
    frame(0, 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'),
  ]);
  const request = { method: 'PUT', rawPath: '/examplebucket/chunkObject.txt', query: {}, headers, body };

  it('verifies the seed signature and every chunk signature of the example', async () => {
    expect(body.length).toBe(66824);
    const auth = await verifySigV4(request, credentials, { region: 'us-east-1', service: 's3' }, new Date('2013-05-24T00:00:30Z'));
    const { payload } = await decodeAwsChunked(body, headers, auth);
    expect(payload.equals(Buffer.alloc(66560, 'a'))).toBe(true);
  });

  it('rejects the example with its second chunk altered', async () => {
    const auth = await verifySigV4(request, credentials, { region: 'us-east-1', service: 's3' }, new Date('2013-05-24T00:00:30Z'));
    const altered = Buffer.from(body);
    altered[65626 + 90] = 'b'.charCodeAt(0);
    await expect(decodeAwsChunked(altered, headers, auth)).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });
});
