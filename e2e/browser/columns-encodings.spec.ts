// Columns and encodings the app was not told about (issue: the fix loop, item 5; docs/formats.md
// "Remembered columns", "Encodings"): a column-mapping step for required columns missing or named
// differently, remembered for that header in the plan JSON; no user key, no migration; the encoding
// chosen from names decoded with the likely ones.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, downloadText, freshApp, gotoStep, importPlan, pickLicense, repoRoot, samples, seat, shotBoth } from './helpers';

const ENCODINGS = path.join(repoRoot, 'test/fixtures/encodings');

/** The sample export as another system might name its columns: no New License / New Add-ons, Email and Current License renamed. */
function renamedSample(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = readFileSync(path.join(samples, 'sample-export.csv'), 'utf8').split('\r\n');
  const header = 'User ID,First Name,Last Name,Work Email,Title,Team,Plan Today,Add-ons Today';
  // Drop the last two (empty) cells of every row: the file has no New License / New Add-ons.
  const rows = lines.slice(1).map((l) => (l === '' ? l : l.replace(/,,$/, '')));
  return { name: 'other-system.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n')) };
}

async function pickExport(page: Page, file: Parameters<typeof chooseFile>[2]): Promise<void> {
  await chooseFile(page, () => page.getByTestId('pick-export').click(), file);
}

test('a file whose columns are named differently asks which column is which, remembers it in the plan, and the plan JSON carries it', async ({ page }) => {
  await freshApp(page);
  await pickExport(page, renamedSample());
  const step = page.getByTestId('column-mapping');
  await expect(step).toContainText('Which column is which in “other-system.csv”?');
  // User ID is found by name; Email, Current License and the two columns we fill are asked for.
  await expect(step.getByTestId('column-userId')).toHaveValue('User ID');
  await expect(step.locator('tr.asked')).toHaveCount(3);
  await step.getByTestId('column-email').selectOption('Work Email');
  await step.getByTestId('column-currentLicense').selectOption('Plan Today');
  await step.getByTestId('column-currentAddOns').selectOption('Add-ons Today');
  // One column cannot be two of ours.
  await step.getByTestId('column-newLicense').selectOption('Work Email');
  await expect(step.getByTestId('column-confirm')).toBeDisabled();
  await expect(step).toContainText('is chosen both as Email and as New License');
  await step.getByTestId('column-newLicense').selectOption({ index: 0 });
  await shotBoth(page, '1-open-column-mapping');
  await step.getByTestId('column-confirm').click();
  // A real file starts with an empty plan: the admin imports theirs (the remembered columns stay in it).
  await importPlan(page);

  await expect(page.getByTestId('current-license-counts')).toContainText('Optimize');
  await expect(page.getByTestId('current-addon-counts')).toContainText('Meet');
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, 3)).toHaveText('ava.smith@acme.example');
  await pickLicense(page, 0, 8, /^Engage/);
  await expect(seat(page, 'Engage')).toHaveText('1 / 40');

  // The plan carries the choice for this header.
  await gotoStep(page, 'overview');
  const exported = await downloadText(page, () => page.getByTestId('export-plan').click());
  const plan = JSON.parse(exported.text);
  expect(plan.columns).toEqual([
    { header: ['User ID', 'First Name', 'Last Name', 'Work Email', 'Title', 'Team', 'Plan Today', 'Add-ons Today'], userId: 'User ID', email: 'Work Email', currentLicense: 'Plan Today', currentAddOns: 'Add-ons Today', newLicense: null, newAddOns: null },
  ]);

  // The upload-ready file keeps every column and adds New License / New Add-ons at the end.
  await gotoStep(page, 'save');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  expect(saved.text.split('\r\n')[0]).toBe('User ID,First Name,Last Name,Work Email,Title,Team,Plan Today,Add-ons Today,New License,New Add-ons');
  expect(saved.text.split('\r\n')[1]).toBe('000000005000000,Ava,Smith,ava.smith@acme.example,Sales Ops Admin,"Sales, EMEA",Optimize,,Engage,');

  // Another session: the plan imported, the same file opens without asking.
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), { name: 'license-plan.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await pickExport(page, renamedSample());
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await expect(page.getByTestId('column-mapping')).toHaveCount(0);
  await expect(page.getByTestId('current-license-counts')).toContainText('Optimize');
});

