// Store actions for files: open an export (through the load worker), resume saved work, close, and
// write the upload-ready file, the reports and the plan.
import {
  annotatedCopy,
  blockingFindings,
  choiceFor,
  choiceOf,
  cleanFile,
  columnsToAsk,
  createSessionInSlices,
  describeEncoding,
  encodingCandidates,
  journalOf,
  describeFinding,
  findingsReport,
  headerFindings,
  originalProblem,
  parsePlanText,
  placedFindings,
  placeFinding,
  progressIdFor,
  repairCount,
  resumeChanges,
  resumeRepairs,
  sameHeader,
  withColumnChoice,
  type ColumnChoice,
  type Journal,
  type OriginalFile,
  type Plan,
  type ResumeOutcome,
  type SourceInfo,
} from '../../shared/index';
import { platform } from '../platform/index';
import type { PickedFile, SavedProgressEntry, SaveOutcome, SavePurpose } from '../platform/platform';
import { count, num } from '../text/counts';
import { indexesForColumns, loadInWorker, startRanking, stopRanking, type LoadedFile } from '../worker/loadClient';
import { notify, stepPatch, updatePlan } from './actions';
import { initialState, SAMPLE_PLAN, type ColumnsAsk, type Notice, type Step } from './appStore';
import { flushAutosave, noteChanged } from './autosave';
import { get, set } from './commit';
import { EMPTY_HISTORY } from './history';
import { ask, confirmAction } from './questions';
import { meOf, planOf } from './reads';
import { allRows, NO_FILTERS } from './rowView';
import { afterPaint, mark, yieldToUi } from './scheduling';
import { NO_SELECTION } from './selection';

export interface OpenOptions {
  readonly original?: PickedFile | null;
  readonly plan?: Plan;
  readonly resume?: SavedProgressEntry | null;
  /** Step to show once open: Overview for a new migration, Review when validating a file. */
  readonly then?: Step;
  /** "Which user are you" for a new migration (a resumed one has its own). */
  readonly me?: string | null;
  /** The bundled sample: it keeps its sample plan, which is never carried over to a real file. */
  readonly sample?: boolean;
  /** Resume into a new saved migration, leaving the saved one as it was ("keep both"). */
  readonly keepBoth?: boolean;
  /** The open migration's own file, read again (in another encoding): its choices carry over without asking. */
  readonly sameWork?: boolean;
  /** Read the file in this encoding (the admin chose it), instead of detecting it. */
  readonly encoding?: string;
}

/** The file to open again in an encoding the admin chooses (its bytes as the worker gave them back). */
let reopen: { file: PickedFile; options: OpenOptions } | null = null;

/** The open file's question to the column-mapping step, answered by answerColumns(). */
let columnsAnswer: ((choice: ColumnChoice | null) => void) | null = null;

/** Ask which column is which; null when the admin cancels (or another open replaces this one). */
function askColumns(ask: ColumnsAsk): Promise<ColumnChoice | null> {
  columnsAnswer?.(null);
  return new Promise((resolve) => {
    columnsAnswer = resolve;
    set({ columnsAsk: ask, loading: null, step: 'open' });
  });
}

/** The column-mapping step's answer: the admin's choice, or null to cancel opening the file. */
export function answerColumns(choice: ColumnChoice | null): void {
  const answer = columnsAnswer;
  columnsAnswer = null;
  set({ columnsAsk: null });
  answer?.(choice);
}

/** The plan with `choice` remembered for its header (the newest 50 kept, one per header). */
function rememberChoice(plan: Plan, choice: ColumnChoice): Plan {
  const others = (plan.columns ?? []).filter((c) => !sameHeader(c.header, choice.header));
  return { ...plan, columns: [...others, choice].slice(-50) };
}

/** Rows checked per task while a file opens (a few milliseconds each here): no long task however large the file. */
const SESSION_SLICE_ROWS = 20_000;

const baseName = (name: string): string => name.replace(/\.[^.]*$/, '');

/** The same policy as the CLI's: a file with no users or no user key is not a migration (said on the Open step); `emptyOnly`: only an empty file. */
function refuseBlocked(name: string, loaded: LoadedFile['loaded'], emptyOnly: boolean): boolean {
  const blocking = blockingFindings(headerFindings(loaded)).filter((f) => !emptyOnly || f.code === 'EMPTY_FILE')[0];
  if (!blocking) return false;
  const { message, suggestion } = describeFinding(placeFinding(blocking, loaded));
  set({ loading: null, refusal: { name, kind: blocking.code === 'EMPTY_FILE' ? 'an empty file' : 'a file without users', reason: `${message} ${suggestion ?? ''}`.trim() }, step: 'open' });
  return true;
}

