// Store actions: every intent of the UI goes through here to the session, then the store and the grid.
import {
  annotatedCopy,
  blockingFindings,
  headerFindings,
  originalProblem,
  placeFinding,
  placedFindings,
  cleanFile,
  createSession,
  describeFinding,
  findingsReport,
  journalOf,
  parsePlanText,
  progressIdFor,
  renameChanges,
  renamerFor,
  type PlanRename,
  resumeChanges,
  type CellChange,
  type LoadedExport,
  type Plan,
  type SourceInfo,
} from '../../shared/index';
import { platform } from '../platform/index';
import type { PickedFile, SavedProgressEntry, SavePurpose } from '../platform/platform';
import { loadInWorker } from '../worker/loadClient';
import { initialState, useAppStore, type Notice, type Step } from './appStore';
import { EMPTY_HISTORY, recordEdit, step as historyStep, type History } from './history';
import { NO_FILTERS, type Filters } from './selectors';
import { currentSession, emitRowsChanged, openedFile, setOpenedFile, type RowsChanged } from './sessionHolder';

const set = useAppStore.setState;
const get = useAppStore.getState;

/** Copy the session's counters into the store (cheap: no row is re-checked). */
function sync(): void {
  const session = currentSession();
  if (!session) return;
  set({ revision: session.revision, seats: session.seatUsage(), counts: session.counts(), plan: session.plan, me: session.myEmail });
}

function changed(rows: RowsChanged): void {
  emitRowsChanged(rows);
  sync();
  scheduleAutosave();
}

export function notify(notice: Notice | null): void {
  set({ notice });
}

// ---- opening ------------------------------------------------------------------------------

export interface OpenOptions {
  readonly original?: PickedFile | null;
  readonly plan?: Plan;
  readonly resume?: SavedProgressEntry | null;
  /** Step to show once open: Overview for a new migration, Review when validating a file. */
  readonly then?: Step;
}

const baseName = (name: string): string => name.replace(/\.[^.]*$/, '');

async function load(file: PickedFile): Promise<{ ok: true; loaded: LoadedExport } | { ok: false }> {
  const result = await loadInWorker(file.bytes, (stage, rows) => set({ loading: { name: file.name, stage, rows } }));
  if (!result.ok) {
    set({ loading: null, refusal: { name: file.name, ...result.error }, step: 'open' });
    return { ok: false };
  }
  // The same policy as the CLI's: a file with no users or no user key is not a migration.
  const blocking = blockingFindings(headerFindings(result.value))[0];
  if (blocking) {
    const { message, suggestion } = describeFinding(placeFinding(blocking, result.value));
    set({ loading: null, refusal: { name: file.name, kind: blocking.code === 'EMPTY_FILE' ? 'an empty file' : 'a file without users', reason: `${message} ${suggestion ?? ''}`.trim() }, step: 'open' });
    return { ok: false };
  }
  return { ok: true, loaded: result.value };
}

export async function openExport(file: PickedFile, options: OpenOptions = {}): Promise<boolean> {
  // The file open now keeps its last edits: save them before another file takes its place.
  void flushAutosave();
  set({ loading: { name: file.name, stage: 'hashing' }, refusal: null, notice: null });
  try {
    const sha256 = await platform().sha256(file.bytes);
    const size = file.bytes.byteLength;
    const main = await load(file);
    if (!main.ok) return false;
    let original: LoadedExport | null = null;
    if (options.original) {
      const loadedOriginal = await load(options.original);
      if (!loadedOriginal.ok) return false;
      // The CLI's policy too: an original with no users, no user key or unreadable rows would call users new or removed.
      const problem = originalProblem(loadedOriginal.loaded);
      if (problem !== null) {
        set({ loading: null, refusal: { name: options.original.name, kind: 'an original export that cannot be compared', reason: `This file cannot serve as the original export: ${problem}.` }, step: 'open' });
        return false;
      }
      original = loadedOriginal.loaded;
    }
    set({ loading: { name: file.name, stage: 'checking', rows: main.loaded.table.rowCount } });
    // Let the progress paint before the synchronous check of every row.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const journal = options.resume?.journal ?? null;
    const plan = journal?.plan ?? options.plan ?? get().plan;
    const session = createSession(main.loaded, plan, { original, me: journal ? journal.me : null });
    const { table } = main.loaded;
    const source: SourceInfo = { name: file.name, size, sha256, encoding: main.loaded.encoding, delimiter: table.dialect.delimiter, bom: main.loaded.bom, eol: table.dialect.eol };
    let notice: Notice | null = null;
    if (journal) {
      const outcome = resumeChanges(session, journal, sha256);
      session.applyChanges(outcome.changes);
      const parts = [`Continued from your saved progress: ${outcome.changes.length.toLocaleString('en-US')} users restored.`];
      if (outcome.sourceChanged) parts.push(`This file is not byte-for-byte the one "${journal.source.name}" you started from: the saved choices were matched by User ID / Email — check them.`);
      if (outcome.missingKeys.length > 0) parts.push(`${outcome.missingKeys.length} saved users have no row in this file.`);
      notice = { tone: outcome.sourceChanged || outcome.missingKeys.length > 0 ? 'warning' : 'success', text: parts.join(' ') };
    }
    setOpenedFile({ session, name: file.name, handle: file.handle ?? null, source, progressId: options.resume?.id ?? freshProgressId(progressIdFor(file.name, sha256)), originalName: options.original?.name ?? null });
    set({
      loading: null,
      refusal: null,
      fileName: file.name,
      originalName: options.original?.name ?? null,
      rowCount: session.rowCount,
      history: EMPTY_HISTORY,
      selectedRows: 0,
      filters: NO_FILTERS,
      shownRows: session.rowCount,
      target: null,
      notice,
      step: options.then ?? (journal ? 'assign' : 'overview'),
      openSeq: get().openSeq + 1,
    });
    emitRowsChanged('all');
    sync();
    if (journal) scheduleAutosave();
    return true;
  } catch (e) {
    set({ loading: null, refusal: { name: file.name, kind: 'a file that could not be read', reason: (e as Error).message } });
    return false;
  }
}

