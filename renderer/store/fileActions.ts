// Store actions for files: open an export (through the load worker), resume saved work, close, and
// write the upload-ready file, the reports and the plan.
import {
  annotatedCopy,
  blockingFindings,
  cleanFile,
  createSession,
  describeFinding,
  findingsReport,
  headerFindings,
  originalProblem,
  parsePlanText,
  placedFindings,
  placeFinding,
  progressIdFor,
  resumeChanges,
  type Plan,
  type SourceInfo,
} from '../../shared/index';
import { platform } from '../platform/index';
import type { PickedFile, SavedProgressEntry, SavePurpose } from '../platform/platform';
import { loadInWorker, startRanking, stopRanking, type LoadedFile } from '../worker/loadClient';
import { notify, updatePlan } from './actions';
import { initialState, type Notice, type Step } from './appStore';
import { flushAutosave, scheduleAutosave } from './autosave';
import { get, set } from './commit';
import { EMPTY_HISTORY } from './history';
import { planOf } from './reads';
import { allRows, NO_FILTERS } from './rowView';
import { afterPaint, mark, yieldToUi } from './scheduling';
import { NO_SELECTION } from './selection';

export interface OpenOptions {
  readonly original?: PickedFile | null;
  readonly plan?: Plan;
  readonly resume?: SavedProgressEntry | null;
  /** Step to show once open: Overview for a new migration, Review when validating a file. */
  readonly then?: Step;
}

const baseName = (name: string): string => name.replace(/\.[^.]*$/, '');

/** Load one file in the worker; null when refused (said on the Open step). `current`: no later open replaced this one. */
async function load(file: PickedFile, rank: boolean, current: () => boolean): Promise<LoadedFile | null> {
  const result = await loadInWorker(file.bytes, {
    rank,
    onStage: (stage, rows) => current() && set({ loading: { name: file.name, stage, rows } }),
    onSettled: rank ? () => current() && set({ settled: true }) : undefined,
  });
  if (!current()) return null;
  if (!result.ok) {
    set({ loading: null, refusal: { name: file.name, ...result.error }, step: 'open' });
    return null;
  }
  // The same policy as the CLI's: a file with no users or no user key is not a migration.
  const blocking = blockingFindings(headerFindings(result.value.loaded))[0];
  if (blocking) {
    const { message, suggestion } = describeFinding(placeFinding(blocking, result.value.loaded));
    set({ loading: null, refusal: { name: file.name, kind: blocking.code === 'EMPTY_FILE' ? 'an empty file' : 'a file without users', reason: `${message} ${suggestion ?? ''}`.trim() }, step: 'open' });
    return null;
  }
  return result.value;
}

/** The latest open asked for: an earlier one still loading gives way to it. */
let latestOpen = 0;

