// The finish an admin expects: a real file starts with an empty plan (the sample keeps its own), numbers with
// thousands separators and nouns that agree, plan problems in words, banners on their own step, long file
// names cut with an ellipsis, and after saving, what to do next on the platform and who loses something.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, downloadText, freshApp, gotoStep, importPlan, mapInTable, openSample, pickLicense, realClient, repoRoot, samples, seat, shotBoth } from './helpers';

const LICENSE = 8;

test('a real file starts with an empty plan, filled from the contract or imported; the sample keeps its sample plan', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await expect(page.getByTestId('plan-license')).toHaveCount(3);

  await gotoStep(page, 'open');
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(realClient, '00-original-export.csv'));
  await page.getByTestId('replace-dialog').getByRole('button', { name: /^Close it and open/ }).click();
  await expect(page.getByTestId('file-name')).toHaveText('00-original-export.csv');
  await expect(page.getByTestId('plan-license')).toHaveCount(0);
  await expect(page.getByTestId('plan-empty')).toContainText('Your plan is empty');
  // nothing is judged against a plan that does not exist yet
  await expect(page.getByTestId('plan-empty-chip')).toBeVisible();
  await expect(page.getByTestId('issue-counts')).toHaveCount(0);
  await expect(page.locator('.step-badge')).toHaveCount(0);
  await shotBoth(page, '2-overview-empty-plan');
  await gotoStep(page, 'save');
  await expect(page.getByTestId('save-blocked')).toContainText('The plan is empty');
  await expect(page.getByTestId('save-clean')).toBeDisabled();
  await gotoStep(page, 'overview');

  // filled by hand from the contract: one license is enough to start checking
  await page.getByTestId('add-license').click();
  await page.getByLabel('License 1 name').fill('Sales Cloud');
  await page.getByLabel('Sales Cloud seats').fill('6');
  await expect(seat(page, 'Sales Cloud')).toHaveText('2 / 6'); // two users already have it in the file
  await expect(page.getByTestId('issue-counts')).toBeVisible();
  // or imported
  await importPlan(page, path.join(realClient, 'plan.json'));
  await expect(page.getByTestId('plan-license')).toHaveCount(3);
  await expect(page.getByTestId('error-count')).toHaveText('0');
});

test('thousands separators everywhere, not clipped at 1280; nouns agree with their numbers', async ({ page }) => {
  await freshApp(page);
  const header = 'User ID,First Name,Last Name,Email,Title,Team,Current License,Current Add-ons,New License,New Add-ons\n';
  const rows: string[] = [];
  for (let i = 0; i < 50_001; i++) rows.push(`${100000 + i},F${i},L${i},user${i}@acme.example,Rep,Team ${i % 7},Optimize,,Engage,`);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(header + rows.join('\n') + '\n') });
  await expect(page.getByTestId('plan-editor')).toBeVisible({ timeout: 30_000 });
  await importPlan(page);
  await page.getByLabel('Engage seats').fill('80000');
  await expect(seat(page, 'Engage')).toHaveText('50,001 / 80,000');
  await gotoStep(page, 'review');
  const value = page.locator('[data-testid="seat-chart"] [data-bar="Engage"] .chart-value');
  await expect(value).toHaveText('50,001 / 80,000');
  // the figure ends inside the chart: nothing is cut off
  const inside = await value.evaluate((text) => {
    const svg = text.closest('svg')!;
    const box = (text as SVGTextElement).getBBox();
    return box.x + box.width <= svg.viewBox.baseVal.width;
  });
  expect(inside).toBe(true);
  await expect(page.getByTestId('verdict')).toContainText('50,001 users · 0 errors · 1 warning');
  await shotBoth(page, '4-review-50001');

  // one error, one user
  await gotoStep(page, 'overview');
  await page.getByLabel('Engage seats').fill('50000');
  await expect(page.getByTestId('issue-counts')).toHaveText('1 error · 1 warning');
  await gotoStep(page, 'save');
  await expect(page.getByTestId('save-blocked')).toContainText('1 error remains');
  await gotoStep(page, 'assign');
  await cell(page, 0, 3).click();
  await page.getByTestId('edit-selection').click();
  await expect(page.getByTestId('edit-selection-dialog')).toContainText('Edit license of 1 selected user');
  await expect(page.getByTestId('apply-selection')).toHaveText('Apply to 1 user');
  await page.keyboard.press('Escape');
});

