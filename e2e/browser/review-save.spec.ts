// Review and Save (docs/formats.md "The error report"): the review (matrix, who loses access, findings linking to cells, both
// report forms) and the save, blocked while errors remain.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, downloadText, freshApp, gotoStep, mapSampleOptimizeToEngage, openSample, realClient, shotBoth } from './helpers';

test('review shows current → new counts, who loses access, and downloads both report forms', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapSampleOptimizeToEngage(page);
  await gotoStep(page, 'review');
  await expect(page.locator('[data-cell="Optimize→Engage"]')).toHaveText('24');
  await expect(page.locator('[data-cell="Standard→"]')).toHaveText('14');
  await expect(page.getByTestId('losers')).toContainText('Users who lose access (21)');

  const report = await downloadText(page, () => page.getByTestId('download-report').click());
  expect(report.name).toBe('sample-export-errors.csv');
  expect([...report.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = report.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('"Row","User","Column","Value","Code","Message","Suggestion"');
  expect(lines.filter((l) => l.includes('"LOSES_ACCESS"'))).toHaveLength(21);

  const annotated = await downloadText(page, () => page.getByTestId('download-annotated').click());
  expect(annotated.name).toBe('sample-export-annotated.csv');
  const header = annotated.text.replace(/^\uFEFF/, '').split('\r\n')[0];
  expect(header).toContain('"New License","New Add-ons","Errors","Warnings"');
  expect(annotated.text).toContain('"Engage"');

  // each finding links back to its cell
  await page.getByTestId('losers').getByRole('button').first().click();
  await expect(page.getByTestId('grid')).toBeVisible();
  await expect(page.locator('.grid-host .ag-cell-focus')).toHaveAttribute('col-id', '8');
});

test('save is blocked with the reason and where while errors remain, then writes the upload-ready file', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapSampleOptimizeToEngage(page);
  await gotoStep(page, 'overview');
  await page.getByLabel('Engage seats').fill('20');
  await expect(page.getByTestId('error-count')).toHaveText('1');
  await gotoStep(page, 'save');
  await expect(page.getByTestId('save-blocked')).toContainText('1 error remains');
  await expect(page.getByTestId('save-clean')).toBeDisabled();
  await expect(page.getByTestId('save-errors')).toContainText('SEATS_EXCEEDED');
  await expect(page.getByTestId('save-errors')).toContainText('24 users hold the "Engage" license but the plan has 20 seats');
  await shotBoth(page, '5-save-blocked');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('notice')).toContainText('Not saved: 1 error remains');

  await gotoStep(page, 'overview');
  await page.getByLabel('Engage seats').fill('40');
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await gotoStep(page, 'save');
  await expect(page.getByTestId('save-clean')).toBeEnabled();
  await shotBoth(page, '5-save-ready');
  const saved = await downloadText(page, () => page.getByTestId('save-clean').click());
  expect(saved.name).toBe('sample-export-upload-ready.csv');
  const rows = saved.text.split(/\r?\n/);
  expect(rows[0]).toBe('User ID,First Name,Last Name,Email,Title,Team,Current License,Current Add-ons,New License,New Add-ons');
  expect(rows[1]).toBe('000000005000000,Ava,Smith,ava.smith@acme.example,Sales Ops Admin,"Sales, EMEA",Optimize,,Engage,');
  await gotoStep(page, 'assign');
  await expect(cell(page, 0, 8)).toHaveText('Engage');
});

test('an error listed on Save takes the admin to its cell on the grid, focused and ready to edit; a locked cell offers its fix beside it', async ({ page }) => {
  const original = readFileSync(path.join(realClient, '00-original-export.csv'), 'utf8');
  const edited = original.replace('Sales Cloud,,,\n005000000000002', 'Sales Cloud,Salse Cloud,,\n005000000000002').replace('+15551234567', '15551234567');
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), path.join(realClient, 'plan.json'));
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), { name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await chooseFile(page, () => page.getByTestId('pick-original').click(), path.join(realClient, '00-original-export.csv'));
  await page.getByTestId('validate').click();
  await gotoStep(page, 'save');
  await expect(page.getByTestId('save-blocked')).toHaveText("2 errors remain: the platform's import would refuse this file. Each one is listed below: click it to go to its cell on the grid, or use the fix offered beside it.");
  const errors = page.getByTestId('save-errors');

  // The unknown license: its New License cell, focused; Enter edits it.
  await errors.locator('[data-code="UNKNOWN_LICENSE"] .finding-link').click();
  await expect(page.locator('[data-step="assign"]')).toHaveAttribute('aria-current', 'step');
  const license = cell(page, 0, 11);
  await expect(license).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('license-editor').getByRole('option', { name: /^Sales Cloud/ }).click();
  await expect(license).toHaveText('Sales Cloud');

  // The locked Phone cell cannot be edited: its link shows the cell, and its fix is beside it.
  await gotoStep(page, 'save');
  const phone = errors.locator('[data-code="LOCKED_COLUMN_CHANGED"]');
  await expect(phone.getByTestId('repair-finding')).toHaveText('Restore from the original');
  await phone.locator('.finding-link').click();
  await expect(cell(page, 1, 5)).toBeFocused();
  await gotoStep(page, 'save');
  await phone.getByTestId('repair-finding').click();
  await expect(page.getByTestId('save-clean')).toBeEnabled();
});
