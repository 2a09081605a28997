import { useQueries } from '@tanstack/react-query';
import { encryptionReadingOf } from '../../api/encryption-reading';
import { headObjectQuery } from '../../api/head-object';
import { useAwsClients } from '../../aws/aws-context';
import type { EncryptionReading } from '../../domain/encryption';
import { useHeaderVisibility } from './use-header-visibility';

/**
 * The encryption of the given objects, from HeadObject through the shared
 * limiter and query cache. A reading stays undefined until both its HEAD and
 * the bucket's CORS rules are in, so a hidden header is never taken for "Not encrypted".
 */
export function useEncryptionReadings(bucket: string, keys: readonly string[]) {
  const clients = useAwsClients();
  const visibility = useHeaderVisibility(bucket);
  const heads = useQueries({ queries: keys.map((key) => headObjectQuery(clients, { bucket, key })) });
  const readings = new Map<string, EncryptionReading | undefined>(
    keys.map((key, index) => [key, visibility && encryptionReadingOf(heads[index], visibility, false)]),
  );
  return { visibility, readings };
}
