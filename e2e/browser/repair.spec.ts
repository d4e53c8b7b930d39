// Repairing a file edited elsewhere, and fixing many cells at once (issue: the fix loop, item 3; docs/rules.md
// "Repairing a file against the original", "Fixing many cells at once"): LibreOffice's re-save (fixture 03)
// restored from the original (00) per cell, per cause and all at once, then saved as the original's bytes
// with the edited New License / New Add-ons; "Did you mean …" per cell and for all like it; find & replace.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, downloadText, freshApp, gotoStep, mapInTable, openSample, realClient, seat, shotBoth, validateAgainstOriginal } from './helpers';

const ORIGINAL = path.join(realClient, '00-original-export.csv');
const LOCKED = '[data-code="LOCKED_COLUMN_CHANGED"]';


const errorCount = async (page: Page): Promise<number> => Number((await page.getByTestId('error-count').textContent())!.replace(/,/g, ''));

test('restores damaged cells from the original per cell, per cause and all at once, then saves the original export with the new licenses', async ({ page }) => {
  await validateAgainstOriginal(page, path.join(realClient, '03-lo-open-resave-csv-defaults.csv'));
  const panel = page.getByTestId('repair-panel');
  await expect(panel.locator('[data-repair="cause:leadingZeros"]')).toContainText('Leading zeros removed · 18 cells');
  await expect(panel.locator('[data-repair="cause:formulaEvaluated"]')).toContainText('1 cell');
  await shotBoth(page, '4-review-repair');
  expect(await errorCount(page)).toBe(25);

  // One cell: the Phone that lost its "+", from its finding.
  const phone = page.getByTestId('review-errors').locator(`${LOCKED}[data-row="3"]`).filter({ hasText: 'Phone changed' });
  await phone.getByTestId('repair-finding').click();
  await expect(page.getByTestId('error-count')).toHaveText('24');
  await expect(panel.locator('[data-repair="cause:plusDropped"]')).toHaveCount(0);

  // One cause: every "leading zeros removed".
  await panel.locator('[data-repair="cause:leadingZeros"] button').click();
  await expect(page.getByTestId('error-count')).toHaveText('6');
  await expect(page.getByTestId('notice')).toContainText('Restore 18 cells: leading zeros removed');

  // The rest at once; the grid shows the original values, marked as restored.
  await panel.getByTestId('repair-all').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await expect(page.getByTestId('repair-done')).toContainText('matches 00-original-export.csv outside New License and New Add-ons');
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, 3)).toBeVisible();
  await page.getByTestId('column-chooser').locator('summary').click();
  await page.getByTestId('column-chooser').getByLabel('User ID').check();
  await page.getByTestId('column-chooser').locator('summary').click();
  await page.getByTestId('search').fill('jose.mueller');
  await expect(cell(page, 0, 0)).toHaveText('005000000000001');
  await expect(cell(page, 0, 0)).toHaveClass(/cell-restored/);
  await page.getByTestId('search').fill('');

  // Each repair is one step: undo brings the last one back, redo repairs again.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: restore everything from the original export/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('error-count')).toHaveText('6');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');

  // The upload-ready file is the original export's bytes; only the edited add-ons cell is written canonically.
  await gotoStep(page, 'save');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  const original = readFileSync(ORIGINAL, 'utf8');
  expect(saved.text).toBe(original.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
});

