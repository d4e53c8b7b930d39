// Saved work is never lost (docs/formats.md "Saved progress"): every edit is saved, even one made just before
// a reload; a file that does not match never replaces a saved migration; the Open step lists saved
// migrations (file, date, users, edits), deletes one only when asked, and removes the oldest only with consent.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cell, chooseFile, freshApp, gotoStep, importPlan, openSample, pickLicense, realClient, samples, seat, shotBoth } from './helpers';

const LICENSE = 8;
const sampleBytes = (): Buffer => readFileSync(path.join(samples, 'sample-export.csv'));

test('the Open step lists saved migrations with file name, date, users and edits; the sample resumes without asking for a file', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await pickLicense(page, 1, LICENSE, /^Engage/);
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });

  await page.reload();
  const entry = page.getByTestId('saved-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('saved-name')).toHaveText('sample-export.csv');
  await expect(entry.getByTestId('saved-meta')).toHaveText(/^Saved \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M · 52 users, 2 assigned · 2 edits$/);
  await shotBoth(page, '1-open-resume');
  await entry.getByTestId('resume').click();
  await expect(page.getByTestId('notice')).toContainText('2 users restored');
  await expect(cell(page, 0, LICENSE)).toHaveText('Admin');
  await expect(cell(page, 1, LICENSE)).toHaveText('Engage');
  await expect(seat(page, 'Admin')).toHaveText('1 / 3');
});

test('a grid edit made just before a reload is kept (saved as the page unloads, not a second later)', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  // The next edit, then a reload at once: the regular save (a second after an edit) has not run yet.
  await pickLicense(page, 3, LICENSE, /^Engage/);
  await expect(seat(page, 'Engage')).toHaveText('1 / 40');
  await page.reload();
  await expect(page.getByTestId('saved-meta')).toContainText('2 edits');
  await page.getByTestId('resume').click();
  await expect(cell(page, 3, LICENSE)).toHaveText('Engage');
  await expect(cell(page, 0, LICENSE)).toHaveText('Admin');
});

test('a seat count changed just before a reload is kept, and so is the very first edit', async ({ page }) => {
  await freshApp(page);
  await openSample(page);
  await page.getByLabel('Engage seats').fill('42');
  await expect(seat(page, 'Engage')).toHaveText('0 / 42');
  // Nothing was saved yet: the edit exists only in the page.
  await expect(page.getByTestId('autosaved')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('resume').click();
  await expect(seat(page, 'Engage')).toHaveText('0 / 42');
  await gotoStep(page, 'overview');
  await expect(page.getByLabel('Engage seats')).toHaveValue('42');
});

/** 00-original-export.csv with the real client's plan and one edit, saved; then the page reloaded. */
async function savedRealMigration(page: Page): Promise<void> {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(realClient, '00-original-export.csv'));
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await importPlan(page, path.join(realClient, 'plan.json'));
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, 11, /^Sales Cloud/);
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  await page.reload();
  await expect(page.getByTestId('saved-entry')).toHaveCount(1);
}

test('continuing with a file that does not match says what does not match and never replaces the saved migration', async ({ page }) => {
  await savedRealMigration(page);
  const other = { name: 'other-export.csv', mimeType: 'text/csv', buffer: sampleBytes() };

  // Cancel: nothing opens, the saved migration is as it was.
  await chooseFile(page, () => page.getByTestId('resume').click(), other);
  const dialog = page.getByTestId('mismatch-dialog');
  await expect(dialog).toContainText('You chose “other-export.csv” to continue the migration of “00-original-export.csv”');
  await expect(dialog).toContainText('the one user with saved choices has no row in it');
  await expect(dialog).toContainText('The saved migration is kept as it is');
  // the safe way on is what Enter does
  await expect(dialog.getByRole('button', { name: 'Choose the file again…' })).toBeFocused();
  await shotBoth(page, '1-open-mismatch');
  await dialog.getByTestId('question-cancel').click();
  await expect(page.getByTestId('file-name')).toHaveCount(0);
  await expect(page.getByTestId('saved-entry')).toHaveCount(1);
  await expect(page.getByTestId('saved-name')).toHaveText('00-original-export.csv');

  // Keep both: the other file opens as a new migration; the saved one stays, both are listed.
  await chooseFile(page, () => page.getByTestId('resume').click(), other);
  await page.getByTestId('mismatch-dialog').getByRole('button', { name: /^Keep both/ }).click();
  await expect(page.getByTestId('file-name')).toHaveText('other-export.csv');
  await expect(page.getByTestId('notice')).toContainText('the saved migration is kept as it was');
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, LICENSE, /^Sales Cloud/);
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  await page.reload();
  await expect(page.getByTestId('saved-name')).toHaveText(['other-export.csv', '00-original-export.csv']);

  // Choose the file again: the right one resumes the saved work.
  const saved00 = page.getByTestId('saved-entry').filter({ hasText: '00-original-export.csv' });
  await chooseFile(page, () => saved00.getByTestId('resume').click(), other);
  await chooseFile(page, () => page.getByTestId('mismatch-dialog').getByRole('button', { name: 'Choose the file again…' }).click(), path.join(realClient, '00-original-export.csv'));
  await expect(page.getByTestId('notice')).toContainText('Continued from your saved progress: 1 user restored.');
  await expect(cell(page, 0, 11)).toHaveText('Sales Cloud');
});

