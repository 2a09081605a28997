import { expect, test } from '@playwright/test';
import { DEMO_BUCKET_NAMES } from '../emulator/seed/demo-constants';

test('the console signs in as a guest and reads every demo bucket through CORS', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Find and fix unencrypted S3 objects' })).toBeVisible();
  for (const name of DEMO_BUCKET_NAMES) {
    const row = page.getByRole('row', { name: new RegExp(`^${name}\\b`) });
    await expect(row).toContainText('us-east-1');
  }
});

test('a broken config.json shows which field is wrong instead of a blank page', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { region: 'nowhere' } }));
  await page.goto('/');
  await expect(page.getByText("The console's configuration (config.json) cannot be used")).toBeVisible();
  await expect(page.getByText('"region" must be an AWS region such as "us-east-1"')).toBeVisible();
});