/**
 * Load one file in the worker; null when refused (said on the Open step). `current`: no later open
 * replaced this one. `main`: the file to migrate (its columns may still be chosen; its encoding may be asked).
 */
async function load(file: PickedFile, rank: boolean, current: () => boolean, main: { options: OpenOptions } | null = null): Promise<LoadedFile | null> {
  const result = await loadInWorker(file.bytes, {
    rank,
    encoding: main?.options.encoding,
    onStage: (stage, rows) => current() && set({ loading: { name: file.name, stage, rows } }),
    onSettled: rank ? () => current() && set({ settled: true }) : undefined,
  });
  if (!current()) return null;
  if (!result.ok) {
    const { bytes, ...refusal } = result.error;
    // Unsure of a legacy encoding: the admin chooses one, and the file opens again from these bytes.
    if (main !== null && bytes !== undefined && (refusal.code === 'encodingUnsure' || (refusal.code === 'damaged' && main.options.encoding !== undefined))) {
      reopen = { file: { ...file, bytes }, options: main.options };
      if (refusal.encodings === undefined) refusal.encodings = encodingCandidates(bytes);
    } else delete refusal.encodings; // only the file to migrate is opened again in a chosen encoding
    set({ loading: null, refusal: { name: file.name, ...refusal }, step: 'open' });
    return null;
  }
  if (refuseBlocked(file.name, result.value.loaded, main !== null)) return null;
  return result.value;
}

/** The main file's columns: as remembered in the plan for its header, else as the admin chooses when some are not found by name. */
async function chooseColumns(name: string, file: LoadedFile, plan: Plan, current: () => boolean): Promise<{ file: LoadedFile; plan: Plan } | null> {
  const { header } = file.loaded.table;
  const remembered = choiceFor(plan.columns, header);
  let choice = remembered;
  if (choice === null) {
    const missing = columnsToAsk(file.loaded.columns);
    if (missing.length === 0) return { file, plan };
    choice = await askColumns({ name, header, proposed: choiceOf(header, file.loaded.columns), missing });
    if (choice === null || !current()) return null;
  }
  const loaded = withColumnChoice(file.loaded, choice);
  const next = { ...file, loaded, indexes: indexesForColumns(file.indexes, loaded) };
  if (refuseBlocked(name, loaded, false)) return null;
  return { file: next, plan: remembered === null ? rememberChoice(plan, choice) : plan };
}

/** The latest open asked for: an earlier one still loading gives way to it. */
let latestOpen = 0;

