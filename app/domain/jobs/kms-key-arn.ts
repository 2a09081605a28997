/**
 * The KMS key a user types for SSE-KMS or DSSE-KMS. The job needs the key's
 * own ARN: UpdateObjectEncryption refuses anything else, and the check after
 * each change compares it with the ARN HeadObject reports.
 */

export type KmsKeyArnCheck = { valid: true; keyArn: string } | { valid: false; problem: string };

const KEY_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const ALIAS = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:)?alias\//;
const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const EXAMPLE = 'arn:aws:kms:REGION:ACCOUNT:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The region a key ARN names; undefined for anything that is not a key ARN. */
export function regionOfKmsKeyArn(text: string): string | undefined {
  return KEY_ARN.exec(text)?.[2];
}

/** Checks a typed key reference for a bucket in `bucketRegion`: S3 can use only a key of the bucket's own region. */
export function checkKmsKeyArn(text: string, bucketRegion: string): KmsKeyArnCheck {
  const typed = text.trim();
  if (typed === '') return { valid: false, problem: `Enter the key's ARN (${EXAMPLE}).` };
  if (ALIAS.test(typed)) {
    return {
      valid: false,
      problem: `${typed} is an alias. UpdateObjectEncryption and the check after each change need the ARN of the key itself (${EXAMPLE}): pick the alias from the list to use the key it points to, or type that key's ARN.`,
    };
  }
  if (KEY_ID.test(typed)) {
    return { valid: false, problem: `${typed} is a key id; enter the full key ARN (${EXAMPLE}).` };
  }
  const region = regionOfKmsKeyArn(typed);
  if (region === undefined) return { valid: false, problem: `This is not a KMS key ARN; it should look like ${EXAMPLE}.` };
  if (region !== bucketRegion) {
    return {
      valid: false,
      problem: `This key is in ${region}, but the bucket is in ${bucketRegion}: S3 can encrypt only with a key of the bucket's region.`,
    };
  }
  return { valid: true, keyArn: typed };
}
