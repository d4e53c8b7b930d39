import { describe, expect, it } from 'vitest';
import { createSession, licenseChanges, loadExport, parsePlanText } from '../../shared/index';
import { addOnOptions, collectFindings, licenseOptions, rowsWithCurrent, seatImpact, usersLosingAccess } from './selectors';
import { findingRow } from './findingPlace';
import { commandForKey } from '../platform/browser';
import { loadInWorker } from '../worker/loadClient';

import sampleExport from '../../resources/samples/sample-export.csv?raw';
import samplePlan from '../../resources/samples/sample-plan.json?raw';

function sample() {
  const loaded = loadExport(new TextEncoder().encode(sampleExport));
  const plan = parsePlanText(samplePlan);
  if (!loaded.ok || !plan.ok) throw new Error('sample did not load');
  return createSession(loaded.value, plan.value);
}

describe('selectors over the sample export', () => {
  it('offers plan licenses with seats left and disables a full one', () => {
    const s = sample();
    s.applyChanges([0, 1, 2].map((row) => ({ row, license: 'Admin' })));
    const options = licenseOptions(s, 5);
    expect(options.find((o) => o.name === 'Admin')).toMatchObject({ left: 0, disabled: true, note: 'full' });
    expect(licenseOptions(s, 0).find((o) => o.name === 'Admin')).toMatchObject({ disabled: false, note: 'current' });
  });

  it('offers add-ons only where the license allows them', () => {
    const s = sample();
    s.applyChanges([{ row: 0, license: 'Essentials' }]);
    const view = addOnOptions(s, 0, 'Essentials');
    expect(view.allowed).toBe(false);
    expect(view.reason).toContain('Essentials does not allow add-ons');
    expect(view.options.every((o) => o.disabled)).toBe(true);
    expect(addOnOptions(s, 1, '').reason).toContain('Choose a New License first');
  });

  it('maps by current license, dropping add-ons where none are allowed, with the seat impact', async () => {
    const s = sample();
    const file = await loadInWorker(new TextEncoder().encode(sampleExport), { onStage: () => {} });
    if (!file.ok) throw new Error('sample did not load');
    const rows = rowsWithCurrent(file.value.indexes, 'Optimize');
    expect(rows).toHaveLength(24);
    const changes = licenseChanges(s, rows, 'Essentials', { kind: 'keep' });
    expect(changes.every((c) => c.addOns === '')).toBe(true);
    const impact = seatImpact(s.seatUsage(), s.previewSeats(changes));
    expect(impact.find((i) => i.name === 'Essentials')).toMatchObject({ before: 0, after: 24, seats: 8 });
  });

  it('caps the findings list and finds each finding’s row and cell by its indexes', () => {
    const s = sample();
    const list = collectFindings(s, 10);
    expect(list.items).toHaveLength(10);
    expect(list.more).toBe(true);
    const onRow = list.items.find((f) => f.record !== null && f.record >= 0)!;
    expect(s.rowNumber(findingRow(s, onRow))).toBe(s.place(onRow).row);
    expect(findingRow(s, { ...onRow, record: null })).toBe(-1);
    expect(findingRow(s, { ...onRow, record: -1 })).toBe(-1);
    expect(usersLosingAccess(s, 5)).toMatchObject({ total: 45 });
  });
});

describe('browser shortcuts', () => {
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...extra });
  it('maps Ctrl+O/S/F/Z/Shift+Z/Y to menu commands, leaving text fields their own undo', () => {
    expect(commandForKey(key('o'), false)).toBe('open');
    expect(commandForKey(key('s'), true)).toBe('save');
    expect(commandForKey(key('f'), false)).toBe('find');
    expect(commandForKey(key('z'), false)).toBe('undo');
    expect(commandForKey(key('Z', { shiftKey: true }), false)).toBe('redo');
    expect(commandForKey(key('y'), false)).toBe('redo');
    expect(commandForKey(key('z'), true)).toBeNull();
    expect(commandForKey(key('z', { ctrlKey: false }), false)).toBeNull();
  });
});
