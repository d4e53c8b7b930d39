// Everyone can use it: no serious or critical axe-core violations on any step in either theme; focus goes back
// where the admin was after dialogs and step changes; marked cells say why to screen readers and on keyboard
// focus; counters and findings are announced politely; 200% zoom (640×400) hides nothing; the keyboard
// selects rows, opens bulk edit and moves through the add-ons editor.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, serious, type AxeViolation } from './axe';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, freshApp, gotoStep, openSample, pickLicense, realClient, repoRoot, samples, seat, shot, shotBoth } from './helpers';

const LICENSE = 8;
const ADDONS = 9;
/** Rules axe reported on the first version (issue "everyone can use it"): none of them may come back, whatever their impact. */
const NAMED = ['color-contrast', 'aria-dialog-name', 'page-has-heading-one', 'region', 'empty-table-header'];

const summary = (violations: readonly AxeViolation[]): string[] => violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(' | ')}`);

/** Check the page as it is now; returns what axe reported (any impact) for the table printed at the end. */
async function check(page: Page, where: string, results: Map<string, string[]>): Promise<void> {
  const violations = await axeViolations(page);
  results.set(where, violations.map((v) => `${v.id}/${v.impact}`));
  expect(summary(serious(violations)), `serious or critical violations on ${where}`).toEqual([]);
  expect(summary(violations.filter((v) => NAMED.includes(v.id))), `violations of the rules named in the issue on ${where}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any step, dialog or editor (${theme} theme)`, async ({ page }) => {
    const results = new Map<string, string[]>();
    await page.emulateMedia({ colorScheme: theme });
    await freshApp(page);
    await check(page, 'Open', results);
    await openSample(page);
    await check(page, 'Overview', results);
    await page.getByTestId('add-license').click();
    await expect(page.getByTestId('plan-problems')).toBeVisible();
    await check(page, 'Overview, plan with a problem', results);
    await page.getByRole('button', { name: 'Remove license 4' }).click();

    await gotoStep(page, 'assign');
    await expect(cell(page, 0, 'name')).toBeVisible();
    await check(page, 'Assign', results);
    await cell(page, 0, LICENSE).dblclick();
    await expect(page.getByTestId('license-editor')).toBeVisible();
    await check(page, 'Assign, New License editor', results);
    await page.keyboard.press('Escape');
    await cell(page, 0, ADDONS).dblclick();
    await expect(page.getByTestId('addons-editor')).toBeVisible();
    await check(page, 'Assign, New Add-ons editor', results);
    await page.keyboard.press('Escape');
    await cell(page, 1, 3).click();
    await page.getByTestId('edit-selection').click();
    await check(page, 'Assign, edit the selection', results);
    await page.getByTestId('bulk-license').selectOption('Engage');
    await page.getByTestId('apply-selection').click();

    await gotoStep(page, 'review');
    await check(page, 'Review', results);
    await gotoStep(page, 'overview');
    await page.getByLabel('Engage seats').fill('0');
    await gotoStep(page, 'save');
    await expect(page.getByTestId('save-blocked')).toBeVisible();
    await check(page, 'Save, blocked', results);
    await gotoStep(page, 'overview');
    await page.getByLabel('Engage seats').fill('40');
    await gotoStep(page, 'save');
    const download = page.waitForEvent('download');
    await page.getByTestId('save-clean').click();
    await download;
    await expect(page.getByTestId('next-steps')).toBeVisible();
    await check(page, 'Save, saved', results);
    await page.getByTestId('open-rules').click();
    await check(page, 'The migration rules', results);
    await page.keyboard.press('Escape');

    await gotoStep(page, 'open');
    await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(samples, 'sample-export.csv'));
    await expect(page.getByTestId('replace-dialog')).toBeVisible();
    await check(page, 'Open, with a migration open and a question asked', results);
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.getByTestId('saved-entry')).toHaveCount(1);
    await check(page, 'Open, with saved work', results);
    console.log(`axe (${theme} theme), every impact:\n${[...results].map(([where, found]) => `  ${where}: ${found.length === 0 ? 'none' : found.join(', ')}`).join('\n')}`);
  });
}

test('focus goes back where the admin was after a dialog, and to the new step\'s heading after a step change', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  // "Next" is gone with its step: the next step's heading has the focus, not <body>.
  await page.getByRole('button', { name: 'Next: assign licenses →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assign new licenses' })).toBeFocused();
  // Find & replace: closed by Escape, by Cancel or by applying, focus is back on its button.
  const replace = page.getByTestId('find-replace');
  await replace.click();
  await page.keyboard.press('Escape');
  await expect(replace).toBeFocused();
  await replace.click();
  await page.getByTestId('replace-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(replace).toBeFocused();
  await replace.click();
  await page.getByTestId('replace-find').fill('');
  await page.getByTestId('replace-with').fill('Engage');
  await page.getByTestId('replace-apply').click();
  await expect(replace).toBeFocused();
  // The column chooser: Escape closes it, focus back on its button.
  const chooser = page.getByTestId('column-chooser').locator('summary');
  await chooser.click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('column-chooser')).not.toHaveAttribute('open');
  await expect(chooser).toBeFocused();
  await page.getByRole('button', { name: 'Next: review →' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByTestId('open-rules').click();
  await page.getByTestId('rules-close').click();
  await expect(page.getByTestId('open-rules')).toBeFocused();
  // a question that removes its opener: focus lands on the next row's button, not <body>
  await gotoStep(page, 'overview');
  await page.getByRole('button', { name: 'Remove Engage' }).click();
  await page.getByTestId('remove-dialog').getByRole('button', { name: 'Remove Engage' }).click();
  await expect(page.getByRole('button', { name: 'Remove Admin' })).toBeFocused();
});

test('a marked cell carries its findings as its accessible description and shows them on keyboard focus', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  const marked = cell(page, 0, LICENSE);
  await expect(marked).toHaveClass(/cell-warning/);
  const tip = page.getByTestId('cell-focus-tooltip');
  await cell(page, 1, LICENSE).click();
  await expect(tip).toHaveCount(0); // a click: the mouse has the grid's hover tooltip
  await expect(cell(page, 1, LICENSE)).toHaveAccessibleDescription(/^Warning: /);
  // keyboard: the focused cell says why it is marked, to a screen reader and on screen
  await page.keyboard.press('ArrowUp');
  await expect(marked).toBeFocused();
  await expect(marked).toHaveAccessibleDescription(/^Warning: This user has "Optimize" today but no New License/);
  await expect(marked).toHaveText('');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(/^Warning: This user has "Optimize" today/);
  await shot(page, 'a11y-focus-tooltip');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 0, ADDONS)).toBeFocused();
  await expect(cell(page, 0, ADDONS)).toHaveAccessibleDescription('');
  await expect(tip).toHaveCount(0);
  // the editor popup is named, shows the findings itself, and no tooltip covers it
  await page.keyboard.press('ArrowLeft');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('license-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'New License of row 2' })).toBeVisible();
  await expect(editor.getByTestId('editor-findings')).toContainText('no New License');
  await expect(tip).toHaveCount(0);
  // hovering another marked cell while editing: the grid makes its tooltip, which stays hidden
  const other = cell(page, 10, LICENSE);
  await expect(other).toHaveClass(/cell-warning/);
  await other.hover();
  await expect(page.locator('.ag-tooltip')).toBeAttached();
  await expect(page.locator('.ag-tooltip')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  // and once the editor is closed, hovering shows it
  await cell(page, 12, LICENSE).hover();
  await expect(page.locator('.ag-tooltip').first()).toBeVisible();
});

test('seat counters and finding counts are announced in a polite live region after an edit', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  const live = page.getByTestId('live-region');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await expect(seat(page, 'Admin')).toHaveText('1 / 3');
  await expect(live).toHaveText('Admin 1 of 3 seats; 0 errors, 45 warnings.');
  await gotoStep(page, 'overview');
  await page.getByLabel('Admin seats').fill('0');
  await expect(live).toHaveText('Admin 1 of 0 seats, 1 over; 1 error, 45 warnings.');
});

test('at 200% zoom (640×400) nothing overflows, the step bar fits, "Next" covers nothing, and axe finds nothing serious', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await freshApp(page);
  const results = new Map<string, string[]>();
  const noSideways = async (where: string): Promise<void> => {
    await check(page, `${where} at 200%`, results);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
    for (const step of await page.locator('.stepbar .step').all()) {
      const box = (await step.boundingBox())!;
      expect(box.x + box.width, `${where}: a step of the step bar is cut off`).toBeLessThanOrEqual(640);
    }
  };
  await noSideways('Open');
  await shotBoth(page, 'zoom200-1-open');
  await openSample(page);
  await noSideways('Overview');
  await shotBoth(page, 'zoom200-2-overview');
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, 'name')).toBeVisible();
  await noSideways('Assign');
  await shotBoth(page, 'zoom200-3-assign');
  const next = page.getByRole('button', { name: 'Next: review →' });
  await next.scrollIntoViewIfNeeded();
  const problems = page.getByTestId('findings-panel');
  const [a, b] = [(await next.boundingBox())!, (await problems.boundingBox())!];
  const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps, '"Next" covers the Problems panel').toBe(false);
  // the seat counters stay in sight while the page scrolls
  await expect(page.getByTestId('seat-counters')).toBeInViewport();
  await shotBoth(page, 'zoom200-3-assign-footer');
  await gotoStep(page, 'review');
  await noSideways('Review');
  await shotBoth(page, 'zoom200-4-review');
  await gotoStep(page, 'save');
  await noSideways('Save');
  await shotBoth(page, 'zoom200-5-save');
});

test('keyboard: Shift+Arrow extends the row selection, Ctrl+Enter opens bulk edit, Tab moves between add-ons', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  await cell(page, 2, 3).click();
  await expect(page.getByTestId('edit-selection')).toContainText('1 selected');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('edit-selection')).toContainText('3 selected');
  await expect(cell(page, 4, 3)).toBeFocused();
  await expect(page.getByTestId('live-region')).toContainText('3 rows selected');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.getByTestId('edit-selection')).toContainText('2 selected');
  for (const r of [2, 3]) await expect(cell(page, r, 'select').locator('input')).toBeChecked();
  await expect(cell(page, 4, 'select').locator('input')).not.toBeChecked();

  await page.keyboard.press('Control+Enter');
  const dialog = page.getByTestId('edit-selection-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Edit license of 2 selected users');
  await page.getByTestId('bulk-license').selectOption('Engage');
  await expect(dialog.getByTestId('apply-selection')).toHaveText('Apply to 2 users');
  await dialog.getByTestId('apply-selection').click();
  await expect(seat(page, 'Engage')).toHaveText('2 / 40');

  // Tab and Shift+Tab go round the add-ons and Apply, inside the editor
  await cell(page, 2, ADDONS).click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('addons-editor');
  await expect(editor.getByLabel('Meet')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor.getByLabel('Deal')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: 'Apply' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor.getByLabel('Meet')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(editor.getByRole('button', { name: 'Apply' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, ADDONS)).toHaveText('Deal');
  await expect(cell(page, 2, ADDONS)).toBeFocused();
});

/** The sample export as another system names its columns (Email and Current License renamed, no New License / New Add-ons): the column-mapping step asks. */
function renamedSample(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = readFileSync(path.join(samples, 'sample-export.csv'), 'utf8').split('\r\n');
  const rows = lines.slice(1).map((l) => (l === '' ? l : l.replace(/,,$/, '')));
  return { name: 'other-system.csv', mimeType: 'text/csv', buffer: Buffer.from(['User ID,First Name,Last Name,Work Email,Title,Team,Plan Today,Add-ons Today', ...rows].join('\r\n')) };
}

async function validate(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), path.join(realClient, 'plan.json'));
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), file);
  await chooseFile(page, () => page.getByTestId('pick-original').click(), path.join(realClient, '00-original-export.csv'));
  await page.getByTestId('validate').click();
  await expect(page.getByTestId('verdict')).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the fix loop's screens: Map, column chooser, find & replace, column mapping, encoding chooser, repair, "Did you mean" (${theme} theme)`, async ({ page }) => {
    const results = new Map<string, string[]>();
    await page.emulateMedia({ colorScheme: theme });
    await freshApp(page);
    await openSample(page);
    await gotoStep(page, 'map');
    await expect(page.getByTestId('mapping-table')).toBeVisible();
    await page.locator('[data-testid="mapping-table"] tr[data-current="Optimize"] [data-testid="mapping-license"]').selectOption('Engage');
    await check(page, 'Map, a license chosen', results);

    await gotoStep(page, 'assign');
    await expect(cell(page, 0, 'name')).toBeVisible();
    await page.getByTestId('column-chooser').locator('summary').click();
    await check(page, 'Assign, the column chooser open', results);
    await page.getByTestId('column-chooser').locator('summary').click();
    await page.getByTestId('find-replace').click();
    const dialog = page.getByTestId('replace-dialog');
    await dialog.getByTestId('replace-column').selectOption('addOns');
    await dialog.getByTestId('replace-find').fill('Meet');
    await dialog.getByTestId('replace-with').fill('Deal');
    await expect(dialog.getByTestId('replace-preview')).toContainText('will change');
    await check(page, 'Assign, find & replace with its preview', results);
    await page.keyboard.press('Escape');

    await freshApp(page);
    await chooseFile(page, () => page.getByTestId('pick-export').click(), renamedSample());
    await expect(page.getByTestId('column-mapping')).toBeVisible();
    await check(page, 'Open, the column-mapping step', results);

    await freshApp(page);
    await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(repoRoot, 'test/fixtures/encodings/gb18030-names.csv'));
    await expect(page.getByTestId('encoding-chooser')).toBeVisible();
    await check(page, 'Open, the encoding chooser', results);

    await validate(page, path.join(realClient, '03-lo-open-resave-csv-defaults.csv'));
    await expect(page.getByTestId('repair-panel')).toBeVisible();
    await check(page, 'Review, the repair panel (fixture 03 against 00)', results);

    const typos = readFileSync(path.join(realClient, '00-original-export.csv'), 'utf8').replace('Service Cloud,Sales Cloud,Add-on A;Add-on B', 'Service Cloud,Salse Cloud,Adon A;Add-on B').replace(',,Sales Cloud,Add-on A,', ',,Salse Cloud,Adon A,');
    await validate(page, { name: 'typos.csv', mimeType: 'text/csv', buffer: Buffer.from(typos) });
    await expect(page.getByTestId('apply-suggestion-all').first()).toBeVisible();
    await check(page, 'Review, "Did you mean" buttons', results);
    // A saved validation on the Open step, and the question for its original when it is continued.
    await page.getByTestId('apply-suggestion-all').first().click();
    await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
    await page.reload();
    await expect(page.getByTestId('saved-original')).toBeVisible();
    await check(page, 'Open, a saved validation', results);
    await chooseFile(page, () => page.getByTestId('resume').click(), { name: 'typos.csv', mimeType: 'text/csv', buffer: Buffer.from(typos) });
    await expect(page.getByTestId('original-dialog')).toBeVisible();
    await check(page, 'Open, the question for the original export', results);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('resume')).toBeFocused();
    console.log(`axe (${theme} theme), the fix loop, every impact:\n${[...results].map(([where, found]) => `  ${where}: ${found.length === 0 ? 'none' : found.join(', ')}`).join('\n')}`);
  });
}

