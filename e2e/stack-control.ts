import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { CONTROL_PATH_PREFIX, CONTROL_SIGNING_NAME } from '../emulator/http/control-api';
import { defaultOptions, type FaultRule } from '../emulator/options';
import { E2E_STACK_PORT } from './ports';

const { region, rootAccessKeyId, rootSecretAccessKey } = defaultOptions();
const signer = new SignatureV4({
  credentials: { accessKeyId: rootAccessKeyId, secretAccessKey: rootSecretAccessKey },
  region,
  service: CONTROL_SIGNING_NAME,
  sha256: Hash.bind(null, 'sha256'),
});

/** One request to the stack's control API (README: "The local stack"), signed with the root key. */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const host = `127.0.0.1:${E2E_STACK_PORT}`;
  const signed = await signer.sign(
    new HttpRequest({
      method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: E2E_STACK_PORT,
      path: CONTROL_PATH_PREFIX + path,
      headers: { host, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const response = await fetch(`http://${host}${signed.path}`, { method, headers: signed.headers, body: signed.body as string | undefined });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${signed.path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Replaces the faults the stack injects; the stack is shared by every spec, so turn them off again in a finally. */
export async function injectFaults(faults: FaultRule[]): Promise<void> {
  await control('PUT', 'faults', { faults });
}

/** Ends every session the identity pool issued: their next S3 or KMS request gets the real ExpiredToken. */
export async function expireSessions(): Promise<void> {
  await control('POST', 'sessions/expire');
}
