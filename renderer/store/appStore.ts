// The one store the UI reads the migration through (docs/architecture.md "The data path"): the open session (a core
// object, never cloned, the only home of the plan, "which user are you" and every cell) and what the
// screen shows around it. Components read it with useApp(selector); every change goes through actions.
import { createStore } from 'zustand/vanilla';
import type { GridApi } from 'ag-grid-community';
import { parsePlanText, type ColumnChoice, type ColumnRole, type EncodingCandidate, type FileRefusal, type MigrationSession, type Plan, type SourceInfo } from '../../shared/index';
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
}

const samplePlan = parsePlanText(samplePlanText);
if (!samplePlan.ok) throw new Error(`the bundled sample plan is invalid: ${samplePlan.error.join('; ')}`);
export const SAMPLE_PLAN: Plan = samplePlan.value;

export const initialState: AppState = {
  step: 'open',
  columnsAsk: null,
  encodingAsk: null,
  loading: null,
  refusal: null,
  open: null,
  version: 0,
  nextPlan: SAMPLE_PLAN,
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
};

export const appStore = createStore<AppState>()(() => initialState);
