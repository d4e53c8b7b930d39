// The grid as a migration view and the Map step (issue: the fix loop, items 1 and 2): identity pinned
// left, the four migration columns side by side at 1280×800, a remembered column chooser; one mapping
// table for the whole migration with carry-over, a live seat impact, one undoable step, kept in the plan;
// Review lists users who lose an add-on beside users who lose access.
import { expect, test, type Page } from '@playwright/test';
import { cell, chooseFile, downloadText, freshApp, gotoStep, mapInTable, openSample, pickLicense, seat, shotBoth } from './helpers';

const EMAIL = 3;
const LICENSE = 8;
const ADDONS = 9;

/** Header labels of the pinned-left part or the scrolling part of the grid, left to right. */
async function headers(page: Page, section: 'pinned-left' | 'center'): Promise<string[]> {
  const cells = await page.locator('.grid-host .ag-header-cell').evaluateAll((els) =>
    els.map((e) => ({ x: e.getBoundingClientRect().x, text: (e.querySelector('.ag-header-cell-text')?.textContent ?? '').trim(), pinned: e.closest('.ag-grid-pinned-left-cells') !== null })),
  );
  return cells
    .filter((c) => c.pinned === (section === 'pinned-left'))
    .sort((a, b) => a.x - b.x)
    .map((c) => c.text);
}

test('at 1280×800 the user stays pinned on the left and the four migration columns sit side by side, all on screen', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, EMAIL)).toBeVisible();
  expect(await headers(page, 'pinned-left')).toEqual(['', 'Row', 'Name', 'Email']);
  expect((await headers(page, 'center')).slice(0, 4)).toEqual(['Current License', 'Current Add-ons', 'New License', 'New Add-ons']);
  // Every one of them is inside the grid's visible width, the email readable, the problems panel open.
  const grid = (await page.locator('.grid-host').boundingBox())!;
  for (const column of ['name', String(EMAIL), '6', '7', String(LICENSE), String(ADDONS)]) {
    const box = (await cell(page, 0, column).boundingBox())!;
    expect(box.x + box.width, `column ${column}`).toBeLessThanOrEqual(grid.x + grid.width);
  }
  await expect(cell(page, 0, 'name')).toHaveText('Ava Smith');
  await expect(cell(page, 0, EMAIL)).toHaveText('ava.smith@acme.example');
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await shotBoth(page, '3-assign-migration-view');

  // Moving right by keyboard past the migration columns keeps the user's name in view.
  await cell(page, 0, LICENSE).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(cell(page, 0, 'name')).toBeInViewport();
  await expect(cell(page, 0, EMAIL)).toBeInViewport();
});

test('the column chooser hides and shows columns, and remembers the choice for the next file', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  const chooser = page.getByTestId('column-chooser');
  await chooser.locator('summary').click();
  await expect(chooser.getByLabel('New License')).toBeDisabled();
  await chooser.getByLabel('Current Add-ons').uncheck();
  await chooser.getByLabel('First Name').check();
  await chooser.locator('summary').click();
  await expect(page.locator('.grid-host .ag-header-cell[col-id="7"]')).toHaveCount(0);
  await expect(chooser.locator('summary')).toContainText('2 hidden');
  await shotBoth(page, '3-assign-columns-chosen');

  // Another session of the app, the same export: the choice is still there.
  await page.reload();
  await openSample(page);
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, EMAIL)).toBeVisible();
  await expect(page.locator('.grid-host .ag-header-cell[col-id="7"]')).toHaveCount(0);
  await expect(page.locator('.grid-host .ag-header-cell[col-id="1"]')).toHaveCount(1);
});

