// Step 3, Assign: the grid, its filters (severity and rule with live counts) and bulk actions, the
// whole-file problems, and the findings panel.
import { useEffect, useRef, useState } from 'react';
import type { FindingCode } from '../../shared/index';
import { FindingsList } from '../components/FindingsList';
import { ColumnChooser } from '../grid/ColumnChooser';
import { MigrationGrid } from '../grid/MigrationGrid';
import { clearSelection, goTo, redo, selectAllShown, setFilters, undo } from '../store/actions';
import { nextStep } from '../store/history';
import { countsOf, planOf, rowCountOf, triageFor } from '../store/reads';
import { filtersActive, NO_FILTERS, rowAt, type SeverityFilter } from '../store/rowView';
import { selectedRows } from '../store/selection';
import { appStore } from '../store/appStore';
import { sameFields, useApp } from '../store/useApp';
import { num } from '../text/counts';
import { EditSelectionDialog } from './BulkDialogs';
import { FileProblems } from './FileProblems';
import { FindReplaceDialog } from './FindReplaceDialog';

const n = (value: number): string => value.toLocaleString('en-US');

/** Filter by severity and by rule code, with live counts (rows per code; findings for a file-level code). */
function TriageFilters() {
  const filters = useApp((s) => s.filters);
  const triage = useApp(triageFor);
  const severityLabel: Record<SeverityFilter, string> = { problems: `Rows with problems (${n(triage.problems)})`, errors: `Rows with errors (${n(triage.errors)})`, warnings: `Rows with warnings only (${n(triage.warnings)})` };
  // A chosen code stays listed (with 0) until the admin changes it, so the filter never jumps.
  const codes = filters.code !== null && !triage.codes.some((c) => c.code === filters.code) ? [...triage.codes, { code: filters.code, count: 0, fileLevel: false }] : triage.codes;
  return (
    <>
      <select aria-label="Filter by severity" value={filters.severity ?? ''} onChange={(e) => setFilters({ severity: e.target.value === '' ? null : (e.target.value as SeverityFilter) })} data-testid="filter-severity">
        <option value="">All rows</option>
        {(Object.keys(severityLabel) as SeverityFilter[]).map((k) => (
          <option key={k} value={k}>
            {severityLabel[k]}
          </option>
        ))}
      </select>
      <select aria-label="Filter by rule" value={filters.code ?? ''} onChange={(e) => setFilters({ code: e.target.value === '' ? null : (e.target.value as FindingCode) })} data-testid="filter-code">
        <option value="">Any rule</option>
        {codes.map(({ code, count, fileLevel }) => (
          <option key={code} value={code} disabled={fileLevel && code !== 'SEATS_EXCEEDED'}>
            {code} — {fileLevel ? (code === 'SEATS_EXCEEDED' ? `${n(count)} over: their holders` : `${n(count)} about the whole file`) : `${n(count)} ${count === 1 ? 'row' : 'rows'}`}
          </option>
        ))}
      </select>
      {filters.holders !== null && (
        <button type="button" className="chip" onClick={() => setFilters({ holders: null })} data-testid="filter-holders" aria-label={`Stop showing only the holders of ${filters.holders.name}`}>
          Holders of {filters.holders.name} ✕
        </button>
      )}
    </>
  );
}

function UndoRedo() {
  const undoLabel = useApp((s) => nextStep(s.history, 'undo'));
  const redoLabel = useApp((s) => nextStep(s.history, 'redo'));
  return (
    <>
      <button type="button" className="button small ghost" disabled={undoLabel === null} onClick={undo} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'} aria-label={undoLabel ? `Undo: ${undoLabel}` : 'Undo'} data-testid="undo">
        ↶ Undo
      </button>
      <button type="button" className="button small ghost" disabled={redoLabel === null} onClick={redo} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'} aria-label={redoLabel ? `Redo: ${redoLabel}` : 'Redo'} data-testid="redo">
        ↷ Redo
      </button>
    </>
  );
}

function Filters() {
  const filters = useApp((s) => s.filters);
  const currents = useApp((s) => s.open?.indexes.currentLicenses ?? null);
  const plan = useApp(planOf);
  const shown = useApp((s) => s.view.shown);
  const total = useApp(rowCountOf);
  const findRequest = useApp((s) => s.findRequest);
  const searchRef = useRef<HTMLInputElement>(null);
  // The box shows what is typed at once; the rows follow when the typing pauses for a frame.
  const [typed, setTyped] = useState(filters.search);
  const [shownSearch, setShownSearch] = useState(filters.search);
  if (filters.search !== shownSearch) {
    setShownSearch(filters.search);
    setTyped(filters.search);
  }

  useEffect(() => {
    if (findRequest > 0) searchRef.current?.focus();
  }, [findRequest]);

  useEffect(() => {
    if (typed === appStore.getState().filters.search) return;
    const frame = requestAnimationFrame(() => setFilters({ search: typed }));
    return () => cancelAnimationFrame(frame);
  }, [typed]);

  return (
    <div className="toolbar" role="toolbar" aria-label="Filters and bulk actions">
      <input ref={searchRef} type="search" className="search" placeholder="Search users…  (Ctrl+F)" aria-label="Search users" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="search" />
      <select aria-label="Filter by current license" value={filters.current ?? '\u0000'} onChange={(e) => setFilters({ current: e.target.value === '\u0000' ? null : e.target.value })} data-testid="filter-current">
        <option value={'\u0000'}>Any current license</option>
        {(currents ?? []).map((c) => (
          <option key={c.value} value={c.value}>
            {c.value === '' ? '(none)' : c.value}
          </option>
        ))}
      </select>
      <select aria-label="Filter by new license" value={filters.next ?? '\u0000'} onChange={(e) => setFilters({ next: e.target.value === '\u0000' ? null : e.target.value })} data-testid="filter-new">
        <option value={'\u0000'}>Any new license</option>
        <option value="">No new license</option>
        {plan.licenses.map((l) => (
          <option key={l.name} value={l.name}>
            {l.name}
          </option>
        ))}
      </select>
      <TriageFilters />
      {filtersActive(filters) && (
        <button type="button" className="button ghost small" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      )}
      <span className="muted small shown-count" data-testid="shown-count">
        {num(shown)} of {num(total)} shown
      </span>
    </div>
  );
}

