import { useBucketCors } from '../../api/bucket-cors';
import { encryptionHeaderVisibility } from '../../domain/cors-visibility';
import type { HeaderVisibility } from '../../domain/encryption';

/** Whether this page's origin can see the bucket's encryption headers; undefined until the CORS rules are in. */
export function useHeaderVisibility(bucket: string): HeaderVisibility | undefined {
  const cors = useBucketCors(bucket);
  if (cors.isPending) return undefined;
  return encryptionHeaderVisibility(cors.isSuccess ? cors.data : undefined, window.location.origin);
}
