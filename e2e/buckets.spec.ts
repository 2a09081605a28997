import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DescribeKeyCommand, KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_BUCKET_NAMES, DEMO_BUCKETS, DEMO_CORS_RULE } from '../emulator/seed/demo-constants';
import { DEFAULT_ROOT_ACCESS_KEY_ID, DEFAULT_ROOT_SECRET_ACCESS_KEY } from '../emulator/options';
import { E2E_STACK_PORT } from './ports';
import { alice, signIn } from './sign-in';

/** The stack as an administrator sees it, to check the page against what S3 and KMS hold. */
const rootAccess = {
  endpoint: `http://127.0.0.1:${E2E_STACK_PORT}`,
  region: 'us-east-1',
  credentials: { accessKeyId: DEFAULT_ROOT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_ROOT_SECRET_ACCESS_KEY },
};
const stack = new S3Client({ ...rootAccess, forcePathStyle: true });
const kms = new KMSClient(rootAccess);

const WHY_FROM_CONFIG =
  'Browsers cannot list buckets on AWS: the S3 service endpoint does not answer CORS, so this list comes from config.json and the buckets you add.';

const COLUMNS = ['Name', 'Region', 'Default encryption', 'SSE-C blocked', 'Versioning', 'Encryption headers readable', 'Listed from'] as const;

function bucketRow(page: Page, bucket: string): Locator {
  return page.getByRole('row', { name: new RegExp(`^${bucket}\\b`) });
}

function cell(row: Locator, column: (typeof COLUMNS)[number]): Locator {
  return row.locator('th, td').nth(COLUMNS.indexOf(column));
}

async function stackKeyArn(keyId: string): Promise<string> {
  return (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.Arn!;
}

/** The key's alias, as KMS names it. */
async function stackKeyName(keyId: string): Promise<string> {
  const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
  const { Aliases } = await kms.send(new ListAliasesCommand({ KeyId: KeyMetadata!.KeyId }));
  return Aliases?.[0]?.AliasName ?? keyId;
}

/** The default encryption as the page should word it, from GetBucketEncryption's answer. */
async function stackDefaultEncryption(bucket: string): Promise<{ label: string; sseCBlocked: 'Yes' | 'No' }> {
  const output = await stack.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  const rule = output.ServerSideEncryptionConfiguration!.Rules![0];
  const byDefault = rule.ApplyServerSideEncryptionByDefault!;
  const label =
    byDefault.SSEAlgorithm === 'AES256'
      ? 'SSE-S3'
      : `SSE-KMS (${await stackKeyName(byDefault.KMSMasterKeyID!)}), bucket key ${rule.BucketKeyEnabled ? 'on' : 'off'}`;
  return { label, sseCBlocked: rule.BlockedEncryptionTypes?.EncryptionType?.includes('SSE-C') ? 'Yes' : 'No' };
}

async function stackVersioning(bucket: string): Promise<string> {
  return (await stack.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status ?? 'Never enabled';
}

async function expectRowMatchesStack(page: Page, bucket: string): Promise<void> {
  const row = bucketRow(page, bucket);
  const encryption = await stackDefaultEncryption(bucket);
  await expect(cell(row, 'Region')).toHaveText('us-east-1');
  await expect(cell(row, 'Default encryption')).toHaveText(encryption.label);
  await expect(cell(row, 'SSE-C blocked')).toHaveText(encryption.sseCBlocked);
  await expect(cell(row, 'Versioning')).toHaveText(await stackVersioning(bucket));
}

/**
 * A bucket of the account that config.json does not name: S3 has it, the console learns it only from the user.
 * Its default key is set by ARN, as most accounts do, so the page has to ask KMS for the alias.
 */
async function createUnconfiguredBucket(bucket: string): Promise<void> {
  try {
    await stack.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
  await stack.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: DEMO_CORS_RULE.allowedOrigins,
            AllowedMethods: DEMO_CORS_RULE.allowedMethods,
            AllowedHeaders: DEMO_CORS_RULE.allowedHeaders,
            ExposeHeaders: DEMO_CORS_RULE.exposeHeaders,
            MaxAgeSeconds: DEMO_CORS_RULE.maxAgeSeconds,
          },
        ],
      },
    }),
  );
  await stack.send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: await stackKeyArn('alias/demo-logs') },
            BucketKeyEnabled: true,
          },
        ],
      },
    }),
  );
}

async function addBucket(page: Page, bucket: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Bucket name to add' }).fill(bucket);
  await page.getByRole('button', { name: 'Add bucket' }).click();
}

