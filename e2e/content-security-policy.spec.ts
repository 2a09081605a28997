import { expect, test, type Page } from '@playwright/test';
import { DOCUMENT_POLICY, serializePolicy } from '../app/config/content-security-policy';
import { routeHref } from '../app/routing/routes';
import { DEMO_BUCKETS } from '../emulator/seed/demo-constants';
import { E2E_STACK_PORT } from './ports';
import { alice, signIn } from './sign-in';

const bucket = DEMO_BUCKETS.mixed;
/** The stack under another name: the same server, but not an origin config.json names. */
const UNLISTED_URL = `http://localhost:${E2E_STACK_PORT}/${bucket}`;

/** Every violation the page reports, as `directive blocked-uri`, kept in the page across navigations of the test. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => void violations.push(violation));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => report(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("the console runs under its Content-Security-Policy, which lets it connect only to config.json's services", async ({ page }) => {
  const violations = await recordViolations(page);
  await signIn(page, alice);

  await page.goto(routeHref({ page: 'objects', bucket, prefix: 'encryption/' }));
  await expect(page.getByRole('rowheader').getByRole('link', { name: 'not-sse.txt', exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select every object on this page' }).check();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit server-side encryption' }).click();
  await page.getByRole('radio', { name: 'SSE-KMS', exact: true }).check();
  await page.getByRole('button', { name: /Choose a KMS key/ }).click();
  await expect(page.getByRole('option', { name: /alias\/demo-finance/ })).toBeVisible();

  await page.goto(routeHref({ page: 'object', bucket, key: 'encryption/not-sse.txt' }));
  await expect(page.getByRole('heading', { name: 'Server-side encryption settings' })).toBeVisible();
  await page.goto(routeHref({ page: 'jobs' }));
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  await page.goto(routeHref({ page: 'buckets' }));
  await expect(page.getByRole('link', { name: bucket, exact: true })).toBeVisible();
  expect(violations).toEqual([]);

  const policies = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
  expect(policies).toEqual([serializePolicy(DOCUMENT_POLICY), `connect-src 'self' http://127.0.0.1:${E2E_STACK_PORT}`]);
  const unlisted = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => 'answered',
        (error: Error) => error.name,
      ),
    UNLISTED_URL,
  );
  expect(unlisted).toBe('TypeError');
  await expect.poll(() => violations).toContain(`connect-src ${UNLISTED_URL}`);
});
