import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { LineList } from '../../ui/LineList';
import { describeScan, failureLines, type FlaggedScan } from './selection.utils';

/** The background search for flagged objects, with its count as it grows, the objects it could not check, and a way to stop it. */
export function FlaggedScanStatus({ scan, onCancel }: { scan: FlaggedScan | undefined; onCancel: () => void }) {
  if (!scan) return null;
  const type =
    scan.status === 'failed' ? 'error' : scan.status === 'scanning' ? 'info' : scan.failures.length > 0 || scan.unknown > 0 ? 'warning' : 'success';
  return (
    <Alert
      type={type}
      header="Select every flagged object under this folder"
      action={scan.status === 'scanning' ? <Button onClick={onCancel}>Stop</Button> : undefined}
    >
      <span aria-live="polite">{describeScan(scan)}</span>
      {scan.failures.length > 0 && <LineList lines={failureLines(scan.failures)} />}
    </Alert>
  );
}
