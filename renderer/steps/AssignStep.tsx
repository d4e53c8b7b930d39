// Step 3, Assign (issue 4, item 3): the grid, its filters and bulk actions, and the findings panel.
import { useEffect, useMemo, useRef, useState } from 'react';
import { FindingsList } from '../components/FindingsList';
import { activeGridApi, MigrationGrid, selectedRowIndexes } from '../grid/MigrationGrid';
import { goTo, redo, setFilters, undo } from '../store/actions';
import { useAppStore } from '../store/appStore';
import { countBy, filtersActive, NO_FILTERS } from '../store/selectors';
import { currentSession } from '../store/sessionHolder';
import { EditSelectionDialog, MapByCurrentDialog } from './BulkDialogs';

export function AssignStep({ dark }: { dark: boolean }) {
  const filters = useAppStore((s) => s.filters);
  const plan = useAppStore((s) => s.plan);
  const shown = useAppStore((s) => s.shownRows);
  const total = useAppStore((s) => s.rowCount);
  const selected = useAppStore((s) => s.selectedRows);
  const history = useAppStore((s) => s.history);
  const findRequest = useAppStore((s) => s.findRequest);
  const counts = useAppStore((s) => s.counts);
  const openSeq = useAppStore((s) => s.openSeq);
  const [dialog, setDialog] = useState<null | { kind: 'selection'; rows: number[] } | { kind: 'map' }>(null);
  const [panel, setPanel] = useState(true);
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>('all');
  const searchRef = useRef<HTMLInputElement>(null);
  const session = currentSession();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per file
  const currents = useMemo(() => (session ? countBy(session, session.source.columns.currentLicense) : []), [session, openSeq]);

  useEffect(() => {
    if (findRequest > 0) searchRef.current?.focus();
  }, [findRequest]);

  if (!session) return null;
  return (
    <div className="assign">
      <div className="toolbar" role="toolbar" aria-label="Filters and bulk actions">
        <input ref={searchRef} type="search" className="search" placeholder="Search users…  (Ctrl+F)" aria-label="Search users" value={filters.search} onChange={(e) => setFilters({ search: e.target.value })} data-testid="search" />
        <select aria-label="Filter by current license" value={filters.current ?? '\u0000'} onChange={(e) => setFilters({ current: e.target.value === '\u0000' ? null : e.target.value })} data-testid="filter-current">
          <option value={'\u0000'}>Any current license</option>
          {currents.map((c) => (
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
        <label className="inline toggle">
          <input type="checkbox" checked={filters.problemsOnly} onChange={(e) => setFilters({ problemsOnly: e.target.checked })} data-testid="filter-problems" /> Only rows with problems
        </label>
        {filtersActive(filters) && (
          <button type="button" className="button ghost small" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
        <span className="muted small shown-count" data-testid="shown-count">
          {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} shown
        </span>
      </div>
      <div className="toolbar secondary">
        <button type="button" className="button small" onClick={() => activeGridApi()?.selectAll('filtered')} data-testid="select-shown">
          Select all shown
        </button>
        <button type="button" className="button small" disabled={selected === 0} onClick={() => activeGridApi()?.deselectAll()}>
          Clear selection
        </button>
        <button type="button" className="button small primary" disabled={selected === 0} onClick={() => setDialog({ kind: 'selection', rows: selectedRowIndexes() })} data-testid="edit-selection">
          Edit license{selected > 0 ? ` of ${selected.toLocaleString('en-US')} selected` : ''}…
        </button>
        <button type="button" className="button small" onClick={() => setDialog({ kind: 'map' })} data-testid="map-by-current">
          Map by current license…
        </button>
        <span className="spacer" />
        <button type="button" className="button small ghost" disabled={history.undo.length === 0} onClick={undo} title="Undo (Ctrl+Z)" data-testid="undo">
          ↶ Undo
        </button>
        <button type="button" className="button small ghost" disabled={history.redo.length === 0} onClick={redo} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
          ↷ Redo
        </button>
        <button type="button" className="button small ghost" onClick={() => setPanel(!panel)} aria-expanded={panel} data-testid="toggle-findings">
          {panel ? 'Hide problems' : `Show problems (${counts.errors + counts.warnings})`}
        </button>
      </div>
      <div className={`assign-body${panel ? ' with-panel' : ''}`}>
        <MigrationGrid dark={dark} />
        {panel && (
          <aside className="findings-panel" aria-label="Problems" data-testid="findings-panel">
            <div className="panel-head">
              <h2>Problems</h2>
              <select aria-label="Show" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
                <option value="all">All ({(counts.errors + counts.warnings).toLocaleString('en-US')})</option>
                <option value="error">Errors ({counts.errors.toLocaleString('en-US')})</option>
                <option value="warning">Warnings ({counts.warnings.toLocaleString('en-US')})</option>
              </select>
            </div>
            <FindingsList severity={severity} compact testId="panel-findings" />
          </aside>
        )}
      </div>
      <div className="step-footer">
        <span className="muted small">Double-click or press Enter on a New License / New Add-ons cell to choose. Hover a marked cell to see why.</span>
        <button type="button" className="button primary" onClick={() => goTo('review')}>
          Next: review →
        </button>
      </div>
      {dialog?.kind === 'selection' && <EditSelectionDialog rows={dialog.rows} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'map' && <MapByCurrentDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
