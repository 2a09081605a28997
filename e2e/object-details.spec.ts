import { paginateListAliases, type AliasListEntry } from '@aws-sdk/client-kms';
import { GetBucketCorsCommand, GetObjectTaggingCommand, HeadObjectCommand, type HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import { expect, test, type Page, type Route } from '@playwright/test';
import { formatUtc } from '../app/features/object-details/format.utils';
import { routeHref } from '../app/routing/routes';
import { DEMO_BUCKETS, DEMO_HOSTILE_KEYS, DEMO_SSE_C_KEY_BASE64 } from '../emulator/seed/demo-constants';
import { E2E_STACK_PORT } from './ports';
import { rootKms, rootS3 } from './root-clients';
import { alice, signIn } from './sign-in';

const bucket = DEMO_BUCKETS.mixed;
const SSE_C_KEY = 'encryption/sse-c.txt';
const WRONG_SSE_C_KEY = btoa('x'.repeat(32));

function openObject(page: Page, key: string, inBucket: string = bucket) {
  return page.goto(routeHref({ page: 'object', bucket: inBucket, key }));
}

/** The value shown next to a label in a key-value list. */
function detail(page: Page, label: string) {
  return page.locator(`xpath=//dt[normalize-space(.)=${JSON.stringify(label)}]/following-sibling::dd[1]`);
}

function tableRow(page: Page, table: 'User metadata' | 'Tags', key: string) {
  return page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: key, exact: true }) });
}

async function stackHead(key: string, customerKey?: string, inBucket: string = bucket): Promise<HeadObjectCommandOutput> {
  return rootS3.send(
    new HeadObjectCommand({
      Bucket: inBucket,
      Key: key,
      ChecksumMode: 'ENABLED',
      ...(customerKey ? { SSECustomerAlgorithm: 'AES256', SSECustomerKey: customerKey } : {}),
    }),
  );
}

/** The alias KMS lists for a key (the first by name, as the console shows). */
async function stackAliasOf(keyArn: string): Promise<string> {
  const aliases: AliasListEntry[] = [];
  for await (const page of paginateListAliases({ client: rootKms }, {})) aliases.push(...(page.Aliases ?? []));
  const names = aliases.filter((alias) => alias.TargetKeyId === keyArn.split('/').pop()).map((alias) => alias.AliasName!);
  return names.sort()[0] ?? 'No alias';
}

/** The lower-cased headers the bucket's first HEAD rule exposes to a browser. */
async function stackExposedHeaders(): Promise<Set<string>> {
  const { CORSRules = [] } = await rootS3.send(new GetBucketCorsCommand({ Bucket: bucket }));
  const rule = CORSRules.find((r) => r.AllowedMethods?.includes('HEAD'));
  return new Set((rule?.ExposeHeaders ?? []).map((header) => header.toLowerCase()));
}

