import { expect, test, type Page } from '@playwright/test';
import { routeHref } from '../app/routing/routes';
import { DEMO_BUCKETS, DEMO_SSE_C_KEY_BASE64 } from '../emulator/seed/demo-constants';
import { alice, rob, signIn } from './sign-in';
import { headObject } from './job-fixtures';
import {
  keptState,
  keyArnOfAlias,
  keysUnder,
  olderVersionsUnder,
  md5Base64,
  stackEncryption,
  type KeptState,
  type StackEncryption,
} from './stack-objects';

const mixed = DEMO_BUCKETS.mixed;
/** The demo's one restored archived object. */
const RESTORED_DEEP_ARCHIVE = 'storage-classes/deep-archive-restored.csv';
const legacy = DEMO_BUCKETS.legacy;

/** The value shown next to a label in a key-value list. */
function valueOf(page: Page, label: string) {
  return page.locator(`xpath=//dt[normalize-space(.)=${JSON.stringify(label)}]/following-sibling::dd[1]`);
}

async function openFolder(page: Page, bucket: string, prefix: string, firstName: string) {
  await page.goto(routeHref({ page: 'objects', bucket, prefix }));
  await expect(page.getByRole('rowheader').getByRole('link', { name: firstName, exact: true })).toBeVisible();
}