export async function pickAndOpen(): Promise<void> {
  const file = await platform().pickFile('export');
  if (file) await openExport(file);
}

const SAMPLE_NAME = 'sample-export.csv';

async function sampleFile(): Promise<PickedFile> {
  const { default: url } = await import('../../resources/samples/sample-export.csv?url');
  const response = await fetch(url);
  return { name: SAMPLE_NAME, bytes: new Uint8Array(await response.arrayBuffer()), handle: null };
}

export async function openSample(): Promise<void> {
  const sample = await sampleFile();
  set({ me: null });
  await openExport(sample, { plan: initialState.plan });
}

export async function resume(entry: SavedProgressEntry): Promise<void> {
  // The bundled sample is not on the admin's disk: bring it back without asking for it.
  if (entry.journal.source.name === SAMPLE_NAME) {
    const sample = await sampleFile();
    if ((await platform().sha256(sample.bytes)) === entry.journal.source.sha256) {
      await openExport(sample, { resume: entry });
      return;
    }
  }
  const file = await platform().pickFile('export');
  if (file) await openExport(file, { resume: entry });
}

export async function refreshSaved(): Promise<void> {
  try {
    set({ saved: await platform().listProgress() });
  } catch {
    set({ saved: [] });
  }
}

export async function discardSaved(id: string): Promise<void> {
  await platform().discardProgress(id);
  await refreshSaved();
}

export function closeFile(): void {
  void flushAutosave();
  setOpenedFile(null);
  const { theme, plan, saved } = get();
  set({ ...initialState, theme, plan, saved, openSeq: get().openSeq + 1 });
  emitRowsChanged('all');
  void refreshSaved();
}

export function dismissRefusal(): void {
  set({ refusal: null });
}

// ---- editing ------------------------------------------------------------------------------

/** Apply cell changes as one undoable step; returns how many rows changed. */
export function edit(changes: readonly CellChange[]): number {
  const session = currentSession();
  if (!session || changes.length === 0) return 0;
  const applied = session.applyChanges(changes);
  if (applied.rows.length === 0) return 0;
  set({ history: recordEdit(get().history, applied.undo) });
  changed(applied.rows);
  return applied.rows.length;
}

function travel(direction: 'undo' | 'redo'): void {
  const session = currentSession();
  if (!session) return;
  let rows: readonly number[] = [];
  const history = historyStep(get().history, direction, (changes) => {
    const applied = session.applyChanges(changes);
    rows = applied.rows;
    return applied.undo;
  });
  if (history === get().history) return;
  set({ history });
  changed(rows);
}

export const undo = (): void => travel('undo');
export const redo = (): void => travel('redo');

export type Rename = PlanRename;

/** A new plan re-checks every row; renamed licenses and add-ons keep their holders (cells, undo history, filter). */
export function updatePlan(plan: Plan, renames: readonly Rename[] = []): void {
  const session = currentSession();
  set({ plan });
  if (!session) return;
  session.setPlan(plan);
  if (renames.length > 0) {
    // A rename is part of editing the plan, not an undoable cell edit: the old names no longer exist,
    // so the history is rewritten to the new names too (an undo must not bring an unknown name back).
    session.applyChanges(renameChanges(session, renames));
    const renamer = renamerFor(renames);
    const { history, filters } = get();
    const rename = (stack: History['undo']) => stack.map((entry) => entry.map(renamer.change));
    set({
      history: { undo: rename(history.undo), redo: rename(history.redo) },
      filters: filters.next === null ? filters : { ...filters, next: renamer.license(filters.next) },
    });
  }
  const { filters } = get();
  if (filters.next !== null && filters.next !== '' && !plan.licenses.some((l) => l.name === filters.next)) set({ filters: { ...filters, next: null } });
  changed('all');
}