const etagOf = (head: HeadObjectCommandOutput) => head.ETag!.replace(/"/g, '');
/** The page gives the exact byte count first, then a human size from 1 KiB on. */
const exactBytes = (head: HeadObjectCommandOutput) => `${head.ContentLength!.toLocaleString('en-US')} bytes`;

test.beforeEach(({ page }) => signIn(page, alice));

test('SSE-KMS objects show their key ARN, alias and bucket key as the stack holds them', async ({ page }) => {
  const bucketKeys: string[] = [];
  for (const key of ['encryption/sse-kms-finance.txt', 'encryption/sse-kms-logs-bucket-key.log']) {
    const head = await stackHead(key);
    const alias = await stackAliasOf(head.SSEKMSKeyId!);
    await openObject(page, key);
    await expect(detail(page, 'Encryption')).toHaveText(`SSE-KMS (${alias})`);
    await expect(detail(page, 'SSE algorithm')).toHaveText(head.ServerSideEncryption!);
    await expect(detail(page, 'KMS key ARN')).toHaveText(head.SSEKMSKeyId!);
    await expect(detail(page, 'KMS key alias')).toHaveText(alias);
    await expect(detail(page, 'Dual-layer (DSSE-KMS)')).toHaveText('No');
    const bucketKey = head.BucketKeyEnabled ? 'Enabled' : 'Disabled';
    await expect(detail(page, 'Bucket Key')).toHaveText(bucketKey);
    bucketKeys.push(bucketKey);
  }
  expect(bucketKeys.sort()).toEqual(['Disabled', 'Enabled']);
});

test('a DSSE-KMS object shows both layers and its key', async ({ page }) => {
  const key = 'encryption/dsse-kms.txt';
  const head = await stackHead(key);
  const alias = await stackAliasOf(head.SSEKMSKeyId!);
  await openObject(page, key);
  await expect(detail(page, 'Encryption')).toHaveText(`DSSE-KMS (${alias})`);
  await expect(detail(page, 'SSE algorithm')).toHaveText('aws:kms:dsse');
  await expect(detail(page, 'Dual-layer (DSSE-KMS)')).toHaveText('Yes: two layers of KMS encryption');
  await expect(detail(page, 'KMS key ARN')).toHaveText(head.SSEKMSKeyId!);
  await expect(detail(page, 'KMS key alias')).toHaveText(alias);
});

test('an unencrypted object is flagged, with its system metadata and the user metadata a browser may see', async ({ page }) => {
  const exposed = await stackExposedHeaders();
  for (const key of ['encryption/not-sse.txt', 'client-side/v2-not-sse.json']) {
    const head = await stackHead(key);
    expect(head.ServerSideEncryption).toBeUndefined();
    expect(Object.keys(head.Metadata ?? {})).not.toHaveLength(0);
    await openObject(page, key);
    await expect(detail(page, 'Encryption')).toHaveText('Not encrypted');
    await expect(detail(page, 'SSE algorithm')).toHaveText('—');
    await expect(detail(page, 'Size')).toContainText(exactBytes(head));
    await expect(detail(page, 'ETag')).toHaveText(etagOf(head));
    await expect(detail(page, 'Last modified')).toHaveText(formatUtc(head.LastModified));
    await expect(detail(page, 'Content type')).toHaveText(head.ContentType!);
    // CORS has no wildcard for x-amz-meta-*: a browser sees only the names the rule lists, and the page says so.
    for (const [name, value] of Object.entries(head.Metadata!)) {
      if (exposed.has(`x-amz-meta-${name}`)) await expect(tableRow(page, 'User metadata', name)).toContainText(value);
      else {
        await expect(tableRow(page, 'User metadata', name)).toHaveCount(0);
        await expect(page.getByText('any other entry is hidden from it')).toBeVisible();
      }
    }
  }
});

test('tags are read with GetObjectTagging', async ({ page }) => {
  for (const key of ['encryption/sse-kms-finance.txt', 'encryption/sse-s3.txt']) {
    const { TagSet = [] } = await rootS3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
    await openObject(page, key);
    await expect(page.getByRole('heading', { name: `Tags (${TagSet.length})` })).toBeVisible();
    for (const tag of TagSet) await expect(tableRow(page, 'Tags', tag.Key!)).toContainText(tag.Value!);
    if (TagSet.length === 0) await expect(page.getByText('No tags.')).toBeVisible();
  }
});

test('the GLACIER object is archived and must be restored before a copy', async ({ page }) => {
  const key = 'storage-classes/glacier-archived.csv';
  const head = await stackHead(key);
  expect(head.Restore).toBeUndefined();
  await openObject(page, key);
  await expect(detail(page, 'Storage class')).toHaveText(head.StorageClass!);
  await expect(detail(page, 'Archive state')).toHaveText(`Archived (${head.StorageClass}): restore before copying`);
  await expect(page.getByText(`S3 refuses to copy a ${head.StorageClass} object until it is restored (403 InvalidObjectState).`)).toBeVisible();
});

test('the restored DEEP_ARCHIVE object shows until when it stays restored', async ({ page }) => {
  const key = 'storage-classes/deep-archive-restored.csv';
  const head = await stackHead(key);
  const expiry = /expiry-date="([^"]+)"/.exec(head.Restore!)![1];
  await openObject(page, key);
  await expect(detail(page, 'Storage class')).toHaveText(head.StorageClass!);
  await expect(detail(page, 'Archive state')).toHaveText(`Restored until ${formatUtc(new Date(expiry))}`);
});

