import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useBucketCors } from '../../api/bucket-cors';
import { useBucketEncryption } from '../../api/bucket-encryption';
import { useBucketVersioning } from '../../api/bucket-versioning';
import { headObjectQuery } from '../../api/head-object';
import { useAwsClients } from '../../aws/aws-context';
import type { CustomerKey } from '../../domain/customer-key';
import type { PlanOptions } from '../../domain/jobs/plan-input';
import { planJob } from '../../domain/jobs/plan-job';
import type { TargetEncryption } from '../../domain/jobs/target-encryption';
import type { ObjectHead } from '../../domain/s3-object';
import type { EncryptionSelection } from '../../domain/selection';
import { bucketFactsOf } from './bucket-facts.utils';
import { needsSourceKey, observeObject, type HeadAnswer } from './selected-object.utils';

function answerOf(result: UseQueryResult<ObjectHead>): HeadAnswer {
  if (result.isSuccess) return { status: 'success', head: result.data };
  if (result.isError) return { status: 'error', error: result.error };
  return { status: 'pending' };
}

const answersOf = (results: UseQueryResult<ObjectHead>[]) => results.map(answerOf);

/**
 * The bucket's facts and every selected object's HeadObject (from the query
 * cache where the objects page already asked), planned against the target
 * once both are in. SSE-C objects are asked again with each source key given.
 */
export function useWizardPlan(
  selection: EncryptionSelection,
  target: TargetEncryption | undefined,
  sourceKeys: readonly CustomerKey[],
  { acceptHiddenMetadata, restoredArchiveStorageClass }: Pick<PlanOptions, 'acceptHiddenMetadata' | 'restoredArchiveStorageClass'>,
) {
  const clients = useAwsClients();
  const { bucket, keys } = selection;
  const region = clients.regionOf(bucket);
  const encryption = useBucketEncryption(bucket);
  const versioning = useBucketVersioning(bucket);
  const cors = useBucketCors(bucket);
  const plain = useQueries({ queries: keys.map((key) => headObjectQuery(clients, { bucket, key })), combine: answersOf });
  const lockedKeys = useMemo(() => keys.filter((_, index) => needsSourceKey(plain[index])), [keys, plain]);
  const keyed = useQueries({
    queries: lockedKeys.flatMap((key) => sourceKeys.map((sourceKey) => ({ ...headObjectQuery(clients, { bucket, key }, sourceKey), retry: false }))),
    combine: answersOf,
  });

  const facts = useMemo(
    () =>
      encryption.isSuccess && versioning.isSuccess && !cors.isPending
        ? bucketFactsOf({
            name: bucket,
            region,
            encryption: encryption.data,
            versioning: versioning.data,
            corsRules: cors.data,
            copySizeLimit: clients.config.copySizeLimit,
            origin: window.location.origin,
          })
        : undefined,
    [
      bucket,
      region,
      encryption.isSuccess,
      encryption.data,
      versioning.isSuccess,
      versioning.data,
      cors.isPending,
      cors.data,
      clients.config.copySizeLimit,
    ],
  );

  const observed = useMemo(() => {
    const withKeys = new Map(lockedKeys.map((key, index) => [key, keyed.slice(index * sourceKeys.length, (index + 1) * sourceKeys.length)]));
    return keys.map((key, index) => observeObject(bucket, key, plain[index], withKeys.get(key) ?? []));
  }, [bucket, keys, plain, keyed, lockedKeys, sourceKeys.length]);
  const read = observed.filter((object) => object !== undefined).length;

  const plan = useMemo(() => {
    if (!facts || !target || read < keys.length) return undefined;
    return planJob(
      observed.filter((object) => object !== undefined),
      new Map([[bucket, facts]]),
      target,
      { acceptHiddenMetadata, restoredArchiveStorageClass },
    );
  }, [facts, target, read, keys.length, observed, bucket, acceptHiddenMetadata, restoredArchiveStorageClass]);

  return {
    facts,
    /** Failures that keep the plan from being made: the bucket's settings could not be read. */
    factsError: encryption.error ?? versioning.error ?? undefined,
    retryFacts: () => void Promise.all([encryption.refetch(), versioning.refetch()]),
    read,
    plan,
  };
}

export type WizardPlan = ReturnType<typeof useWizardPlan>;
