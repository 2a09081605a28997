import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { PlanCounts as Counts } from '../../domain/jobs/plan';
import { countRowsOf, type CountRow } from './review.utils';

const pairs = (rows: CountRow[]) => rows.map((row) => ({ label: row.label, value: row.count.toLocaleString('en-US') }));

/** How many selected objects have each encryption now, and what the job will do with how many. */
export function PlanCounts({ counts }: { counts: Counts }) {
  const rows = countRowsOf(counts);
  return (
    <ColumnLayout columns={2}>
      <Container header={<Header variant="h2">By current encryption</Header>}>
        <KeyValuePairs ariaLabel="Objects by current encryption" items={pairs(rows.byEncryption)} />
      </Container>
      <Container header={<Header variant="h2">By action</Header>}>
        <KeyValuePairs ariaLabel="Objects by action" items={pairs(rows.byAction)} />
      </Container>
    </ColumnLayout>
  );
}
