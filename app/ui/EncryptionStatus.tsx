import Popover from '@cloudscape-design/components/popover';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Compliance } from '../domain/compliance';
import { kindLabel, type EncryptionReading } from '../domain/encryption';

/** One object's encryption as a status: unencrypted is an error, unreadable a warning with its reason, never a guess. */
export function EncryptionStatus({
  reading,
  compliance,
  kmsAlias,
}: {
  reading: EncryptionReading | undefined;
  compliance?: Compliance;
  kmsAlias?: string;
}) {
  if (!reading) return <StatusIndicator type="loading">Reading…</StatusIndicator>;
  if (reading.status === 'unreadable') {
    return (
      <Popover content={reading.message} dismissButton={false} triggerType="text">
        <StatusIndicator type="warning">Cannot read</StatusIndicator>
      </Popover>
    );
  }
  const { kind } = reading.encryption;
  const label = kmsAlias ? `${kindLabel(kind)} (${kmsAlias})` : kindLabel(kind);
  if (kind === 'NOT-SSE') return <StatusIndicator type="error">{label}</StatusIndicator>;
  if (compliance?.status === 'not-compliant') {
    return (
      <Popover content={compliance.reason} dismissButton={false} triggerType="text">
        <StatusIndicator type="warning">{`${label} — not compliant`}</StatusIndicator>
      </Popover>
    );
  }
  return <StatusIndicator type="success">{label}</StatusIndicator>;
}
