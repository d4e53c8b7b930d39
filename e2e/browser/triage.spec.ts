// Triage by severity and rule (issue: the fix loop, item 4): filters with live counts per severity and per
// code, whole-file errors (SEATS_EXCEEDED) said above the grid and linked to the holders of that license,
// errors before warnings in the findings list and in the error report.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { chooseFile, downloadText, freshApp, gotoStep, mapInTable, openSample, realClient, shotBoth } from './helpers';

/** The number in an option's label ("Rows with errors (5)", "LOSES_ACCESS — 21 rows"). */
async function countIn(page: Page, testId: string, value: string): Promise<number> {
  const label = await page.getByTestId(testId).locator(`option[value="${value}"]`).textContent();
  const match = /\((\d[\d,]*)\)|— (\d[\d,]*)/.exec(label ?? '');
  return Number((match?.[1] ?? match?.[2] ?? 'NaN').replace(/,/g, ''));
}

const shown = async (page: Page): Promise<number> => Number((await page.getByTestId('shown-count').textContent())!.split(' of ')[0].replace(/,/g, ''));

test('filters rows by severity and by rule, each with its live count', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapInTable(page, 'Standard', 'Essentials');
  await gotoStep(page, 'assign');
  for (const severity of ['problems', 'errors', 'warnings']) {
    const expected = await countIn(page, 'filter-severity', severity);
    await page.getByTestId('filter-severity').selectOption(severity);
    await expect.poll(() => shown(page)).toBe(expected);
  }
  // Warnings only (no row error here) and "problems" hold the same rows; errors: none.
  expect(await countIn(page, 'filter-severity', 'errors')).toBe(0);
  await page.getByTestId('filter-severity').selectOption('');
  for (const code of ['LOSES_ACCESS', 'LOSES_ADDON']) {
    const expected = await countIn(page, 'filter-code', code);
    expect(expected).toBeGreaterThan(0);
    await page.getByTestId('filter-code').selectOption(code);
    await expect.poll(() => shown(page)).toBe(expected);
    await expect(page.getByTestId('panel-findings').locator('li.finding').first()).toHaveAttribute('data-code', code);
  }
  expect(await countIn(page, 'filter-code', 'LOSES_ADDON')).toBe(8);
  await page.getByTestId('filter-code').selectOption('LOSES_ACCESS');
  // The counts are live: an edit that fixes a row takes it out, and the count follows.
  const before = await countIn(page, 'filter-code', 'LOSES_ACCESS');
  await page.locator('.grid-host [role="row"][row-index="0"] [col-id="8"]').dblclick();
  await page.getByTestId('license-editor').getByRole('option', { name: /^Engage/ }).click();
  await expect.poll(() => countIn(page, 'filter-code', 'LOSES_ACCESS')).toBe(before - 1);
  await expect.poll(() => shown(page)).toBe(before - 1);
});

test('when the only errors are about the whole file (seats over the plan), they are said above the grid and link to the holders', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapInTable(page, 'Engage Legacy', 'Admin');
  await gotoStep(page, 'assign');
  await page.getByTestId('filter-severity').selectOption('errors');
  await expect(page.getByTestId('shown-count')).toHaveText('0 of 52 shown');
  const problems = page.getByTestId('file-problems');
  await expect(problems).toContainText('7 users hold the "Admin" license but the plan has 3 seats');
  await shotBoth(page, '3-assign-file-problems');
  await problems.getByTestId('show-holders').click();
  await expect(page.getByTestId('filter-holders')).toContainText('Holders of Admin');
  await expect(page.getByTestId('shown-count')).toHaveText('7 of 52 shown');
  await expect(page.getByTestId('filter-severity')).toHaveValue('');
  await page.getByTestId('filter-holders').click();
  await expect(page.getByTestId('shown-count')).toHaveText('52 of 52 shown');
  // The rule filter offers the same: SEATS_EXCEEDED shows the holders of every license over its seats.
  await mapInTable(page, 'Standard', 'Essentials');
  await gotoStep(page, 'assign');
  await page.getByTestId('filter-code').selectOption('SEATS_EXCEEDED');
  await expect(page.getByTestId('shown-count')).toHaveText('21 of 52 shown');
  // From the Review's list too.
  await gotoStep(page, 'review');
  await page.getByTestId('review-errors').locator('[data-code="SEATS_EXCEEDED"]').filter({ hasText: 'Essentials' }).getByTestId('show-holders').click();
  await expect(page.getByTestId('filter-holders')).toContainText('Holders of Essentials');
  await expect(page.getByTestId('shown-count')).toHaveText('14 of 52 shown');
});

test('errors come before warnings in the problems panel and in the error report', async ({ page }) => {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), path.join(realClient, 'plan.json'));
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), path.join(realClient, '03-lo-open-resave-csv-defaults.csv'));
  await chooseFile(page, () => page.getByTestId('pick-original').click(), path.join(realClient, '00-original-export.csv'));
  await page.getByTestId('validate').click();
  await gotoStep(page, 'assign');
  const severities = await page.getByTestId('panel-findings').locator('li.finding').evaluateAll((items) => items.map((li) => (li.classList.contains('error') ? 'error' : 'warning')));
  expect(severities.indexOf('warning')).toBe(severities.lastIndexOf('error') + 1);
  expect(severities.filter((s) => s === 'error')).toHaveLength(25);

  await gotoStep(page, 'review');
  const report = await downloadText(page, () => page.getByTestId('download-report').click());
  const codes = [...report.text.matchAll(/^"[^"]*","[^"]*","[^"]*","(?:[^"]|"")*","([A-Z_]+)"/gm)].map((m) => m[1]);
  const firstWarning = codes.findIndex((c) => ['SELF_UNKNOWN', 'LOSES_ACCESS', 'NORMALIZED', 'LOSES_ADDON', 'USER_REMOVED'].includes(c));
  expect(firstWarning).toBe(25);
  expect(codes.slice(0, 25).every((c) => c === 'LOCKED_COLUMN_CHANGED')).toBe(true);
});