test('plan problems are said in words, naming the license, not a path like licenses[1].seats', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await page.getByLabel('Admin seats').fill('4.5');
  await expect(page.getByTestId('plan-problems')).toContainText('License 2 ("Admin"): seats must be a whole number');
  await page.getByLabel('Admin seats').fill('3');
  await expect(page.getByTestId('plan-problems')).toHaveCount(0);
  await page.getByLabel('License 3 name').fill('Engage');
  await expect(page.getByTestId('plan-problems')).toContainText('License 3 ("Engage"): the name repeats the license "Engage"');
  await expect(page.getByTestId('plan-problems')).not.toContainText('licenses[');
});

test('a banner belongs to the step it was raised on', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await importPlan(page);
  await expect(page.getByTestId('notice')).toContainText('Plan imported');
  await gotoStep(page, 'assign');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await gotoStep(page, 'overview');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('long file names end in an ellipsis, with the whole name at hand', async ({ page }) => {
  await freshApp(page);
  const name = `license-export-of-all-active-users-downloaded-from-the-migration-wizard-on-a-monday-morning-before-the-meeting-${'x'.repeat(40)}.csv`;
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name, mimeType: 'text/csv', buffer: readFileSync(path.join(samples, 'sample-export.csv')) });
  const header = page.getByTestId('file-name');
  await expect(header).toHaveText(name);
  const cut = async (locator: ReturnType<Page['locator']>): Promise<{ ellipsis: boolean; cut: boolean }> =>
    locator.evaluate((el) => ({ ellipsis: getComputedStyle(el).textOverflow === 'ellipsis', cut: el.scrollWidth > el.clientWidth }));
  expect(await cut(header)).toEqual({ ellipsis: true, cut: true });
  await expect(page.locator('.file-name')).toHaveAttribute('title', name);
  await importPlan(page);
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  await page.reload();
  const saved = page.getByTestId('saved-name');
  await expect(saved).toHaveText(name);
  expect(await cut(saved)).toEqual({ ellipsis: true, cut: true });
  await expect(saved).toHaveAttribute('title', name);
  await shotBoth(page, '1-open-long-name');
});

test('after saving, the Save step says what to do next on the platform and repeats who loses access or an add-on', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  // Without carry-over, users who had Meet or Deal today lose it.
  await mapInTable(page, 'Optimize', 'Engage', false);
  await page.locator('[data-testid="mapping-table"] tr[data-current="Optimize"] [data-testid="mapping-carry"]').uncheck();
  await page.getByTestId('mapping-apply').click();
  await expect(seat(page, 'Engage')).toHaveText('24 / 40');
  await gotoStep(page, 'save');
  const losses = page.getByTestId('save-losses');
  await expect(losses.getByTestId('losses-access')).toContainText('21 users lose access');
  await expect(losses.getByTestId('losses-addon')).toContainText('users lose an add-on');
  await expect(losses.getByTestId('losses-addon').getByRole('button').first()).toContainText(/— loses (Meet|Deal)/);
  await expect(page.getByTestId('next-steps')).toHaveCount(0);

  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  expect(saved.name).toBe('sample-export-upload-ready.csv');
  const next = page.getByTestId('next-steps');
  await expect(next).toContainText('Saved. Next, on the platform');
  await expect(next).toContainText('Update Licenses');
  await expect(next).toContainText('Using CSV import and import sample-export-upload-ready.csv');
  await shotBoth(page, '5-save-next-steps');

  // a user who loses access links to their cell
  await losses.getByTestId('losses-access').getByRole('button').first().click();
  await expect(page.locator('.grid-host .ag-cell-focus')).toHaveAttribute('col-id', String(LICENSE));
  // an edit after saving: the saved file is out of date, and the Save step says so
  await page.keyboard.press('Enter');
  await page.getByTestId('license-editor').getByRole('option', { name: /^Essentials/ }).click();
  await gotoStep(page, 'save');
  await expect(page.getByTestId('upload-stale')).toContainText('save again');
});

