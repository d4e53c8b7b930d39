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

test('while the Open step waits for a file, a hidden grid warms AG Grid up once and is removed: nobody can see, read or reach it', async ({ page }) => {
  // Record the warm-up grid when it appears (it may come and go between two polls).
  await page.addInitScript(() => {
    const seen: { ariaHidden: string | null; inert: boolean; visibility: string; left: number }[] = [];
    (window as unknown as { __warmUps: typeof seen }).__warmUps = seen;
    new MutationObserver(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="grid-warm-up"]');
      if (el && !el.dataset.seen && el.querySelector('.ag-root')) {
        el.dataset.seen = '1';
        seen.push({ ariaHidden: el.getAttribute('aria-hidden'), inert: el.inert, visibility: getComputedStyle(el).visibility, left: el.getBoundingClientRect().right });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await freshApp(page);
  await page.waitForFunction(() => (window as unknown as { __warmUps: unknown[] }).__warmUps.length > 0);
  await expect(page.getByTestId('grid-warm-up')).toHaveCount(0);
  const [warmUp] = await page.evaluate(() => (window as unknown as { __warmUps: { ariaHidden: string | null; inert: boolean; visibility: string; left: number }[] }).__warmUps);
  expect(warmUp).toEqual({ ariaHidden: 'true', inert: true, visibility: 'hidden', left: expect.any(Number) });
  expect(warmUp.left).toBeLessThanOrEqual(0);
  // opening a file shows the real grid, and no warm-up again
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(samples, 'sample-export.csv'));
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __warmUps: unknown[] }).__warmUps.length)).toBe(1);
});