test('the Object Lock object shows its mode, retain-until date and legal hold, and that a copy drops them', async ({ page }) => {
  // Only a bucket with Object Lock holds locked objects: the demo's is versioned-reports.
  const key = 'object-lock/governance-legal-hold.pdf';
  const head = await stackHead(key, undefined, DEMO_BUCKETS.versioned);
  await openObject(page, key, DEMO_BUCKETS.versioned);
  await expect(detail(page, 'Object Lock mode')).toHaveText(head.ObjectLockMode!);
  await expect(detail(page, 'Retain until')).toHaveText(formatUtc(head.ObjectLockRetainUntilDate));
  await expect(detail(page, 'Legal hold')).toHaveText(head.ObjectLockLegalHoldStatus!);
  await expect(page.getByText('Object Lock retention and legal hold are not copied', { exact: false })).toBeVisible();
});

test('the checksum object shows its algorithm, value and type', async ({ page }) => {
  const key = 'checksums/crc32.json';
  const head = await stackHead(key);
  expect(head.ChecksumCRC32).toBeDefined();
  await openObject(page, key);
  await expect(detail(page, 'Checksum algorithm')).toHaveText('CRC32');
  await expect(detail(page, 'Checksum value')).toHaveText(head.ChecksumCRC32!);
  await expect(detail(page, 'Checksum type')).toHaveText(head.ChecksumType!);
});

test('the SSE-C object is read only with its key, which stays out of URLs, storage and logs', async ({ page }) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  const head = await stackHead(SSE_C_KEY, DEMO_SSE_C_KEY_BASE64);
  await openObject(page, SSE_C_KEY);
  await expect(page.getByText('Cannot read without the key')).toBeVisible();
  await expect(detail(page, 'Encryption')).toHaveText('Cannot read');

  const keyField = page.getByLabel('SSE-C key');
  const submit = page.getByRole('button', { name: 'Read with this key' });
  await keyField.fill('not base64!');
  await submit.click();
  await expect(page.getByText('The key must be base64')).toBeVisible();
  await keyField.fill(btoa('31 bytes are one byte too short'));
  await submit.click();
  await expect(page.getByText('An SSE-C key is 32 bytes (AES-256); this one is 31.')).toBeVisible();
  await keyField.fill(WRONG_SSE_C_KEY);
  await submit.click();
  await expect(page.getByText('This key does not match the key the object was encrypted with')).toBeVisible();

  await keyField.fill(DEMO_SSE_C_KEY_BASE64);
  await keyField.press('Enter');
  await expect(detail(page, 'Encryption')).toHaveText('SSE-C');
  await expect(detail(page, 'SSE-C algorithm')).toHaveText(head.SSECustomerAlgorithm!);
  await expect(detail(page, 'SSE-C key MD5')).toHaveText(head.SSECustomerKeyMD5!);
  await expect(detail(page, 'Size')).toContainText(exactBytes(head));

  const traces = await page.evaluate(() => ({
    url: window.location.href,
    storage: JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }),
    cookies: document.cookie,
  }));
  for (const secret of [DEMO_SSE_C_KEY_BASE64, WRONG_SSE_C_KEY]) {
    for (const trace of [traces.url, decodeURIComponent(traces.url), traces.storage, traces.cookies, ...consoleLines]) {
      expect(trace).not.toContain(secret);
    }
  }

  await page.reload();
  await expect(page.getByText('Cannot read without the key')).toBeVisible();
  await expect(page.getByLabel('SSE-C key')).toHaveValue('');
  await expect(detail(page, 'SSE-C key MD5')).toHaveCount(0);
});

