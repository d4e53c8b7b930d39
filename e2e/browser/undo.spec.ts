// Undo covers everything and says what it undid: plan edits (add, rename, seats, add-ons allowed, remove) and
// "which user are you" are steps of the same stack as cell edits, each named, shown and announced.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { cell, chooseFile, freshApp, gotoStep, mapSampleOptimizeToEngage, openSample, pickLicense, realClient, seat } from './helpers';

const LICENSE = 8;

/** Undo with Ctrl+Z where the admin is (outside a text field): the banner names the step. */
async function undoSays(page: Page, text: string): Promise<void> {
  await page.locator('h1').first().focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice')).toContainText(`Undid: ${text}`);
  await expect(page.getByTestId('live-region')).toContainText(`Undid: ${text}`);
}

test('removing a license is undone by the next undo, not the mapping before it', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await mapSampleOptimizeToEngage(page);
  await gotoStep(page, 'overview');
  await page.getByRole('button', { name: 'Remove Engage' }).click();
  await page.getByTestId('remove-dialog').getByRole('button', { name: 'Remove Engage' }).click();
  await expect(seat(page, 'Engage')).toHaveCount(0);
  await expect(page.getByTestId('error-count')).toHaveText('24');

  await undoSays(page, 'remove license Engage, held by 24 users');
  await expect(seat(page, 'Engage')).toHaveText('24 / 40');
  await expect(page.getByTestId('error-count')).toHaveText('0');
  await expect(page.getByTestId('plan-license')).toHaveCount(3);
  await undoSays(page, 'map Optimize → Engage, 24 users');
  await expect(seat(page, 'Engage')).toHaveText('0 / 40');
  // redo brings both back, in order
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('notice')).toContainText('Redid: map Optimize → Engage, 24 users');
  await page.keyboard.press('Control+Shift+z');
  await expect(seat(page, 'Engage')).toHaveCount(0);
});

test('every plan edit is one named undo step: add, rename, seats, add-ons allowed; typing in a field is one step', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  // seats, typed one key at a time, are one step
  const seats = page.getByLabel('Engage seats');
  await seats.fill('');
  await seats.pressSequentially('35');
  await expect(seat(page, 'Engage')).toHaveText('0 / 35');
  await page.getByLabel('Admin allows add-ons').uncheck();
  await page.getByTestId('add-license').click();
  await page.getByLabel('License 4 name').pressSequentially('Prospector');
  await page.getByLabel('Prospector seats').fill('5');
  await expect(seat(page, 'Prospector')).toHaveText('0 / 5');
  await page.getByLabel('License 1 name').fill('Engage Pro');
  await expect(seat(page, 'Engage Pro')).toHaveText('0 / 35');

  await undoSays(page, 'rename license Engage → Engage Pro');
  await expect(page.getByLabel('License 1 name')).toHaveValue('Engage');
  await undoSays(page, 'seats of Prospector: 0 → 5');
  await undoSays(page, 'add license Prospector (0 seats)');
  await expect(page.getByTestId('plan-license')).toHaveCount(3);
  await undoSays(page, 'Admin: no add-ons allowed');
  await expect(page.getByLabel('Admin allows add-ons')).toBeChecked();
  await undoSays(page, 'seats of Engage: 40 → 35');
  await expect(page.getByLabel('Engage seats')).toHaveValue('40');
  await expect(seat(page, 'Engage')).toHaveText('0 / 40');
  // the Assign step's buttons name the step they would take
  await page.keyboard.press('Control+Shift+z');
  await gotoStep(page, 'assign');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: seats of Engage: 40 → 35 (Ctrl+Z)');
  await expect(page.getByTestId('redo')).toHaveAttribute('title', 'Redo: Admin: no add-ons allowed (Ctrl+Shift+Z)');
});

test('"which user are you" and an imported plan are undone like any edit', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  const me = page.getByLabel('Your email');
  await me.fill('ava.smith@acme.example');
  await me.press('Enter');
  await expect(page.getByTestId('me-status')).toContainText('Found: row 2');
  await expect(page.getByTestId('error-count')).toHaveText('1'); // SELF_UNLICENSED
  await chooseFile(page, () => page.getByTestId('import-plan').click(), path.join(realClient, 'plan.json'));
  await expect(seat(page, 'Sales Cloud')).toHaveText('0 / 6');
  await undoSays(page, 'import the plan plan.json');
  await expect(seat(page, 'Engage')).toHaveText('0 / 40');
  await undoSays(page, 'set your email to ava.smith@acme.example');
  await expect(page.getByTestId('me-status')).toContainText('Not set yet');
  await expect(me).toHaveValue('');
  await expect(page.getByTestId('error-count')).toHaveText('0');
});

test('a cell edit undone by keyboard on the Assign step names the row and the value', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  await pickLicense(page, 2, LICENSE, /^Admin/);
  await expect(cell(page, 2, LICENSE)).toHaveText('Admin');
  await expect(cell(page, 2, LICENSE)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice')).toContainText('Undid: New License of row 4 → Admin');
  await expect(cell(page, 2, LICENSE)).toHaveText('');
  // the banner belongs to this step: it is gone on the next one
  await gotoStep(page, 'review');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await gotoStep(page, 'assign');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
