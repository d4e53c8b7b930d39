// The bound zustand store: what the screen shows. The session itself lives in sessionHolder.
import { create } from 'zustand';
import { parsePlanText, type FileRefusal, type Plan, type SeatUsage } from '../../shared/index';
import samplePlanText from '../../resources/samples/sample-plan.json?raw';
import type { SavedProgressEntry } from '../platform/platform';
import type { LoadStage } from '../worker/protocol';
import { EMPTY_HISTORY, type History } from './history';
import { NO_FILTERS, type Filters } from './selectors';

export type Step = 'open' | 'overview' | 'assign' | 'review' | 'save';
export const STEPS: readonly { id: Step; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'overview', label: 'Overview' },
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

export interface AppState {
  step: Step;
  loading: { name: string; stage: LoadStage | 'hashing'; rows?: number } | null;
  refusal: (FileRefusal & { name: string }) | null;
  fileName: string | null;
  originalName: string | null;
  rowCount: number;
  revision: number;
  seats: readonly SeatUsage[];
  counts: { errors: number; warnings: number };
  plan: Plan;
  me: string | null;
  history: History;
  selectedRows: number;
  filters: Filters;
  shownRows: number;
  target: CellTarget | null;
  notice: Notice | null;
  theme: ThemeChoice;
  saved: readonly SavedProgressEntry[];
  lastSavedAt: string | null;
  /** Bumped to ask the search box for focus (Ctrl+F). */
  findRequest: number;
  /** Bumped each time a file is opened: a new session. */
  openSeq: number;
}

const samplePlan = parsePlanText(samplePlanText);
if (!samplePlan.ok) throw new Error(`the bundled sample plan is invalid: ${samplePlan.error.join('; ')}`);
export const SAMPLE_PLAN: Plan = samplePlan.value;

export const initialState: AppState = {
  step: 'open',
  loading: null,
  refusal: null,
  fileName: null,
  originalName: null,
  rowCount: 0,
  revision: 0,
  seats: [],
  counts: { errors: 0, warnings: 0 },
  plan: SAMPLE_PLAN,
  me: null,
  history: EMPTY_HISTORY,
  selectedRows: 0,
  filters: NO_FILTERS,
  shownRows: 0,
  target: null,
  notice: null,
  theme: 'system',
  saved: [],
  lastSavedAt: null,
  findRequest: 0,
  openSeq: 0,
};

export const useAppStore = create<AppState>()(() => initialState);
