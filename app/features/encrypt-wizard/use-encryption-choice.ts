import { useMemo, useState } from 'react';
import { toAwsProblem } from '../../domain/aws-error';
import { useBucketEncryption } from '../../api/bucket-encryption';
import { useKmsAliases } from '../../api/kms-aliases';
import { useKmsKey, useKmsKeys } from '../../api/kms-keys';
import { useAwsClients } from '../../aws/aws-context';
import { checkCustomerKey, rememberCustomerKey } from '../../domain/customer-key';
import type { TargetEncryption } from '../../domain/jobs/target-encryption';
import { sseCUnavailableReason } from './customer-key.utils';
import { checkEncryptionChoice, chosenKmsKeyArn, INITIAL_CHOICE, type EncryptionChoice, type KeyLookup } from './encryption-choice.utils';
import { kmsKeyOptions } from './kms-key-options.utils';
import { useCustomerKeyMd5 } from './use-customer-key-md5';

/**
 * The wizard's first step: the choice, what KMS says of the chosen key
 * (DescribeKey), the SSE-C key's MD5, and the target once all of it checks out.
 */
export function useEncryptionChoice(bucket: string) {
  const clients = useAwsClients();
  const region = clients.regionOf(bucket);
  const [choice, setChoice] = useState<EncryptionChoice>(INITIAL_CHOICE);
  const [errorsShown, setErrorsShown] = useState(false);
  const usesKms = choice.kind === 'SSE-KMS' || choice.kind === 'DSSE-KMS';
  const keyArns = useKmsKeys(region, usesKms);
  const aliases = useKmsAliases(region, usesKms);
  const keyArn = usesKms ? chosenKmsKeyArn(choice, region).keyArn : undefined;
  const described = useKmsKey(region, keyArn);
  const bucketEncryption = useBucketEncryption(bucket);
  const sseCUnavailable = sseCUnavailableReason(clients.config.s3.endpoint, bucket, bucketEncryption.data?.blockedEncryptionTypes);

  const typedKey = checkCustomerKey(choice.customerKeyText).valid ? rememberCustomerKey(choice.customerKeyText.trim()) : undefined;
  const md5 = useCustomerKeyMd5(typedKey);

  const lookup: KeyLookup | undefined = !keyArn
    ? undefined
    : described.isSuccess
      ? { status: 'found', enabled: described.data.enabled, keyState: described.data.keyState }
      : described.isError
        ? { status: 'failed', message: toAwsProblem(described.error).message }
        : { status: 'pending' };
  // Memoized on values, so the target keeps its identity while nothing changes and the plan is not made again.
  const lookupSignature = JSON.stringify(lookup);
  const check = useMemo(
    () => checkEncryptionChoice(choice, { bucketRegion: region, key: lookup, sseCUnavailable }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lookup is compared by value, through lookupSignature
    [choice, region, lookupSignature, sseCUnavailable],
  );
  const target = useMemo((): TargetEncryption | undefined => {
    if (!check.valid) return undefined;
    if (check.target.kind !== 'SSE-C') return check.target;
    return md5 ? { ...check.target, keyMd5: md5 } : undefined;
  }, [check, md5]);

  return {
    check,
    target,
    showErrors: () => setErrorsShown(true),
    stepProps: {
      choice,
      onChange: setChoice,
      errors: errorsShown && !check.valid ? check.errors : {},
      kmsKey: {
        region,
        options: kmsKeyOptions(keyArns.data ?? [], aliases.data),
        optionsStatus: keyArns.isError ? ('error' as const) : keyArns.isSuccess ? ('finished' as const) : ('loading' as const),
        optionsError: keyArns.isError ? `The keys cannot be listed (${toAwsProblem(keyArns.error).message}): enter a key ARN instead.` : undefined,
      },
      customerKeyMd5: md5,
      sseCUnavailable,
    },
  };
}
