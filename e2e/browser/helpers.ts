// Shared helpers for the browser specs: paths, opening files, reading downloads, screenshots.
import { expect, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const realClient = path.join(repoRoot, 'test/fixtures/real-client');
export const samples = path.join(repoRoot, 'resources/samples');
export const screenshots = path.join(repoRoot, 'screenshots');

/** A fresh app: saved progress from earlier tests cleared (IndexedDB, and edits kept while a page unloaded). */
export async function freshApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        localStorage.clear();
        const request = indexedDB.deleteDatabase('license-prep');
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(page.getByTestId('open-sample')).toBeVisible();
}

/** A real file starts with an empty plan: fill it the way an admin does, by importing a plan JSON (the sample's by default). */
export async function importPlan(page: Page, file: string = path.join(samples, 'sample-plan.json')): Promise<void> {
  await chooseFile(page, () => page.getByTestId('import-plan').click(), file);
  await expect(page.getByTestId('notice')).toContainText('Plan imported');
}

export async function openSample(page: Page): Promise<void> {
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
}

/** Pick a file through the platform's file input. */
export async function chooseFile(page: Page, trigger: () => Promise<void>, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await trigger();
  await (await chooser).setFiles(file);
}

export async function downloadText(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await trigger();
  const download: Download = await pending;
  const file = await download.path();
  const bytes = readFileSync(file);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

export async function gotoStep(page: Page, step: 'open' | 'overview' | 'map' | 'assign' | 'review' | 'save'): Promise<void> {
  await page.locator(`[data-step="${step}"]`).click();
}

/** The grid cell of a session row (0-based) and column index. */
export const cell = (page: Page, row: number, column: number | string) => page.locator(`.grid-host [role="row"][row-id="${row}"] [role="gridcell"][col-id="${column}"]`);

/** Choose a license for a grid cell through its editor (double-click, then the option named `name`). */
export async function pickLicense(page: Page, row: number, column: number, name: RegExp): Promise<void> {
  await cell(page, row, column).dblclick();
  await page.getByTestId('license-editor').getByRole('option', { name }).click();
}

export const seat = (page: Page, name: string) => page.locator(`[data-testid="seat-counters"] [data-seat="${name}"] .seat-count`);

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** Take the same screenshot in light and dark. */
export async function shotBoth(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** On the Map step, give everyone on `current` (as the mapping table lists it) the New License `license`, then apply. */
export async function mapInTable(page: Page, current: string, license: string, apply = true): Promise<void> {
  await gotoStep(page, 'map');
  await page.locator(`[data-testid="mapping-table"] tr[data-current="${current}"] [data-testid="mapping-license"]`).selectOption(license);
  if (apply) await page.getByTestId('mapping-apply').click();
}

/** The sample's Optimize users (24) mapped to Engage in the Map step, then back on Assign. */
export async function mapSampleOptimizeToEngage(page: Page): Promise<void> {
  await mapInTable(page, 'Optimize', 'Engage');
  await expect(seat(page, 'Engage')).toHaveText('24 / 40');
  await gotoStep(page, 'assign');
}

/** A file as the file chooser takes it: a path, or a name with its bytes. */
export type ChosenFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Validate `file` against the real-client original export (00) with the real-client plan, from a fresh app. */
export async function validateAgainstOriginal(page: Page, file: ChosenFile): Promise<void> {
  await freshApp(page);
  await chooseFile(page, () => page.getByTestId('validate-import-plan').click(), path.join(realClient, 'plan.json'));
  await chooseFile(page, () => page.getByTestId('pick-validate').click(), file);
  await chooseFile(page, () => page.getByTestId('pick-original').click(), path.join(realClient, '00-original-export.csv'));
  await page.getByTestId('validate').click();
  await expect(page.getByTestId('verdict')).toContainText('checked against the original export 00-original-export.csv');
}