test('the same users in a file that is not byte-for-byte the one saved: restored by key, with a note', async ({ page }) => {
  await freshApp(page);
  const original = sampleBytes();
  await chooseFile(page, () => page.getByTestId('pick-export').click(), { name: 'acme-users.csv', mimeType: 'text/csv', buffer: original });
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await importPlan(page);
  await gotoStep(page, 'assign');
  await pickLicense(page, 0, LICENSE, /^Admin/);
  await expect(page.getByTestId('autosaved')).toBeAttached({ timeout: 5000 });
  await page.reload();
  await expect(page.getByTestId('saved-meta')).toContainText('52 users, 1 assigned · 1 edit');
  const edited = original.toString('utf8').replace('Sales Ops Admin', 'Sales Ops Lead');
  await chooseFile(page, () => page.getByTestId('resume').click(), { name: 'acme-users.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await expect(page.getByTestId('notice')).toContainText('not byte-for-byte');
  await expect(cell(page, 0, LICENSE)).toHaveText('Admin');
});

test('deleting a saved migration is an explicit action, confirmed in the app\'s own dialog', async ({ page }) => {
  await savedRealMigration(page);
  const native: string[] = [];
  page.on('dialog', (d) => void (native.push(d.message()), d.dismiss()));
  const remove = page.getByTestId('delete-saved');
  await remove.click();
  const dialog = page.getByTestId('delete-saved-dialog');
  await expect(dialog).toContainText('Delete the saved migration of “00-original-export.csv”?');
  await expect(dialog).toContainText('12 users, 1 edit and your plan');
  // Cancel has the focus: Enter does not delete.
  await expect(dialog.getByTestId('question-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(page.getByTestId('saved-entry')).toHaveCount(1);
  await remove.click();
  await page.getByTestId('delete-saved-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('saved-entry')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('saved-work')).toContainText('No saved work yet');
  expect(native).toEqual([]);
});

test('saved migrations beyond the 20 offered are removed only when the admin agrees', async ({ page }) => {
  await savedRealMigration(page);
  // 22 more saved migrations, all older than the real one.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('license-prep', 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('progress', 'readwrite');
    const store = tx.objectStore('progress');
    const key = (await new Promise<IDBValidKey[]>((resolve) => {
      const r = store.getAllKeys();
      r.onsuccess = () => resolve(r.result);
    }))[0];
    const journal = await new Promise<{ source: { name: string }; updatedAt: string }>((resolve) => {
      const r = store.get(key);
      r.onsuccess = () => resolve(r.result);
    });
    for (let i = 0; i < 22; i++) {
      const day = String(i + 1).padStart(2, '0');
      store.put({ ...journal, source: { ...journal.source, name: `old-${day}.csv` }, updatedAt: `2024-01-${day}T00:00:00.000Z` }, `old-${day}-${'0'.repeat(16)}`);
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByTestId('saved-entry')).toHaveCount(20);
  const older = page.getByTestId('older-saved');
  await expect(older).toContainText('3 older saved migrations are not shown');
  await page.getByTestId('prune-older').click();
  const dialog = page.getByTestId('prune-dialog');
  await expect(dialog).toContainText('Remove 3 older saved migrations?');
  await expect(dialog).toContainText('old-01 (saved');
  await dialog.getByTestId('question-cancel').click();
  await page.reload();
  await expect(page.getByTestId('older-saved')).toContainText('3 older saved migrations');
  await page.getByTestId('prune-older').click();
  await page.getByTestId('prune-dialog').getByRole('button', { name: 'Remove 3 migrations' }).click();
  await expect(page.getByTestId('notice')).toContainText('3 older saved migrations removed.');
  await expect(page.getByTestId('older-saved')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('saved-entry')).toHaveCount(20);
  await expect(page.getByTestId('saved-name').first()).toHaveText('00-original-export.csv');
});

test('validating a file edited elsewhere never silently replaces the open migration, and keeps "which user are you"', async ({ page }) => {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('pick-export').click(), path.join(realClient, '00-original-export.csv'));
  await importPlan(page, path.join(realClient, 'plan.json'));
  const me = page.getByLabel('Your email');
  await me.fill('zoe.obrien@example.com');
  await me.press('Enter');
  await expect(page.getByTestId('me-status')).toContainText('Found: row 3');

  await gotoStep(page, 'open');
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), path.join(realClient, '03-lo-open-resave-csv-defaults.csv'));
  const validate = page.getByTestId('validate');
  await validate.click();
  const dialog = page.getByTestId('replace-dialog');
  await expect(dialog).toContainText('“00-original-export.csv” is open. Validating another file closes it; your progress on it is saved');
  await expect(dialog).toContainText('your email');
  await dialog.getByTestId('question-cancel').click();
  await expect(validate).toBeFocused();
  await expect(page.getByTestId('file-name')).toHaveText('00-original-export.csv');

  await validate.click();
  await page.getByTestId('replace-dialog').getByRole('button', { name: 'Close it and validate' }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(page.getByTestId('file-name')).toHaveText('03-lo-open-resave-csv-defaults.csv');
  await gotoStep(page, 'overview');
  await expect(page.getByTestId('me-status')).toContainText('Found: row 3');
  await expect(me).toHaveValue('zoe.obrien@example.com');
  // the migration it replaced is saved and offered
  await gotoStep(page, 'open');
  await expect(page.getByTestId('saved-name')).toContainText(['00-original-export.csv']);
});

test('edits kept while a page unloaded that cannot be read are dropped, and the app starts as usual', async ({ page }) => {
  await freshApp(page);
  await page.evaluate(() => {
    localStorage.setItem('license-prep:unsaved:broken-0000000000000000', '{"id": "broken", "journal": {"schemaVersion": 99');
    localStorage.setItem('license-prep:unsaved:other-0000000000000000', JSON.stringify({ id: 'other', journal: { schemaVersion: 1 } }));
  });
  await page.reload();
  await expect(page.getByTestId('saved-work')).toContainText('No saved work yet');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('license-prep:unsaved:')))).toEqual([]);
  await openSample(page);
  await expect(page.getByTestId('plan-license')).toHaveCount(3);
});