/** Open an export (and an original to compare with): their bytes go to the load worker, so the caller's arrays must not be used again. */
export async function openExport(file: PickedFile, options: OpenOptions = {}): Promise<boolean> {
  // The file open now keeps its last edits: save them before another file takes its place.
  void flushAutosave();
  // A question still open about an earlier file is dropped: this one replaces it.
  if (columnsAnswer !== null) answerColumns(null);
  set({ encodingAsk: null });
  const ticket = ++latestOpen;
  const superseded = (): boolean => ticket !== latestOpen;
  // The bytes go to the worker (transferred): their size is taken now, for saved progress.
  const fileSize = file.bytes.byteLength;
  mark('open-export');
  set({ loading: { name: file.name, stage: 'reading' }, refusal: null, notice: null, settled: false });
  try {
    const loadedMain = await load(file, true, () => !superseded(), { options });
    if (!loadedMain || superseded()) return false;
    const journal = options.resume?.journal ?? null;
    // The plan in use carries over to the next file, unless it is the sample's.
    const before = get();
    const chosen = await chooseColumns(file.name, loadedMain, journal?.plan ?? options.plan ?? (before.open?.sample ? before.nextPlan : planOf(before)), () => !superseded());
    if (!chosen || superseded()) {
      if (!superseded() && !get().refusal) set({ loading: null });
      return false;
    }
    const main = chosen.file;
    const plan = chosen.plan;
    // Legacy encodings (guessed or chosen) can be read again in another one, from these bytes.
    // The original export goes to the worker too: a copy is kept for reading the file again, so it is checked against it again.
    reopen = main.loaded.encoding.startsWith('utf-') ? null : { file: { ...file, bytes: main.bytes }, options: options.original ? { ...options, original: { ...options.original, bytes: options.original.bytes.slice() } } : options };
    let original = null;
    let originalFile: OriginalFile | null = null;
    if (options.original) {
      originalFile = { name: options.original.name, size: options.original.bytes.byteLength, sha256: '' };
      set({ loading: { name: options.original.name, stage: 'reading' } });
      const loadedOriginal = await load(options.original, false, () => !superseded());
      if (!loadedOriginal || superseded()) return false;
      // The CLI's policy too: an original with no users, no user key or unreadable rows would call users new or removed.
      const problem = originalProblem(loadedOriginal.loaded);
      if (problem !== null) {
        set({ loading: null, refusal: { name: options.original.name, kind: 'an original export that cannot be compared', reason: `This file cannot serve as the original export: ${problem}.` }, step: 'open' });
        return false;
      }
      // The original's columns as remembered for its header too (it is read, never asked about).
      original = withColumnChoice(loadedOriginal.loaded, choiceFor(plan.columns, loadedOriginal.loaded.table.header));
      originalFile = { ...originalFile!, sha256: loadedOriginal.sha256 };
    }
    set({ loading: { name: file.name, stage: 'checking', rows: main.loaded.table.rowCount } });
    // Let the progress paint before the check of every row.
    await afterPaint();
    if (superseded()) return false;
    mark('session-start');
    // The rows are checked a slice at a time: the page stays responsive however many users there are.
    const session = await createSessionInSlices(main.loaded, plan, { original, me: journal ? journal.me : (options.me ?? null) }, yieldToUi, SESSION_SLICE_ROWS, superseded);
    if (session === null || superseded()) return false;
    mark('session-end');
    const { table } = main.loaded;
    const source: SourceInfo = { name: file.name, size: fileSize, sha256: main.sha256, encoding: main.loaded.encoding, delimiter: table.dialect.delimiter, bom: main.loaded.bom, eol: table.dialect.eol };
    let notice: Notice | null = null;
    let keepBoth = options.keepBoth === true;
    let restored: readonly number[] = [];
    if (journal && options.resume) {
      const outcome = resumeChanges(session, journal, main.sha256);
      // Repairs against the original come back with the very same two files (their rows are indexes).
      const repairs = resumeRepairs(session, journal, main.sha256, originalFile?.sha256 ?? null);
      const repairsLost = repairs === null && repairCount(journal) > 0;
      // A file that does not match never replaces (or empties) the saved migration, nor drops its repairs: the admin decides.
      if (!keepBoth && !options.sameWork && (doesNotMatch(outcome, journal, file.name) || repairsLost)) {
        set({ loading: null, step: 'open' });
        const choice = await askAboutMismatch(options.resume, file.name, outcome, repairsLost);
        if (superseded()) return false;
        if (choice === 'pick') {
          void resume(options.resume, { pickOnly: true, agreed: true });
          return false;
        }
        if (choice !== 'both' && choice !== 'continue') return false;
        keepBoth = choice === 'both';
      }
      restored = session.applyChanges(outcome.changes).rows;
      if (repairs !== null) restored = [...restored, ...session.applyChanges(repairs).rows];
      notice = resumeNotice(outcome, journal, keepBoth, repairsLost);
    }
    if (options.encoding !== undefined) {
      const read = `Read as ${describeEncoding(main.loaded.encoding)}, as you chose: check that the names look right (it will be saved as UTF-8).`;
      notice = { tone: 'info', text: notice ? `${notice.text} ${read}` : read };
    }
    // The check of every row was one task: the first screen renders in the next.
    await yieldToUi();
    if (superseded()) return false;
    const progressId = options.resume && !keepBoth ? options.resume.id : freshProgressId(progressIdFor(file.name, main.sha256));
    // A file validated against the original goes back to Review, where its repairs are.
    const step = options.then ?? (journal ? (journal.original !== undefined && original !== null ? 'review' : 'assign') : 'overview');
    set({
      loading: null,
      refusal: null,
      open: { session, indexes: main.indexes, name: file.name, handle: file.handle ?? null, source, progressId, originalName: options.original?.name ?? null, originalFile, sample: options.sample === true },
      version: get().version + 1,
      history: EMPTY_HISTORY,
      selection: NO_SELECTION,
      filters: NO_FILTERS,
      sort: [],
      view: allRows(session.rowCount),
      target: null,
      notice: notice && { ...notice, step },
      step,
      lastUpload: null,
      lastSavedAt: null,
    });
    mark('opened');
    // A resumed migration is saved again at once under its id (a new one, when keeping both).
    if (journal) noteChanged(restored);
    // Sorting by a text-only column gets ready in the background once this screen is painted.
    void afterPaint().then(() => !superseded() && startRanking());
    return true;
  } catch (e) {
    set({ loading: null, refusal: { name: file.name, kind: 'a file that could not be read', reason: (e as Error).message } });
    return false;
  }
}

