import { toAwsProblem } from '../../domain/aws-error';
import { useListBuckets } from '../../api/list-buckets';
import { useAwsClients } from '../../aws/aws-context';
import { addBucketName, bucketEntries, bucketListSource, removeBucketName, type BucketEntry, type BucketListing } from './bucket-list.utils';
import { useAddedBucketNames } from './use-added-buckets';

export interface BucketList {
  entries: BucketEntry[];
  /** Why the list holds what it holds. */
  source: string;
  /** Adds a typed name; returns why it was refused, if it was. */
  add: (typed: string) => string | undefined;
  remove: (name: string) => void;
}

/** The page's buckets: ListBuckets where the endpoint lets a browser call it, config.json and the user's own additions always. */
export function useBucketList(ownerKey: string): BucketList {
  const { config } = useAwsClients();
  const listed = useListBuckets();
  const [added, saveAdded] = useAddedBucketNames(ownerKey);
  const listing: BucketListing = listed.isSuccess
    ? { status: 'listed' }
    : listed.isError
      ? { status: 'unavailable', problem: toAwsProblem(listed.error) }
      : { status: 'pending' };
  const entries = bucketEntries(listed.data, config.buckets, added);
  return {
    entries,
    source: bucketListSource(listing),
    add: (typed) => {
      const result = addBucketName(
        added,
        typed,
        entries.map((entry) => entry.name),
      );
      if ('problem' in result) return result.problem;
      saveAdded(result.added);
      return undefined;
    },
    remove: (name) => saveAdded(removeBucketName(added, name)),
  };
}
