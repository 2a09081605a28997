import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useHeadBucket } from '../../api/head-bucket';
import { toAwsProblem } from '../../api/aws-error';
import { useAwsClients } from '../../aws/aws-context';

function BucketRegion({ bucket }: { bucket: string }) {
  const head = useHeadBucket(bucket);
  if (head.isPending) return <Box color="text-status-inactive">Checking…</Box>;
  if (head.isError) {
    const problem = toAwsProblem(head.error);
    return <Box color="text-status-error">{`${problem.code}: ${problem.message}`}</Box>;
  }
  return <span>{head.data.region}</span>;
}

export function BucketsPage() {
  const { config } = useAwsClients();
  return (
    <Table
      header={
        <Header counter={`(${config.buckets.length})`} description="Buckets listed in config.json.">
          Buckets
        </Header>
      }
      items={config.buckets}
      trackBy="name"
      columnDefinitions={[
        { id: 'name', header: 'Name', cell: (bucket) => bucket.name },
        { id: 'region', header: 'Region', cell: (bucket) => <BucketRegion bucket={bucket.name} /> },
      ]}
      empty={<Alert type="info">No buckets are configured. Add them to the "buckets" list in config.json.</Alert>}
    />
  );
}
