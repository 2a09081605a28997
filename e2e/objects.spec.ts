import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_BUCKETS, DEMO_HOSTILE_KEYS, DEMO_SSE_C_KEY_BASE64 } from '../emulator/seed/demo-constants';
import { E2E_STACK_PORT } from './ports';
import { rootKms, rootS3 } from './root-clients';
import { alice, signIn } from './sign-in';
import { keysUnder } from './stack-objects';

async function listFolder(bucket: string, prefix: string): Promise<{ folders: string[]; keys: string[] }> {
  const folders: string[] = [];
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await rootS3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token }));
    folders.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return { folders, keys };
}

interface StoredEncryption {
  kind: 'NOT-SSE' | 'SSE-S3' | 'SSE-KMS' | 'DSSE-KMS' | 'SSE-C';
  kmsKeyArn?: string;
}

const SSE_KINDS: Record<string, StoredEncryption['kind'] | undefined> = { AES256: 'SSE-S3', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };

/** HeadObject with the root key; an SSE-C object answers only with its key, which is how we know it is SSE-C. */
async function storedEncryption(bucket: string, key: string): Promise<StoredEncryption> {
  try {
    const head = await rootS3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { kind: SSE_KINDS[head.ServerSideEncryption ?? ''] ?? 'NOT-SSE', kmsKeyArn: head.SSEKMSKeyId };
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 400) throw error;
    const head = await rootS3.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key, SSECustomerAlgorithm: 'AES256', SSECustomerKey: DEMO_SSE_C_KEY_BASE64 }),
    );
    expect(head.SSECustomerAlgorithm).toBe('AES256');
    return { kind: 'SSE-C' };
  }
}

async function aliasNamesByKeyArn(): Promise<Map<string, string>> {
  const { Aliases = [] } = await rootKms.send(new ListAliasesCommand({}));
  return new Map(
    Aliases.filter((a) => a.TargetKeyId && a.AliasArn).map((a) => [a.AliasArn!.replace(/:alias\/.*$/, `:key/${a.TargetKeyId}`), a.AliasName!]),
  );
}

/** What the console must show for an object a browser may read the headers of. */
function expectedLabel(stored: StoredEncryption, aliases: Map<string, string>): string {
  switch (stored.kind) {
    case 'NOT-SSE':
      return 'Not encrypted';
    case 'SSE-C':
      return 'Cannot read';
    case 'SSE-S3':
      return 'SSE-S3';
    default:
      return `${stored.kind} (${aliases.get(stored.kmsKeyArn!)})`;
  }
}

function folderUrl(bucket: string, prefix: string): string {
  return prefix ? `/buckets/${bucket}?${new URLSearchParams({ prefix })}` : `/buckets/${bucket}`;
}

function nameOf(key: string, prefix: string): string {
  return key.slice(prefix.length);
}

function objectRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader').getByRole('link', { name, exact: true }) });
}

function encryptionCell(page: Page, name: string): Locator {
  return objectRow(page, name).getByRole('cell').last();
}

async function shownNames(page: Page): Promise<string[]> {
  return (await page.getByRole('rowheader').allTextContents()).map((text) => text.trim());
}

function summaryValue(page: Page, label: string): Locator {
  return page
    .getByLabel('Objects per encryption kind')
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}

function flaggedToggle(page: Page): Locator {
  return page.getByRole('checkbox', { name: 'Show only flagged objects' });
}

/** "Cannot read" opens its reason in place. */
async function showReason(cell: Locator, reason: string): Promise<void> {
  await cell.getByRole('button', { name: 'Cannot read' }).click();
  await expect(cell).toContainText(reason);
}

test.beforeEach(({ page }) => signIn(page, alice));

