// What an admin must never lose by accident: a misspelled value in an editor, a renamed license on
// undo, and a selection reaching rows a filter hides.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, freshApp, gotoStep, importPlan, pickLicense, samples, seat } from './helpers';

const LICENSE = 8;
const ADDONS = 9;

async function openWith(page: import('@playwright/test').Page, replace: (csv: string) => string): Promise<void> {
  await freshApp(page);
  const csv = replace(readFileSync(path.join(samples, 'sample-export.csv'), 'utf8'));
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'acme-users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await importPlan(page);
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, 3)).toBeVisible();
}

test('editors start from what a misspelled cell most likely means and never drop unknown add-ons silently', async ({ page }) => {
  await openWith(page, (csv) => csv.replace('Sales Ops Admin,"Sales, EMEA",Optimize,,,', 'Sales Ops Admin,"Sales, EMEA",Optimize,,Engag,"Meet, Dael"'));
  await expect(cell(page, 0, LICENSE)).toHaveText('Engag');
  await cell(page, 0, LICENSE).dblclick();
  await expect(page.getByTestId('license-editor').locator('[role="option"][aria-selected="true"]')).toContainText('Engage');
  await page.keyboard.press('Enter');
  await expect(cell(page, 0, LICENSE)).toHaveText('Engage');

  await cell(page, 0, ADDONS).dblclick();
  const editor = page.getByTestId('addons-editor');
  await expect(editor).toContainText('Dael');
  await expect(editor).toContainText('did you mean Deal?');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(cell(page, 0, ADDONS)).toHaveText('Meet, Dael');

  await cell(page, 0, ADDONS).dblclick();
  await page.getByTestId('addons-editor').getByRole('checkbox', { name: /^Dael/ }).uncheck();
  await page.getByTestId('addons-editor').getByRole('checkbox', { name: /^Deal/ }).check();
  await page.getByTestId('addons-editor').getByRole('button', { name: 'Apply' }).click();
  await expect(cell(page, 0, ADDONS)).toHaveText('Meet, Deal');
});

test('undo after renaming a license undoes the rename first, then the edits before it: never an unknown name', async ({ page }) => {
  await openWith(page, (csv) => csv);
  await pickLicense(page, 0, LICENSE, /^Engage/);
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await pickLicense(page, 1, LICENSE, /^Engage/);
  await gotoStep(page, 'overview');
  await page.getByLabel('License 1 name').fill('Engage Pro');
  await expect(seat(page, 'Engage Pro')).toHaveText('1 / 40');
  await gotoStep(page, 'assign');
  await expect(cell(page, 1, LICENSE)).toHaveText('Engage Pro');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('notice')).toHaveText(/Undid: rename license Engage → Engage Pro/);
  await expect(cell(page, 1, LICENSE)).toHaveText('Engage');
  await expect(seat(page, 'Engage')).toHaveText('1 / 40');
  await page.getByTestId('undo').click();
  await expect(cell(page, 1, LICENSE)).toHaveText('');
  await page.getByTestId('undo').click();
  await expect(cell(page, 0, LICENSE)).toHaveText('Engage');
  await expect(page.getByTestId('error-count')).toHaveText('0');
  // and forward again: the rename comes back with its holders
  for (let i = 0; i < 3; i++) await page.getByTestId('redo').click();
  await expect(cell(page, 1, LICENSE)).toHaveText('Engage Pro');
  await expect(cell(page, 0, LICENSE)).toHaveText('Admin');
  await expect(page.getByTestId('error-count')).toHaveText('0');
});

test('rows a filter hides leave the selection, so a bulk edit only reaches rows on screen', async ({ page }) => {
  await openWith(page, (csv) => csv);
  await page.getByTestId('select-shown').click();
  await expect(page.getByTestId('edit-selection')).toContainText('52 selected');
  await page.getByTestId('filter-current').selectOption('Optimize');
  await expect(page.getByTestId('edit-selection')).toContainText('24 selected');
});

test('removing a license users hold asks first in the app\'s own dialog, naming how many; no native confirm', async ({ page }) => {
  await openWith(page, (csv) => csv);
  const native: string[] = [];
  page.on('dialog', (dialog) => {
    native.push(dialog.message());
    void dialog.dismiss();
  });
  await pickLicense(page, 0, LICENSE, /^Essentials/);
  await gotoStep(page, 'overview');
  const remove = page.getByRole('button', { name: 'Remove Essentials' });
  await remove.click();
  const dialog = page.getByTestId('remove-dialog');
  await expect(dialog).toContainText('1 user holds the license “Essentials”');
  await dialog.getByTestId('question-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(seat(page, 'Essentials')).toHaveText('1 / 8');
  await remove.click();
  await page.getByTestId('remove-dialog').getByRole('button', { name: 'Remove Essentials' }).click();
  await expect(seat(page, 'Essentials')).toHaveCount(0);
  await expect(page.getByTestId('error-count')).toHaveText('1');
  expect(native).toEqual([]);
});

test('the review verdict calls out users who will lose access, even when ready to upload', async ({ page }) => {
  await openWith(page, (csv) => csv);
  await gotoStep(page, 'review');
  await expect(page.getByTestId('verdict-losers')).toContainText('45 users have a license today and none in the new plan');
});

test('Tab past the last cell of a row leaves the grid, so the keyboard is never trapped in it', async ({ page }) => {
  await openWith(page, (csv) => csv);
  // New Add-ons is followed by the other columns (User ID, Title, Team): Tab walks them, then leaves.
  await cell(page, 3, ADDONS).focus();
  const walked: (string | null)[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const colId = await page.evaluate(() => (document.activeElement?.closest('.grid-host') ? document.activeElement.getAttribute('col-id') : null));
    walked.push(colId);
    if (colId === null) break;
  }
  expect(walked).toEqual(['0', '4', '5', null]);
  await cell(page, 3, LICENSE).focus();
  await page.keyboard.press('Tab');
  await expect(cell(page, 3, ADDONS)).toBeFocused();
});

test('Ctrl+Shift+O goes to "validate a file edited elsewhere", ready to pick the file', async ({ page }) => {
  await openWith(page, (csv) => csv);
  await page.keyboard.press('Control+Shift+O');
  await expect(page.getByTestId('pick-validate')).toBeFocused();
});
