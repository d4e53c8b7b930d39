// The whole flow with the bundled sample, with screenshots of every step.
import { expect, test } from '@playwright/test';
import { cell, freshApp, gotoStep, openSample, seat, shotBoth } from './helpers';

test('the sample export walks through every step', async ({ page }) => {
  await freshApp(page);
  await shotBoth(page, '1-open');
  await openSample(page);
  await expect(page.getByTestId('file-name')).toContainText('sample-export.csv');
  await expect(page.getByTestId('current-license-counts')).toContainText('Optimize');
  await expect(page.getByTestId('seat-chart')).toBeVisible();
  await shotBoth(page, '2-overview');

  await gotoStep(page, 'assign');
  await expect(cell(page, 0, 3)).toBeVisible();
  await shotBoth(page, '3-assign');
  await cell(page, 0, 8).dblclick();
  await expect(page.getByTestId('license-editor')).toBeVisible();
  await shotBoth(page, '3-assign-editor');
  await page.getByTestId('license-editor').getByRole('option', { name: /^Engage/ }).click();
  await expect(cell(page, 0, 8)).toHaveText('Engage');
  await expect(seat(page, 'Engage')).toContainText('/ 40');

  await gotoStep(page, 'review');
  await expect(page.getByTestId('transition-matrix')).toBeVisible();
  await shotBoth(page, '4-review');
  await gotoStep(page, 'save');
  await expect(page.getByTestId('save-panel')).toBeVisible();
  await shotBoth(page, '5-save');
});