async function action(page: Page, name: string) {
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function chooseKind(page: Page, kind: 'SSE-S3' | 'SSE-KMS' | 'DSSE-KMS' | 'SSE-C') {
  await page.getByRole('radio', { name: kind, exact: true }).check();
}

async function chooseKmsKey(page: Page, alias: string) {
  await page.getByRole('button', { name: /Choose a KMS key/ }).click();
  await page.getByRole('option', { name: new RegExp(alias) }).click();
}

/** From step 1 to the review, where the dry permission check has answered. */
async function toReview(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('What S3 cannot keep')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
}

async function startJob(page: Page) {
  await expect(page.getByText(/Your role may re-encrypt objects in/)).toBeVisible();
  await page.getByRole('button', { name: 'Start re-encryption' }).click();
  await page.waitForURL(/\/jobs\/[^/]+$/);
}

type Before = Map<string, KeptState>;

async function keptStates(bucket: string, keys: readonly string[], sseCKey?: (key: string) => string | undefined): Promise<Before> {
  return new Map(await Promise.all(keys.map(async (key) => [key, await keptState(bucket, key, sseCKey?.(key))] as const)));
}

/** Waits until the stack holds every object with the chosen encryption, then compares everything else with before. */
async function expectReEncrypted(bucket: string, before: Before, expected: Partial<StackEncryption>, sseCKey?: string) {
  for (const [key, kept] of before) {
    await expect
      .poll(async () => stackEncryption(bucket, key, sseCKey).catch(() => undefined), { timeout: 30_000, message: key })
      .toMatchObject(expected);
    expect(await keptState(bucket, key, sseCKey), key).toEqual(kept);
  }
}

test.describe('as alice, who may re-encrypt', () => {
  test.beforeEach(({ page }) => signIn(page, alice));

  test('SSE-S3 for every object of a mixed folder, the SSE-C one with its key given in the review', async ({ page }) => {
    const keys = await keysUnder(mixed, 'encryption/');
    const sseCKeyOf = (key: string) => (key === 'encryption/sse-c.txt' ? DEMO_SSE_C_KEY_BASE64 : undefined);
    const before = await keptStates(mixed, keys, sseCKeyOf);
    await openFolder(page, mixed, 'encryption/', 'not-sse.txt');
    await page.getByRole('checkbox', { name: 'Select every object on this page' }).check();
    await expect(page.getByText(`${keys.length} objects selected`)).toBeVisible();
    await action(page, 'Edit server-side encryption');
    await chooseKind(page, 'SSE-S3');
    await toReview(page);
    await expect(valueOf(page, 'Needs its SSE-C key')).toHaveText('1');
    await page.getByLabel('SSE-C key of selected objects').fill(DEMO_SSE_C_KEY_BASE64);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect(valueOf(page, 'Needs its SSE-C key')).toHaveCount(0);
    await expect(valueOf(page, 'Skipped: already as chosen')).toHaveText('1');
    await startJob(page);
    await expectReEncrypted(mixed, before, { algorithm: 'AES256' });
  });

  test('SSE-KMS with alias/demo-finance and a bucket key; the archived object is reported as cannot', async ({ page }) => {
    const keyArn = await keyArnOfAlias('alias/demo-finance');
    const archived = 'storage-classes/glacier-archived.csv';
    // The restored DEEP_ARCHIVE object is the next test's: the stack cannot restore another one.
    const keys = (await keysUnder(mixed, 'storage-classes/')).filter((key) => key !== RESTORED_DEEP_ARCHIVE);
    const changed = keys.filter((key) => key !== archived);
    const before = await keptStates(mixed, changed);
    await openFolder(page, mixed, 'storage-classes/', 'standard-ia.csv');
    await page.getByRole('checkbox', { name: 'Select every object on this page' }).check();
    await page.getByRole('checkbox', { name: `Select ${RESTORED_DEEP_ARCHIVE.slice('storage-classes/'.length)}` }).uncheck();
    await expect(page.getByText(`${keys.length} objects selected`)).toBeVisible();
    await action(page, 'Edit server-side encryption');
    await chooseKind(page, 'SSE-KMS');
    await chooseKmsKey(page, 'alias/demo-finance');
    await expect(page.getByRole('checkbox', { name: 'Use an S3 Bucket Key' })).toBeChecked();
    await toReview(page);
    await expect(valueOf(page, 'Not encrypted')).toHaveText(String(keys.length));
    await expect(valueOf(page, 'Cannot be done')).toHaveText('1');
    await expect(page.getByRole('row').filter({ hasText: archived })).toContainText('Archived in GLACIER and not restored');
    await startJob(page);
    await expectReEncrypted(mixed, before, { algorithm: 'aws:kms', keyArn, bucketKey: true });
    expect((await stackEncryption(mixed, archived)).algorithm).toBeUndefined();
  });

  test('a restored DEEP_ARCHIVE object copied to STANDARD, as chosen in the copy settings, is readable without a restore', async ({ page }) => {
    const name = RESTORED_DEEP_ARCHIVE.slice('storage-classes/'.length);
    const before = await keptState(mixed, RESTORED_DEEP_ARCHIVE);
    expect(before.storageClass).toBe('DEEP_ARCHIVE');
    await openFolder(page, mixed, 'storage-classes/', 'standard-ia.csv');
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await action(page, 'Edit server-side encryption');
    await chooseKind(page, 'SSE-S3');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('1 selected object is a restored archived object the job copies.')).toBeVisible();
    await expect(page.getByRole('radio', { name: /^Keep their archive storage class/ })).toBeChecked();
    await page.getByRole('button', { name: 'Next' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('the new object keeps its storage class, so S3 archives it again');
    await expect(page.getByText(/a copy overwrites the restored archived object it was made from/)).toBeVisible();

    await page.getByRole('button', { name: 'Previous', exact: true }).click();
    await page.getByRole('radio', { name: /^Copy them to another storage class/ }).check();
    await expect(page.getByRole('button', { name: /Storage class of the copies/ })).toContainText('STANDARD');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(row).toContainText('the new object is written as STANDARD, as chosen in the copy settings, so it can be read without a restore');
    await startJob(page);

    await expect.poll(() => stackEncryption(mixed, RESTORED_DEEP_ARCHIVE), { timeout: 30_000 }).toMatchObject({ algorithm: 'AES256' });
    const head = await headObject(mixed, RESTORED_DEEP_ARCHIVE);
    // The stack, like S3, sends no x-amz-storage-class for STANDARD, and the copy is no restored archive.
    expect(head.StorageClass).toBeUndefined();
    expect(head.Restore).toBeUndefined();
    // keptState reads the bytes with GetObject, which an archived object would refuse.
    expect(await keptState(mixed, RESTORED_DEEP_ARCHIVE)).toEqual({ ...before, storageClass: 'STANDARD' });
  });

  test('DSSE-KMS for client-side encrypted objects', async ({ page }) => {
    const keyArn = await keyArnOfAlias('alias/demo-logs');
    const keys = await keysUnder(mixed, 'client-side/');
    const before = await keptStates(mixed, keys);
    await openFolder(page, mixed, 'client-side/', 'v2-not-sse.json');
    for (const key of keys) await page.getByRole('checkbox', { name: `Select ${key.slice('client-side/'.length)}` }).check();
    await action(page, 'Edit server-side encryption');
    await chooseKind(page, 'DSSE-KMS');
    await page.getByRole('radio', { name: 'Enter an AWS KMS key ARN' }).check();
    await page.getByRole('textbox', { name: 'AWS KMS key ARN' }).fill(keyArn.replace('us-east-1', 'eu-west-1'));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(/S3 can encrypt only with a key of the bucket's region/)).toBeVisible();
    await page.getByRole('textbox', { name: 'AWS KMS key ARN' }).fill(keyArn);
    await toReview(page);
    await expect(valueOf(page, 'CopyObject onto itself')).toHaveText(String(keys.length));
    await startJob(page);
    await expectReEncrypted(mixed, before, { algorithm: 'aws:kms:dsse', keyArn, bucketKey: false });
  });

  test('SSE-C with a key generated in the browser, for a folder of legacy-archive', async ({ page }) => {
    const prefix = 'projects/atlas/design/specs/v1/drafts/archive/2022/';
    const keys = await keysUnder(legacy, prefix);
    const before = await keptStates(legacy, keys);
    await openFolder(page, legacy, prefix, 'notes.txt');
    await page.getByRole('checkbox', { name: 'Select every object on this page' }).check();
    await action(page, 'Edit server-side encryption');
    await chooseKind(page, 'SSE-C');
    await page.getByRole('button', { name: 'Generate a key' }).click();
    const customerKey = await page.getByLabel('Customer-provided key (base64)').inputValue();
    expect(Buffer.from(customerKey, 'base64')).toHaveLength(32);
    await expect(page.getByText(md5Base64(customerKey), { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Confirm that you saved the key')).toBeVisible();
    await page.getByRole('checkbox', { name: /I have saved this key/ }).check();
    await toReview(page);
    await startJob(page);
    await expectReEncrypted(legacy, before, { algorithm: 'SSE-C', customerKeyMd5: md5Base64(customerKey) }, customerKey);
  });

  test('every flagged object under a folder, across listing pages and sub-folders, counted as the stack holds them', async ({ page }) => {
    const prefix = 'logs/';
    const keys = await keysUnder(legacy, prefix);
    const flagged = (await Promise.all(keys.map(async (key) => ((await stackEncryption(legacy, key)).algorithm ? [] : [key])))).flat();
    expect(keys.length).toBeGreaterThan(1000);
    await openFolder(page, legacy, prefix, 'app-1/');
    await action(page, 'Select every flagged object under this folder');
    await expect(page.getByText(`Every flagged object under ${prefix} is selected: ${keys.length.toLocaleString('en-US')} listed`)).toBeVisible({
      timeout: 45_000,
    });
    await expect(page.getByText(`${flagged.length.toLocaleString('en-US')} objects selected`)).toBeVisible();
    await action(page, 'Edit server-side encryption');
    await toReview(page);
    await expect(valueOf(page, 'Not encrypted')).toHaveText(flagged.length.toLocaleString('en-US'), { timeout: 30_000 });
    await expect(valueOf(page, 'CopyObject onto itself')).toHaveText(flagged.length.toLocaleString('en-US'));
    await expect(page.getByText(/Your role may re-encrypt objects in/)).toBeVisible();
  });

  test('the search for flagged objects can be stopped, keeping what it found', async ({ page }) => {
    await openFolder(page, legacy, '', 'logs/');
    await action(page, 'Select every flagged object under this folder');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByText(/^Stopped finding flagged objects in the bucket: [\d,]+ listed/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  });

  test('a recursive selection re-encrypted: every flagged backup in every year and month folder', async ({ page }) => {
    const prefix = 'backups/';
    const keys = await keysUnder(legacy, prefix);
    const flagged = (await Promise.all(keys.map(async (key) => ((await stackEncryption(legacy, key)).algorithm ? [] : [key])))).flat();
    const before = await keptStates(legacy, flagged);
    await openFolder(page, legacy, prefix, 'db/');
    await action(page, 'Select every flagged object under this folder');
    await expect(page.getByText(`${flagged.length} objects selected`)).toBeVisible({ timeout: 30_000 });
    await action(page, 'Edit server-side encryption');
    await toReview(page);
    await startJob(page);
    await expectReEncrypted(legacy, before, { algorithm: 'AES256' });
  });

  test('one object from its details page, over the copy-size limit: a multipart copy once its risk is accepted', async ({ page }) => {
    const key = 'large/over-copy-limit.bin';
    const before = await keptStates(mixed, [key]);
    await page.goto(routeHref({ page: 'object', bucket: mixed, key }));
    await action(page, 'Edit server-side encryption');
    await chooseKind(page, 'SSE-S3');
    await toReview(page);
    await expect(valueOf(page, 'Cannot be done')).toHaveText('1');
    await page.getByRole('checkbox', { name: /Copy them anyway/ }).check();
    await expect(valueOf(page, 'Multipart copy (UploadPartCopy)')).toHaveText('1');
    await startJob(page);
    await expectReEncrypted(mixed, before, { algorithm: 'AES256' });
  });

  test('in a versioned bucket the review warns that old versions stay, lists them, and the copies add new versions', async ({ page }) => {
    const bucket = DEMO_BUCKETS.versioned;
    const prefix = 'quarterly/';
    const keys = await keysUnder(bucket, prefix);
    const older = await olderVersionsUnder(bucket, prefix);
    const flagged = (await Promise.all(keys.map(async (key) => ((await stackEncryption(bucket, key)).algorithm ? [] : [key])))).flat();
    expect(flagged.length).toBeGreaterThan(0);
    const before = await keptStates(bucket, flagged);
    await openFolder(page, bucket, prefix, '2021-Q1.csv');
    await page.getByRole('checkbox', { name: 'Select every object on this page' }).check();
    await action(page, 'Edit server-side encryption');
    await toReview(page);
    await expect(page.getByText(/the earlier versions stay as they were, unencrypted ones included/)).toBeVisible();
    await page.getByRole('button', { name: 'List the older versions' }).click();
    await expect(page.getByText(`${older.length} older versions of the selected objects will stay as they are.`)).toBeVisible();
    await startJob(page);
    await expectReEncrypted(bucket, before, { algorithm: 'AES256' });
    expect((await olderVersionsUnder(bucket, prefix)).length).toBe(older.length + flagged.length);
  });

  test('SSE-C is not offered where the bucket blocks it', async ({ page }) => {
    await openFolder(page, DEMO_BUCKETS.blocked, 'payroll/2019/', 'payslips-2019-01.csv');
    await page.getByRole('checkbox', { name: 'Select payslips-2019-01.csv' }).check();
    await action(page, 'Edit server-side encryption');
    await expect(page.getByRole('radio', { name: 'SSE-C', exact: true })).toBeDisabled();
    await expect(page.getByText(/blocks SSE-C \(BlockedEncryptionTypes/)).toBeVisible();
  });
});

test('rob, who may only read, is refused by the dry check with the missing permission named, and nothing changes', async ({ page }) => {
  const prefix = 'checksums/';
  const target = `${prefix}crc32.json`;
  const before = await keptState(mixed, target);
  await signIn(page, rob);
  await openFolder(page, mixed, prefix, 'crc32.json');
  await page.getByRole('checkbox', { name: 'Select crc32.json' }).check();
  await action(page, 'Edit server-side encryption');
  await chooseKind(page, 'SSE-S3');
  await toReview(page);
  await expect(page.getByText(`Your role may not re-encrypt objects in ${mixed}`)).toBeVisible();
  await expect(page.getByText(/s3:PutObject/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start re-encryption' })).toBeDisabled();
  expect(await keptState(mixed, target)).toEqual(before);
  expect((await stackEncryption(mixed, target)).algorithm).toBeUndefined();
});
