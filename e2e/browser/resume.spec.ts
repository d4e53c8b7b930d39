// Never lose work: every edit autosaved to IndexedDB; after a reload the Open step offers to continue,
// the file is asked for again (the bundled sample is not), and the choices come back by user key.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, freshApp, gotoStep, openSample, samples, seat, shotBoth } from './helpers';

test('resumes the sample after a reload from IndexedDB without asking for a file', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  await cell(page, 0, 8).dblclick();
  await page.getByTestId('license-editor').getByRole('option', { name: /^Admin/ }).click();
  await cell(page, 1, 8).dblclick();
  await page.getByTestId('license-editor').getByRole('option', { name: /^Engage/ }).click();
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });

  await page.reload();
  const resume = page.getByTestId('resume');
  await expect(resume).toHaveText('Continue the migration of sample-export.csv, 2 of 52 users assigned');
  await shotBoth(page, '1-open-resume');
  await resume.click();
  await expect(page.getByTestId('notice')).toContainText('2 users restored');
  await expect(cell(page, 0, 8)).toHaveText('Admin');
  await expect(cell(page, 1, 8)).toHaveText('Engage');
  await expect(seat(page, 'Admin')).toHaveText('1 / 3');
});

test('resumes an export picked again, and notes when the file is not byte-for-byte the one saved', async ({ page }) => {
  await freshApp(page);
  const original = readFileSync(path.join(samples, 'sample-export.csv'));
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'acme-users.csv', mimeType: 'text/csv', buffer: original });
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await gotoStep(page, 'assign');
  await cell(page, 0, 8).dblclick();
  await page.getByTestId('license-editor').getByRole('option', { name: /^Admin/ }).click();
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });

  // the same users in a file that is not byte-for-byte the one saved: restored by key, with a note
  await page.reload();
  await expect(page.getByTestId('resume')).toHaveText('Continue the migration of acme-users.csv, 1 of 52 users assigned');
  const edited = original.toString('utf8').replace('Sales Ops Admin', 'Sales Ops Lead');
  await chooseFile(page, () => page.getByTestId('resume').click(), { name: 'acme-users.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await expect(page.getByTestId('notice')).toContainText('not byte-for-byte');
  await expect(cell(page, 0, 8)).toHaveText('Admin');
});