/** Open an export (and an original to compare with): their bytes go to the load worker, so the caller's arrays must not be used again. */
export async function openExport(file: PickedFile, options: OpenOptions = {}): Promise<boolean> {
  // The file open now keeps its last edits: save them before another file takes its place.
  void flushAutosave();
  const ticket = ++latestOpen;
  const superseded = (): boolean => ticket !== latestOpen;
  // The bytes go to the worker (transferred): their size is taken now, for saved progress.
  const fileSize = file.bytes.byteLength;
  mark('open-export');
  set({ loading: { name: file.name, stage: 'reading' }, refusal: null, notice: null, settled: false });
  try {
    const main = await load(file, true, () => !superseded());
    if (!main || superseded()) return false;
    let original = null;
    if (options.original) {
      const loadedOriginal = await load(options.original, false, () => !superseded());
      if (!loadedOriginal || superseded()) return false;
      // The CLI's policy too: an original with no users, no user key or unreadable rows would call users new or removed.
      const problem = originalProblem(loadedOriginal.loaded);
      if (problem !== null) {
        set({ loading: null, refusal: { name: options.original.name, kind: 'an original export that cannot be compared', reason: `This file cannot serve as the original export: ${problem}.` }, step: 'open' });
        return false;
      }
      original = loadedOriginal.loaded;
    }
    set({ loading: { name: file.name, stage: 'checking', rows: main.loaded.table.rowCount } });
    // Let the progress paint before the check of every row.
    await afterPaint();
    if (superseded()) return false;
    const journal = options.resume?.journal ?? null;
    const plan = journal?.plan ?? options.plan ?? planOf(get());
    mark('session-start');
    const session = createSession(main.loaded, plan, { original, me: journal ? journal.me : null });
    mark('session-end');
    const { table } = main.loaded;
    const source: SourceInfo = { name: file.name, size: fileSize, sha256: main.sha256, encoding: main.loaded.encoding, delimiter: table.dialect.delimiter, bom: main.loaded.bom, eol: table.dialect.eol };
    let notice: Notice | null = null;
    if (journal) {
      const outcome = resumeChanges(session, journal, main.sha256);
      session.applyChanges(outcome.changes);
      const parts = [`Continued from your saved progress: ${outcome.changes.length.toLocaleString('en-US')} users restored.`];
      if (outcome.sourceChanged) parts.push(`This file is not byte-for-byte the one "${journal.source.name}" you started from: the saved choices were matched by User ID / Email — check them.`);
      if (outcome.missingKeys.length > 0) parts.push(`${outcome.missingKeys.length} saved users have no row in this file.`);
      notice = { tone: outcome.sourceChanged || outcome.missingKeys.length > 0 ? 'warning' : 'success', text: parts.join(' ') };
    }
    // The check of every row was one task: the first screen renders in the next.
    await yieldToUi();
    if (superseded()) return false;
    const progressId = options.resume?.id ?? freshProgressId(progressIdFor(file.name, main.sha256));
    set({
      loading: null,
      refusal: null,
      open: { session, indexes: main.indexes, name: file.name, handle: file.handle ?? null, source, progressId, originalName: options.original?.name ?? null },
      version: get().version + 1,
      history: EMPTY_HISTORY,
      selection: NO_SELECTION,
      filters: NO_FILTERS,
      sort: [],
      view: allRows(session.rowCount),
      target: null,
      notice,
      step: options.then ?? (journal ? 'assign' : 'overview'),
    });
    mark('opened');
    if (journal) scheduleAutosave();
    // Sorting by a text-only column gets ready in the background once this screen is painted.
    void afterPaint().then(() => !superseded() && startRanking());
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
  await openExport(sample, { plan: initialState.nextPlan });
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
  stopRanking();
  const state = get();
  // The plan stays for the next file.
  set({ ...initialState, theme: state.theme, nextPlan: planOf(state), saved: state.saved, version: state.version + 1, grid: state.grid });
  void refreshSaved();
}

export function dismissRefusal(): void {
  set({ refusal: null });
}

/** A fresh start on a file never overwrites progress saved for it earlier: that stays offered on Open. */
function freshProgressId(id: string): string {
  return get().saved.some((entry) => entry.id === id) ? `${id}-${Date.now().toString(36)}` : id;
}

// ---- files out ----------------------------------------------------------------------------

async function saveBytes(purpose: SavePurpose, suggestedName: string, bytes: Uint8Array): Promise<void> {
  const outcome = await platform().saveFile({ purpose, suggestedName, bytes, sourceHandle: get().open?.handle ?? null });
  if (outcome.ok) notify({ tone: 'success', text: `Saved ${outcome.name}.` });
  else if (!outcome.canceled) notify({ tone: 'error', text: `Could not save: ${outcome.message}` });
}

/** The upload-ready file; refused while errors remain. */
export async function saveClean(): Promise<boolean> {
  const open = get().open;
  if (!open) return false;
  const { errors } = open.session.counts();
  if (errors > 0) {
    set({ step: 'save' });
    notify({ tone: 'error', text: `Not saved: ${errors.toLocaleString('en-US')} ${errors === 1 ? 'error remains' : 'errors remain'}. Fix them first — the list is below.` });
    return false;
  }
  const clean = cleanFile(open.session);
  await saveBytes('clean', `${baseName(open.name)}-upload-ready.csv`, clean.bytes);
  return true;
}

export async function downloadReport(form: 'report' | 'annotated'): Promise<void> {
  const open = get().open;
  if (!open) return;
  if (form === 'report') await saveBytes('report', `${baseName(open.name)}-errors.csv`, findingsReport(placedFindings(open.session)));
  else await saveBytes('annotated', `${baseName(open.name)}-annotated.csv`, annotatedCopy(open.session));
}

export async function exportPlan(): Promise<void> {
  const text = JSON.stringify(planOf(get()), null, 2) + '\n';
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
