import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import PieChart from '@cloudscape-design/components/pie-chart';
import { memo } from 'react';
import { ENCRYPTION_KINDS, kindLabel } from '../../domain/encryption';
import { complianceItems, summarySegments, type FolderSummary } from './folder-summary.utils';

/**
 * Counts per encryption kind for the objects read so far, as a chart and as numbers, saying what they cover.
 * Memoized and fed a deferred summary: readings arrive one by one, and redrawing the chart for each would slow the table.
 */
export const FolderSummaryPanel = memo(function FolderSummaryPanel({ summary, complete }: { summary: FolderSummary; complete: boolean }) {
  const scope = complete ? 'every object of this folder is listed' : 'more objects are listed as you page on';
  const unknown =
    summary.complianceUnknown > 0
      ? ` The compliance of ${summary.complianceUnknown} whose encryption cannot be read is unknown: they are counted neither as compliant nor as not compliant.`
      : '';
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`${summary.checked} of ${summary.loaded} loaded objects checked. Only objects whose encryption has been read are counted; ${scope}.${unknown}`}
        >
          Folder summary
        </Header>
      }
    >
      <ColumnLayout columns={2}>
        <PieChart
          data={summarySegments(summary)}
          variant="donut"
          size="medium"
          hideFilter
          innerMetricValue={String(summary.checked)}
          innerMetricDescription="checked"
          ariaLabel="Encryption of the checked objects"
          i18nStrings={{
            detailsValue: 'Objects',
            detailsPercentage: 'Share',
            legendAriaLabel: 'Legend',
            chartAriaRoleDescription: 'pie chart',
            segmentAriaRoleDescription: 'segment',
          }}
          empty={<Box color="text-status-inactive">No object has been checked yet.</Box>}
        />
        <KeyValuePairs
          ariaLabel="Objects per encryption kind"
          columns={2}
          items={[
            ...ENCRYPTION_KINDS.map((kind) => ({ label: kindLabel(kind), value: summary.byKind[kind] })),
            { label: 'Cannot read', value: summary.cannotRead },
            ...complianceItems(summary),
          ]}
        />
      </ColumnLayout>
    </Container>
  );
});
