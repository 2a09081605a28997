import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { describeScan, type FlaggedScan } from './selection.utils';

/** The background search for flagged objects, with its count as it grows and a way to stop it. */
export function FlaggedScanStatus({ scan, onCancel }: { scan: FlaggedScan | undefined; onCancel: () => void }) {
  if (!scan) return null;
  const type = scan.status === 'failed' ? 'error' : scan.status === 'scanning' ? 'info' : 'success';
  return (
    <Alert
      type={type}
      header="Select every flagged object under this folder"
      action={scan.status === 'scanning' ? <Button onClick={onCancel}>Stop</Button> : undefined}
    >
      <span aria-live="polite">{describeScan(scan)}</span>
    </Alert>
  );
}
