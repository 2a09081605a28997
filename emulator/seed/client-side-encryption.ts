import { createCipheriv, createHash } from 'node:crypto';

const CONTENT_CIPHER = 'AES/GCM/NoPadding';

export interface ClientSideEncrypted {
  ciphertext: Buffer;
  /** User metadata (`x-amz-meta-` on the wire) that tells a client how to decrypt. */
  metadata: Record<string, string>;
}

/** AES-256-GCM with the 16-byte tag appended, as both the body and the wrapped key carry it. */
function sealGcm(key: Buffer, iv: Buffer, plaintext: Buffer, aad?: string): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/**
 * Encrypts as the Amazon S3 Encryption Client V2 does with an `AES/GCM`
 * wrapping key (S3-FACTS: "Amazon S3 Encryption Client format, V2"). A real
 * client draws the data key and IVs at random; here they derive from `name`,
 * so every seed stores the same bytes and each object still gets its own.
 */
export function encryptClientSide(plaintext: Buffer, wrappingKey: Buffer, name: string): ClientSideEncrypted {
  const derive = (purpose: string, length: number) => createHash('sha256').update(`${purpose}\0${name}`).digest().subarray(0, length);
  const dataKey = derive('data-key', 32);
  const iv = derive('content-iv', 12);
  const wrapIv = derive('wrap-iv', 12);
  const wrappedKey = Buffer.concat([wrapIv, sealGcm(wrappingKey, wrapIv, dataKey, CONTENT_CIPHER)]);
  return {
    ciphertext: sealGcm(dataKey, iv, plaintext),
    metadata: {
      'x-amz-key-v2': wrappedKey.toString('base64'),
      'x-amz-iv': iv.toString('base64'),
      'x-amz-cek-alg': CONTENT_CIPHER,
      'x-amz-tag-len': '128',
      'x-amz-wrap-alg': 'AES/GCM',
      'x-amz-matdesc': '{}',
      'x-amz-unencrypted-content-length': String(plaintext.length),
    },
  };
}