export function setMe(email: string | null): void {
  const session = currentSession();
  const value = email === null || email.trim() === '' ? null : email.trim();
  set({ me: value });
  if (!session || value === session.myEmail) return;
  const rows = new Set<number>([...(session.myEmail ? session.rowsWithEmail(session.myEmail) : []), ...(value ? session.rowsWithEmail(value) : [])]);
  session.setMe(value);
  changed([...rows]);
}

// ---- navigation and view ------------------------------------------------------------------

export function goTo(step: Step): void {
  if (step !== 'open' && !currentSession()) return;
  set({ step });
}

export function showCell(row: number, column: number): void {
  const seq = (get().target?.seq ?? 0) + 1;
  set({ step: 'assign', target: { row, column, seq } });
}

export function setFilters(patch: Partial<Filters>): void {
  set({ filters: { ...get().filters, ...patch } });
}

export function setTheme(theme: 'system' | 'light' | 'dark'): void {
  set({ theme });
}

export function requestFind(): void {
  if (!currentSession()) return;
  set({ step: 'assign', findRequest: get().findRequest + 1 });
}

// ---- files out ----------------------------------------------------------------------------

async function saveBytes(purpose: SavePurpose, suggestedName: string, bytes: Uint8Array): Promise<void> {
  const outcome = await platform().saveFile({ purpose, suggestedName, bytes, sourceHandle: openedFile()?.handle ?? null });
  if (outcome.ok) notify({ tone: 'success', text: `Saved ${outcome.name}.` });
  else if (!outcome.canceled) notify({ tone: 'error', text: `Could not save: ${outcome.message}` });
}

/** The upload-ready file; refused while errors remain. */
export async function saveClean(): Promise<boolean> {
  const opened = openedFile();
  if (!opened) return false;
  const { errors } = opened.session.counts();
  if (errors > 0) {
    set({ step: 'save' });
    notify({ tone: 'error', text: `Not saved: ${errors.toLocaleString('en-US')} ${errors === 1 ? 'error remains' : 'errors remain'}. Fix them first — the list is below.` });
    return false;
  }
  const clean = cleanFile(opened.session);
  await saveBytes('clean', `${baseName(opened.name)}-upload-ready.csv`, clean.bytes);
  return true;
}

export async function downloadReport(form: 'report' | 'annotated'): Promise<void> {
  const opened = openedFile();
  if (!opened) return;
  if (form === 'report') await saveBytes('report', `${baseName(opened.name)}-errors.csv`, findingsReport(placedFindings(opened.session)));
  else await saveBytes('annotated', `${baseName(opened.name)}-annotated.csv`, annotatedCopy(opened.session));
}

export async function exportPlan(): Promise<void> {
  const text = JSON.stringify(get().plan, null, 2) + '\n';
  await saveBytes('plan', 'license-plan.json', new TextEncoder().encode(text));
}

/** Import a plan JSON; returns its problems (empty when applied). */
export async function importPlan(): Promise<readonly string[]> {
  const file = await platform().pickFile('plan');
  if (!file) return [];
  const parsed = parsePlanText(new TextDecoder().decode(file.bytes));
  if (!parsed.ok) return parsed.error;
  updatePlan(parsed.value);
  notify({ tone: 'success', text: `Plan imported from ${file.name}.` });
  return [];
}

// ---- autosave -----------------------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | null = null;
const AUTOSAVE_DELAY_MS = 1000;

/** Saves at most AUTOSAVE_DELAY_MS after the first unsaved edit, however fast the edits keep coming. */
export function scheduleAutosave(): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void saveProgressNow();
  }, AUTOSAVE_DELAY_MS);
}

/** Save pending edits now (on hide, before another file, before the window closes); resolves when written. */
export function flushAutosave(): Promise<void> {
  if (timer === null) return Promise.resolve();
  clearTimeout(timer);
  timer = null;
  return saveProgressNow();
}

/** A fresh start on a file never overwrites progress saved for it earlier: that stays offered on Open. */
function freshProgressId(id: string): string {
  return get().saved.some((entry) => entry.id === id) ? `${id}-${Date.now().toString(36)}` : id;
}

async function saveProgressNow(): Promise<void> {
  const opened = openedFile();
  if (!opened) return;
  const at = new Date().toISOString();
  try {
    await platform().saveProgress(opened.progressId, journalOf(opened.session, opened.source, at));
    set({ lastSavedAt: at });
  } catch (e) {
    notify({ tone: 'error', text: `Progress could not be saved: ${(e as Error).message}` });
  }
}
