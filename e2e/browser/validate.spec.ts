// docs/rules.md "Against the original export": a file edited elsewhere, validated against the original export, gives the same
// findings as the core (what the CLI prints).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSession, findingsReportText, loadExport, parsePlanText, placedFindings } from '../../shared/index';
import { chooseFile, downloadText, freshApp, realClient, shotBoth } from './helpers';

function coreReport(file: string, original: string, planFile: string): string {
  const loaded = loadExport(new Uint8Array(readFileSync(file)));
  const originalLoaded = loadExport(new Uint8Array(readFileSync(original)));
  const plan = parsePlanText(readFileSync(planFile, 'utf8'));
  if (!loaded.ok || !originalLoaded.ok || !plan.ok) throw new Error('fixture did not load');
  return findingsReportText(placedFindings(createSession(loaded.value, plan.value, { original: originalLoaded.value, me: null })));
}

for (const name of ['03-lo-open-resave-csv-defaults.csv', '05-lo-utf16le-bom-comma.csv']) {
  test(`validating ${name} against the original gives the core's findings`, async ({ page }) => {
    const file = path.join(realClient, name);
    const original = path.join(realClient, '00-original-export.csv');
    const planFile = path.join(realClient, 'plan.json');
    await freshApp(page);
    await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), planFile);
    await chooseFile(page, () => page.getByTestId('pick-validate').click(), file);
    await chooseFile(page, () => page.getByTestId('pick-original').click(), original);
    await page.getByTestId('validate').click();
    await expect(page.getByTestId('verdict')).toContainText('Not ready to upload');
    await expect(page.getByTestId('verdict')).toContainText('checked against the original export 00-original-export.csv');
    await expect(page.getByTestId('review-errors')).toContainText('LOCKED_COLUMN_CHANGED');
    if (name.startsWith('03')) await shotBoth(page, '6-validate-review');

    const report = await downloadText(page, () => page.getByTestId('download-report').click());
    const expected = coreReport(file, original, planFile);
    expect(report.text.replace(/^\uFEFF/, '')).toBe(expected);
    const codes = (text: string) => [...text.matchAll(/^"[^"]*","[^"]*","[^"]*","(?:[^"]|"")*","([A-Z_]+)"/gm)].map((m) => m[1]);
    expect(codes(report.text.replace(/^\uFEFF/, ''))).toEqual(codes(expected));
  });
}