test('the mapping table lists every current license and add-on with its users, carries add-ons over, and applies as one step', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  // A cell the admin set first: the mapping never overwrites it unless asked.
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await expect(seat(page, 'Admin')).toHaveText('1 / 3');

  await gotoStep(page, 'map');
  const table = page.getByTestId('mapping-table');
  await expect(table.locator('tr[data-current]')).toHaveCount(4);
  await expect(table.locator('tr[data-current="Optimize"]')).toContainText('24');
  await expect(table.locator('tr[data-current="Standard"]')).toContainText('14');
  await expect(table.locator('tr[data-current="Engage Legacy"]')).toContainText('7');
  await expect(table.locator('tr[data-current=""]')).toContainText('(no license today)');
  await expect(page.getByTestId('mapping-addons').locator('tr[data-current-addon="Meet"]')).toContainText('17');
  await expect(page.getByTestId('mapping-addons').locator('tr[data-current-addon="Deal"]')).toContainText('same name in the plan');

  await mapInTable(page, 'Optimize', 'Engage', false);
  await mapInTable(page, 'Standard', 'Essentials', false);
  // Carry-over is on by default; 23 Optimize users are filled (the one set to Admin stays), 14 Standard.
  await expect(table.locator('tr[data-current="Optimize"] [data-testid="mapping-carry"]')).toBeChecked();
  await expect(table.locator('tr[data-current="Optimize"] [data-testid="mapping-changes"]')).toHaveText('23 users');
  await expect(table.locator('tr[data-current="Standard"] [data-testid="mapping-carry"]')).toBeDisabled();
  const impact = page.getByTestId('mapping-impact');
  await expect(impact.locator('[data-impact="Engage"]')).toContainText('23');
  await expect(impact.locator('[data-impact="Essentials"]')).toContainText('over by 6');
  // The 9 Optimize users who have Meet today keep it (the old "keep each user's add-ons" dropped it).
  await expect(impact.locator('[data-impact="Meet"]')).toContainText('9');
  await table.locator('tr[data-current="Standard"] [data-testid="mapping-license"]').selectOption('Engage');
  await expect(page.getByTestId('mapping-apply')).toHaveText('Apply to 37 users');
  await shotBoth(page, '2b-map-table');
  await page.getByTestId('mapping-apply').click();
  await expect(seat(page, 'Engage')).toHaveText('37 / 40');
  await expect(seat(page, 'Meet')).toHaveText('14 / 20');
  await expect(seat(page, 'Admin')).toHaveText('1 / 3');
  await expect(page.getByTestId('notice')).toContainText('applied to 37 users');

  // One step: undo takes the whole mapping back, and only it.
  await gotoStep(page, 'assign');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: map Optimize → Engage; Standard → Engage, 37 users/);
  await page.getByTestId('undo').click();
  await expect(seat(page, 'Engage')).toHaveText('0 / 40');
  await expect(seat(page, 'Admin')).toHaveText('1 / 3');
  await expect(cell(page, 0, LICENSE)).toHaveText('Admin');

  // "Also replace cells already filled": the admin's Admin becomes Engage too.
  await gotoStep(page, 'map');
  await page.getByTestId('mapping-overwrite').check();
  await expect(page.getByTestId('mapping-apply')).toHaveText('Apply to 38 users');
});

test('the mapping is saved in the plan JSON: exported, and imported again into another session', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapInTable(page, 'Optimize', 'Engage', false);
  await page.getByTestId('mapping-table').locator('tr[data-current="Optimize"]').getByLabel('Deal').check();
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Export the plan with this mapping…' }).click());
  const plan = JSON.parse(exported.text);
  expect(plan.mapping.licenses).toEqual([{ current: 'Optimize', license: 'Engage', addOns: ['Deal'], carryOver: true }]);

  await freshApp(page);
  await openSample(page);
  await chooseFile(page, () => page.getByTestId('import-plan').click(), { name: 'license-plan.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await gotoStep(page, 'map');
  const row = page.getByTestId('mapping-table').locator('tr[data-current="Optimize"]');
  await expect(row.getByTestId('mapping-license')).toHaveValue('Engage');
  await expect(row.getByLabel('Deal')).toBeChecked();
  // Editing the licenses on the Overview keeps the mapping (and follows a rename).
  await gotoStep(page, 'overview');
  await page.getByLabel('Engage seats').fill('45');
  await gotoStep(page, 'map');
  await expect(row.getByTestId('mapping-license')).toHaveValue('Engage');
  await page.getByTestId('mapping-apply').click();
  await expect(seat(page, 'Engage')).toHaveText('24 / 45');
  await expect(seat(page, 'Deal')).toHaveText('24 / 12');
});

test('Review lists users who lose an add-on beside users who lose access', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  // Essentials allows no add-ons: the Standard users who have Meet or Deal today lose them.
  await mapInTable(page, 'Standard', 'Essentials');
  await gotoStep(page, 'review');
  const addOnLosers = page.getByTestId('addon-losers');
  await expect(addOnLosers).toContainText('Users who lose an add-on (8)');
  await expect(addOnLosers.locator('li').first()).toContainText('loses Deal');
  await expect(page.getByTestId('losers')).toContainText('Users who lose access (31)');
  const losers = await page.getByTestId('losers').boundingBox();
  const lose = await addOnLosers.boundingBox();
  expect(Math.abs(lose!.y - losers!.y)).toBeLessThan(400);
  await shotBoth(page, '4-review-addon-losers');
  await addOnLosers.locator('li button').first().click();
  await expect(cell(page, 4, ADDONS)).toBeFocused();
});
