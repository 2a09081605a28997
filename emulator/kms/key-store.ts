import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import { kmsErrors } from './kms-error.js';

export interface KmsKey {
  keyId: string;
  arn: string;
  /** Base64 AES-256 key material; it never leaves the stack. */
  material: string;
  enabled: boolean;
  description: string;
  keyManager: 'AWS' | 'CUSTOMER';
  creationDate: number;
  /** Set while the key waits for deletion (ScheduleKeyDeletion); such a key is also disabled. */
  deletionDate?: number;
  pendingWindowInDays?: number;
}

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

export function keyStateOf(key: KmsKey): KeyState {
  if (key.deletionDate !== undefined) return 'PendingDeletion';
  return key.enabled ? 'Enabled' : 'Disabled';
}

export interface KmsAlias {
  aliasName: string;
  aliasArn: string;
  targetKeyId: string;
}

export type EncryptionContext = Record<string, string>;

const KEYS = 'kms-keys';
const ALIASES = 'kms-aliases';
const BLOB_VERSION = 1;
const KEY_ID_LENGTH = 36;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + KEY_ID_LENGTH + IV_LENGTH + TAG_LENGTH;
const AWS_MANAGED_S3_ALIAS = 'alias/aws/s3';
const DAY_MS = 24 * 60 * 60 * 1000;
/** ScheduleKeyDeletion's PendingWindowInDays: 7 to 30, 30 when not given. */
export const PENDING_WINDOW_DAYS = { min: 7, max: 30 } as const;

/**
 * The KMS keys of one account and region, and the symmetric operations on
 * them. Ciphertext blobs carry the key id, as KMS's do, so Decrypt needs no key id.
 */
export class KeyStore {
  constructor(
    private readonly store: Store,
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  createKey(description = '', keyManager: KmsKey['keyManager'] = 'CUSTOMER'): KmsKey {
    const keyId = randomUUID();
    const key: KmsKey = {
      keyId,
      arn: `arn:aws:kms:${this.region}:${this.accountId}:key/${keyId}`,
      material: randomBytes(32).toString('base64'),
      enabled: true,
      description,
      keyManager,
      creationDate: Date.now(),
    };
    this.store.put(KEYS, keyId, key);
    return key;
  }

  listKeys(): KmsKey[] {
    return this.store.list<KmsKey>(KEYS).map(([, key]) => key);
  }

  listAliases(): KmsAlias[] {
    return this.store.list<KmsAlias>(ALIASES).map(([, alias]) => alias);
  }

  createAlias(aliasName: string, targetKeyId: string): KmsAlias {
    if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(aliasName) || aliasName.startsWith('alias/aws/')) {
      throw kmsErrors.validation(`Alias ${aliasName} is not a valid alias name.`);
    }
    if (this.store.get(ALIASES, aliasName)) {
      throw kmsErrors.alreadyExists(`An alias with the name ${this.aliasArn(aliasName)} already exists`);
    }
    return this.putAlias(aliasName, this.describe(targetKeyId).keyId);
  }

  /** Finds a key by id, key ARN, alias name or alias ARN, as KMS's KeyId parameters accept. */
  describe(keyRef: string): KmsKey {
    const key = this.find(keyRef);
    if (!key) throw kmsErrors.notFound(this.notFoundMessage(keyRef));
    return key;
  }

  find(keyRef: string): KmsKey | undefined {
    const aliasName = this.aliasNameOf(keyRef);
    if (aliasName !== undefined) {
      if (aliasName === AWS_MANAGED_S3_ALIAS) return this.awsManagedS3Key();
      const alias = this.store.get<KmsAlias>(ALIASES, aliasName);
      return alias && this.store.get<KmsKey>(KEYS, alias.targetKeyId);
    }
    const keyId = this.keyIdOf(keyRef);
    return keyId === undefined ? undefined : this.store.get<KmsKey>(KEYS, keyId);
  }

  setEnabled(keyRef: string, enabled: boolean): KmsKey {
    return this.save({ ...this.keyNotPendingDeletion(keyRef), enabled });
  }

  /** The key waits `days` days in PendingDeletion, disabled; the stack never deletes it (see ARCHITECTURE.md). */
  scheduleDeletion(keyRef: string, days: number = PENDING_WINDOW_DAYS.max): KmsKey {
    if (!Number.isInteger(days) || days < PENDING_WINDOW_DAYS.min || days > PENDING_WINDOW_DAYS.max) {
      throw kmsErrors.validation(
        `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: ` +
          `Member must have value between ${PENDING_WINDOW_DAYS.min} and ${PENDING_WINDOW_DAYS.max}`,
      );
    }
    const key = this.keyNotPendingDeletion(keyRef);
    return this.save({ ...key, enabled: false, deletionDate: Date.now() + days * DAY_MS, pendingWindowInDays: days });
  }

  /** A key whose deletion is cancelled comes back disabled, as in KMS. */
  cancelDeletion(keyRef: string): KmsKey {
    const key = this.describe(keyRef);
    if (key.deletionDate === undefined) throw kmsErrors.invalidState(`${key.arn} is not pending deletion.`);
    return this.save({ ...key, enabled: false, deletionDate: undefined, pendingWindowInDays: undefined });
  }