test('after a repair or a "Did you mean" the keyboard goes on to the next one, not to <body>; undo names each repair', async ({ page }) => {
  await validate(page, path.join(realClient, '03-lo-open-resave-csv-defaults.csv'));
  const panel = page.getByTestId('repair-panel');
  const zeros = panel.locator('[data-repair="cause:leadingZeros"] button');
  await zeros.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-count')).toHaveText('7');
  // The group is gone with its button: the next group's button has the focus.
  await expect(panel.locator('[data-repair="cause:numberReformatted"] button')).toBeFocused();
  const first = page.getByTestId('review-errors').getByTestId('repair-finding').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-count')).toHaveText('6');
  // The finding is gone: the keyboard is on the one now in its place (its own repair button).
  await expect(first).toBeFocused();
  await expect(page.locator('body')).not.toBeFocused();
  await panel.getByTestId('repair-all').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await expect(panel.getByRole('heading', { name: 'Repair from the original export' })).toBeFocused();

  // Undo says what each step was, in the admin's words.
  await gotoStep(page, 'assign');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('notice')).toHaveText(/^Undid: restore everything from the original export/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('notice')).toHaveText(/^Undid: restore \S+ of row \d+ from the original/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('notice')).toHaveText(/^Undid: restore 18 cells: leading zeros removed/);
});
