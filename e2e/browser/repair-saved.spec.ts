// Repairs are saved work (docs/formats.md "Saved progress"): a file validated against the original export
// keeps its repairs (cells restored, rows left out, users put back) and its fixes ("Did you mean …",
// find & replace) across a reload, also one made just before it; resuming asks for both files, and an
// original that is not the one checked against never drops the saved repairs.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, downloadText, gotoStep, realClient, seat, validateAgainstOriginal, type ChosenFile } from './helpers';

const ORIGINAL = path.join(realClient, '00-original-export.csv');
const RESAVE = path.join(realClient, '03-lo-open-resave-csv-defaults.csv');
const LOCKED = '[data-code="LOCKED_COLUMN_CHANGED"]';


/** Continue the one saved migration: the file, then (asked in the app's dialog) the original export. */
async function resumeWith(page: Page, file: ChosenFile, original: ChosenFile = ORIGINAL): Promise<void> {
  await chooseFile(page, () => page.getByTestId('resume').click(), file);
  const dialog = page.getByTestId('original-dialog');
  await expect(dialog).toContainText('checked against the original export “00-original-export.csv”');
  await chooseFile(page, () => dialog.getByRole('button', { name: 'Choose “00-original-export.csv”…' }).click(), original);
}

test('cells restored from the original per cell and per cause survive a reload, and come back when both files are chosen again', async ({ page }) => {
  await validateAgainstOriginal(page, RESAVE);
  await expect(page.getByTestId('error-count')).toHaveText('25');
  const phone = page.getByTestId('review-errors').locator(`${LOCKED}[data-row="3"]`).filter({ hasText: 'Phone changed' });
  await phone.getByTestId('repair-finding').click();
  await page.getByTestId('repair-panel').locator('[data-repair="cause:leadingZeros"] button').click();
  await expect(page.getByTestId('error-count')).toHaveText('6');
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });

  await page.reload();
  const entry = page.getByTestId('saved-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('saved-original')).toHaveText('19 repairs · checked against 00-original-export.csv');
  await resumeWith(page, RESAVE);
  // Back on Review, as it was left: the 19 cells still restored, 6 errors to go.
  await expect(page.getByTestId('verdict')).toContainText('checked against the original export 00-original-export.csv');
  await expect(page.getByTestId('notice')).toContainText('Continued from your saved progress: 19 repairs against the original export restored.');
  await expect(page.getByTestId('error-count')).toHaveText('6');
  await expect(page.getByTestId('repair-panel').locator('[data-repair="cause:leadingZeros"]')).toHaveCount(0);

  // The rest, then the upload-ready file is the original's bytes, as without the reload.
  await page.getByTestId('repair-panel').getByTestId('repair-all').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await gotoStep(page, 'save');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  expect(saved.text).toBe(readFileSync(ORIGINAL, 'utf8').replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
});

test('a row left out, a user put back and a "Did you mean" made just before a reload are all kept', async ({ page }) => {
  const original = readFileSync(ORIGINAL, 'utf8');
  const edited = original
    .replace('005000000000010,Omar,Haddad,omar@example.com,0042,,2024-08-08,,Eng,12.50,,,,\n', '')
    .replace('005000000000011,Eve,Null', '005000000000099,New,Person,new.person@example.com,,,,,,,,Platform,,\n005000000000011,Eve,Null')
    .replace('Sales Cloud,,,\n005000000000002', 'Sales Cloud,Salse Cloud,,\n005000000000002');
  const file = { name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) };
  await validateAgainstOriginal(page, file);
  const panel = page.getByTestId('repair-panel');
  await panel.locator('[data-repair="newUsers"] button').click();
  await expect(seat(page, 'Platform')).toHaveText('1 / 6');
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  // The next two, then a reload at once: the regular save (a second later) has not run.
  await panel.locator('[data-repair="removed"] button').click();
  await page.getByTestId('review-errors').locator('[data-code="UNKNOWN_LICENSE"]').getByTestId('apply-suggestion').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await page.reload();

  await expect(page.getByTestId('saved-original')).toHaveText('2 repairs · checked against 00-original-export.csv');
  await expect(page.getByTestId('saved-meta')).toContainText('1 edit');
  await resumeWith(page, file);
  await expect(page.getByTestId('notice')).toContainText('Continued from your saved progress: 1 user and 2 repairs against the original export restored.');
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await expect(seat(page, 'Platform')).toHaveText('1 / 6');
  await gotoStep(page, 'assign');
  await page.getByTestId('search').fill('new.person');
  await expect(page.locator('.grid-host [role="row"][row-id="9"]').first()).toHaveClass(/row-excluded/);
  await page.getByTestId('search').fill('jose.mueller');
  await expect(cell(page, 0, 11)).toHaveText('Sales Cloud');
  await page.getByTestId('search').fill('');
  await gotoStep(page, 'save');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  expect(saved.text).toBe(original.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"').replace('Sales Cloud,,,\n005000000000002', 'Sales Cloud,Sales Cloud,,\n005000000000002'));
});

test('another original export never drops the saved repairs: the app says so, and the saved migration stays as it was', async ({ page }) => {
  await validateAgainstOriginal(page, RESAVE);
  await page.getByTestId('repair-panel').getByTestId('repair-all').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  await page.reload();

  await resumeWith(page, RESAVE, path.join(realClient, '04-lo-semicolon-separator.csv'));
  const mismatch = page.getByTestId('mismatch-dialog');
  await expect(mismatch).toContainText('the 25 repairs made from it would be lost');
  await expect(mismatch.getByRole('button', { name: /^Continue with/ })).toHaveCount(0);
  await mismatch.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('saved-original')).toHaveText('25 repairs · checked against 00-original-export.csv');

  // Keep both: the file opens as a new migration, without the repairs (said), and the saved one keeps them.
  await resumeWith(page, RESAVE, path.join(realClient, '04-lo-semicolon-separator.csv'));
  await mismatch.getByRole('button', { name: /^Keep both/ }).click();
  await expect(page.getByTestId('notice')).toContainText('The 25 repairs against the original export were made on other files and are not restored');
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  await gotoStep(page, 'open');
  await expect(page.getByTestId('saved-entry')).toHaveCount(2);
  await expect(page.getByTestId('saved-original').filter({ hasText: '25 repairs' })).toHaveCount(1);

  // The right original: everything is back.
  await page.reload();
  const saved = page.getByTestId('saved-entry').filter({ has: page.getByTestId('saved-original').filter({ hasText: '25 repairs' }) });
  await chooseFile(page, () => saved.getByTestId('resume').click(), RESAVE);
  await chooseFile(page, () => page.getByTestId('original-dialog').getByRole('button', { name: 'Choose “00-original-export.csv”…' }).click(), ORIGINAL);
  await expect(page.getByTestId('error-count')).toHaveText('0');
});
