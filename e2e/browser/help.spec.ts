// Help > The Migration Rules (F1, or Rules in the header): the rules reference, inside the app, as text.
import { expect, test } from '@playwright/test';
import { freshApp, openSample, shotBoth } from './helpers';

test('the rules reference opens from the header and with F1, lists every code, filters by word, and closes', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('open-rules').click();
  const help = page.getByTestId('rules-help');
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: 'The Migration Rules', exact: true })).toHaveCount(1);
  for (const code of ['DUPLICATE_USER', 'NO_USER_KEY', 'LOSES_ADDON', 'SEATS_EXCEEDED', 'ENCODING_GUESSED']) {
    await expect(page.getByTestId('rules-body').getByRole('heading', { name: code, exact: true })).toHaveCount(1);
  }
  await page.getByTestId('rules-search').fill('LOSES_ADDON');
  await expect(page.getByTestId('rules-body').getByRole('heading', { name: 'LOSES_ADDON', exact: true })).toBeVisible();
  await expect(page.getByTestId('rules-body').getByRole('heading', { name: 'NO_USER_KEY', exact: true })).toHaveCount(0);
  await shotBoth(page, 'help-rules');
  // Escape clears the search box first (as search boxes do), then closes the dialog.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('rules-search')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await openSample(page);
  await page.keyboard.press('F1');
  await expect(page.getByTestId('rules-help')).toBeVisible();
  // The codes in the table link to their sections.
  await page.getByTestId('rules-body').getByRole('button', { name: 'LOSES_ADDON', exact: true }).first().click();
  await expect(page.getByTestId('rules-body').getByRole('heading', { name: 'LOSES_ADDON', exact: true })).toBeFocused();
  // Nothing in the document is markup: a heading is text, never HTML from the file.
  expect(await page.getByTestId('rules-body').locator('script, img, iframe, a[href]').count()).toBe(0);
  await page.getByTestId('rules-close').click();
  await expect(page.getByTestId('rules-help')).toHaveCount(0);
});
