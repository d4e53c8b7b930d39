// The store never loses work and undoes everything (docs/formats.md "Saved progress"): plan edits and "which user
// are you" on the undo stack with cell edits; what is not durable yet handed over as the page unloads; a file
// that does not match never replaces a saved migration; another file never replaces the open one unasked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import sampleExport from '../../resources/samples/sample-export.csv?raw';
import type { Journal } from '../../shared/index';
import { choosePlatform } from '../platform/index';
import type { Platform, SavedProgressEntry } from '../platform/platform';
import { editLicense, goTo, notify, redo, setMe, undo, updatePlan } from './actions';
import { appStore, EMPTY_PLAN, initialState, SAMPLE_PLAN } from './appStore';
import { flushAutosave, keepUnsavedNow } from './autosave';
import { closeFile, openExport, openFile } from './fileActions';
import { nextStep } from './history';
import { answer } from './questions';
import { countsOf, planOf, sessionOf } from './reads';

const get = appStore.getState;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A platform that keeps saved progress in memory and records what it was asked. */
function memoryPlatform() {
  const saved = new Map<string, Journal>();
  const kept: { id: string; journal: Journal }[] = [];
  const forgotten: string[] = [];
  let failNext = false;
  const platform: Platform = {
    kind: 'browser',
    pickFile: async () => null,
    saveFile: async (r) => ({ ok: true, name: r.suggestedName }),
    listProgress: async (): Promise<SavedProgressEntry[]> => [...saved].map(([id, journal]) => ({ id, journal, note: null })),
    saveProgress: async (id, journal) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      saved.set(id, journal);
    },
    discardProgress: async (id) => void saved.delete(id),
    onMenuCommand: () => () => undefined,
    sha256: async (b) => String(b.byteLength).padStart(64, '0'),
    keepUnsavedProgress: (id, journal) => void kept.push({ id, journal }),
    forgetUnsavedProgress: (id) => void forgotten.push(id),
  };
  return { platform, saved, kept, forgotten, failSave: () => void (failNext = true) };
}

let memory: ReturnType<typeof memoryPlatform>;

async function openSample(): Promise<void> {
  const ok = await openExport({ name: 'sample-export.csv', bytes: bytes(sampleExport), handle: null }, { plan: SAMPLE_PLAN, sample: true });
  if (!ok) throw new Error('the sample did not open');
}