test('a file without a user key does not open as a migration', async ({ page }) => {
  await freshApp(page);
  await pickExport(page, { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age,city\nAnn,34,Oslo\nBob,41,Lima\n') });
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible();
  await expect(step.getByTestId('column-confirm')).toBeDisabled();
  await expect(step.getByTestId('column-no-key')).toContainText('a file without a user key cannot be a migration');
  await step.getByTestId('column-cancel').click();
  await expect(page.getByTestId('dropzone')).toBeVisible();
  await expect(page.getByTestId('file-name')).toHaveCount(0);
  await expect(page.locator('[data-step="assign"]')).toBeDisabled();
});

test('an encoding the core cannot tell for sure: the names decoded with each likely encoding, the admin chooses', async ({ page }) => {
  await freshApp(page);
  await pickExport(page, path.join(ENCODINGS, 'gb18030-names.csv'));
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toContainText('could not be told for sure');
  const chooser = refusal.getByTestId('encoding-chooser');
  const gb = chooser.locator('label.encoding-option').filter({ hasText: 'gb18030' });
  await expect(gb).toContainText('王');
  await expect(chooser.locator('label.encoding-option').filter({ hasText: 'euc-jp' })).toBeVisible();
  await shotBoth(page, '1-open-encoding-chooser');
  await gb.getByTestId('encoding-option').check();
  await expect(chooser).toContainText('--encoding gb18030');
  await chooser.getByTestId('encoding-open').click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('as you chose');
  await gotoStep(page, 'assign');
  await expect(page.locator('.grid-host [col-id="name"]').filter({ hasText: '王' }).first()).toBeVisible();
});

test('a guessed encoding can be questioned: the admin chooses another, and the choices made so far are kept', async ({ page }) => {
  await freshApp(page);
  await pickExport(page, path.join(ENCODINGS, 'windows-1250-names.csv'));
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await importPlan(page);
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, 6, /^Engage/);
  await expect(seat(page, 'Engage')).toHaveText('1 / 40');
  const guessed = page.getByTestId('panel-findings').locator('[data-code="ENCODING_GUESSED"]');
  await expect(guessed).toContainText('Windows-1250');
  await guessed.getByTestId('choose-encoding').click();
  const ask = page.getByTestId('encoding-ask');
  await expect(ask.locator('label.encoding-option').filter({ hasText: 'windows-1250' })).toContainText('(read this way now)');
  await ask.getByTestId('encoding-other').selectOption('iso-8859-2');
  await ask.getByTestId('encoding-open').click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('ISO-8859-2');
  await expect(seat(page, 'Engage')).toHaveText('1 / 40');
});

test('a file validated against the original, read again in another encoding, is still checked against that original', async ({ page }) => {
  const file = path.join(ENCODINGS, 'windows-1250-names.csv');
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), file);
  await chooseFile(page, () => page.getByTestId('pick-original').click(), file);
  await page.getByTestId('validate').click();
  await expect(page.getByTestId('verdict')).toContainText('checked against the original export windows-1250-names.csv');
  await gotoStep(page, 'assign');
  await page.getByTestId('panel-findings').locator('[data-code="ENCODING_GUESSED"]').getByTestId('choose-encoding').click();
  const ask = page.getByTestId('encoding-ask');
  await ask.getByTestId('encoding-other').selectOption('iso-8859-2');
  await ask.getByTestId('encoding-open').click();
  // Back on Review, the original read again too (its bytes were kept for this).
  await expect(page.getByTestId('verdict')).toContainText('checked against the original export windows-1250-names.csv');
  await expect(page.getByTestId('notice')).toContainText('ISO-8859-2');
  await expect(page.getByTestId('refusal')).toHaveCount(0);
});