/** What "Edit license" (Ctrl+Enter) applies to: the selected rows, else the row the grid's focus is on; null when neither. */
function bulkEditTarget(): { kind: 'selection'; rows: number[] } | null {
  const { selection, grid, view } = appStore.getState();
  if (selection.count > 0) return { kind: 'selection', rows: selectedRows(selection) };
  const focused = grid !== null && !grid.isDestroyed() ? grid.getFocusedCell() : null;
  if (focused === null || focused.rowIndex < 0 || focused.rowIndex >= view.shown) return null;
  return { kind: 'selection', rows: [rowAt(view, focused.rowIndex)] };
}

export function AssignStep({ dark }: { dark: boolean }) {
  const open = useApp((s) => s.open !== null);
  const selected = useApp((s) => s.selection.count);
  const counts = useApp(countsOf, sameFields);
  const [dialog, setDialog] = useState<null | { kind: 'selection'; rows: number[] } | { kind: 'replace' }>(null);
  const [panel, setPanel] = useState(true);
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>('all');
  const code = useApp((s) => s.filters.code);
  const openEditSelection = (): void => setDialog(bulkEditTarget());

  // Ctrl+Enter (as a spreadsheet fills the selection): "Edit license" of the selected rows, or of the row the
  // keyboard is on. Caught before the grid, which would start editing the cell. (Ctrl+E is the desktop
  // app's Export Error Report.)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key !== 'Enter') return;
      if ((appStore.getState().grid?.getEditingCells().length ?? 0) > 0 || document.querySelector('dialog[open]')) return;
      const target = bulkEditTarget();
      if (target === null) return;
      event.preventDefault();
      event.stopPropagation();
      setDialog(target);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (!open) return null;
  return (
    <div className="assign">
      <h1 className="sr-only" tabIndex={-1}>Assign new licenses</h1>
      <Filters />
      <div className="toolbar secondary">
        <button type="button" className="button small" onClick={selectAllShown} data-testid="select-shown">
          Select all shown
        </button>
        <button type="button" className="button small" disabled={selected === 0} onClick={clearSelection}>
          Clear selection
        </button>
        <button type="button" className="button small primary" disabled={selected === 0} onClick={openEditSelection} aria-keyshortcuts="Control+Enter" title="Edit license of the selected rows (Ctrl+Enter)" data-testid="edit-selection">
          Edit license{selected > 0 ? ` of ${num(selected)} selected` : ''}…
        </button>
        <button type="button" className="button small" onClick={() => goTo('map')} data-testid="map-by-current">
          Mapping table…
        </button>
        <button type="button" className="button small" onClick={() => setDialog({ kind: 'replace' })} data-testid="find-replace">
          Find &amp; replace…
        </button>
        <ColumnChooser />
        <span className="spacer" />
        <UndoRedo />
        <button type="button" className="button small ghost" onClick={() => setPanel(!panel)} aria-expanded={panel} data-testid="toggle-findings">
          {panel ? 'Hide problems' : `Show problems (${num(counts.errors + counts.warnings)})`}
        </button>
      </div>
      <FileProblems />
      <div className={`assign-body${panel ? ' with-panel' : ''}`}>
        <MigrationGrid dark={dark} />
        {panel && (
          <aside className="findings-panel" aria-label="Problems" data-testid="findings-panel">
            <div className="panel-head">
              <h2>Problems</h2>
              <select aria-label="Show" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
                <option value="all">All ({num(counts.errors + counts.warnings)})</option>
                <option value="error">Errors ({num(counts.errors)})</option>
                <option value="warning">Warnings ({num(counts.warnings)})</option>
              </select>
            </div>
            {code !== null && <p className="muted small">Only {code}, as the grid's rule filter says.</p>}
            <FindingsList severity={severity} code={code} compact testId="panel-findings" />
          </aside>
        )}
      </div>
      <div className="step-footer">
        <span className="muted small footer-hint">Enter or double-click a New License / New Add-ons cell to choose · a marked cell says why on focus or hover · Shift+↑↓ selects rows · Ctrl+Enter edits the selection.</span>
        <button type="button" className="button primary" onClick={() => goTo('review')}>
          Next: review →
        </button>
      </div>
      {dialog?.kind === 'selection' && <EditSelectionDialog rows={dialog.rows} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'replace' && <FindReplaceDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
