/** 32 random bytes from the browser's CSPRNG, as base64: a new SSE-C key that never leaves this tab unless the user copies it. */
export function generateCustomerKeyBase64(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return btoa(String.fromCharCode(...random(new Uint8Array(32))));
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Why SSE-C cannot be offered; undefined when it can. S3 takes customer keys
 * only over HTTPS (the local stack also from loopback clients, which never
 * leave the machine), and refuses them in buckets that block SSE-C.
 */
export function sseCUnavailableReason(
  s3Endpoint: string | undefined,
  bucket: string,
  blockedEncryptionTypes: readonly string[] | undefined,
): string | undefined {
  if (s3Endpoint !== undefined) {
    const url = new URL(s3Endpoint);
    if (url.protocol !== 'https:' && !LOOPBACK_HOST.test(url.hostname)) {
      return `SSE-C sends the key with every request, so it is offered only over HTTPS; the S3 endpoint ${url.origin} is plain HTTP.`;
    }
  }
  if (blockedEncryptionTypes === undefined) return 'Reading whether the bucket blocks SSE-C…';
  if (blockedEncryptionTypes.includes('SSE-C')) {
    return `The bucket ${bucket} blocks SSE-C (BlockedEncryptionTypes in its default encryption), so S3 refuses objects encrypted with a customer key.`;
  }
  return undefined;
}
