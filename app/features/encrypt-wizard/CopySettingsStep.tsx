import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';

const KEPT = [
  'User metadata (x-amz-meta-*)',
  'Content headers: Content-Type, Content-Encoding, Content-Language, Content-Disposition, Cache-Control, Expires',
  'Tags',
  'Storage class (sent explicitly: a copy would otherwise become STANDARD)',
  'Checksum algorithm',
];

const NOT_KEPT = [
  'ACLs are not copied: the new copy is private to the bucket owner.',
  'Object Lock retention and legal holds stay on the old version; locked objects are not re-encrypted.',
  'Last-Modified changes to the time of the copy, and the ETag changes (UpdateObjectEncryption keeps both).',
  'In a versioned bucket the copy is a new version; earlier versions keep their old encryption.',
];

/** Step 2: what a re-encryption keeps, and what S3 cannot keep, in plain words. */
export function CopySettingsStep() {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Copy source settings</Header>}>
        <SpaceBetween size="s">
          <Checkbox checked disabled description="Every object is copied onto itself with the settings it has now, as the S3 console's “Copy source settings” does.">
            Keep the source's settings
          </Checkbox>
          <ul>
            {KEPT.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">What S3 cannot keep</Header>}>
        <ul>
          {NOT_KEPT.map((line) => (
            <li key={line}>
              <Box variant="span">{line}</Box>
            </li>
          ))}
        </ul>
      </Container>
    </SpaceBetween>
  );
}