beforeEach(async () => {
  memory = memoryPlatform();
  choosePlatform(memory.platform);
  appStore.setState(initialState, true);
  await openSample();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('one undo stack for cells, the plan and "which user are you"', () => {
  it('undoes a license removal before the edit that came first, naming each step', () => {
    const session = sessionOf(get())!;
    editLicense(0, 'Essentials');
    updatePlan({ ...SAMPLE_PLAN, licenses: SAMPLE_PLAN.licenses.filter((l) => l.name !== 'Essentials') });
    expect(countsOf(get()).errors).toBe(1);
    expect(nextStep(get().history, 'undo')).toBe('remove license Essentials');
    undo();
    expect(planOf(get()).licenses.map((l) => l.name)).toEqual(['Engage', 'Admin', 'Essentials']);
    expect(session.licenseOf(0)).toBe('Essentials');
    expect(countsOf(get()).errors).toBe(0);
    expect(get().notice).toMatchObject({ tone: 'info', text: 'Undid: remove license Essentials', step: 'overview' });
    expect(get().announcement?.text).toBe('Undid: remove license Essentials');
    undo();
    expect(session.licenseOf(0)).toBe('');
    redo();
    redo();
    expect(planOf(get()).licenses).toHaveLength(2);
    expect(session.licenseOf(0)).toBe('Essentials');
  });

  it('a rename carries the holders over in the same step, and its undo takes them back', () => {
    const session = sessionOf(get())!;
    editLicense(0, 'Engage');
    const renamed = { ...SAMPLE_PLAN, licenses: SAMPLE_PLAN.licenses.map((l) => (l.name === 'Engage' ? { ...l, name: 'Engage Pro' } : l)) };
    updatePlan(renamed, [{ kind: 'license', from: 'Engage', to: 'Engage Pro' }]);
    expect(session.licenseOf(0)).toBe('Engage Pro');
    undo();
    expect(session.licenseOf(0)).toBe('Engage');
    expect(planOf(get()).licenses[0].name).toBe('Engage');
    expect(countsOf(get()).errors).toBe(0);
  });

  it('typing in one field is one step, named from before the first keystroke', () => {
    const seats = (n: number) => ({ ...SAMPLE_PLAN, licenses: SAMPLE_PLAN.licenses.map((l) => (l.name === 'Engage' ? { ...l, seats: n } : l)) });
    updatePlan(seats(3), [], { coalesce: 'license 0 seats#1' });
    updatePlan(seats(35), [], { coalesce: 'license 0 seats#1' });
    expect(get().history.undo).toHaveLength(1);
    expect(nextStep(get().history, 'undo')).toBe('seats of Engage: 40 → 35');
    updatePlan(seats(30), [], { coalesce: 'license 0 seats#2' });
    expect(get().history.undo).toHaveLength(2);
    undo();
    undo();
    expect(planOf(get()).licenses[0].seats).toBe(40);
  });

  it('"which user are you" is undone like an edit, with its findings', () => {
    setMe('ava.smith@acme.example');
    expect(countsOf(get()).errors).toBe(1); // SELF_UNLICENSED
    undo();
    expect(sessionOf(get())!.myEmail).toBeNull();
    expect(countsOf(get()).errors).toBe(0);
  });
});

describe('banners belong to their step', () => {
  it('a banner raised on a step is dropped when the admin moves to another; an app-wide one stays', () => {
    goTo('overview');
    notify({ tone: 'success', text: 'Plan imported.' });
    expect(get().notice?.step).toBe('overview');
    goTo('assign');
    expect(get().notice).toBeNull();
    notify({ tone: 'error', text: 'Progress could not be saved', step: 'app' });
    goTo('review');
    expect(get().notice?.text).toBe('Progress could not be saved');
  });
});

describe('saved progress', () => {
  it('as the page unloads, hands over the rows changed since the last durable save, then forgets them once saved', async () => {
    vi.useFakeTimers();
    editLicense(0, 'Admin');
    await vi.advanceTimersByTimeAsync(1000);
    const id = get().open!.progressId;
    expect(Object.keys(memory.saved.get(id)!.assignments)).toEqual(['id:000000005000000']);
    expect(memory.forgotten).toEqual([id]);
    editLicense(0, '');
    editLicense(3, 'Engage');
    keepUnsavedNow();
    expect(memory.kept).toHaveLength(1);
    // Row 0 is back to the file's value: it is handed over too, or the merge would keep the saved "Admin".
    expect(memory.kept[0].journal.assignments).toEqual({ 'id:000000005000000': { license: '', addOns: '' }, 'id:000000005000003': { license: 'Engage', addOns: '' } });
    await flushAutosave();
    expect(memory.saved.get(id)!.assignments).toEqual({ 'id:000000005000003': { license: 'Engage', addOns: '' } });
    // Nothing pending: nothing is handed over.
    keepUnsavedNow();
    expect(memory.kept).toHaveLength(1);
  });

  it('a failed save is shown and its rows stay pending for the next one', async () => {
    vi.useFakeTimers();
    memory.failSave();
    editLicense(5, 'Engage');
    await vi.advanceTimersByTimeAsync(1000);
    expect(get().notice?.text).toContain('Progress could not be saved: disk full');
    keepUnsavedNow();
    expect(Object.keys(memory.kept[0].journal.assignments)).toEqual(['id:000000005000005']);
  });

  it('a file that does not match the saved migration asks first; keeping both leaves the saved one untouched', async () => {
    editLicense(0, 'Admin');
    await flushAutosave();
    const [entry] = await memory.platform.listProgress();
    closeFile();
    const other = sampleExport.replace(/0000000050000/g, '9999999950000');
    const opening = openExport({ name: 'other.csv', bytes: bytes(other), handle: null }, { resume: entry });
    await vi.waitFor(() => expect(get().question?.testId).toBe('mismatch-dialog'));
    expect(get().question?.body.join(' ')).toContain('the one user with saved choices has no row in it');
    answer(null);
    expect(await opening).toBe(false);
    expect(get().open).toBeNull();

    const again = openExport({ name: 'other.csv', bytes: bytes(other), handle: null }, { resume: entry });
    await vi.waitFor(() => expect(get().question).not.toBeNull());
    answer('both');
    expect(await again).toBe(true);
    expect(get().open!.progressId).not.toBe(entry.id);
    expect(planOf(get())).toEqual(entry.journal.plan);
    await flushAutosave();
    expect(memory.saved.get(entry.id)).toEqual(entry.journal);
    expect(memory.saved.size).toBe(2);
  });

  it('opening another file while a migration is open asks first, and keeps "which user are you"', async () => {
    setMe('ava.smith@acme.example');
    const opening = openFile({ name: 'again.csv', bytes: bytes(sampleExport), handle: null }, { then: 'review' });
    await vi.waitFor(() => expect(get().question?.testId).toBe('replace-dialog'));
    answer(null);
    expect(await opening).toBe(false);
    expect(get().open!.name).toBe('sample-export.csv');
    const replacing = openFile({ name: 'again.csv', bytes: bytes(sampleExport), handle: null }, { then: 'review', plan: SAMPLE_PLAN });
    await vi.waitFor(() => expect(get().question).not.toBeNull());
    answer('yes');
    expect(await replacing).toBe(true);
    expect(get().open!.name).toBe('again.csv');
    // the sample's email is the sample's: a real file is not given it
    expect(sessionOf(get())!.myEmail).toBeNull();
  });
});

describe('the plan a file starts with', () => {
  it('a real file starts empty; the sample keeps its own, which is never carried to the next file', async () => {
    closeFile();
    expect(planOf(get())).toBe(EMPTY_PLAN);
    expect(await openExport({ name: 'acme.csv', bytes: bytes(sampleExport), handle: null })).toBe(true);
    expect(planOf(get())).toBe(EMPTY_PLAN);
    const mine = { licenses: [{ name: 'Engage', seats: 5, addOnsAllowed: true }], addOns: [] };
    updatePlan(mine);
    closeFile();
    expect(planOf(get())).toBe(mine);
    await openSample();
    expect(planOf(get())).toBe(SAMPLE_PLAN);
    closeFile();
    expect(planOf(get())).toBe(mine);
  });
});