test.beforeEach(({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a key ran as script: ${dialog.message()}`);
  });
});

test('every encryption kind is shown as the stack holds it, with KMS aliases and the SSE-C reason', async ({ page }) => {
  const bucket = DEMO_BUCKETS.mixed;
  const prefix = 'encryption/';
  const { keys } = await listFolder(bucket, prefix);
  const aliases = await aliasNamesByKeyArn();
  await page.goto(folderUrl(bucket, prefix));

  const labels = new Set<string>();
  for (const key of keys) {
    const stored = await storedEncryption(bucket, key);
    const label = expectedLabel(stored, aliases);
    labels.add(label);
    await expect(encryptionCell(page, nameOf(key, prefix))).toHaveText(label);
    if (stored.kind === 'SSE-C') {
      await showReason(encryptionCell(page, nameOf(key, prefix)), 'customer-provided key (SSE-C)');
    }
  }
  expect([...labels].sort()).toEqual(
    ['Cannot read', 'DSSE-KMS (alias/demo-finance)', 'Not encrypted', 'SSE-KMS (alias/demo-finance)', 'SSE-KMS (alias/demo-logs)', 'SSE-S3'].sort(),
  );
});

test('when KMS refuses ListAliases, SSE-KMS objects show their key ARN', async ({ page }) => {
  const bucket = DEMO_BUCKETS.mixed;
  const key = 'encryption/sse-kms-finance.txt';
  const stored = await storedEncryption(bucket, key);
  await page.route(`http://127.0.0.1:${E2E_STACK_PORT}/`, (route) =>
    route.request().headers()['x-amz-target'] === 'TrentService.ListAliases'
      ? route.fulfill({
          status: 400,
          headers: { 'access-control-allow-origin': '*', 'x-amzn-errortype': 'AccessDeniedException' },
          contentType: 'application/x-amz-json-1.1',
          body: JSON.stringify({ __type: 'AccessDeniedException', message: 'not allowed to kms:ListAliases' }),
        })
      : route.fallback(),
  );
  await page.goto(folderUrl(bucket, 'encryption/'));
  const cell = encryptionCell(page, 'sse-kms-finance.txt');
  await expect(cell).toContainText(stored.kmsKeyArn!);
  await expect(cell).toContainText('SSE-KMS');
  await expect(cell).not.toContainText('alias/');
});

test('the folder summary counts what the stack holds for the folder', async ({ page }) => {
  const bucket = DEMO_BUCKETS.mixed;
  const prefix = 'encryption/';
  const { keys } = await listFolder(bucket, prefix);
  const stored = await Promise.all(keys.map((key) => storedEncryption(bucket, key)));
  const count = (kind: StoredEncryption['kind']) => String(stored.filter((s) => s.kind === kind).length);
  await page.goto(folderUrl(bucket, prefix));

  await expect(page.getByText(`${keys.length} of ${keys.length} loaded objects checked`)).toBeVisible();
  await expect(summaryValue(page, 'Not encrypted')).toHaveText(count('NOT-SSE'));
  // SSE-C objects cannot be read without their key: their compliance is unknown, so the other counts are the known ones.
  await expect(summaryValue(page, 'Not compliant')).toHaveText(`${count('NOT-SSE')} known`);
  await expect(summaryValue(page, 'Compliance unknown')).toHaveText(count('SSE-C'));
  for (const kind of ['SSE-S3', 'SSE-KMS', 'DSSE-KMS'] as const) await expect(summaryValue(page, kind)).toHaveText(count(kind));
  // Without its key a browser cannot read an SSE-C object: it is counted as such, never as a kind.
  await expect(summaryValue(page, 'Cannot read')).toHaveText(count('SSE-C'));
  await expect(summaryValue(page, 'SSE-C')).toHaveText('0');
});

test('the flagged-only filter shows exactly the unencrypted objects', async ({ page }) => {
  const bucket = DEMO_BUCKETS.mixed;
  for (const prefix of ['', 'encryption/']) {
    const { keys } = await listFolder(bucket, prefix);
    const stored = await Promise.all(keys.map((key) => storedEncryption(bucket, key)));
    const unencrypted = keys.filter((_, i) => stored[i].kind === 'NOT-SSE').map((key) => nameOf(key, prefix));
    await page.goto(folderUrl(bucket, prefix));
    await flaggedToggle(page).click();
    await expect(page.getByText(`${keys.length} of ${keys.length} loaded objects checked`).first()).toBeVisible();
    await expect.poll(() => shownNames(page)).toEqual(unencrypted);
  }
});

test('the flagged-only filter reads a large folder a page at a time until the table page fills', async ({ page }) => {
  const bucket = DEMO_BUCKETS.legacy;
  const prefix = 'logs/app-2/';
  const { keys } = await listFolder(bucket, prefix);
  await page.goto(folderUrl(bucket, prefix));
  await flaggedToggle(page).click();

  const firstFlagged: string[] = [];
  for (const key of keys) {
    if (firstFlagged.length === 50) break;
    if ((await storedEncryption(bucket, key)).kind === 'NOT-SSE') firstFlagged.push(nameOf(key, prefix));
  }
  await expect.poll(() => shownNames(page)).toEqual(firstFlagged);
  // Only as many objects were read as it took to fill the page, not the whole listing.
  const checked = await page
    .getByText(/\d+ of 400 loaded objects checked/)
    .first()
    .textContent();
  expect(Number(checked!.match(/(\d+) of 400/)![1])).toBeLessThan(keys.length);
});

