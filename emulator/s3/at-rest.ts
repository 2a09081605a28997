import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { KeyStore } from '../kms/key-store.js';
import type { Store } from '../store/store.js';
import type { AtRestLayer, ObjectSse, StoredBody } from './model.js';

const IV_LENGTH = 12;

/** What sealing needs besides the object's encryption: the customer key for SSE-C, the KMS context. */
export interface SealingKeys {
  customerKey?: Buffer;
  kmsContext: Record<string, string>;
}

/**
 * Encrypts object bytes before they reach the store: a fresh AES-256-GCM data
 * key per object, wrapped by the stack's master key (SSE-S3), by a KMS key
 * (SSE-KMS), by both (DSSE-KMS, two layers), or the customer's key itself
 * (SSE-C). Unencrypted legacy objects are stored as they are.
 */
export class AtRestCipher {
  constructor(
    private readonly store: Store,
    private readonly kms: KeyStore,
    private readonly masterKey: Buffer,
  ) {}

  seal(plaintext: Buffer, sse: ObjectSse, keys: SealingKeys): StoredBody {
    const layers: AtRestLayer[] = [];
    let bytes = plaintext;
    for (const plan of this.layerPlans(sse, keys)) {
      const sealed = encrypt(bytes, plan.dataKey);
      bytes = sealed.ciphertext;
      layers.push(plan.describe(sealed.iv, sealed.tag));
    }
    const blobId = randomUUID();
    this.store.putBlob(blobId, bytes);
    return { blobId, layers };
  }

  open(body: StoredBody, customerKey?: Buffer): Buffer {
    const bytes = this.store.getBlob(body.blobId);
    if (!body.segments) return this.unseal(bytes, body.layers, customerKey);
    const opened: Buffer[] = [];
    let offset = 0;
    for (const segment of body.segments) {
      opened.push(this.unseal(bytes.subarray(offset, offset + segment.size), segment.layers, customerKey));
      offset += segment.size;
    }
    return Buffer.concat(opened);
  }

  /** One body made of sealed bodies end to end, without opening them (so without any key). */
  join(bodies: StoredBody[]): StoredBody {
    const blobs = bodies.map((body) => this.store.getBlob(body.blobId));
    const segments = bodies.flatMap((body, index) => body.segments ?? [{ size: blobs[index].length, layers: body.layers }]);
    const blobId = randomUUID();
    this.store.putBlob(blobId, Buffer.concat(blobs));
    return { blobId, layers: [], segments };
  }

  private unseal(sealed: Buffer, layers: AtRestLayer[], customerKey?: Buffer): Buffer {
    let bytes = sealed;
    for (const layer of [...layers].reverse()) {
      bytes = decrypt(bytes, this.dataKeyOf(layer, customerKey), layer.iv, layer.tag);
    }
    return bytes;
  }

  /** Re-wraps the KMS data key of a body under another key (UpdateObjectEncryption): no object bytes move. */
  rewrapKms(body: StoredBody, keyArn: string, context: Record<string, string>): StoredBody {
    const layers = body.layers.map((layer): AtRestLayer => {
      if (layer.wrap === 'stack' || layer.wrap === 'kms') {
        const dataKey = this.dataKeyOf(layer);
        const { ciphertext } = this.kms.encrypt(keyArn, dataKey, context);
        return { wrap: 'kms', ciphertextBlob: ciphertext.toString('base64'), context, iv: layer.iv, tag: layer.tag };
      }
      return layer;
    });
    return { blobId: body.blobId, layers };
  }

  discard(body: StoredBody | undefined): void {
    if (body) this.store.deleteBlob(body.blobId);
  }

  private layerPlans(sse: ObjectSse, keys: SealingKeys) {
    switch (sse.type) {
      case 'NONE':
        return [];
      case 'AES256':
        return [this.stackLayer()];
      case 'aws:kms':
        return [this.kmsLayer(sse.keyArn, keys.kmsContext)];
      case 'aws:kms:dsse':
        return [this.stackLayer(), this.kmsLayer(sse.keyArn, keys.kmsContext)];
      case 'SSE-C': {
        if (!keys.customerKey) throw new Error('SSE-C sealing needs the customer key');
        const dataKey = keys.customerKey;
        return [{ dataKey, describe: (iv: string, tag: string): AtRestLayer => ({ wrap: 'customer', iv, tag }) }];
      }
    }
  }

  private stackLayer() {
    const dataKey = randomBytes(32);
    const wrapped = encrypt(dataKey, this.masterKey);
    const wrappedKey = Buffer.concat([Buffer.from(wrapped.iv, 'base64'), Buffer.from(wrapped.tag, 'base64'), wrapped.ciphertext]);
    return {
      dataKey,
      describe: (iv: string, tag: string): AtRestLayer => ({ wrap: 'stack', wrappedKey: wrappedKey.toString('base64'), iv, tag }),
    };
  }

  private kmsLayer(keyArn: string, context: Record<string, string>) {
    const { plaintext, ciphertext } = this.kms.generateDataKey(keyArn, context);
    return {
      dataKey: plaintext,
      describe: (iv: string, tag: string): AtRestLayer => ({
        wrap: 'kms',
        ciphertextBlob: ciphertext.toString('base64'),
        context,
        iv,
        tag,
      }),
    };
  }

  private dataKeyOf(layer: AtRestLayer, customerKey?: Buffer): Buffer {
    switch (layer.wrap) {
      case 'stack': {
        const wrapped = Buffer.from(layer.wrappedKey, 'base64');
        return decrypt(
          wrapped.subarray(IV_LENGTH + 16),
          this.masterKey,
          wrapped.subarray(0, IV_LENGTH).toString('base64'),
          wrapped.subarray(IV_LENGTH, IV_LENGTH + 16).toString('base64'),
        );
      }
      case 'kms':
        return this.kms.decrypt(Buffer.from(layer.ciphertextBlob, 'base64'), layer.context).plaintext;
      case 'customer':
        if (!customerKey) throw new Error('SSE-C bytes need the customer key');
        return customerKey;
    }
  }
}

function encrypt(plaintext: Buffer, key: Buffer) {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

function decrypt(ciphertext: Buffer, key: Buffer, iv: string, tag: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
