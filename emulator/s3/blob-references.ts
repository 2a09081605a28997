import type { Store } from '../store/store.js';
import { bucketsTable, objectsTable, uploadsTable, type ObjectEntry } from './model.js';
import type { MultipartUploadRecord } from './multipart-upload.js';

/** Every blob a record names: the bytes of each object version and of each uploaded part. */
export function referencedBlobIds(store: Store): Set<string> {
  const ids = new Set<string>();
  for (const [bucket] of store.list(bucketsTable)) {
    for (const [, entry] of store.list<ObjectEntry>(objectsTable(bucket))) {
      for (const version of entry.versions) if (version.body) ids.add(version.body.blobId);
    }
    for (const [, upload] of store.list<MultipartUploadRecord>(uploadsTable(bucket))) {
      for (const part of upload.parts) ids.add(part.body.blobId);
    }
  }
  return ids;
}