test.beforeEach(({ page }) => signIn(page, alice));

test('lists every demo bucket with its region, default encryption, SSE-C block, versioning and header visibility', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Buckets' })).toBeVisible();
  await expect(page.getByText(WHY_FROM_CONFIG)).toBeVisible();
  for (const bucket of DEMO_BUCKET_NAMES) {
    await expectRowMatchesStack(page, bucket);
    const row = bucketRow(page, bucket);
    await expect(cell(row, 'Encryption headers readable')).toHaveText(bucket === DEMO_BUCKETS.hiddenHeaders ? 'No — CORS hides them' : 'Yes');
    await expect(cell(row, 'Listed from')).toHaveText('config.json');
  }
  // The demo's facts, so a seed that drifted would not pass unnoticed.
  for (const bucket of DEMO_BUCKET_NAMES.filter((b) => b !== DEMO_BUCKETS.blocked))
    await expect(cell(bucketRow(page, bucket), 'SSE-C blocked')).toHaveText('No');
  await expect(cell(bucketRow(page, DEMO_BUCKETS.blocked), 'SSE-C blocked')).toHaveText('Yes');
  for (const bucket of DEMO_BUCKET_NAMES.filter((b) => b !== DEMO_BUCKETS.versioned)) {
    await expect(cell(bucketRow(page, bucket), 'Versioning')).toHaveText('Never enabled');
  }
  await expect(cell(bucketRow(page, DEMO_BUCKETS.versioned), 'Versioning')).toHaveText('Enabled');

  await bucketRow(page, DEMO_BUCKETS.legacy).getByRole('link', { name: DEMO_BUCKETS.legacy }).click();
  await expect(page).toHaveURL(`/buckets/${DEMO_BUCKETS.legacy}`);
});

test('a bucket added by name is checked like the others and stays across a reload until removed', async ({ page }) => {
  const bucket = 'added-by-hand';
  await createUnconfiguredBucket(bucket);
  await page.goto('/');
  await expect(bucketRow(page, bucket)).toHaveCount(0);

  await addBucket(page, 'Added_By_Hand');
  await expect(page.getByText('A bucket name holds only lowercase letters, digits, dots (.) and hyphens (-).')).toBeVisible();
  await addBucket(page, DEMO_BUCKETS.mixed);
  await expect(page.getByText(`${DEMO_BUCKETS.mixed} is already in the list.`)).toBeVisible();

  await addBucket(page, bucket);
  await expectRowMatchesStack(page, bucket);
  await expect(cell(bucketRow(page, bucket), 'Default encryption')).toHaveText('SSE-KMS (alias/demo-logs), bucket key on');
  await expect(cell(bucketRow(page, bucket), 'Encryption headers readable')).toHaveText('Yes');

  await page.reload();
  await expectRowMatchesStack(page, bucket);
  await expect(cell(bucketRow(page, bucket), 'Listed from')).toContainText('Added by you');

  await page.getByRole('button', { name: `Remove ${bucket}` }).click();
  await expect(bucketRow(page, bucket)).toHaveCount(0);
  await page.reload();
  await expect(bucketRow(page, DEMO_BUCKETS.legacy)).toBeVisible();
  await expect(bucketRow(page, bucket)).toHaveCount(0);
});

test('a bucket that does not exist shows NoSuchBucket in its own row while the other rows keep working', async ({ page }) => {
  const missing = 'no-such-bucket-here';
  await expect(stack.send(new HeadBucketCommand({ Bucket: missing }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  await page.goto('/');
  await addBucket(page, missing);
  const row = bucketRow(page, missing);
  await expect(cell(row, 'Region')).toContainText('NoSuchBucket');
  await expect(cell(row, 'Default encryption')).toContainText('NoSuchBucket');
  await expect(cell(row, 'Encryption headers readable')).toContainText('NoSuchBucket');
  await cell(row, 'Region').getByText('NoSuchBucket').click();
  await expect(page.getByText(/Either the bucket does not exist \(NoSuchBucket\), or its CORS rules do not allow/)).toBeVisible();
  await expectRowMatchesStack(page, DEMO_BUCKETS.legacy);
});

test('a broken config.json shows which field is wrong instead of a blank page', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { region: 'nowhere' } }));
  await page.goto('/');
  await expect(page.getByText("The console's configuration (config.json) cannot be used")).toBeVisible();
  await expect(page.getByText('"region" must be an AWS region such as "us-east-1"')).toBeVisible();
});