test('a UTF-16 re-save with every cell quoted (fixture 05) is saved with the original quoting and encoding once repaired', async ({ page }) => {
  await validateAgainstOriginal(page, path.join(realClient, '05-lo-utf16le-bom-comma.csv'));
  await page.getByTestId('repair-panel').getByTestId('repair-all').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await gotoStep(page, 'save');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  expect([...saved.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  expect(saved.text).toBe(readFileSync(ORIGINAL, 'utf8').replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
});

test('"Did you mean …" fixes one cell, then "fix all N like this" the others, each one undoable step', async ({ page }) => {
  const typos = readFileSync(ORIGINAL, 'utf8')
    .replace('Sales Cloud,,,\n005000000000002', 'Sales Cloud,Salse Cloud,,\n005000000000002')
    .replace('Service Cloud,Sales Cloud,Add-on A;Add-on B', 'Service Cloud,Salse Cloud,Adon A;Add-on B')
    .replace(',,Sales Cloud,Add-on A,', ',,Salse Cloud,Adon A,');
  await validateAgainstOriginal(page, { name: 'typos.csv', mimeType: 'text/csv', buffer: Buffer.from(typos) });
  const errors = page.getByTestId('review-errors');
  await expect(errors.locator('[data-code="UNKNOWN_LICENSE"]')).toHaveCount(3);
  const first = errors.locator('[data-code="UNKNOWN_LICENSE"]').first();
  await expect(first.getByTestId('apply-suggestion')).toHaveText('Use “Sales Cloud”');
  await expect(first.getByTestId('apply-suggestion-all')).toHaveText('Fix all 3 like this');
  await first.getByTestId('apply-suggestion').click();
  await expect(errors.locator('[data-code="UNKNOWN_LICENSE"]')).toHaveCount(2);
  await shotBoth(page, '4-review-suggestions');
  await errors.locator('[data-code="UNKNOWN_LICENSE"]').first().getByTestId('apply-suggestion-all').click();
  await expect(errors.locator('[data-code="UNKNOWN_LICENSE"]')).toHaveCount(0);
  const addOn = errors.locator('[data-code="UNKNOWN_ADDON"]').first();
  await expect(addOn).toContainText('Did you mean "Add-on A"');
  await addOn.getByTestId('apply-suggestion-all').click();
  await expect(errors.locator('[data-code="UNKNOWN_ADDON"]')).toHaveCount(0);
  await expect(seat(page, 'Add-on A')).toHaveText('2 / 5');

  await gotoStep(page, 'assign');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: fix 2 cells: "Adon A" → "Add-on A"/);
  await page.getByTestId('undo').click();
  await expect(seat(page, 'Add-on A')).toHaveText('0 / 5');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: fix 2 cells: "Salse Cloud" → "Sales Cloud"/);
});

test('find & replace one add-on inside the lists, case-insensitive, with its preview and seat impact, as one step', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapInTable(page, 'Optimize', 'Engage');
  await expect(seat(page, 'Deal')).toHaveText('9 / 12');
  await expect(seat(page, 'Meet')).toHaveText('9 / 20');
  await gotoStep(page, 'assign');
  await page.getByTestId('find-replace').click();
  const dialog = page.getByTestId('replace-dialog');
  await dialog.getByTestId('replace-column').selectOption('addOns');
  await dialog.getByTestId('replace-match-addon').check();
  await dialog.getByTestId('replace-find').fill('DEAL');
  await dialog.getByTestId('replace-with').fill('Meet');
  await expect(dialog.getByTestId('replace-preview')).toHaveText('9 cells will change.');
  // Users with both keep one Meet: Meet grows by those who had Deal only.
  await expect(dialog.locator('[data-impact="Deal"]')).toContainText('0 (-9)');
  await expect(dialog.locator('[data-impact="Meet"]')).toContainText('(+');
  await dialog.getByTestId('replace-ignore-case').uncheck();
  await expect(dialog.getByTestId('replace-preview')).toHaveText('0 cells will change.');
  await expect(dialog.getByTestId('replace-apply')).toBeDisabled();
  await dialog.getByTestId('replace-ignore-case').check();
  await shotBoth(page, '3-assign-find-replace');
  await dialog.getByTestId('replace-apply').click();
  await expect(seat(page, 'Deal')).toHaveText('0 / 12');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: replace "DEAL" with "Meet" in New Add-ons, 9 cells/);
  await page.getByTestId('undo').click();
  await expect(seat(page, 'Deal')).toHaveText('9 / 12');

  // Whole cells: the empty New License of the selected rows only.
  await page.getByTestId('filter-current').selectOption('Standard');
  await page.getByTestId('select-shown').click();
  await page.getByTestId('filter-current').selectOption({ label: 'Any current license' });
  await page.getByTestId('find-replace').click();
  await dialog.getByTestId('replace-find').fill('');
  await dialog.getByTestId('replace-with').fill('Essentials');
  await expect(dialog.getByTestId('replace-preview')).toHaveText('28 cells will change (empty cells are filled).');
  await dialog.getByTestId('replace-selected').check();
  await expect(dialog.getByTestId('replace-preview')).toHaveText('14 cells will change (empty cells are filled).');
  await expect(dialog.locator('[data-impact="Essentials"]')).toContainText('over by 6');
  await dialog.getByTestId('replace-apply').click();
  await expect(seat(page, 'Essentials')).toHaveText('14 / 8');
});

test('a user the original lacks is left out (struck through, not written) and a user the file lost is put back', async ({ page }) => {
  const original = readFileSync(ORIGINAL, 'utf8');
  const edited = original
    .replace('005000000000010,Omar,Haddad,omar@example.com,0042,,2024-08-08,,Eng,12.50,,,,\n', '')
    .replace('005000000000011,Eve,Null', '005000000000099,New,Person,new.person@example.com,,,,,,,,Platform,,\n005000000000011,Eve,Null');
  await validateAgainstOriginal(page, { name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  const panel = page.getByTestId('repair-panel');
  await expect(panel.locator('[data-repair="newUsers"]')).toContainText('Users not in the original export · 1 row');
  await expect(panel.locator('[data-repair="removed"]')).toContainText('Users missing from this file · 1 user');
  await expect(seat(page, 'Platform')).toHaveText('2 / 6');
  await panel.locator('[data-repair="newUsers"] button').click();
  await expect(seat(page, 'Platform')).toHaveText('1 / 6');
  await panel.locator('[data-repair="removed"] button').click();
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await gotoStep(page, 'assign');
  await page.getByTestId('search').fill('new.person');
  await expect(page.locator('.grid-host [role="row"][row-id="9"]').first()).toHaveClass(/row-excluded/);
  await shotBoth(page, '3-assign-left-out');
  await page.getByTestId('search').fill('');
  await gotoStep(page, 'save');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  // The original, Omar back (with no new license, as in the file), the new person not written.
  expect(saved.text).toBe(original.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
});
