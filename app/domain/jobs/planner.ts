import { formatSize } from '../../shared/format-size';
import { classifyEncryptionHeaders, type ObjectEncryption } from '../encryption';
import type { ObjectHead } from '../s3-object';
import { checkKmsKeyArn } from './kms-key-arn';
import { archiveStateOf, archiveTierOf, objectLockOf } from './object-state';
import { choosePartSize } from './part-size';
import { planItemId, type PlanItem } from './plan';
import type { BucketFacts, PlanOptions, SelectedObject } from './plan-input';
import { copyBlindSpots, hiddenRequiredHeaders, multipartBlindSpots } from './required-headers';
import { restoredArchiveClassOf, type ArchiveStorageClass, type ReadableStorageClass } from './restored-archive';
import { sourceSettingsOf, type SourceSettings } from './source-settings';
import { describeEncryption, isAsChosen, type TargetEncryption } from './target-encryption';

type Located = Omit<PlanItem, 'action' | 'reason'>;

/** What is known while planning one readable object. */
interface Planning {
  head: ObjectHead;
  before: ObjectEncryption;
  bucket: BucketFacts;
  target: TargetEncryption;
  options: PlanOptions;
}

const NO_DATA_COPIED =
  'S3 re-wraps its data key (UpdateObjectEncryption): no data is copied, and its ETag, Last-Modified, storage class and checksum stay.';

/** Decides what the job does with one selected object, and says why. */
export function planObject(selected: SelectedObject, bucket: BucketFacts, target: TargetEncryption, options: PlanOptions = {}): PlanItem {
  const versioned = bucket.versioning !== 'Unversioned';
  const base = { bucket: bucket.name, region: bucket.region, key: selected.key, versioned, tagCount: selected.tagCount };
  const { observation } = selected;
  if (observation.status === 'unreadable') {
    const item = { ...base, id: planItemId(bucket.name, selected.key, undefined) };
    if (observation.reason === 'sse-c-key-required' || observation.reason === 'sse-c-key-wrong') {
      return { ...item, action: 'needs-customer-key', reason: `${observation.message} Give its SSE-C key to plan it.` };
    }
    return cannot(item, `${observation.message} Without its current state it cannot be planned safely.`);
  }
  const { head } = observation;
  const versionId = versioned ? head.VersionId : undefined;
  const located: Located = {
    ...base,
    id: planItemId(bucket.name, selected.key, versionId),
    versionId,
    etag: head.ETag,
    size: head.ContentLength,
  };
  const reading = classifyEncryptionHeaders(head, bucket.headers.encryption);
  if (reading.status === 'unreadable') return cannot(located, `${reading.message} Without its current encryption it cannot be planned safely.`);
  const item: Located = { ...located, before: reading.encryption };
  const hidden = hiddenRequiredHeaders(bucket, head);
  if (hidden) return cannot(item, hidden);
  return planReadableObject(item, { head, before: reading.encryption, bucket, target, options });
}

function planReadableObject(item: Located, planning: Planning): PlanItem {
  const { head, before, bucket, target, options } = planning;
  if (isAsChosen(before, target)) return { ...item, action: 'skip', reason: `Already ${describeEncryption(before)}, as chosen.` };
  const lock = objectLockOf(head, options.now ?? new Date());
  if (lock) {
    return cannot(
      item,
      `Under Object Lock (${lock}): S3 will not change its encryption in place, and a copy would only add a new, unlocked version while the locked one stays as it is. Release the lock first where the rules allow it.`,
    );
  }
  if (target.kind === 'SSE-KMS' || target.kind === 'DSSE-KMS') {
    const key = checkKmsKeyArn(target.keyArn, bucket.region);
    if (!key.valid) return cannot(item, key.problem);
  }
  if (target.kind === 'SSE-C' && bucket.blockedEncryptionTypes.includes('SSE-C')) {
    return cannot(
      item,
      `The bucket ${bucket.name} blocks SSE-C (BlockedEncryptionTypes), so S3 refuses to write objects encrypted with a customer key into it.`,
    );
  }
  const update = updateEncryptionReason(before, target);
  if (update) return { ...item, action: 'update-encryption', reason: update };
  const archive = archiveStateOf(head);
  if (archive === 'archived') {
    return cannot(item, `Archived in ${archiveTierOf(head)} and not restored: restore it first, since a copy has to read its bytes.`);
  }
  if (archive === 'restoring') return cannot(item, 'Its restore from the archive is still in progress: run this again once it has finished.');
  return planCopy(item, planning);
}

/** UpdateObjectEncryption moves SSE-S3 or SSE-KMS objects to SSE-KMS (under a key named by its full ARN, checked before). */
function updateEncryptionReason(before: ObjectEncryption, target: TargetEncryption): string | undefined {
  if (target.kind !== 'SSE-KMS') return undefined;
  if (before.kind === 'SSE-S3') return `SSE-S3 → SSE-KMS: ${NO_DATA_COPIED}`;
  if (before.kind !== 'SSE-KMS') return undefined;
  if (before.kmsKeyArn !== target.keyArn) return `Its KMS key changes: ${NO_DATA_COPIED}`;
  // Turning a bucket key off is left to a copy: the operation is documented for adding one.
  if (target.bucketKey && !before.bucketKeyEnabled) return `Its bucket key is turned on: ${NO_DATA_COPIED}`;
  return undefined;
}