/** Whether the file picked to continue a saved migration is not the one it was made from (and the saved work would suffer). */
function doesNotMatch(outcome: ResumeOutcome, journal: Journal, fileName: string): boolean {
  return outcome.sourceChanged && (outcome.missingKeys.length > 0 || fileName !== journal.source.name);
}

const savedWhen = (journal: Journal): string => new Date(journal.updatedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function askAboutMismatch(entry: SavedProgressEntry, fileName: string, outcome: ResumeOutcome, repairsLost = false): Promise<string | null> {
  const { journal } = entry;
  const saved = Object.keys(journal.assignments).length;
  const found = outcome.changes.length;
  const missing = outcome.missingKeys.length;
  const repairs = repairCount(journal);
  const what =
    repairsLost && !outcome.sourceChanged
      ? `The original export chosen is not “${journal.original?.file.name ?? ''}” as it was checked against: the ${count(repairs, 'repair')} made from it would be lost.`
      : missing === 0
      ? 'It has another name and other content than the file the work started from.'
      : found === 0
        ? saved === 1
          ? 'the one user with saved choices has no row in it.'
          : `none of the ${count(saved, 'user')} with saved choices has a row in it.`
        : `${num(missing)} of the ${count(saved, 'user')} with saved choices ${missing === 1 ? 'has' : 'have'} no row in it (${num(found)} ${found === 1 ? 'does' : 'do'}).`;
  return ask({
    title: repairsLost && !outcome.sourceChanged ? 'This original export does not match the saved check' : 'This file does not match the saved migration',
    body: [
      `You chose “${fileName}” to continue the migration of “${journal.source.name}” (saved ${savedWhen(journal)}, ${count(journal.progress.users, 'user')}).`,
      missing === 0 ? what : `It is not the same export: ${what}`,
      ...(repairsLost && outcome.sourceChanged ? [`The ${count(repairs, 'repair')} against the original export would be lost: they were made on the file as it was.`] : []),
      'The saved migration is kept as it is, whatever you choose.',
    ],
    choices: [
      { id: 'pick', label: `Choose the file again…`, tone: 'primary' },
      { id: 'both', label: `Keep both: open “${fileName}” as a new migration` },
      ...(outcome.missingKeys.length === 0 && !repairsLost ? [{ id: 'continue', label: `Continue with “${fileName}”` }] : []),
    ],
    cancelLabel: 'Cancel',
    testId: 'mismatch-dialog',
  });
}

function resumeNotice(outcome: ResumeOutcome, journal: Journal, keepBoth: boolean, repairsLost = false): Notice {
  const repairs = repairCount(journal);
  const restored = !repairsLost && repairs > 0 ? ` and ${count(repairs, 'repair')} against the original export` : '';
  const users = count(outcome.changes.length, 'user');
  const parts = [
    keepBoth
      ? `A new migration, with the plan of “${journal.source.name}”: ${users} restored by User ID / Email; the saved migration is kept as it was.`
      : outcome.changes.length === 0 && restored !== ''
        ? `Continued from your saved progress: ${count(repairs, 'repair')} against the original export restored.`
        : `Continued from your saved progress: ${users}${restored} restored.`,
  ];
  if (outcome.sourceChanged && !keepBoth) parts.push(`This file is not byte-for-byte the one "${journal.source.name}" you started from: the saved choices were matched by User ID / Email — check them.`);
  if (outcome.missingKeys.length > 0) parts.push(`${count(outcome.missingKeys.length, 'saved user has', 'saved users have')} no row in this file.`);
  if (repairsLost && repairs > 0) parts.push(`The ${count(repairs, 'repair')} against the original export ${repairs === 1 ? 'was' : 'were'} made on other files and ${repairs === 1 ? 'is' : 'are'} not restored: repair again on the Review step.`);
  return { tone: outcome.sourceChanged || outcome.missingKeys.length > 0 || (repairsLost && repairs > 0) ? 'warning' : 'success', text: parts.join(' ') };
}

/**
 * Open a file the admin chose (picked, dropped, from the menu or to validate): a migration that is open is
 * never replaced silently — the admin agrees first (its progress stays saved, offered on Open).
 */
export async function openFile(file: PickedFile, options: OpenOptions = {}, agreed = false): Promise<boolean> {
  const open = get().open;
  if (open !== null && !agreed) {
    const validating = options.then === 'review';
    const ok = await confirmAction({
      title: validating ? `Validate “${file.name}”?` : `Open “${file.name}”?`,
      body: [
        `“${open.name}” is open. ${validating ? 'Validating another file' : 'Opening another file'} closes it; your progress on it is saved and offered under “Continue where you left off”.`,
        ...(validating ? ['The file is checked against your plan and your email (“which user are you”).'] : []),
      ],
      confirmLabel: validating ? 'Close it and validate' : `Close it and open “${file.name}”`,
      testId: 'replace-dialog',
    });
    if (!ok) return false;
  }
  const state = get();
  return openExport(file, { me: (state.open?.sample ? null : meOf(state)) ?? state.nextMe, ...options });
}

/** The file read with a guessed (or chosen) legacy encoding: show the encodings it may be in, to choose. */
export function chooseEncoding(): void {
  const open = get().open;
  if (!reopen || !open) return;
  set({ encodingAsk: { name: open.name, candidates: encodingCandidates(reopen.file.bytes), current: open.session.source.encoding }, step: 'open' });
}

export function dismissEncodingAsk(): void {
  set({ encodingAsk: null, step: get().open ? 'overview' : 'open' });
}

/** Open the refused (or questioned) file again in `encoding`; an open file keeps its choices (matched by user). */
export async function openWithEncoding(encoding: string): Promise<boolean> {
  const retry = reopen;
  if (!retry) return false;
  const open = get().open;
  set({ encodingAsk: null, refusal: null });
  // Copies again: opening hands the bytes to the worker, and the admin may choose yet another encoding.
  const original = retry.options.original ? { ...retry.options.original, bytes: retry.options.original.bytes.slice() } : retry.options.original;
  const options: OpenOptions = { ...retry.options, original, encoding };
  if (open && open.name === retry.file.name) {
    // The choices made so far carry over by User ID / Email, as saved progress does (and the repairs, on the same bytes).
    const journal = journalOf(open.session, open.source, new Date().toISOString(), open.originalFile);
    return openExport({ ...retry.file, bytes: retry.file.bytes.slice() }, { ...options, resume: { id: open.progressId, journal }, sameWork: true, then: original ? 'review' : 'overview' });
  }
  return openExport({ ...retry.file, bytes: retry.file.bytes.slice() }, options);
}

export async function pickAndOpen(): Promise<void> {
  const file = await platform().pickFile('export');
  if (file) await openFile(file);
}

const SAMPLE_NAME = 'sample-export.csv';

async function sampleFile(): Promise<PickedFile> {
  const { default: url } = await import('../../resources/samples/sample-export.csv?url');
  const response = await fetch(url);
  return { name: SAMPLE_NAME, bytes: new Uint8Array(await response.arrayBuffer()), handle: null };
}

/** The bundled sample, with its sample plan (a real file starts with an empty one). */
export async function openSample(): Promise<void> {
  const sample = await sampleFile();
  await openFile(sample, { plan: SAMPLE_PLAN, sample: true, me: null });
}

/** Continue a saved migration: the bundled sample comes back by itself, any other file is asked for. */
export async function resume(entry: SavedProgressEntry, how: { pickOnly?: boolean; agreed?: boolean } = {}): Promise<void> {
  if (!how.pickOnly && entry.journal.source.name === SAMPLE_NAME) {
    const sample = await sampleFile();
    if ((await platform().sha256(sample.bytes)) === entry.journal.source.sha256) {
      await openFile(sample, { resume: entry, sample: true }, how.agreed);
      return;
    }
  }
  const file = await platform().pickFile('export');
  if (!file) return;
  const saved = entry.journal.original;
  if (saved === undefined) {
    await openFile(file, { resume: entry }, how.agreed);
    return;
  }
  // Validated against the original export: the check and its repairs need that file again.
  const original = await pickOriginal(entry, saved.file);
  if (original) await openFile(file, { resume: entry, original }, how.agreed);
}

/** Ask for the original export a saved validation was checked against (its own button: a browser opens a file chooser only on a click). */
async function pickOriginal(entry: SavedProgressEntry, saved: OriginalFile): Promise<PickedFile | null> {
  const repairs = repairCount(entry.journal);
  const choice = await ask({
    title: `Now the original export “${saved.name}”`,
    body: [
      `“${entry.journal.source.name}” was checked against the original export “${saved.name}”${repairs > 0 ? `, with ${count(repairs, 'repair')} from it` : ''}. Choose that file to continue the check.`,
    ],
    choices: [{ id: 'pick', label: `Choose “${saved.name}”…`, tone: 'primary' }],
    cancelLabel: 'Cancel',
    testId: 'original-dialog',
  });
  if (choice !== 'pick') return null;
  return platform().pickFile('original');
}

export async function refreshSaved(): Promise<void> {
  try {
    set({ saved: await platform().listProgress() });
  } catch {
    set({ saved: [] });
  }
  try {
    set({ olderSaved: (await platform().olderSavedProgress?.()) ?? [] });
  } catch {
    set({ olderSaved: [] });
  }
}

/** Delete one saved migration (the admin asked, and confirmed in the app's dialog). */
export async function discardSaved(id: string): Promise<void> {
  await platform().discardProgress(id);
  await refreshSaved();
}

/** Remove the saved migrations beyond those offered (only the newest are loaded), with the admin's consent. */
export async function pruneOlderSaved(ids: readonly string[]): Promise<number> {
  const removed = (await platform().pruneSavedProgress?.(ids)) ?? 0;
  await refreshSaved();
  notify({ tone: 'success', text: `${count(removed, 'older saved migration')} removed.` });
  return removed;
}

export function closeFile(): void {
  void flushAutosave();
  stopRanking();
  const state = get();
  // The admin's plan and email stay for the next file; the sample's never do.
  const sample = state.open?.sample === true;
  set({
    ...initialState,
    theme: state.theme,
    nextPlan: sample ? state.nextPlan : planOf(state),
    nextMe: sample ? state.nextMe : (meOf(state) ?? state.nextMe),
    saved: state.saved,
    olderSaved: state.olderSaved,
    version: state.version + 1,
    grid: state.grid,
  });
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

async function saveBytes(purpose: SavePurpose, suggestedName: string, bytes: Uint8Array): Promise<SaveOutcome> {
  const outcome = await platform().saveFile({ purpose, suggestedName, bytes, sourceHandle: get().open?.handle ?? null });
  if (outcome.ok) notify({ tone: 'success', text: `Saved ${outcome.name}.` });
  else if (!outcome.canceled) notify({ tone: 'error', text: `Could not save: ${outcome.message}` });
  return outcome;
}

/** The upload-ready file; refused while errors remain. */
export async function saveClean(): Promise<boolean> {
  const open = get().open;
  if (!open) return false;
  if (open.session.plan.licenses.length === 0) {
    set(stepPatch('save'));
    notify({ tone: 'error', text: 'Not saved: the plan is empty. Enter your contract\'s licenses on the Overview step first.' });
    return false;
  }
  const { errors } = open.session.counts();
  if (errors > 0) {
    set(stepPatch('save'));
    notify({ tone: 'error', text: `Not saved: ${count(errors, 'error remains')}. Fix them first — the list is below.` });
    return false;
  }
  const version = get().version;
  const clean = cleanFile(open.session);
  const outcome = await saveBytes('clean', `${baseName(open.name)}-upload-ready.csv`, clean.bytes);
  if (!outcome.ok) return false;
  // The Save step then says what to do with it on the platform.
  if (get().open === open) set({ ...stepPatch('save'), lastUpload: { name: outcome.name, at: new Date().toISOString(), version } });
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
  updatePlan(parsed.value, [], { label: `import the plan ${file.name}` });
  notify({ tone: 'success', text: `Plan imported from ${file.name}.` });
  return [];
}
