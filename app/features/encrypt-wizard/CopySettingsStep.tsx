import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { LineList } from '../../ui/LineList';
import { ARCHIVED_ORIGINAL_OVERWRITTEN, type ReadableStorageClass } from '../../domain/jobs/restored-archive';
import { restoredArchiveCountText, STORAGE_CLASS_OPTIONS, type RestoredArchiveChoice } from './restored-archives.utils';

const KEPT = [
  'User metadata (x-amz-meta-*)',
  'Content headers: Content-Type, Content-Encoding, Content-Language, Content-Disposition, Cache-Control, Expires',
  'Tags',
  'Website redirect (x-amz-website-redirect-location: sent again, since S3 never copies it)',
  'Storage class (sent explicitly: a copy would otherwise become STANDARD), unless you choose otherwise for restored archived objects below',
  'Checksum algorithm',
];

const NOT_KEPT = [
  'ACLs are not copied: the new copy is private to the bucket owner.',
  'Object Lock retention and legal holds stay on the old version; locked objects are not re-encrypted.',
  'Last-Modified changes to the time of the copy, and the ETag changes (UpdateObjectEncryption keeps both).',
  'In a versioned bucket the copy is a new version; earlier versions keep their old encryption.',
];

interface CopySettingsStepProps {
  restoredArchives: RestoredArchiveChoice;
  onRestoredArchives: (choice: RestoredArchiveChoice) => void;
  /** How many selected objects that choice applies to, once the plan is made. */
  restoredArchiveCount: number | undefined;
}

/** Step 2: what a re-encryption keeps, what S3 cannot keep, and where copies of restored archived objects go. */
export function CopySettingsStep(props: CopySettingsStepProps) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Copy source settings</Header>}>
        <SpaceBetween size="s">
          <Checkbox
            checked
            disabled
            description="Every object is copied onto itself with the settings it has now, as the S3 console's “Copy source settings” does."
          >
            Keep the source's settings
          </Checkbox>
          <LineList lines={KEPT} />
        </SpaceBetween>
      </Container>
      <RestoredArchivesSetting {...props} />
      <Container header={<Header variant="h2">What S3 cannot keep</Header>}>
        <LineList lines={NOT_KEPT} />
      </Container>
    </SpaceBetween>
  );
}

function RestoredArchivesSetting({ restoredArchives, onRestoredArchives, restoredArchiveCount }: CopySettingsStepProps) {
  const count = restoredArchiveCountText(restoredArchiveCount);
  const selected = STORAGE_CLASS_OPTIONS.find((option) => option.value === restoredArchives.storageClass) ?? STORAGE_CLASS_OPTIONS[0];
  return (
    <Container
      header={
        <Header variant="h2" description="GLACIER and DEEP_ARCHIVE objects whose restore has finished: a copy reads their restored, temporary copy.">
          Restored archived objects
        </Header>
      }
    >
      <SpaceBetween size="m">
        {count && <Box variant="p">{count}</Box>}
        <RadioGroup
          ariaLabel="Restored archived objects"
          value={restoredArchives.move ? 'move' : 'keep'}
          onChange={({ detail }) => onRestoredArchives({ ...restoredArchives, move: detail.value === 'move' })}
          items={[
            {
              value: 'keep',
              label: 'Keep their archive storage class',
              description:
                'The copy is GLACIER or DEEP_ARCHIVE again: S3 archives it, the restored copy ends, and it must be restored again to be read.',
            },
            {
              value: 'move',
              label: 'Copy them to another storage class',
              description:
                'The copy can be read without a restore. It replaces the archived original; in a versioned bucket the original stays as the older version, billed in its archive class until it is deleted.',
            },
          ]}
        />
        <FormField label="Storage class of the copies" description="Only classes whose objects are read without a restore.">
          <Select
            disabled={!restoredArchives.move}
            selectedOption={selected}
            options={STORAGE_CLASS_OPTIONS}
            onChange={({ detail }) => onRestoredArchives({ ...restoredArchives, storageClass: detail.selectedOption.value as ReadableStorageClass })}
          />
        </FormField>
        <Alert type="info">{ARCHIVED_ORIGINAL_OVERWRITTEN}</Alert>
      </SpaceBetween>
    </Container>
  );
}
