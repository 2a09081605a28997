import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { AddBucketForm } from './AddBucketForm';
import { bucketColumns } from './bucket-columns';
import { useBucketList } from './use-bucket-list';

/** `ownerKey` names whose added buckets are shown: each user of the browser has their own. */
export function BucketsPage({ ownerKey }: { ownerKey: string }) {
  const buckets = useBucketList(ownerKey);
  return (
    <Table
      variant="full-page"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${buckets.entries.length})`}
          description={buckets.source}
          actions={<AddBucketForm add={buckets.add} />}
        >
          Buckets
        </Header>
      }
      items={buckets.entries}
      trackBy="name"
      columnDefinitions={bucketColumns(buckets.remove)}
      empty={<Box textAlign="center">No buckets yet: add one by name, or list them under "buckets" in config.json.</Box>}
    />
  );
}