test('the fix loop\'s banners stay on their step: mapping, find & replace, repair, the encoding read as chosen, and the Open step\'s own questions', async ({ page }) => {
  const notice = page.getByTestId('notice');
  await freshApp(page);
  await openSample(page);
  // The Map step's banner: not on Assign.
  await gotoStep(page, 'map');
  await page.locator('[data-testid="mapping-table"] tr[data-current="Optimize"] [data-testid="mapping-license"]').selectOption('Engage');
  await page.getByTestId('mapping-apply').click();
  await expect(notice).toContainText('The mapping was applied');
  await gotoStep(page, 'assign');
  await expect(notice).toHaveCount(0);
  // Find & replace's: not on Review.
  await page.getByTestId('find-replace').click();
  await page.getByTestId('replace-find').fill('');
  await page.getByTestId('replace-with').fill('Engage');
  await page.getByTestId('replace-apply').click();
  await expect(notice).toContainText('Replaced in');
  await gotoStep(page, 'review');
  await expect(notice).toHaveCount(0);

  // A repair's: not on Save.
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), path.join(realClient, 'plan.json'));
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), path.join(realClient, '03-lo-open-resave-csv-defaults.csv'));
  await chooseFile(page, () => page.getByTestId('pick-original').click(), path.join(realClient, '00-original-export.csv'));
  await page.getByTestId('validate').click();
  await page.getByTestId('repair-panel').locator('[data-repair="cause:leadingZeros"] button').click();
  await expect(notice).toContainText('Restore 18 cells');
  await gotoStep(page, 'save');
  await expect(notice).toHaveCount(0);

  // The encoding chooser asked from its finding, left for another step, is not asked again on Open; the encoding read as chosen is said on Overview only.
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(repoRoot, 'test/fixtures/encodings/windows-1250-names.csv'));
  await gotoStep(page, 'assign');
  await page.getByTestId('panel-findings').locator('[data-code="ENCODING_GUESSED"]').getByTestId('choose-encoding').click();
  await expect(page.getByTestId('encoding-ask')).toBeVisible();
  await gotoStep(page, 'assign');
  await gotoStep(page, 'open');
  await expect(page.getByTestId('encoding-ask')).toHaveCount(0);
  await expect(page.getByTestId('dropzone')).toBeVisible();
  await gotoStep(page, 'assign');
  await page.getByTestId('panel-findings').locator('[data-code="ENCODING_GUESSED"]').getByTestId('choose-encoding').click();
  await page.getByTestId('encoding-ask').getByTestId('encoding-other').selectOption('iso-8859-2');
  await page.getByTestId('encoding-ask').getByTestId('encoding-open').click();
  await expect(notice).toContainText('ISO-8859-2');
  await gotoStep(page, 'assign');
  await expect(notice).toHaveCount(0);

  // A refusal (here: an empty file) is the Open step's: gone once the admin goes back to the open migration.
  await gotoStep(page, 'open');
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await page.getByTestId('replace-dialog').getByRole('button', { name: /^Close it and open/ }).click();
  await expect(page.getByTestId('refusal')).toContainText('empty.csv');
  await gotoStep(page, 'assign');
  await gotoStep(page, 'open');
  await expect(page.getByTestId('refusal')).toHaveCount(0);
});
