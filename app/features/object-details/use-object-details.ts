import { useBucketCors } from '../../api/bucket-cors';
import { toAwsProblem } from '../../domain/aws-error';
import { useKmsAliases } from '../../api/kms-aliases';
import { useAwsClients } from '../../aws/aws-context';
import { headerAccessOf, type HeaderAccess } from './header-access.utils';
import { kmsAliasOf, regionOfKeyArn, type AliasLookup } from './kms-alias.utils';

/** What the browser can see of the bucket's headers; undefined while its CORS rules are being read. */
export function useHeaderAccess(bucket: string): HeaderAccess | undefined {
  const cors = useBucketCors(bucket);
  if (cors.isPending) return undefined;
  return headerAccessOf(cors.data, window.location.origin);
}

/** The alias of the object's KMS key, looked up in the key's own region. */
export function useKmsAlias(bucket: string, keyArn: string | undefined) {
  const clients = useAwsClients();
  const aliases = useKmsAliases(regionOfKeyArn(keyArn) ?? clients.regionOf(bucket), keyArn !== undefined);
  const lookup: AliasLookup = aliases.isSuccess
    ? { status: 'success', names: aliases.data }
    : aliases.isError
      ? { status: 'error', problem: toAwsProblem(aliases.error) }
      : { status: 'pending' };
  return kmsAliasOf(keyArn, lookup);
}
