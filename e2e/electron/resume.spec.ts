// docs/formats.md "Saved progress": the desktop app end to end — open a fixture, assign, save, quit, relaunch, resume.
// Skipped (never passed) where no Electron binary exists; the reason is printed.
import { expect, test } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerOpenDialog, answerSaveDialog, launchApp, menuCommand, newUserDataDir, samples, skipReason } from './launch';

test.skip(skipReason !== null, skipReason ?? '');

const cell = (page: import('@playwright/test').Page, row: number, column: number) => page.locator(`.grid-host [role="row"][row-id="${row}"] [role="gridcell"][col-id="${column}"]`);

test('open, assign, save, quit, relaunch and resume', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'lp-e2e-work-'));
  const exportFile = path.join(work, 'sample-export.csv');
  copyFileSync(path.join(samples, 'sample-export.csv'), exportFile);
  const userData = newUserDataDir();

  const first = await launchApp(userData);
  await answerOpenDialog(first.app, exportFile);
  await first.page.getByTestId('pick-export').click();
  await expect(first.page.getByTestId('plan-editor')).toBeVisible();
  // A real file starts with an empty plan: the admin imports theirs.
  await answerOpenDialog(first.app, path.join(samples, 'sample-plan.json'));
  await first.page.getByTestId('import-plan').click();
  await expect(first.page.getByTestId('notice')).toContainText('Plan imported');

  await first.page.locator('[data-step="assign"]').click();
  await cell(first.page, 0, 8).dblclick();
  await first.page.getByTestId('license-editor').getByRole('option', { name: /^Engage/ }).click();
  await expect(cell(first.page, 0, 8)).toHaveText('Engage');

  const out = path.join(work, 'upload-ready.csv');
  await answerSaveDialog(first.app, out);
  await menuCommand(first.app, 'save');
  await expect.poll(() => existsSync(out)).toBe(true);
  expect(readFileSync(out, 'utf8')).toContain('Engage');
  expect(readFileSync(exportFile)).toEqual(readFileSync(path.join(samples, 'sample-export.csv')));

  await first.page.waitForTimeout(1500); // the renderer's ~1 s autosave debounce
  await first.app.close();

  const second = await launchApp(userData);
  await expect(second.page.getByText(/sample-export\.csv/)).toBeVisible();
  await answerOpenDialog(second.app, exportFile);
  await second.page.getByTestId('resume').first().click();
  await second.page.locator('[data-step="assign"]').click();
  await expect(cell(second.page, 0, 8)).toHaveText('Engage');
  await second.app.close();
});
