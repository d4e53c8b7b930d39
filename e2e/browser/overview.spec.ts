// Overview: counts from the file beside the plan, the plan editable and exchangeable, "which user are you", the chart.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { chooseFile, downloadText, freshApp, gotoStep, openSample, pickLicense, realClient, seat } from './helpers';

test('edits the plan: seats, add, rename (holders kept), add-ons allowed, remove', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await expect(page.getByTestId('current-license-counts')).toContainText('24');
  await page.getByLabel('Engage seats').fill('30');
  await expect(seat(page, 'Engage')).toHaveText('0 / 30');
  await expect(page.locator('[data-bar="Engage"]')).toContainText('0 / 30');

  // assign a user Engage, then rename Engage → Engage Pro: the user keeps it
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, 8, /^Engage/);
  await expect(seat(page, 'Engage')).toHaveText('1 / 30');
  await gotoStep(page, 'overview');
  await page.getByLabel('License 1 name').fill('Engage Pro');
  await expect(seat(page, 'Engage Pro')).toHaveText('1 / 30');

  await page.getByTestId('add-license').click();
  await page.getByLabel('License 4 name').fill('Prospector');
  await page.getByLabel('Prospector seats').fill('5');
  await expect(seat(page, 'Prospector')).toHaveText('0 / 5');
  await page.getByLabel('Prospector allows add-ons').check();

  // an invalid plan is not applied and says why
  await page.getByLabel('Prospector seats').fill('-1');
  await expect(page.getByTestId('plan-problems')).toContainText('must be 0 or more');
  await expect(seat(page, 'Prospector')).toHaveText('0 / 5');
  await page.getByLabel('Prospector seats').fill('6');
  await expect(page.getByTestId('plan-problems')).toHaveCount(0);

  await page.getByRole('button', { name: 'Remove Prospector' }).click();
  await expect(seat(page, 'Prospector')).toHaveCount(0);

  const exported = await downloadText(page, () => page.getByTestId('export-plan').click());
  const plan = JSON.parse(exported.text);
  expect(plan.licenses.map((l: { name: string }) => l.name)).toEqual(['Engage Pro', 'Admin', 'Essentials']);
  expect(plan.licenses[0].seats).toBe(30);
});

test('imports a plan JSON and picks "which user are you" from the file', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await chooseFile(page, () => page.getByTestId('import-plan').click(), path.join(realClient, 'plan.json'));
  await expect(page.getByTestId('notice')).toContainText('Plan imported');
  await chooseFile(page, () => page.getByTestId('import-plan').click(), { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"licenses": []}') });
  await expect(page.getByTestId('plan-problems')).toContainText('at least one license');

  const me = page.getByLabel('Your email');
  await me.fill('ava.smith@acme.example');
  await me.press('Enter');
  await expect(page.getByTestId('me-status')).toContainText('Found: row 2');
  await expect(page.getByTestId('error-count')).toHaveText(/^[1-9]/); // SELF_UNLICENSED
  await expect(page.locator('#me-emails option').first()).toHaveAttribute('value', 'ava.smith@acme.example');
});
