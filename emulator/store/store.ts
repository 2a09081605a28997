/**
 * The stack's persistence: named tables of JSON records plus opaque blobs.
 * It knows nothing of S3, KMS or Cognito rules; services build on it.
 * Calls are synchronous so that each request's read-modify-write is atomic
 * on Node's single thread.
 */
export interface Store {
  get<T>(table: string, id: string): T | undefined;
  put<T>(table: string, id: string, value: T): void;
  delete(table: string, id: string): void;
  /** Records of a table ordered by the UTF-8 bytes of their ids, as S3 orders keys. */
  list<T>(table: string): Array<[id: string, value: T]>;
  /** Removes a whole table (a deleted bucket's objects). */
  drop(table: string): void;
  putBlob(id: string, bytes: Buffer): void;
  getBlob(id: string): Buffer;
  deleteBlob(id: string): void;
  /** Deletes every blob not in `kept`: the bytes of a write or delete a crash cut short. */
  removeBlobsExcept(kept: ReadonlySet<string>): void;
  close(): void;
}

export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