test('every hostile key opens by deep link, shown literally with its own properties', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`A key ran as script: ${dialog.message()}`);
  });
  for (const key of DEMO_HOSTILE_KEYS) {
    const head = await stackHead(key);
    await openObject(page, key);
    await expect(page.getByRole('heading', { level: 1 })).toHaveJSProperty('textContent', key);
    await expect(detail(page, 'Size')).toContainText(exactBytes(head));
    await expect(detail(page, 'ETag')).toHaveText(etagOf(head));
  }
});

test('where CORS hides the encryption headers, the page says so instead of calling the object unencrypted', async ({ page }) => {
  const key = 'exports/orders-2023.csv';
  const head = await stackHead(key, undefined, DEMO_BUCKETS.hiddenHeaders);
  expect(head.ServerSideEncryption).toBe('AES256');
  await openObject(page, key, DEMO_BUCKETS.hiddenHeaders);
  await expect(detail(page, 'Encryption')).toHaveText('Cannot read');
  await expect(page.getByText("The bucket's CORS rules do not expose the encryption headers")).toBeVisible();
  await expect(detail(page, 'SSE algorithm')).toHaveText("Hidden from the browser by the bucket's CORS rules");
  await expect(detail(page, 'Storage class')).toHaveText("Hidden from the browser by the bucket's CORS rules");
  await expect(detail(page, 'ETag')).toHaveText(etagOf(head));
});

test('a key that does not exist shows a not-found message', async ({ page }) => {
  await openObject(page, 'encryption/no-such-object.txt');
  await expect(page.getByText('Object not found')).toBeVisible();
  await expect(page.getByText('S3 has no such object (NoSuchKey)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Object overview' })).toHaveCount(0);
});

/** Stands between the console and the stack for one kind of request, so failures the stack cannot be asked for can be shown. */
async function interceptStack(page: Page, matches: (method: string, url: URL) => boolean, answer: (route: Route) => Promise<void>) {
  let active = true;
  await page.route(
    (url) => url.port === String(E2E_STACK_PORT),
    (route) => (active && matches(route.request().method(), new URL(route.request().url())) ? answer(route) : route.fallback()),
  );
  return () => {
    active = false;
  };
}

const corsHeaders = { 'access-control-allow-origin': '*' };

test('a refused GetObjectTagging is shown in place while the encryption still shows', async ({ page }) => {
  const key = 'encryption/sse-kms-finance.txt';
  const head = await stackHead(key);
  await interceptStack(
    page,
    (method, url) => method === 'GET' && url.searchParams.has('tagging'),
    (route) =>
      route.fulfill({
        status: 403,
        headers: { ...corsHeaders, 'content-type': 'application/xml' },
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      }),
  );
  await openObject(page, key);
  await expect(page.getByRole('table', { name: 'Tags' }).getByText('Access denied')).toBeVisible();
  await expect(page.getByText("The console's role may not do this (s3:GetObjectTagging).")).toBeVisible();
  await expect(detail(page, 'KMS key ARN')).toHaveText(head.SSEKMSKeyId!);
});

test('a throttled HeadObject says so and Retry reads the object once S3 answers', async ({ page }) => {
  const key = 'encryption/sse-s3.txt';
  const stopThrottling = await interceptStack(
    page,
    (method) => method === 'HEAD',
    (route) => route.fulfill({ status: 503, headers: corsHeaders }),
  );
  await openObject(page, key);
  await expect(page.getByText('S3 is throttling requests')).toBeVisible({ timeout: 30_000 });
  stopThrottling();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(detail(page, 'Encryption')).toHaveText('SSE-S3');
  await expect(page.getByText('S3 is throttling requests')).toHaveCount(0);
});

test('a network error says S3 could not be reached, and Retry recovers', async ({ page }) => {
  const key = 'encryption/sse-s3.txt';
  const reconnect = await interceptStack(
    page,
    (method) => method === 'HEAD',
    (route) => route.abort('internetdisconnected'),
  );
  await openObject(page, key);
  await expect(page.getByText('S3 could not be reached')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Tags' })).toBeVisible();
  reconnect();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(detail(page, 'SSE algorithm')).toHaveText('AES256');
});