  encrypt(keyRef: string, plaintext: Buffer, context: EncryptionContext = {}): { ciphertext: Buffer; key: KmsKey } {
    const key = this.usableKey(keyRef);
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.material, 'base64'), iv);
    cipher.setAAD(contextBytes(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const ciphertext = Buffer.concat([Buffer.from([BLOB_VERSION]), Buffer.from(key.keyId, 'ascii'), iv, cipher.getAuthTag(), body]);
    return { ciphertext, key };
  }

  /** The key a ciphertext blob names, if the blob is one of this store's. */
  keyOfCiphertext(ciphertext: Buffer): KmsKey | undefined {
    if (ciphertext.length < HEADER_LENGTH || ciphertext[0] !== BLOB_VERSION) return undefined;
    return this.store.get<KmsKey>(KEYS, ciphertext.subarray(1, 1 + KEY_ID_LENGTH).toString('ascii'));
  }

  decrypt(ciphertext: Buffer, context: EncryptionContext = {}, expectedKeyRef?: string): { plaintext: Buffer; key: KmsKey } {
    const key = this.keyOfCiphertext(ciphertext);
    if (!key) throw kmsErrors.invalidCiphertext();
    if (expectedKeyRef !== undefined && this.find(expectedKeyRef)?.keyId !== key.keyId) throw kmsErrors.incorrectKey();
    requireUsable(key);
    const ivStart = 1 + KEY_ID_LENGTH;
    const iv = ciphertext.subarray(ivStart, ivStart + IV_LENGTH);
    const tag = ciphertext.subarray(ivStart + IV_LENGTH, HEADER_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.material, 'base64'), iv);
    decipher.setAAD(contextBytes(context));
    decipher.setAuthTag(tag);
    try {
      return { plaintext: Buffer.concat([decipher.update(ciphertext.subarray(HEADER_LENGTH)), decipher.final()]), key };
    } catch {
      throw kmsErrors.invalidCiphertext();
    }
  }

  generateDataKey(keyRef: string, context: EncryptionContext = {}, bytes = 32) {
    const plaintext = randomBytes(bytes);
    const { ciphertext, key } = this.encrypt(keyRef, plaintext, context);
    return { plaintext, ciphertext, key };
  }

  /** Decrypts with the key the ciphertext names and encrypts the plaintext under another key; the plaintext never leaves. */
  reEncrypt(
    ciphertext: Buffer,
    source: { context?: EncryptionContext; keyRef?: string },
    destination: { keyRef: string; context?: EncryptionContext },
  ): { ciphertext: Buffer; sourceKey: KmsKey; key: KmsKey } {
    const { plaintext, key: sourceKey } = this.decrypt(ciphertext, source.context, source.keyRef);
    return { ...this.encrypt(destination.keyRef, plaintext, destination.context), sourceKey };
  }

  /** A key that may encrypt and decrypt: KMS refuses disabled keys and keys pending deletion. */
  usableKey(keyRef: string): KmsKey {
    const key = this.describe(keyRef);
    requireUsable(key);
    return key;
  }

  private keyNotPendingDeletion(keyRef: string): KmsKey {
    const key = this.describe(keyRef);
    if (key.deletionDate !== undefined) throw kmsErrors.pendingDeletion(key.arn);
    return key;
  }

  private save(key: KmsKey): KmsKey {
    this.store.put(KEYS, key.keyId, key);
    return key;
  }

  private awsManagedS3Key(): KmsKey {
    const alias = this.store.get<KmsAlias>(ALIASES, AWS_MANAGED_S3_ALIAS);
    if (alias) return this.store.get<KmsKey>(KEYS, alias.targetKeyId)!;
    const key = this.createKey('Default key that protects my S3 objects when no other key is defined', 'AWS');
    this.putAlias(AWS_MANAGED_S3_ALIAS, key.keyId);
    return key;
  }

  private putAlias(aliasName: string, targetKeyId: string): KmsAlias {
    const alias = { aliasName, aliasArn: this.aliasArn(aliasName), targetKeyId };
    this.store.put(ALIASES, aliasName, alias);
    return alias;
  }

  aliasArn(aliasName: string): string {
    return `arn:aws:kms:${this.region}:${this.accountId}:${aliasName}`;
  }

  private aliasNameOf(keyRef: string): string | undefined {
    if (keyRef.startsWith('alias/')) return keyRef;
    const match = /^arn:aws:kms:([^:]+):(\d{12}):(alias\/.+)$/.exec(keyRef);
    return match && match[1] === this.region && match[2] === this.accountId ? match[3] : undefined;
  }

  private keyIdOf(keyRef: string): string | undefined {
    if (/^[0-9a-f-]{36}$/.test(keyRef)) return keyRef;
    const match = /^arn:aws:kms:([^:]+):(\d{12}):key\/([0-9a-f-]{36})$/.exec(keyRef);
    return match && match[1] === this.region && match[2] === this.accountId ? match[3] : undefined;
  }

  private notFoundMessage(keyRef: string): string {
    if (keyRef.startsWith('arn:') || keyRef.startsWith('alias/')) {
      return `${keyRef.startsWith('alias/') ? 'Alias' : 'Key'} '${keyRef.startsWith('alias/') ? this.aliasArn(keyRef) : keyRef}' does not exist`;
    }
    return `Invalid keyId '${keyRef}'`;
  }
}

function requireUsable(key: KmsKey): void {
  if (key.deletionDate !== undefined) throw kmsErrors.pendingDeletion(key.arn);
  if (!key.enabled) throw kmsErrors.disabled(key.arn);
}

/** The encryption context bound into the ciphertext, independent of key order. */
function contextBytes(context: EncryptionContext): Buffer {
  const sorted = Object.keys(context)
    .sort()
    .map((name) => [name, context[name]]);
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}
