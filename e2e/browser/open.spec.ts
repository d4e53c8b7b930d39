// Open (docs/formats.md "Files that are refused"): open by picking or dropping a CSV; a friendly screen for files that cannot be read.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseFile, freshApp, realClient, samples, shotBoth } from './helpers';

test('opens an export picked with the file chooser', async ({ page }) => {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(samples, 'sample-export.csv'));
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await expect(page.getByTestId('file-name')).toHaveText('sample-export.csv');
  await expect(page.getByTestId('current-license-counts')).toContainText('Optimize');
});

test('opens an export dropped on the window', async ({ page }) => {
  await freshApp(page);
  const text = readFileSync(path.join(samples, 'sample-export.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.getByTestId('dropzone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('file-name')).toHaveText('dropped.csv');
  await expect(page.getByTestId('seat-counters')).toBeVisible();
});

test('refuses an Excel workbook with the reason, and stays usable', async ({ page }) => {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(realClient, '01-lo-opened-saved-as.xlsx'));
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('01-lo-opened-saved-as.xlsx');
  await expect(refusal).toContainText('Excel workbook');
  await expect(refusal).toContainText('CSV UTF-8');
  await shotBoth(page, '1-open-refused-xlsx');
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
});

test('refuses an empty file and binary data', async ({ page }) => {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('refusal')).toContainText('empty');
  await expect(page.getByTestId('refusal')).toContainText('no header row');
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'noise.csv', mimeType: 'text/csv', buffer: Buffer.from([1, 2, 0, 3, 4, 5, 0, 0, 7]) });
  await expect(page.getByTestId('refusal')).toContainText('noise.csv');
  await expect(page.getByTestId('refusal')).toContainText('binary data');
});

test('shows progress while a large file loads', async ({ page }) => {
  await freshApp(page);
  const header = 'User ID,First Name,Last Name,Email,Title,Team,Current License,Current Add-ons,New License,New Add-ons\n';
  const rows: string[] = [];
  for (let i = 0; i < 60000; i++) rows.push(`${100000 + i},F${i},L${i},user${i}@acme.example,Rep,Team ${i % 7},Optimize,,,`);
  const buffer = Buffer.from(header + rows.join('\n') + '\n');
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'big.csv', mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('loading')).toBeVisible();
  await expect(page.getByTestId('plan-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('current-license-counts')).toContainText('60,000');
});
