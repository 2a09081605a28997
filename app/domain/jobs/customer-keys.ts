import type { HashConstructor } from '@smithy/types';
import type { CustomerKey } from '../customer-key';
import type { TargetEncryption } from './target-encryption';

/** The MD5 implementation an S3 client uses for SSE-C headers (browsers' WebCrypto has none). */
export type Md5Constructor = HashConstructor;

/** S3 names an SSE-C key by the base64 MD5 of its 32 bytes; that name may be shown and stored, the key may not. */
export async function customerKeyMd5(key: CustomerKey, md5: Md5Constructor): Promise<string> {
  const hash = new md5();
  hash.update(Uint8Array.from(atob(key.keyBase64), (c) => c.charCodeAt(0)));
  const digest = await hash.digest();
  return btoa(String.fromCharCode(...digest));
}

export async function sseCTarget(customerKey: CustomerKey, md5: Md5Constructor): Promise<TargetEncryption> {
  return { kind: 'SSE-C', customerKey, keyMd5: await customerKeyMd5(customerKey, md5) };
}

/** The SSE-C keys a job was given, in memory only, found by the MD5 that HeadObject reports. */
export class CustomerKeyRing {
  private readonly keys = new Map<string, CustomerKey>();

  constructor(private readonly md5: Md5Constructor) {}

  async add(key: CustomerKey): Promise<string> {
    const md5 = await customerKeyMd5(key, this.md5);
    this.keys.set(md5, key);
    return md5;
  }

  byMd5(md5: string | undefined): CustomerKey | undefined {
    return md5 === undefined ? undefined : this.keys.get(md5);
  }
}