function planCopy(item: Located, { head, before, bucket, target, options }: Planning): PlanItem {
  const restoredArchiveClass = restoredArchiveClassOf(head);
  const movedTo = restoredArchiveClass && options.restoredArchiveStorageClass;
  const settings = sourceSettingsOf(head);
  const copying: Located = {
    ...item,
    source: movedTo ? { ...settings, storageClass: movedTo } : settings,
    sourceCustomerKeyMd5: before.kind === 'SSE-C' ? before.customerKeyMd5 : undefined,
    restoredArchiveClass,
  };
  const change = `${describeEncryption(before)} → ${describeEncryption(target)}`;
  const newVersion = item.versioned ? ' S3 adds a new version; the one you selected stays as it was.' : '';
  const restored = restoredArchiveNote(restoredArchiveClass, movedTo);
  const kept = keptSettings(settings, movedTo !== undefined);
  const size = item.size ?? 0;
  if (size <= bucket.copySizeLimit) {
    const copied = `${change}: copied onto itself with CopyObject`;
    const blind = copyBlindSpots(bucket);
    if (blind.length > 0 && !options.acceptHiddenMetadata) {
      return awaitingConsent(
        copying,
        `${copied}. S3 does not copy ${blind.join(', ')}: the console sends it again, but this browser cannot see it. Accept that it may be lost to go ahead.`,
      );
    }
    return {
      ...copying,
      action: 'copy',
      reason: `${copied}; its ${kept} are kept, and it gets a new ETag and Last-Modified.${acceptedLoss(blind)}${newVersion}${restored}`,
    };
  }
  const partSize = choosePartSize(size, bucket.copySizeLimit);
  const tooLarge = `Larger than ${formatSize(bucket.copySizeLimit)}, the most one CopyObject may copy`;
  if (partSize === undefined) {
    return cannot(copying, `${tooLarge}, and it cannot be cut into at most 10,000 parts of 5 MiB up to that size.`);
  }
  // Old S3 stored any Expires text; only CopyObject keeps one that is not a date, the SDK sends a Date.
  if (settings.expires !== undefined && Number.isNaN(Date.parse(settings.expires))) {
    return cannot(
      copying,
      `${tooLarge}, and a multipart copy would have to send its Expires header again, but "${settings.expires}" is not a date it can send.`,
    );
  }
  const blind = multipartBlindSpots(bucket);
  const parts = `${tooLarge}: copied in ${Math.ceil(size / partSize)} parts of ${formatSize(partSize)} (UploadPartCopy)`;
  if (blind.length > 0 && !options.acceptHiddenMetadata) {
    return awaitingConsent(
      copying,
      `${parts}. A multipart upload copies nothing from its source, so the console must send every setting itself, but this browser cannot see ${blind.join(', ')}. Accept that these may be lost to go ahead.`,
    );
  }
  return {
    ...copying,
    action: 'multipart-copy',
    partSize,
    reason: `${change}. ${parts}, sending its ${kept} again; it gets a new ETag.${acceptedLoss(blind)}${newVersion}${restored}`,
  };
}

/** What a copy keeps, in words: the website redirect only where there is one, the storage class unless the user moves it. */
function keptSettings(settings: SourceSettings, storageClassChanges: boolean): string {
  const kept = ['metadata', 'tags', 'content headers'];
  if (settings.websiteRedirectLocation !== undefined) kept.push('website redirect');
  if (!storageClassChanges) kept.push('storage class');
  return `${kept.join(', ')} and checksum algorithm`;
}

/** A copy the CORS rule keeps the console from making whole: it waits for the user to accept the loss. */
function awaitingConsent(item: Located, reason: string): PlanItem {
  return { ...cannot(item, reason), consent: 'hidden-metadata' };
}

function acceptedLoss(blind: readonly string[]): string {
  return blind.length > 0 ? ` You accepted that ${blind.join(', ')} may be lost.` : '';
}

/** What becomes of a restored archived object's copy, as the user chose in the copy settings. */
function restoredArchiveNote(restoredArchiveClass: ArchiveStorageClass | undefined, movedTo: ReadableStorageClass | undefined): string {
  if (!restoredArchiveClass) return '';
  const restored = ` It is a restored copy of a ${restoredArchiveClass} object:`;
  if (!movedTo)
    return `${restored} the new object keeps its storage class, so S3 archives it again, the restored copy ends, and it must be restored again to be read.`;
  return `${restored} the new object is written as ${movedTo}, as chosen in the copy settings, so it can be read without a restore.`;
}

function cannot(item: Located, reason: string): PlanItem {
  return { ...item, action: 'cannot', reason };
}
