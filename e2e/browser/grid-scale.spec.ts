// The grid at scale keeps what an admin relies on — sorting by a header, a check box column
// with "select all shown", search in any case and script, named undo steps — now that rows, selection,
// filters and sort live in the store (infinite row model), and files arrive in chunks.
import { expect, test } from '@playwright/test';
import { cell, chooseFile, freshApp, gotoStep, importPlan, mapInTable, openSample, pickLicense, seat } from './helpers';

const LAST_NAME = 2;
const LICENSE = 8;

/** The grid row at display position `index` (its row-id is the session row). */
const rowAtIndex = (page: import('@playwright/test').Page, index: number) => page.locator(`.grid-host [role="row"][row-index="${index}"]`).first();

test.describe('the sample in the grid', () => {
  test.beforeEach(async ({ page }) => {
    await freshApp(page);
    await openSample(page);
    await gotoStep(page, 'assign');
    await expect(cell(page, 0, 3)).toBeVisible();
  });

  test('a header click sorts ascending, then descending, then back to file order; edits stay on their user', async ({ page }) => {
    const header = page.locator('.grid-host .ag-header-cell[col-id="name"]');
    await header.click();
    await expect(rowAtIndex(page, 0).locator('[col-id="name"]')).toHaveText('Anaïs Dubois');
    const id = await rowAtIndex(page, 0).getAttribute('row-id');
    await rowAtIndex(page, 0).locator(`[col-id="${LICENSE}"]`).dblclick();
    await page.getByTestId('license-editor').getByRole('option', { name: /^Admin/ }).click();
    await expect(cell(page, Number(id), LICENSE)).toHaveText('Admin');
    await header.click();
    await expect(rowAtIndex(page, 0).locator('[col-id="name"]')).toHaveText('Élodie Tanaka');
    await header.click();
    await expect(rowAtIndex(page, 0)).toHaveAttribute('row-id', '0');
    await page.getByTestId('search').fill('anaïs');
    await expect(cell(page, Number(id), LICENSE)).toHaveText('Admin');
    await page.getByTestId('search').fill('');
    // Sorting by a column the chooser shows (Last Name, part of Name until then) works the same.
    await page.getByTestId('column-chooser').locator('summary').click();
    await page.getByTestId('column-chooser').getByLabel('Last Name').check();
    await page.getByTestId('column-chooser').locator('summary').click();
    await page.locator(`.grid-host .ag-header-cell[col-id="${LAST_NAME}"]`).click();
    await expect(rowAtIndex(page, 0).locator(`[col-id="${LAST_NAME}"]`)).toHaveText('Andersson');
  });

  test('check boxes select rows; the header box selects every row shown, then clears', async ({ page }) => {
    await cell(page, 0, 'select').locator('input').click();
    await cell(page, 2, 'select').locator('input').click();
    await expect(page.getByTestId('edit-selection')).toContainText('2 selected');
    await expect(cell(page, 0, 'select').locator('input')).toBeChecked();
    await expect(cell(page, 1, 'select').locator('input')).not.toBeChecked();
    const header = page.getByTestId('select-all-header');
    await header.click();
    await expect(page.getByTestId('edit-selection')).toContainText('52 selected');
    await page.getByTestId('filter-current').selectOption('Standard');
    await expect(page.getByTestId('edit-selection')).toContainText('14 selected');
    await expect(header).toBeChecked();
    await header.click();
    await expect(page.getByTestId('edit-selection')).toBeDisabled();
    // Space on a row toggles it, as the grid's own selection did.
    await rowAtIndex(page, 0).locator('[col-id="3"]').click();
    await expect(page.getByTestId('edit-selection')).toContainText('1 selected');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('edit-selection')).toBeDisabled();
  });

  test('search finds any case and accents, and New License as edited rather than as in the file', async ({ page }) => {
    await page.getByTestId('search').fill('ÉLODIE T');
    await expect(page.getByTestId('shown-count')).toHaveText('0 of 52 shown'); // cells apart: "Élodie" and "Tanaka" are two
    await page.getByTestId('search').fill('élodie');
    await expect(page.getByTestId('shown-count')).toHaveText('2 of 52 shown');
    await page.getByTestId('search').fill('ÉLODIE');
    await expect(page.getByTestId('shown-count')).toHaveText('2 of 52 shown');
    await expect(rowAtIndex(page, 0)).toHaveAttribute('row-id', '15');
    await expect(rowAtIndex(page, 1)).toHaveAttribute('row-id', '45');
    await page.getByTestId('search').fill('essentials');
    await expect(page.getByTestId('shown-count')).toHaveText('0 of 52 shown');
    await page.getByTestId('search').fill('');
    await pickLicense(page, 4, LICENSE, /^Essentials/);
    await page.getByTestId('search').fill('essentials');
    await expect(page.getByTestId('shown-count')).toHaveText('1 of 52 shown');
    await expect(rowAtIndex(page, 0)).toHaveAttribute('row-id', '4');
  });

  test('undo and redo name the step they take', async ({ page }) => {
    await mapInTable(page, 'Optimize', 'Engage');
    await expect(seat(page, 'Engage')).toHaveText('24 / 40');
    await gotoStep(page, 'assign');
    await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: map Optimize → Engage, 24 users/);
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('redo')).toHaveAttribute('title', /Redo: map Optimize → Engage, 24 users/);
    // The mapping chosen in the table is part of the plan: its own step, before the one that applied it.
    await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: edit the mapping table/);
  });
});

test('a 60,000-user file: search, sort and "select all shown" reach users in every chunk the worker sent', async ({ page }) => {
  await freshApp(page);
  const header = 'User ID,First Name,Last Name,Email,Title,Team,Current License,Current Add-ons,New License,New Add-ons\n';
  const rows: string[] = [];
  for (let i = 0; i < 60000; i++) rows.push(`${100000 + i},F${i},L${i % 97},user${i}@acme.example,Rep ${i % 11},Team ${i % 7},${i % 3 ? 'Optimize' : 'Standard'},,,`);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(header + rows.join('\n') + '\n') });
  await expect(page.getByTestId('plan-editor')).toBeVisible({ timeout: 30_000 });
  await importPlan(page);
  await gotoStep(page, 'assign');
  await page.getByTestId('search').fill('USER59998@');
  await expect(page.getByTestId('shown-count')).toHaveText('1 of 60,000 shown');
  await expect(rowAtIndex(page, 0)).toHaveAttribute('row-id', '59998');
  await page.getByTestId('search').fill('');
  await page.locator('.grid-host .ag-header-cell[col-id="0"]').click();
  await page.locator('.grid-host .ag-header-cell[col-id="0"]').click();
  await expect(rowAtIndex(page, 0)).toHaveAttribute('row-id', '59999');
  await page.getByTestId('filter-current').selectOption('Standard');
  await expect(page.getByTestId('shown-count')).toHaveText('20,000 of 60,000 shown');
  await page.getByTestId('select-shown').click();
  await expect(page.getByTestId('edit-selection')).toContainText('20,000 selected');
  await page.getByTestId('edit-selection').click();
  await page.getByTestId('bulk-license').selectOption('Essentials');
  await page.getByTestId('apply-selection').click();
  await expect(seat(page, 'Essentials')).toHaveText('20,000 / 8');
});