test('folders navigate by URL, and a folder of 1,500 keys pages past the first 1,000', async ({ page }) => {
  const bucket = DEMO_BUCKETS.legacy;
  const prefix = 'logs/app-1/';
  // Every table page reads 50 objects' encryption on its way: time in proportion to the 22 pages shown, each of
  // which can take 10 s on a busy machine.
  test.setTimeout(22 * 10_000);
  const { keys } = await listFolder(bucket, prefix);
  expect(keys.length).toBe(1500);

  await page.goto(folderUrl(bucket, ''));
  await page.getByRole('link', { name: 'logs/', exact: true }).click();
  await page.getByRole('link', { name: 'app-1/', exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('prefix') === prefix);
  await expect(page.getByRole('heading', { name: /Objects \(1000\+\)/ })).toBeVisible();
  await expect.poll(() => shownNames(page)).toEqual(keys.slice(0, 50).map((key) => nameOf(key, prefix)));

  // Page 21 starts with key 1,001: the console lists the second ListObjectsV2 page for it.
  for (let pageIndex = 2; pageIndex <= 21; pageIndex++) await page.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(() => shownNames(page)).toEqual(keys.slice(1000, 1050).map((key) => nameOf(key, prefix)));
  await expect(page.getByRole('heading', { name: /Objects \(1500\)/ })).toBeVisible();
  await expect(encryptionCell(page, nameOf(keys[1000], prefix))).toHaveText(/^(Not encrypted|SSE-S3)$/);

  await page.getByRole('button', { name: 'Page 30' }).click();
  await expect.poll(() => shownNames(page)).toEqual(keys.slice(1450).map((key) => nameOf(key, prefix)));
});

test('the prefix search lists the keys that start with the folder plus the typed text', async ({ page }) => {
  const bucket = DEMO_BUCKETS.legacy;
  const { keys } = await listFolder(bucket, 'logs/app-1/2019-07-0');
  await page.goto(folderUrl(bucket, 'logs/app-1/'));
  await page.getByRole('searchbox', { name: 'Find objects by prefix' }).fill('2019-07-0');
  await expect(page.getByRole('heading', { name: `Objects (${keys.length})` })).toBeVisible();
  await expect.poll(() => shownNames(page)).toEqual(keys.slice(0, 50).map((key) => nameOf(key, 'logs/app-1/')));
});

test('hostile keys are displayed literally, link to their exact key and show its encryption', async ({ page }) => {
  const bucket = DEMO_BUCKETS.mixed;
  for (const key of DEMO_HOSTILE_KEYS) {
    await page.goto(folderUrl(bucket, ''));
    const segments = key.split('/');
    const objectName = segments.pop()!;
    let prefix = '';
    for (const folder of segments) {
      await page.getByRole('link', { name: `${folder}/`, exact: true }).click();
      prefix += `${folder}/`;
      await expect(page).toHaveURL((url) => url.searchParams.get('prefix') === prefix);
    }
    const link = page.getByRole('rowheader').getByRole('link', { name: objectName, exact: true });
    expect((await link.textContent())?.trim()).toBe(objectName);
    const href = new URL((await link.getAttribute('href'))!, page.url());
    expect(href.searchParams.get('key')).toBe(key);
    // Its HeadObject went to the exact key too.
    await expect(encryptionCell(page, objectName)).toHaveText(expectedLabel(await storedEncryption(bucket, key), new Map()));
  }
});

test('a bucket whose CORS rules hide the headers shows "Cannot read" with the reason, never "Not encrypted"', async ({ page }) => {
  const bucket = DEMO_BUCKETS.hiddenHeaders;
  const prefix = 'exports/';
  const { keys } = await listFolder(bucket, prefix);
  const stored = await Promise.all(keys.map((key) => storedEncryption(bucket, key)));
  // The stack does hold unencrypted objects here: the browser just cannot see which.
  expect(stored.some((s) => s.kind === 'NOT-SSE')).toBe(true);
  await page.goto(folderUrl(bucket, prefix));

  await expect(page.getByText("This bucket's CORS rules hide the encryption headers from the console")).toBeVisible();
  for (const key of keys) await expect(encryptionCell(page, nameOf(key, prefix))).toHaveText('Cannot read');
  await expect(page.getByRole('table').getByText('Not encrypted')).toHaveCount(0);
  await expect(summaryValue(page, 'Cannot read')).toHaveText(String(keys.length));
  await expect(summaryValue(page, 'Not encrypted')).toHaveText('0');
  // Never "Not compliant 0" while some of them are unencrypted: their compliance is unknown, and said so.
  await expect(summaryValue(page, 'Compliance unknown')).toHaveText(String(keys.length));
  await expect(summaryValue(page, 'Not compliant')).toHaveText('0 known');
  await expect(summaryValue(page, 'Compliant')).toHaveText('0 known');
  await expect(page.getByText(`The compliance of ${keys.length} whose encryption cannot be read is unknown`)).toBeVisible();
  await showReason(encryptionCell(page, nameOf(keys[0], prefix)), "The bucket's CORS rules do not expose the encryption headers");

  await flaggedToggle(page).click();
  await expect(page.getByText(`No flagged objects among the ${keys.length} loaded objects.`)).toBeVisible();
});

test('the search for every flagged object retries a failed HeadObject, then counts and shows one that still fails, and never claims all are selected', async ({
  page,
}) => {
  const bucket = DEMO_BUCKETS.blocked;
  const prefix = 'contracts/';
  const keys = await keysUnder(bucket, prefix);
  const stored = new Map(await Promise.all(keys.map(async (key) => [key, (await storedEncryption(bucket, key)).kind] as const)));
  const unencrypted = keys.filter((key) => stored.get(key) === 'NOT-SSE');
  // An unencrypted object S3 refuses to describe, and one whose first HeadObject fails with a 500.
  expect(unencrypted.length).toBeGreaterThanOrEqual(3);
  const [denied, flakyOnce] = unencrypted;
  const objectPath = (key: string) => `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  let flakyAnswered = false;
  await page.route(
    (url) => url.port === String(E2E_STACK_PORT) && [objectPath(denied), objectPath(flakyOnce)].includes(url.pathname),
    (route) => {
      if (route.request().method() !== 'HEAD') return route.fallback();
      const corsHeaders = { 'access-control-allow-origin': '*' };
      if (new URL(route.request().url()).pathname === objectPath(denied)) return route.fulfill({ status: 403, headers: corsHeaders });
      if (flakyAnswered) return route.fallback();
      flakyAnswered = true;
      return route.fulfill({ status: 500, headers: corsHeaders });
    },
  );
  await page.goto(folderUrl(bucket, prefix));
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Select every flagged object under this folder' }).click();

  // The SSE-C object: without its key S3 answers 400, so its compliance is unknown.
  expect(keys.filter((key) => stored.get(key) === 'SSE-C')).toHaveLength(1);
  const status = page.getByText(`The flagged objects found under ${prefix} are selected:`);
  await expect(status).toHaveText(
    `The flagged objects found under ${prefix} are selected: ${keys.length} listed, ${keys.length - 1} checked, ${unencrypted.length - 1} flagged, ` +
      '1 of unknown compliance, 1 failed. One object could not be checked (HeadObject failed, retries included): whether it is flagged is not known. ' +
      'One object is of unknown compliance: its encryption cannot be read, so it is not selected.',
    { timeout: 30_000 },
  );
  expect(flakyAnswered).toBe(true);
  await expect(page.getByRole('listitem').filter({ hasText: `${denied}: Access denied` })).toBeVisible();
  await expect(page.getByText(`${unencrypted.length - 1} objects selected`)).toBeVisible();
});

test('a deep link to a folder reloads to the same folder, and back and forward move between folders', async ({ page }) => {
  const bucket = DEMO_BUCKETS.legacy;
  const { folders } = await listFolder(bucket, 'reports/finance/');
  const folderNames = folders.map((folder) => nameOf(folder, 'reports/finance/'));

  await page.goto(folderUrl(bucket, 'reports/finance/'));
  await expect.poll(() => shownNames(page)).toEqual(folderNames);
  await page.reload();
  await expect(page.getByText('Folder: reports/finance/')).toBeVisible();
  await expect.poll(() => shownNames(page)).toEqual(folderNames);

  await page.getByRole('link', { name: folderNames[0], exact: true }).click();
  await expect(page.getByText(`Folder: reports/finance/${folderNames[0]}`)).toBeVisible();
  await page.goBack();
  await expect(page.getByText('Folder: reports/finance/')).toBeVisible();
  await expect.poll(() => shownNames(page)).toEqual(folderNames);
  await page.goForward();
  await expect(page.getByText(`Folder: reports/finance/${folderNames[0]}`)).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'reports' }).click();
  await expect(page.getByText('Folder: reports/')).toBeVisible();
  await expect.poll(() => shownNames(page)).toEqual(['finance/']);
});

test('a folder that cannot be listed says why in place', async ({ page }) => {
  await page.goto(folderUrl('no-such-bucket-for-the-console', 'any/'));
  await expect(page.getByText('This folder cannot be listed')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Nothing to show: the folder could not be listed.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Buckets' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
});
