// The one store the UI reads the migration through (docs/architecture.md "The data path"): the open session (a core
// object, never cloned, the only home of the plan, "which user are you" and every cell) and what the
// screen shows around it. Components read it with useApp(selector); every change goes through actions.
import { createStore } from 'zustand/vanilla';
import type { GridApi } from 'ag-grid-community';
import { parsePlanText, type ColumnChoice, type ColumnRole, type EncodingCandidate, type FileRefusal, type MigrationSession, type OriginalFile, type Plan, type SourceInfo } from '../../shared/index';
import samplePlanText from '../../resources/samples/sample-plan.json?raw';
import type { GridRow } from '../grid/gridRow';
import type { SavedProgressEntry } from '../platform/platform';
import type { FileIndexes } from '../worker/loadClient';
import type { LoadStage } from '../worker/protocol';
import { EMPTY_HISTORY, type History } from './history';
import { ALL_ROWS, NO_FILTERS, type Filters, type RowView, type SortKey } from './rowView';
import { NO_SELECTION, type Selection } from './selection';

export type Step = 'open' | 'overview' | 'map' | 'assign' | 'review' | 'save';
export const STEPS: readonly { id: Step; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'overview', label: 'Overview' },
  { id: 'map', label: 'Map' },
  { id: 'assign', label: 'Assign' },
  { id: 'review', label: 'Review' },
  { id: 'save', label: 'Save' },
];

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Notice {
  readonly tone: 'info' | 'warning' | 'error' | 'success';
  readonly text: string;
  /** The step the banner belongs to (shown only there, dropped when the admin moves on); absent: every step. */
  readonly step?: Step;
}

/** What the polite live region says next (screen readers): `seq` makes the same words count twice. */
export interface Announcement {
  readonly text: string;
  readonly seq: number;
}

/** A question in the app's own dialog (never the browser's confirm()): the answer is a choice id or null. */
export interface Question {
  readonly title: string;
  readonly body: readonly string[];
  readonly choices: readonly { readonly id: string; readonly label: string; readonly tone?: 'primary' | 'danger' }[];
  readonly cancelLabel: string;
  readonly testId?: string;
}

/** The last upload-ready file written, for the Save step's "what to do next". */
export interface SavedUpload {
  readonly name: string;
  readonly at: string;
  /** The store version it was written at: an edit after it makes the file out of date. */
  readonly version: number;
}

export interface CellTarget {
  readonly row: number;
  readonly column: number;
  /** Bumped so the same target can be asked for twice. */
  readonly seq: number;
}

/** The file being migrated: its session and what was learnt about the file when it was read. */
export interface OpenMigration {
  readonly session: MigrationSession;
  readonly indexes: FileIndexes;
  readonly name: string;
  readonly handle: string | null;
  readonly source: SourceInfo;
  /** Key of the saved progress in the platform's store. */
  readonly progressId: string;
  readonly originalName: string | null;
  /** The original export it is checked against (saved progress asks for it again on resume), or null. */
  readonly originalFile: OriginalFile | null;
  /** The bundled sample (its sample plan stays with it, never carried to a real file). */
  readonly sample?: boolean;
}

/** A file whose columns are not all found by name: the column-mapping step asks which is which. */
export interface ColumnsAsk {
  readonly name: string;
  readonly header: readonly string[];
  /** Our columns as the header's names matched them: where the step starts. */
  readonly proposed: ColumnChoice;
  /** Our columns not found by name. */
  readonly missing: readonly ColumnRole[];
}

/** A file whose encoding the admin chooses: the names decoded with each likely encoding. */
export interface EncodingAsk {
  readonly name: string;
  readonly candidates: readonly EncodingCandidate[];
  /** The encoding it was read with when it opened (a guess the admin questions), else null. */
  readonly current: string | null;
}

export interface AppState {
  step: Step;
  columnsAsk: ColumnsAsk | null;
  encodingAsk: EncodingAsk | null;
  loading: { name: string; stage: LoadStage | 'hashing'; rows?: number } | null;
  refusal: (FileRefusal & { name: string }) | null;
  open: OpenMigration | null;
  /** Bumped by every change to the open session's cells, plan or admin: what memoized reads are keyed on. */
  version: number;
  /** The plan the next file opens with while none is open; once one is, the plan lives in its session. */
  nextPlan: Plan;
  /** "Which user are you" for the next file, likewise (kept when a migration closes). */
  nextMe: string | null;
  history: History;
  filters: Filters;
  sort: readonly SortKey[];
  /** The rows the grid shows, in order. */
  view: RowView;
  selection: Selection;
  target: CellTarget | null;
  notice: Notice | null;
  theme: ThemeChoice;
  saved: readonly SavedProgressEntry[];
  lastSavedAt: string | null;
  /** Bumped to ask the search box for focus (Ctrl+F). */
  findRequest: number;
  /** The grid on screen (Assign): the store updates the rows that changed through it. */
  grid: GridApi<GridRow> | null;
  /** Every locked column is ranked for sorting (the load worker is done). */
  settled: boolean;
  /** A help page shown over the app (Help > The Migration Rules, F1). */
  help: 'rules' | null;
  announcement: Announcement | null;
  question: Question | null;
  /** Saved migrations beyond those listed (only the newest are loaded): offered for removal, with consent. */
  olderSaved: readonly { readonly id: string; readonly savedAt: string }[];
  lastUpload: SavedUpload | null;
}

const samplePlan = parsePlanText(samplePlanText);
if (!samplePlan.ok) throw new Error(`the bundled sample plan is invalid: ${samplePlan.error.join('; ')}`);
export const SAMPLE_PLAN: Plan = samplePlan.value;

/** What a real file starts with: the admin fills it from the contract (or imports it); the sample keeps its own. */
export const EMPTY_PLAN: Plan = { licenses: [], addOns: [] };

export const initialState: AppState = {
  step: 'open',
  columnsAsk: null,
  encodingAsk: null,
  loading: null,
  refusal: null,
  open: null,
  version: 0,
  nextPlan: EMPTY_PLAN,
  nextMe: null,
  history: EMPTY_HISTORY,
  filters: NO_FILTERS,
  sort: [],
  view: ALL_ROWS,
  selection: NO_SELECTION,
  target: null,
  notice: null,
  theme: 'system',
  saved: [],
  lastSavedAt: null,
  findRequest: 0,
  grid: null,
  settled: false,
  help: null,
  announcement: null,
  question: null,
  olderSaved: [],
  lastUpload: null,
};

export const appStore = createStore<AppState>()(() => initialState);
