import { describe, expect, it } from 'vitest';
import { CODE_ORDER, createSession, licenseChanges, loadExport, parsePlanText, SEVERITY } from '../../shared/index';
import { addOnOptions, collectFindings, licenseOptions, rowsWithCurrent, seatImpact, triageOf, usersLosingAccess } from './selectors';
import { computeView, NO_FILTERS } from './rowView';
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

describe('triage', () => {
  it('lists errors before warnings, and only one code when asked', () => {
    const s = sample();
    // Two rows over Admin's 3 seats (file-level) and an unknown license (row-level), among many warnings.
    s.applyChanges([...[0, 1, 2, 3].map((row) => ({ row, license: 'Admin' })), { row: 30, license: 'Engag' }]);
    const { items } = collectFindings(s, 1000);
    const firstWarning = items.findIndex((f) => SEVERITY[f.code] === 'warning');
    expect(items.slice(0, firstWarning).map((f) => f.code)).toEqual(['SEATS_EXCEEDED', 'UNKNOWN_LICENSE']);
    expect(items.slice(firstWarning).every((f) => SEVERITY[f.code] === 'warning')).toBe(true);
    expect(collectFindings(s, 1000, 'all', 'UNKNOWN_LICENSE').items.map((f) => f.record)).toEqual([30]);
    expect(collectFindings(s, 2, 'all')).toMatchObject({ more: true });
  });

  it('counts rows per severity and per code, file-level codes by their findings', () => {
    const s = sample();
    s.applyChanges([...[0, 1, 2, 3].map((row) => ({ row, license: 'Admin' })), { row: 30, license: 'Engag' }]);
    const triage = triageOf(s);
    expect(triage.errors).toBe(1);
    expect(triage.problems).toBe(triage.errors + triage.warnings);
    expect(triage.codes.find((c) => c.code === 'SEATS_EXCEEDED')).toEqual({ code: 'SEATS_EXCEEDED', count: 1, fileLevel: true });
    expect(triage.codes.find((c) => c.code === 'UNKNOWN_LICENSE')).toEqual({ code: 'UNKNOWN_LICENSE', count: 1, fileLevel: false });
    expect(triage.codes.map((c) => c.code)).toEqual(CODE_ORDER.filter((code) => triage.codes.some((c) => c.code === code)));
  });

  it('the rule filter SEATS_EXCEEDED shows the holders of every license over its seats; the holders filter one', async () => {
    const s = sample();
    s.applyChanges([...[0, 1, 2, 3].map((row) => ({ row, license: 'Admin' })), { row: 5, license: 'Engage', addOns: 'Meet' }]);
    const file = await loadInWorker(new TextEncoder().encode(sampleExport), { onStage: () => {} });
    if (!file.ok) throw new Error('sample did not load');
    const view = computeView(s, file.value.indexes, { ...NO_FILTERS, code: 'SEATS_EXCEEDED' }, []);
    expect([...view.order!]).toEqual([0, 1, 2, 3]);
    expect([...computeView(s, file.value.indexes, { ...NO_FILTERS, holders: { kind: 'addOn', index: 0, name: 'Meet' } }, []).order!]).toEqual([5]);
    expect(computeView(s, file.value.indexes, { ...NO_FILTERS, severity: 'errors' }, []).shown).toBe(0);
  });
});
